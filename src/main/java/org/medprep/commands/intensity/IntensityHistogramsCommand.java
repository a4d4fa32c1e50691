package org.medprep.commands.intensity;

import ij.ImagePlus;
import ij.process.ColorProcessor;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.medprep.commands.OpenImagesCommand;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.Labels;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.normalize.IntensityHistograms;
import org.medprep.core.segment.MaskRule;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/** {@code run("Intensity Histograms", "images=[a,b,c] images_after=[a-fcm,b-fcm,c-fcm] bins=200")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>Intensity Histograms",
	description = "Foreground histograms of several images overlaid (one colour each, as densities), and optionally a second panel with the same"
		+ " images after normalization: the cohort figure of the MR synthesis example.")
public class IntensityHistogramsCommand extends OpenImagesCommand {

	@Parameter(label = "Images", required = false, description = "Comma-separated titles of open images; leave empty to use the folder.")
	private String images = "";

	@Parameter(label = "Folder", required = false, style = FileWidget.DIRECTORY_STYLE, description = "A folder of images (every readable image in it).")
	private File folder;

	@Parameter(label = "After images", required = false, description = "Optional: comma-separated titles of the normalized images, drawn in a second panel.")
	private String images_after = "";

	@Parameter(label = "After folder", required = false, style = FileWidget.DIRECTORY_STYLE, description = "Optional: a folder of normalized images for the second panel.")
	private File folder_after;

	@ChoicesOf(MaskRule.class)
	@Parameter(label = "Foreground", choices = { "all voxels", "non-zero voxels", "voxels > 0", "Otsu threshold" }, description = "Voxels counted in each histogram.")
	private String mask = MaskRule.POSITIVE.label();

	@Parameter(label = "Bins", min = "2", description = "Histogram bins over each panel's value range.")
	private int bins = 200;

	@Parameter(label = "Panel width", min = "160", description = "Width of the plot in pixels.")
	private int width = 800;

	@Parameter(label = "Panel height", min = "120", description = "Height of each panel in pixels.")
	private int height = 400;

	@Parameter(type = ItemIO.OUTPUT, label = "Histograms")
	private ImagePlus plot;

	@Override
	protected void execute() {
		final MaskRule rule = Labels.parse(MaskRule.class, mask, "mask");
		final List<ImagePlus> before = ImageLists.resolve(images, folder, titles, "images");
		final boolean hasAfter = (images_after != null && !images_after.isBlank()) || (folder_after != null && !folder_after.getPath().isEmpty());
		final List<ImagePlus> after = hasAfter ? ImageLists.resolve(images_after, folder_after, titles, "after images") : null;
		final List<ColorProcessor> panels = Threads.call(getContext(), () -> {
			final List<ColorProcessor> p = new ArrayList<>();
			p.add(panel(before, rule, hasAfter ? "before" : ""));
			if (hasAfter) p.add(panel(after, rule, "after"));
			return p;
		});
		plot = HistogramFigure.image(panels);
	}

	private ColorProcessor panel(final List<ImagePlus> imps, final MaskRule rule, final String caption) {
		final List<RandomAccessibleInterval<? extends RealType<?>>> data = new ArrayList<>();
		final List<VoxelSelection> fg = new ArrayList<>();
		final List<String> names = new ArrayList<>();
		for (final ImagePlus imp : imps) {
			names.add(imp.getTitle());
			final Volume<? extends RealType<?>> v = ImagePlusVolumes.toVolume(imp);
			data.add(v.data());
			fg.add(rule.select(v.data()));
		}
		return HistogramFigure.panel(IntensityHistograms.of(data, fg, bins, Double.NaN, Double.NaN), names, caption, width, height);
	}
}

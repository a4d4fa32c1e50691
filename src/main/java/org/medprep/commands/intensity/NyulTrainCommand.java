package org.medprep.commands.intensity;

import ij.ImagePlus;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.medprep.commands.OpenImagesCommand;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.Labels;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.normalize.NyulNormalization;
import org.medprep.core.normalize.NyulStandardScale;
import org.medprep.io.models.NyulScaleFile;
import org.medprep.core.segment.MaskRule;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/** {@code run("Nyul Train", "images=[t1-a,t1-b,t1-c] standard_scale=/path/nyul.json")} or {@code folder=/path/t1s}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>Nyul Train",
	description = "Learns a Nyul & Udupa standard histogram scale from a set of images (landmarks at foreground percentiles, each image's end landmarks"
		+ " mapped to the output range, averaged) and writes it to a JSON file for Nyul Apply.")
public class NyulTrainCommand extends OpenImagesCommand {

	@Parameter(label = "Images", required = false, description = "Comma-separated titles of open training images; leave empty to use the folder.")
	private String images = "";

	@Parameter(label = "Folder", required = false, style = FileWidget.DIRECTORY_STYLE, description = "A folder of training images (every readable image in it).")
	private File folder;

	@ChoicesOf(MaskRule.class)
	@Parameter(label = "Foreground", choices = { "all voxels", "non-zero voxels", "voxels > 0", "Otsu threshold" }, description = "Voxels whose percentiles are the landmarks.")
	private String mask = MaskRule.POSITIVE.label();

	@Parameter(label = "Standard scale file", validater = "checkStandardScale", style = FileWidget.SAVE_STYLE, description = "Where to write the standard scale (JSON).")
	private File standard_scale;

	/** Refuses a run with nowhere to write, before any work. */
	private void checkStandardScale() {
		InputChecks.refuse(this, InputChecks.given("standard scale file", standard_scale));
	}

	@Parameter(label = "Lowest percentile", description = "First landmark (mapped to the output minimum).")
	private double min_percentile = 1;

	@Parameter(label = "Highest percentile", description = "Last landmark (mapped to the output maximum).")
	private double max_percentile = 99;

	@Parameter(label = "Percentile after lowest", description = "Start of the intermediate landmarks.")
	private double percentile_after_min = 10;

	@Parameter(label = "Percentile before highest", description = "End of the intermediate landmarks.")
	private double percentile_before_max = 90;

	@Parameter(label = "Percentile step", description = "Step between intermediate landmarks.")
	private double percentile_step = 10;

	@Parameter(label = "Output minimum", description = "Where the lowest landmark is mapped.")
	private double output_min = NyulNormalization.DEFAULT_OUTPUT_MIN;

	@Parameter(label = "Output maximum", description = "Where the highest landmark is mapped.")
	private double output_max = NyulNormalization.DEFAULT_OUTPUT_MAX;

	@Parameter(type = ItemIO.OUTPUT, label = "Standard scale")
	private String scale;

	@Override
	protected void execute() {
		if (standard_scale == null) throw new IllegalArgumentException("no standard scale file given");
		final double[] percentiles = NyulStandardScale.percentiles(min_percentile, max_percentile, percentile_after_min, percentile_before_max, percentile_step);
		final MaskRule rule = Labels.parse(MaskRule.class, mask, "mask");
		final List<ImagePlus> imps = ImageLists.resolve(images, folder, titles, "training images");
		final NyulStandardScale learned = Threads.call(getContext(), () -> {
			final List<RandomAccessibleInterval<? extends RealType<?>>> data = new ArrayList<>();
			final List<VoxelSelection> fg = new ArrayList<>();
			for (final ImagePlus imp : imps) {
				final Volume<? extends RealType<?>> v = ImagePlusVolumes.toVolume(imp);
				data.add(v.data());
				fg.add(rule.select(v.data()));
			}
			return NyulNormalization.train(data, fg, percentiles, output_min, output_max);
		});
		ModelFiles.write(learned, standard_scale, NyulScaleFile::write);
		scale = learned.toString();
	}
}

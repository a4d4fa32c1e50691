package org.medprep.commands.patch;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.medprep.commands.OpenImagesCommand;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.Seeds;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.Labels;
import org.medprep.core.Volume;
import org.medprep.core.labels.LabelMap;
import org.medprep.core.patch.LabelBalancedSampler;
import org.medprep.core.patch.PaddingMode;
import org.medprep.core.patch.PatchTable;
import org.medprep.core.spatial.Grid;
import org.medprep.io.ImageFormat;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import net.imglib2.type.numeric.RealType;

/**
 * {@code run("Label-Balanced Patches", "label=seg mode=[pos/neg] pos=1 neg=1 count=8 patch_x=96 patch_y=96 patch_z=64 seed=42 folder=/data/train")}.
 * The seed used (the one drawn for an empty {@code seed}) is recorded in the
 * step's line in the table's history and in every patch file's.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Patches>Label-Balanced Patches",
	description = "Draw N training patches of the image and its label map, centred on foreground or background voxels (MONAI's RandCropByPosNegLabel) "
		+ "or on voxels of each class by ratio (RandCropByLabelClasses); writes image and label patch files and <image>_patches.csv into a folder.")
public class LabelBalancedPatchesCommand extends OpenImagesCommand {

	public static final String POS_NEG = "pos/neg", CLASSES = "classes";

	@Parameter(label = "Image", persist = false, validater = "checkImage", description = "The image to cut (the active image in ImageJ).")
	private ImagePlus image;

	/** Refuses an empty image (what Fiji passes when none is open) before any work. */
	private void checkImage() {
		InputChecks.refuse(this, InputChecks.image(image));
	}

	@Parameter(label = "Label image", persist = false, description = "Title of the label map on the image's grid.")
	private String label = "";

	@ChoicesOf(BalanceMode.class)
	@Parameter(label = "Mode", choices = { POS_NEG, CLASSES }, description = "pos/neg: foreground (label > 0) or background centres; classes: a ratio per label.")
	private String mode = POS_NEG;

	@Parameter(label = "Positive weight", min = "0", description = "pos/neg: weight of patches centred on a foreground voxel.")
	private double pos = 1;

	@Parameter(label = "Negative weight", min = "0", description = "pos/neg: weight of patches centred on a background voxel.")
	private double neg = 1;

	@Parameter(label = "Class ratios", required = false, description = "classes: label:ratio pairs, e.g. 0:1,1:1,2:2 (0 is background; absent labels are skipped).")
	private String ratios = "";

	@Parameter(label = "Patches", min = "1", description = "Number of patches drawn for this image.")
	private int count = 4;

	@Parameter(label = "Patch x", min = "1", description = "Patch size along x in voxels.")
	private long patch_x = 96;

	@Parameter(label = "Patch y", min = "1", description = "Patch size along y in voxels.")
	private long patch_y = 96;

	@Parameter(label = "Patch z", min = "1", description = "Patch size along z in voxels.")
	private long patch_z = 64;

	@Parameter(label = "Seed", required = false, persist = false,
		description = "Same seed, same patches whatever the thread count; empty: a seed is drawn and recorded.")
	private String seed = "";

	@Parameter(label = "Folder", validater = "checkFolder", style = FileWidget.DIRECTORY_STYLE, description = "Folder for the patch files and the table (created if needed).")
	private File folder;

	/** Refuses a run with nowhere to write, before any work. */
	private void checkFolder() {
		InputChecks.refuse(this, InputChecks.given("patch folder", folder));
	}

	@ChoicesOf(value = ImageFormat.class, only = { "NII_GZ", "NII", "MHA" })
	@Parameter(label = "Format", choices = { "nii.gz", "nii", "mha" }, description = "File format of the patches.")
	private String format = "nii.gz";

	@Parameter(type = ItemIO.OUTPUT, label = "Patches")
	private ResultsTable patches;

	@Override
	protected void execute() {
		final long[] size = { patch_x, patch_y, patch_z };
		final LabelBalancedSampler sampler = Labels.parse(BalanceMode.class, mode, "mode") == BalanceMode.CLASSES
			? LabelBalancedSampler.classes(size, LabelBalancedSampler.parseRatios(ratios)) : LabelBalancedSampler.posNeg(size, pos, neg);
		if (label == null || label.trim().isEmpty()) throw new IllegalArgumentException("name the label map (label=<title>)");
		final Volume<? extends RealType<?>> in = ImagePlusVolumes.toVolume(image);
		final Volume<? extends RealType<?>> labels = ImagePlusVolumes.toVolume(imageTitled(label));
		if (!Grid.of(labels).sameSpace(Grid.of(in)))
			throw new IllegalArgumentException("label map '" + label + "' is not in the image's space: " + Grid.of(labels) + " vs " + Grid.of(in));
		final LabelMap map;
		try {
			map = LabelMap.read(labels);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("'" + label + "' is not a label map: " + e.getMessage(), e);
		}
		final long used = Seeds.resolve(seed);
		// the step's line records the seed used, not the empty option
		final PatchFolder out = new PatchFolder(folder, GridSamplerCommand.baseTitle(image.getTitle()), format, Grid.of(in), HistoryStore.of(image),
			PatchFolder.step(this).seed(used).toStep());
		patches = out.writeSet(null, () -> Threads.call(getContext(), () -> {
			final List<PatchTable.Row> rows = new ArrayList<>();
			for (final LabelBalancedSampler.Draw d : sampler.draw(map, count, new SplittableRandom(used))) {
				progress.progress(rows.size(), count, "patch " + (rows.size() + 1) + " of " + count);
				final String name = out.name(d.patch(), false), labelName = out.name(d.patch(), true);
				out.write(cut(d, in), d.patch(), name);
				out.write(cut(d, labels), d.patch(), labelName);
				rows.add(new PatchTable.Row(d.patch(), name, labelName, d.center(), d.kind()));
			}
			return rows;
		}, progress));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Volume<?> cut(final LabelBalancedSampler.Draw d, final Volume<? extends RealType<?>> v) {
		return d.patch().of((Volume) v, PaddingMode.NONE, 0);
	}
}

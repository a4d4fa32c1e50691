package org.medprep.commands.patch;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.medprep.commands.OpenImagesCommand;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.Volume;
import org.medprep.core.patch.PaddingMode;
import org.medprep.core.patch.Patch;
import org.medprep.core.patch.PatchGrid;
import org.medprep.core.patch.PatchTable;
import org.medprep.core.spatial.Grid;
import org.medprep.io.ImageFileNames;
import org.medprep.io.ImageFormat;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import net.imglib2.type.numeric.RealType;

/**
 * {@code run("Grid Sampler", "patch_x=96 patch_y=96 patch_z=64 overlap_x=16 overlap_y=16 overlap_z=16 padding=edge folder=/data/patches")}.
 * The table holds the image's history and this step ({@link PatchTable}); each
 * patch file holds them too, the step with the patch's window as its plan, so
 * a patch's history leads to the patch's own grid.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Patches>Grid Sampler",
	description = "Cut the image into patches that tile it (TorchIO's GridSampler) and write one file per patch plus <image>_patches.csv "
		+ "(grid, overlap, padding, positions) into a folder, for inference; Grid Aggregator puts the predictions back.")
public class GridSamplerCommand extends OpenImagesCommand {

	@Parameter(label = "Image", persist = false, validater = "checkImage", description = "The image to cut (the active image in ImageJ).")
	private ImagePlus image;

	/** Refuses an empty image (what Fiji passes when none is open) before any work. */
	private void checkImage() {
		InputChecks.refuse(this, InputChecks.image(image));
	}

	@Parameter(label = "Patch x", min = "1", description = "Patch size along x in voxels.")
	private long patch_x = 96;

	@Parameter(label = "Patch y", min = "1", description = "Patch size along y in voxels.")
	private long patch_y = 96;

	@Parameter(label = "Patch z", min = "1", description = "Patch size along z in voxels.")
	private long patch_z = 64;

	@Parameter(label = "Overlap x", min = "0", description = "Voxels shared by neighbouring patches along x (even, smaller than the patch).")
	private long overlap_x = 0;

	@Parameter(label = "Overlap y", min = "0", description = "Voxels shared by neighbouring patches along y (even, smaller than the patch).")
	private long overlap_y = 0;

	@Parameter(label = "Overlap z", min = "0", description = "Voxels shared by neighbouring patches along z (even, smaller than the patch).")
	private long overlap_z = 0;

	@ChoicesOf(PaddingMode.class)
	@Parameter(label = "Padding", choices = { "none", "constant", "edge", "reflect", "symmetric" },
		description = "none: patches stay inside; else the image is padded by half the overlap on each side with numpy's np.pad mode.")
	private String padding = PaddingMode.NONE.label();

	@Parameter(label = "Fill value", description = "With constant padding: the value outside the image.")
	private double fill = 0;

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
		final PatchGrid grid = new PatchGrid(new long[] { patch_x, patch_y, patch_z }, new long[] { overlap_x, overlap_y, overlap_z },
			PaddingMode.fromLabel(padding));
		final Volume<? extends RealType<?>> in = ImagePlusVolumes.toVolume(image);
		final List<Patch> cut = grid.patches(in.dimensions());
		final PatchFolder out = new PatchFolder(folder, baseTitle(image.getTitle()), format, Grid.of(in), HistoryStore.of(image),
			PatchFolder.step(this).toStep());
		patches = out.writeSet(grid, () -> Threads.call(getContext(), () -> {
			final List<PatchTable.Row> rows = new ArrayList<>();
			for (final Patch p : cut) {
				progress.progress(rows.size(), cut.size(), "patch " + (rows.size() + 1) + " of " + cut.size());
				final String name = out.name(p, false);
				out.write(of(p, in, grid.padding()), p, name);
				rows.add(new PatchTable.Row(p, name, "", null, null));
			}
			return rows;
		}, progress));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Volume<?> of(final Patch p, final Volume<? extends RealType<?>> in, final PaddingMode mode) {
		return p.of((Volume) in, mode, fill);
	}

	/** A title without its image ending, as the CLI names cases. */
	static String baseTitle(final String t) {
		final String ext = ImageFileNames.extensionOf(t);
		return ext == null ? t : t.substring(0, t.length() - ext.length());
	}
}

package org.medprep.commands.patch;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.medprep.commands.io.FileCommand;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.CommandProgress;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.Volume;
import org.medprep.core.patch.PatchAggregator;
import org.medprep.core.patch.PatchTable;
import org.medprep.io.ImageFormats;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/**
 * {@code run("Grid Aggregator", "positions=/data/patches/ct_patches.csv folder=/data/predictions mode=average")}.
 * The result's history is the table's (the sampled case's steps and the Grid
 * Sampler's), then this step.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Patches>Grid Aggregator",
	description = "Put patches (a network's predictions, same file names as the Grid Sampler wrote) back onto the grid they were cut from "
		+ "(TorchIO's GridAggregator): average the overlaps or crop them. The result carries the sampled image's spatial history, "
		+ "so Invert Spatial History takes it back to the original scan.")
public class GridAggregatorCommand extends FileCommand {

	@Parameter(label = "Positions", validater = "checkPositions", description = "The <image>_patches.csv the Grid Sampler wrote.")
	private File positions;

	/** Refuses a missing input before any work. */
	private void checkPositions() {
		InputChecks.refuse(this, InputChecks.existing("positions table", positions));
	}

	@Parameter(label = "Patch folder", required = false, style = "directory",
		description = "Folder holding the patches to aggregate, named as in the table; empty: the table's folder.")
	private File folder;

	@ChoicesOf(PatchAggregator.Mode.class)
	@Parameter(label = "Mode", choices = { "average", "crop" }, description = "average: mean of the overlapping patches; crop: each patch gives up half the overlap.")
	private String mode = PatchAggregator.Mode.AVERAGE.label();

	@Parameter(type = ItemIO.OUTPUT, label = "Result")
	private ImagePlus result;

	@Override
	protected void execute() {
		if (!CommandOptions.isGiven(positions)) throw new IllegalArgumentException("name the patch table (positions=..._patches.csv)");
		final Path csv = positions.toPath();
		final PatchTable table;
		try {
			table = PatchTable.parse(new String(Files.readAllBytes(csv), StandardCharsets.UTF_8));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(csv + ": " + e.getMessage(), e);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException(csv + ": " + e.getMessage(), e);
		}
		if (table.sampler() == null) throw new IllegalArgumentException(csv + ": these patches were drawn at random, not cut by the Grid Sampler");
		final Path dir = !CommandOptions.isGiven(folder) ? csv.toAbsolutePath().getParent() : folder.toPath();
		final PatchAggregator agg = new PatchAggregator(table.grid(), table.sampler(), PatchAggregator.Mode.fromLabel(mode));
		final CommandProgress progress = progress();
		final Volume<? extends RealType<?>> out = Threads.call(getContext(), () -> {
			int done = 0;
			for (final PatchTable.Row r : table.rows()) {
				progress.progress(done++, table.rows().size(), r.file());
				final Path file = dir.resolve(r.file());
				final Volume<?> patch;
				try {
					patch = ImageFormats.read(file);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(file + ": " + e.getMessage(), e);
				}
				try {
					agg.add(r.patch(), real(patch).data());
				}
				catch (final IllegalArgumentException e) {
					throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
				}
			}
			if (agg.uncovered() > 0) throw new IllegalArgumentException(csv + ": the patches leave " + agg.uncovered() + " voxels of the grid uncovered");
			return agg.result();
		}, progress);
		final String name = csv.getFileName().toString();
		result = ImagePlusVolumes.toImagePlus(out, (name.endsWith("_patches.csv") ? name.substring(0, name.length() - 12) : name) + "-aggregated", null);
		// the step itself is appended by the history postprocessor, as for every command that does not record its own
		HistoryStore.put(result, table.history());
	}

	@SuppressWarnings("unchecked")
	private static Volume<? extends RealType<?>> real(final Volume<?> v) {
		return (Volume<? extends RealType<?>>) (Object) v;
	}
}

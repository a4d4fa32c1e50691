package org.medprep.commands.patch;

import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.engine.StepRecord;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.core.History;
import org.medprep.core.Volume;
import org.medprep.core.patch.Patch;
import org.medprep.core.patch.PatchGrid;
import org.medprep.core.patch.PatchTable;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.io.storage.AtomicFiles;
import org.medprep.io.ImageFormats;
import org.scijava.module.Module;

/**
 * Writes a case's patches into a folder: one file per patch, named
 * {@code <case>_p<index>_x<start>_y<start>_z<start>.<format>} (label patches
 * with {@code _label} before the extension), each with the geometry of its
 * place and the case's history up to the step that cut it (whose plan is the
 * patch's window of the grid), then {@code <case>_patches.csv}
 * ({@link PatchTable}). Every file is written atomically; if any write fails,
 * the files of this run are deleted, so a folder never holds a half-written set.
 */
final class PatchFolder {

	static final String[] FORMATS = { "nii.gz", "nii", "mha" };

	private final Path folder;
	private final String base;
	private final String format;
	private final Grid grid;
	private final History before;
	private final History.Step step;
	private final List<Path> written = new ArrayList<>();

	/**
	 * @param grid the grid the patches are cut from
	 * @param before the history of the image they are cut from
	 * @param step the step that cuts them
	 * @throws IllegalArgumentException for a missing folder parameter or an unknown format
	 */
	PatchFolder(final File folder, final String base, final String format, final Grid grid, final History before, final History.Step step) {
		if (folder == null || folder.getPath().isEmpty()) throw new IllegalArgumentException("name the folder for the patches (folder=...)");
		final String f = format.startsWith(".") ? format.substring(1) : format;
		if (!java.util.Arrays.asList(FORMATS).contains(f.toLowerCase(Locale.ROOT)))
			throw new IllegalArgumentException("patch format must be nii.gz, nii or mha, got '" + format + "'");
		this.folder = folder.toPath();
		this.base = base;
		this.format = f.toLowerCase(Locale.ROOT);
		this.grid = grid;
		this.before = before;
		this.step = step;
	}

	/** The history of the patches as a set, the table's: the image's, then the step that cut them. */
	History history() {
		return before.then(step);
	}

	/** The record of a patch command's run: its macro line as the Recorder writes it (record what differs, a drawn seed, in it). */
	static StepRecord step(final Module command) {
		return new StepRecord(CommandCatalog.label(command.getInfo()), CommandOptions.recorded(command));
	}

	/** The file name of a patch (its index and start in the name). */
	String name(final Patch p, final boolean label) {
		return String.format(Locale.ROOT, "%s_p%04d_x%d_y%d_z%d%s.%s", base, p.index(), p.start(0), p.start(1), p.start(2), label ? "_label" : "", format);
	}

	/** Writes one patch of the grid, with the history that leads to it. */
	void write(final Volume<?> patch, final Patch where, final String name) {
		final Path target = folder.resolve(name);
		final History history = before.then(step.withPlan(SpatialPlan.window(grid, where.start(), where.size())));
		try {
			Files.createDirectories(folder);
			ImageFormats.write(HistoryStore.with(patch, history), target);
			written.add(target);
		}
		catch (final IOException e) {
			throw failed(e);
		}
	}

	/** Writes the table last; returns its path. */
	Path finish(final PatchTable table) {
		final Path csv = folder.resolve(base + "_patches.csv");
		try {
			AtomicFiles.write(csv, out -> out.write(table.toText().getBytes(StandardCharsets.UTF_8)));
			return csv;
		}
		catch (final IOException e) {
			throw failed(e);
		}
	}

	/**
	 * Writes a whole set: {@code patches} writes each patch ({@link #write}) and
	 * returns their rows, then the table goes last; if anything fails, what was
	 * written is deleted.
	 *
	 * @param tiling the grid the patches tile, or null for patches drawn one by one
	 * @return the table's rows as an ImageJ table
	 */
	ResultsTable writeSet(final PatchGrid tiling, final Supplier<List<PatchTable.Row>> patches) {
		try {
			final PatchTable table = new PatchTable(grid, tiling, patches.get(), history());
			finish(table);
			return results(table);
		}
		catch (final RuntimeException e) {
			throw failed(e);
		}
	}

	/** Deletes what this run wrote and reports the failure. */
	RuntimeException failed(final Exception e) {
		for (final Path p : written) {
			try {
				Files.deleteIfExists(p);
			}
			catch (final IOException suppressed) {
				e.addSuppressed(suppressed);
			}
		}
		written.clear();
		return e instanceof IOException ? new UncheckedIOException(e.getMessage(), (IOException) e)
			: e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e.getMessage(), e);
	}

	/** The rows as an ImageJ table (what Fiji shows and the CLI writes as CSV). */
	static ResultsTable results(final PatchTable table) {
		final ResultsTable t = new ResultsTable();
		for (final PatchTable.Row r : table.rows()) {
			t.incrementCounter();
			t.addValue("index", r.patch().index());
			t.addValue("file", r.file());
			if (!r.labelFile().isEmpty()) t.addValue("label_file", r.labelFile());
			for (int d = 0; d < 3; d++) t.addValue("start_" + "xyz".charAt(d), r.patch().start(d));
			for (int d = 0; d < 3; d++) t.addValue("size_" + "xyz".charAt(d), r.patch().size(d));
		}
		return t;
	}
}

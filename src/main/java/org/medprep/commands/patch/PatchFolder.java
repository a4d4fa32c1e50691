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

import org.medprep.core.Volume;
import org.medprep.core.patch.Patch;
import org.medprep.core.patch.PatchTable;
import org.medprep.io.AtomicFiles;
import org.medprep.io.ImageFormats;

/**
 * Writes a case's patches into a folder: one file per patch, named
 * {@code <case>_p<index>_x<start>_y<start>_z<start>.<format>} (label patches
 * with {@code _label} before the extension), each with the geometry of its
 * place, then {@code <case>_patches.csv} ({@link PatchTable}). Every file is
 * written atomically; if any write fails, the files of this run are deleted,
 * so a folder never holds a half-written set.
 */
final class PatchFolder {

	static final String[] FORMATS = { "nii.gz", "nii", "mha" };

	private final Path folder;
	private final String base;
	private final String format;
	private final List<Path> written = new ArrayList<>();

	/** @throws IllegalArgumentException for a missing folder parameter or an unknown format */
	PatchFolder(final File folder, final String base, final String format) {
		if (folder == null || folder.getPath().isEmpty()) throw new IllegalArgumentException("name the folder for the patches (folder=...)");
		final String f = format.startsWith(".") ? format.substring(1) : format;
		if (!java.util.Arrays.asList(FORMATS).contains(f.toLowerCase(Locale.ROOT)))
			throw new IllegalArgumentException("patch format must be nii.gz, nii or mha, got '" + format + "'");
		this.folder = folder.toPath();
		this.base = base;
		this.format = f.toLowerCase(Locale.ROOT);
	}

	/** The file name of a patch (its index and start in the name). */
	String name(final Patch p, final boolean label) {
		return String.format(Locale.ROOT, "%s_p%04d_x%d_y%d_z%d%s.%s", base, p.index(), p.start(0), p.start(1), p.start(2), label ? "_label" : "", format);
	}

	void write(final Volume<?> patch, final String name) {
		final Path target = folder.resolve(name);
		try {
			Files.createDirectories(folder);
			ImageFormats.write(patch, target);
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

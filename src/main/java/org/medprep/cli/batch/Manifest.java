package org.medprep.cli.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * The record of a batch in its output folder: one JSON line per finished case
 * (see {@link ManifestRow}), appended with a single write and flushed to disk
 * after the case's outputs are in place, so a row marked done always has its
 * outputs. A shard writes its own file; resume reads them all, ignoring a
 * last line cut short by a kill.
 */
public final class Manifest {

	public static final String FILE_PREFIX = "manifest";
	public static final String FILE_SUFFIX = ".jsonl";

	static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

	private final Path outDir;
	private final Path file;
	private final Map<String, ManifestRow> latest;

	private Manifest(final Path outDir, final Path file, final Map<String, ManifestRow> latest) {
		this.outDir = outDir;
		this.file = file;
		this.latest = latest;
	}

	/**
	 * Reads every manifest in the output folder (all shards'), to resume from.
	 *
	 * @param fileName this run's own manifest, e.g. {@link Shard#manifestName()}
	 */
	public static Manifest open(final Path outDir, final String fileName) throws IOException {
		final Map<String, ManifestRow> latest = new HashMap<>();
		if (Files.isDirectory(outDir)) {
			final List<Path> files = new ArrayList<>();
			try (DirectoryStream<Path> s = Files.newDirectoryStream(outDir, FILE_PREFIX + "*" + FILE_SUFFIX)) {
				for (final Path p : s) files.add(p);
			}
			Collections.sort(files);
			for (final Path p : files)
				for (final ManifestRow row : read(p)) {
					final ManifestRow before = latest.get(row.case_name);
					if (before == null || compare(row, before) >= 0) latest.put(row.case_name, row);
				}
		}
		return new Manifest(outDir, outDir.resolve(fileName), latest);
	}

	/**
	 * A manifest to append to without reading any: for a worker that records the cases
	 * it was given in a file of its own (one per cluster task), which the run that gave
	 * them reads back. It knows no case as done.
	 */
	public static Manifest appendOnly(final Path outDir, final String fileName) {
		return new Manifest(outDir, outDir.resolve(fileName), new HashMap<>());
	}

	/** Later finish time wins; rows of one file are in order, so ties keep the later-read row. */
	private static int compare(final ManifestRow a, final ManifestRow b) {
		if (a.finished == null || b.finished == null) return 0;
		return a.finished.compareTo(b.finished);
	}

	/** The rows of one manifest file, in order; lines that are not whole rows (a write cut short) are left out. */
	public static List<ManifestRow> read(final Path file) throws IOException {
		final List<ManifestRow> rows = new ArrayList<>();
		for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.trim().isEmpty()) continue;
			try {
				final ManifestRow row = GSON.fromJson(line, ManifestRow.class);
				if (row != null && row.case_name != null && row.status != null) rows.add(row);
			}
			catch (final JsonParseException e) {
				// a line cut short by a kill: that case has no row and runs again
			}
		}
		return rows;
	}

	public Path file() { return file; }

	/**
	 * True if the case finished before with the same pipeline and the same inputs,
	 * and its outputs are still there: a resumed run skips it.
	 */
	public boolean isDone(final String caseName, final String pipeline, final InputStamp inputs) {
		final ManifestRow row = latest.get(caseName);
		if (row == null || !CaseResult.Status.DONE.label().equals(row.status)) return false;
		if (!pipeline.equals(row.pipeline) || !inputs.digest().equals(row.input_digest)) return false;
		for (final String out : row.outputs)
			if (!Files.isRegularFile(outDir.resolve(out))) return false;
		return true;
	}

	/** Appends one row as one write, and forces it to disk. */
	public void append(final ManifestRow row) throws IOException {
		appendAll(Collections.singletonList(row));
	}

	/** Appends rows (those other workers recorded, say) as one write, and forces them to disk. */
	public synchronized void appendAll(final List<ManifestRow> rows) throws IOException {
		if (rows.isEmpty()) return;
		Files.createDirectories(outDir);
		final StringBuilder text = new StringBuilder();
		for (final ManifestRow row : rows) text.append(GSON.toJson(row)).append('\n');
		final byte[] line = text.toString().getBytes(StandardCharsets.UTF_8);
		// a row cut short by a kill must not swallow this one: start on a line of its own
		final boolean needsNewline = !endsWithNewline(file);
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
			final ByteBuffer b = ByteBuffer.allocate(line.length + (needsNewline ? 1 : 0));
			if (needsNewline) b.put((byte) '\n');
			b.put(line).flip();
			while (b.hasRemaining()) ch.write(b);
			ch.force(false);
		}
		for (final ManifestRow row : rows) latest.put(row.case_name, row);
	}

	/** True for a missing or empty file too. */
	private static boolean endsWithNewline(final Path file) throws IOException {
		if (!Files.exists(file)) return true;
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			if (ch.size() == 0) return true;
			final ByteBuffer one = ByteBuffer.allocate(1);
			ch.read(one, ch.size() - 1);
			return one.get(0) == '\n';
		}
	}
}

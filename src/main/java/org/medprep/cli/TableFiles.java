package org.medprep.cli;

import ij.measure.ResultsTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.medprep.io.storage.AtomicFiles;
import org.medprep.io.storage.CsvText;

/**
 * Writes a command's table output (an ImageJ ResultsTable) as CSV, the CLI's
 * form of it: the column headings, then each row with the values formatted as
 * the table shows them in Fiji (its decimal places per column). Written by
 * {@link CsvText} rather than ImageJ's own saveAs, which does not double the
 * quotes inside a quoted cell.
 */
final class TableFiles {

	private TableFiles() {}

	/** Writes the table atomically. @throws IOException naming the file when it cannot be written */
	static void writeCsv(final ResultsTable table, final Path path) throws IOException {
		if (!path.getFileName().toString().endsWith(".csv")) throw new IOException(path + ": a table is written as .csv");
		AtomicFiles.writeFile(path, tmp -> saveCsv(table, tmp));
	}

	/** Saves the table at exactly this path (the caller makes it atomic). */
	static void saveCsv(final ResultsTable table, final Path path) throws IOException {
		try {
			Files.write(path, csv(table).getBytes(StandardCharsets.UTF_8));
		}
		catch (final IOException e) {
			throw new IOException(path + ": " + e.getMessage(), e);
		}
	}

	/**
	 * The table as CSV text; an empty table (no columns) is an empty text.
	 * <p>
	 * ImageJ formats table values with DecimalFormat objects kept in static
	 * fields, made on first use and shared by every table: cases that write
	 * their tables at once would see them half made (a null pointer) or mix
	 * each other's digits, so one table is formatted at a time.
	 */
	static String csv(final ResultsTable table) {
		synchronized (ResultsTable.class) {
			return csvOf(table);
		}
	}

	private static String csvOf(final ResultsTable table) {
		final String[] headings = table.getHeadings();
		if (headings.length == 0) return "";
		final List<List<String>> rows = new ArrayList<>();
		rows.add(Arrays.asList(headings));
		for (int r = 0; r < table.size(); r++) {
			final List<String> row = new ArrayList<>(headings.length);
			for (final String h : headings) row.add(table.getStringValue(h, r));
			rows.add(row);
		}
		return CsvText.write(rows);
	}
}

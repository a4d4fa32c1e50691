package org.medprep.cli;

import ij.measure.ResultsTable;

import java.io.IOException;
import java.nio.file.Path;

import org.medprep.io.storage.AtomicFiles;

/** Writes a command's table output (an ImageJ ResultsTable) as CSV, the CLI's form of it. */
final class TableFiles {

	private TableFiles() {}

	/** Writes the table atomically. @throws IOException naming the file when ImageJ cannot write it */
	static void writeCsv(final ResultsTable table, final Path path) throws IOException {
		if (!path.getFileName().toString().endsWith(".csv")) throw new IOException(path + ": a table is written as .csv");
		AtomicFiles.writeFile(path, tmp -> saveCsv(table, tmp));
	}

	/** Saves the table at exactly this path, which ends with .csv (the caller makes it atomic). */
	static void saveCsv(final ResultsTable table, final Path path) throws IOException {
		try {
			table.saveAs(path.toString());
		}
		catch (final IOException e) {
			throw new IOException(path + ": " + e.getMessage(), e);
		}
	}
}

package org.medprep.cli;

import ij.measure.ResultsTable;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a command's table output (an ImageJ ResultsTable) as CSV, the CLI's form of it. */
final class TableFiles {

	private TableFiles() {}

	/** @throws IOException naming the file when ImageJ cannot write it */
	static void writeCsv(final ResultsTable table, final Path path) throws IOException {
		if (!path.getFileName().toString().endsWith(".csv")) throw new IOException(path + ": a table is written as .csv");
		try {
			table.saveAs(path.toString());
		}
		catch (final IOException e) {
			throw new IOException(path + ": " + e.getMessage(), e);
		}
	}
}

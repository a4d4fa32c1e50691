package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.io.storage.CsvText;

class TableFilesTest {

	@TempDir
	Path dir;

	/** Numbers as Fiji shows them (3 decimals unless the column says otherwise), text cells quoted with doubled quotes. */
	@Test
	void writesTheTableAsFijiShowsItInValidCsv() throws IOException {
		final ResultsTable t = new ResultsTable();
		t.incrementCounter();
		t.addValue("label", 3);
		t.addValue("mean", 1.23456789);
		t.addValue("name", "a,b \"q\"");
		t.incrementCounter();
		t.addValue("label", 4);
		t.addValue("mean", Double.NaN);
		t.addValue("name", "x");
		final Path f = dir.resolve("t.csv");
		TableFiles.writeCsv(t, f);
		assertEquals("label,mean,name\n3,1.235,\"a,b \"\"q\"\"\"\n4,NaN,x\n", new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
		final List<CsvText.Row> back = CsvText.read(Files.readString(f), f.toString());
		assertEquals("a,b \"q\"", back.get(1).get(2));
		assertEquals(List.of("t.csv"), List.of(dir.toFile().list()));
	}

	@Test
	void anEmptyTableIsAnEmptyFile() throws IOException {
		final Path f = dir.resolve("e.csv");
		TableFiles.writeCsv(new ResultsTable(), f);
		assertEquals(0, Files.size(f));
	}

	@Test
	void aTableIsWrittenOnlyAsCsv() {
		final IOException e = assertThrows(IOException.class, () -> TableFiles.writeCsv(new ResultsTable(), dir.resolve("t.txt")));
		assertTrue(e.getMessage().endsWith("t.txt: a table is written as .csv"), e.getMessage());
		assertEquals(0, dir.toFile().list().length);
	}
}

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

	/**
	 * Cases run at once write their tables at once. ImageJ makes its shared
	 * number formats on first use and publishes the array before filling it:
	 * the formats are dropped before each round (as in a fresh JVM), and four
	 * threads released together must each get the text their table has alone.
	 */
	@Test
	void tablesWrittenAtOnceKeepTheirDigits() throws Exception {
		final int threads = 4;
		final ResultsTable[] tables = new ResultsTable[threads];
		final String[] alone = new String[threads];
		for (int k = 0; k < threads; k++) {
			tables[k] = new ResultsTable();
			for (int r = 0; r < 50; r++) {
				tables[k].incrementCounter();
				tables[k].addValue("value", (k + 1) * 1234.5678 + r / 7.0);
				tables[k].addValue("small", (r + 1) * 1e-9 * (k + 1)); // scientific notation: the other shared formats
			}
			alone[k] = TableFiles.csv(tables[k]);
		}
		assertTrue(alone[1].startsWith("value,small\n2469.136,2.000E-9\n"), alone[1].substring(0, 40));
		final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < 200; round++) {
				dropImageJsNumberFormats();
				final java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
				final List<java.util.concurrent.Future<String>> texts = new java.util.ArrayList<>();
				for (int k = 0; k < threads; k++) {
					final ResultsTable t = tables[k];
					texts.add(pool.submit(() -> {
						start.await();
						return TableFiles.csv(t);
					}));
				}
				for (int k = 0; k < threads; k++) assertEquals(alone[k], texts.get(k).get(), "round " + round + ", table " + k);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private static void dropImageJsNumberFormats() throws ReflectiveOperationException {
		for (final String name : new String[] { "df", "sf" }) {
			final java.lang.reflect.Field f = ResultsTable.class.getDeclaredField(name);
			f.setAccessible(true);
			f.set(null, null);
		}
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

package org.medprep.io.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTextTest {

	@Test
	void readsQuotedCellsCommentsAndTheLineEachRowStartsOn() throws IOException {
		final String text = "# comment\nid,name\n\n\"A,B\",\"say \"\"hi\"\"\"\n   \n\"two\nlines\",x\nlast,\n";
		final List<CsvText.Row> rows = CsvText.read(text, "t.csv");
		assertEquals(4, rows.size());
		assertEquals(Arrays.asList("id", "name"), rows.get(0).cells());
		assertEquals(2, rows.get(0).line());
		assertEquals(Arrays.asList("A,B", "say \"hi\""), rows.get(1).cells());
		assertEquals(4, rows.get(1).line());
		assertEquals(Arrays.asList("two\nlines", "x"), rows.get(2).cells());
		assertEquals(6, rows.get(2).line());
		assertEquals(Arrays.asList("last", ""), rows.get(3).cells());
		assertEquals(8, rows.get(3).line());
	}

	@Test
	void writesRfc4180OneLinePerRow() {
		final List<List<?>> rows = new ArrayList<>();
		rows.add(Arrays.asList("label", "name", "voxels"));
		rows.add(Arrays.asList(1, "Edge, clipped", 20L));
		rows.add(Arrays.asList(2, "say \"hi\"", null));
		rows.add(Arrays.asList(3, "two\r\nlines\nthree", ""));
		assertEquals("label,name,voxels\n1,\"Edge, clipped\",20\n2,\"say \"\"hi\"\"\",\n3,two lines three,\n", CsvText.write(rows));
	}

	@Test
	void whatItWritesItReadsBack() throws IOException {
		final List<List<?>> rows = new ArrayList<>();
		rows.add(Arrays.asList("#00FF00", " lead", "a,b", "q\"q", "-1.5", ""));
		final List<CsvText.Row> back = CsvText.read(CsvText.write(rows), "t.csv");
		assertEquals(1, back.size());
		assertEquals(Arrays.asList("#00FF00", " lead", "a,b", "q\"q", "-1.5", ""), back.get(0).cells());
	}

	@Test
	void aBadTableNamesTheSourceAndTheLineNotTheCells() {
		final IOException open = assertThrows(IOException.class, () -> CsvText.read("a,b\n\"SECRET,x\n", "map.csv"));
		assertEquals("map.csv line 2: unterminated quoted cell", open.getMessage());
		final IOException stray = assertThrows(IOException.class, () -> CsvText.read("a,b\n\"SECRET\"X,y\n", "map.csv"));
		assertTrue(stray.getMessage().startsWith("map.csv line 2: "), stray.getMessage());
		assertFalse(stray.getMessage().contains("SECRET"), stray.getMessage());
	}
}

package org.medprep.io.storage;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * MedPrep's CSV tables, read and written by Apache Commons CSV: RFC 4180
 * (cells with commas or quotes quoted, quotes doubled), lines ending in
 * {@code \n}, {@code #} comment lines and blank lines skipped when reading.
 * Every row MedPrep writes is one line: a line break inside a cell is written
 * as a space, so an audit log or a results table can be read line by line
 * (grep, head, a spreadsheet's import). Reading accepts quoted line breaks.
 * Errors name the source and the line.
 */
public final class CsvText {

	private static final CSVFormat READ = CSVFormat.RFC4180.builder().setCommentMarker('#').setIgnoreEmptyLines(true).build();
	private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setQuoteMode(QuoteMode.MINIMAL).build();

	private static final Pattern LINE = Pattern.compile("\\b(?:startline|line):? (\\d+)");
	private static final Pattern ONE_LINE = Pattern.compile("\r\n|[\r\n]");

	private CsvText() {}

	/** One row of a table and the line it starts on. */
	public static final class Row {
		private final List<String> cells;
		private final int line;

		Row(final List<String> cells, final int line) {
			this.cells = Collections.unmodifiableList(cells);
			this.line = line;
		}

		public List<String> cells() { return cells; }
		public int size() { return cells.size(); }
		public String get(final int i) { return cells.get(i); }
		/** 1-based line number in the source. */
		public int line() { return line; }
	}

	/** Every row that is not a comment or blank, in order. */
	public static List<Row> read(final String text, final String source) throws IOException {
		final int[] lineStarts = lineStarts(text);
		final List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), READ)) {
			for (final CSVRecord r : parser) {
				final List<String> cells = r.toList();
				if (cells.size() == 1 && cells.get(0).trim().isEmpty()) continue; // a line of spaces
				rows.add(new Row(new ArrayList<>(cells), lineOf(lineStarts, firstLineOfCells(text, r.getCharacterPosition()))));
			}
		}
		catch (final UncheckedIOException e) {
			throw problem(source, e.getCause());
		}
		catch (final IOException e) {
			throw problem(source, e);
		}
		return rows;
	}

	/** The rows as CSV text, one line each; null cells are empty. */
	public static String write(final List<? extends List<?>> rows) {
		final StringBuilder sb = new StringBuilder();
		try (CSVPrinter p = new CSVPrinter(sb, WRITE)) {
			for (final List<?> row : rows) {
				final List<String> cells = new ArrayList<>(row.size());
				for (final Object cell : row) cells.add(cell == null ? "" : ONE_LINE.matcher(cell.toString()).replaceAll(" "));
				p.printRecord(cells);
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e); // a StringBuilder does not fail
		}
		return sb.toString();
	}

	/**
	 * Commons CSV's "(startline 3) EOF reached before encapsulated token finished" as "source line 3:
	 * unterminated quoted cell". The library's own words are not passed on: they may quote cells, and a
	 * mapping file's cells are patient IDs.
	 */
	private static IOException problem(final String source, final IOException e) {
		final String m = e.getMessage() == null ? "" : e.getMessage();
		final Matcher line = LINE.matcher(m);
		final String what = m.contains("EOF reached before encapsulated token finished") ? "unterminated quoted cell"
			: m.contains("between encapsulated token and delimiter") ? "text after a quoted cell's closing quote (a quote inside a quoted cell is doubled)"
			: "not a readable CSV table";
		return new IOException(source + (line.find() ? " line " + line.group(1) : "") + ": " + what, e);
	}

	/** The first line of a record: Commons CSV places a record at the comment lines and empty lines before it. */
	private static long firstLineOfCells(final String text, final long position) {
		int p = (int) position;
		while (p < text.length()) {
			final int end = text.indexOf('\n', p);
			final String line = end < 0 ? text.substring(p) : text.substring(p, end);
			if (!(line.isEmpty() || line.equals("\r") || line.startsWith("#")) || end < 0) break;
			p = end + 1;
		}
		return p;
	}

	private static int[] lineStarts(final String text) {
		final List<Integer> starts = new ArrayList<>();
		starts.add(0);
		for (int i = 0; i < text.length(); i++)
			if (text.charAt(i) == '\n') starts.add(i + 1);
		return starts.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int lineOf(final int[] lineStarts, final long position) {
		int lo = 0, hi = lineStarts.length - 1;
		while (lo < hi) {
			final int mid = (lo + hi + 1) >>> 1;
			if (lineStarts[mid] <= position) lo = mid;
			else hi = mid - 1;
		}
		return lo + 1;
	}
}

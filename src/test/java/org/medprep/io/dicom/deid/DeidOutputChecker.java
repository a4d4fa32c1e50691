package org.medprep.io.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Inflater;

import org.medprep.io.dicom.DicomDataset;
import org.medprep.io.dicom.DicomElement;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomFile;
import org.medprep.io.dicom.DicomParser;

/**
 * The independent proof that de-identified output leaves nothing behind, written apart from the
 * engine: it reads Table E.1-1 from the CSV itself (not through ConfidentialityProfile), walks every
 * output file with the parser (all elements, every sequence depth) and searches the raw output bytes
 * (inflated for deflated files) for the planted PHI strings.
 * <p>
 * Must-be-empty attributes: rows whose basic action uses only X and Z (X, Z, X/Z): with no option,
 * each of them must be absent or have a zero-length value (zero items for a sequence), except the
 * top-level Patient's Name, which may hold the pseudonym.
 */
final class DeidOutputChecker {

	/** tag -> mask for must-be-empty rows. */
	private final Map<Integer, Integer> mustBeEmpty = new HashMap<>();
	private final List<String> phi;
	private final BiPredicate<Integer, DicomDataset> privateAllowed;

	/**
	 * @param privateAllowed which private elements (tag, containing data set) may remain; (tag, ds) -> false for none
	 */
	DeidOutputChecker(final List<String> phi, final BiPredicate<Integer, DicomDataset> privateAllowed) throws IOException {
		this(phi, privateAllowed, java.util.Collections.<String>emptySet());
	}

	/**
	 * @param optionColumns CSV option columns chosen for the run: a row with a cell in one of them is not
	 *          checked (the option may keep it)
	 */
	DeidOutputChecker(final List<String> phi, final BiPredicate<Integer, DicomDataset> privateAllowed,
		final java.util.Set<String> optionColumns) throws IOException
	{
		this.phi = phi;
		this.privateAllowed = privateAllowed;
		try (InputStream in = DeidOutputChecker.class.getResourceAsStream("deid-basic-profile.csv")) {
			final String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			List<String> header = null;
			for (final String line : text.split("\n")) {
				if (line.startsWith("#") || line.isEmpty()) continue;
				final List<String> cells = splitRest(line);
				if (header == null) {
					header = cells;
					assertTrue(line.startsWith("tag,tag_hex,keyword,name,basic_profile_action"), line);
					continue;
				}
				final String tag = cells.get(0);
				if (!tag.matches("\\([0-9A-Fa-fx]{4},[0-9A-Fa-fx]{4}\\)")) continue; // the private row
				final String action = cells.get(header.indexOf("basic_profile_action"));
				if (!action.matches("[XZ](/[XZ])*")) continue;
				boolean optional = false;
				for (final String c : optionColumns) optional |= !cells.get(header.indexOf(c)).isEmpty();
				if (optional) continue;
				int value = 0;
				int mask = 0;
				final String hex = tag.substring(1, 5) + tag.substring(6, 10);
				for (int i = 0; i < 8; i++) {
					value <<= 4;
					mask <<= 4;
					final char c = hex.charAt(i);
					if (c == 'x' || c == 'X') continue;
					value |= Character.digit(c, 16);
					mask |= 0xF;
				}
				mustBeEmpty.put(value, mask);
			}
		}
		assertTrue(mustBeEmpty.size() > 200, "table rows with X/Z: " + mustBeEmpty.size());
		assertTrue(mustBeEmpty.containsKey(0x00100030), "Patient's Birth Date must be among them");
	}

	private static List<String> splitRest(final String s) {
		final List<String> out = new ArrayList<>();
		final StringBuilder cur = new StringBuilder();
		boolean q = false;
		for (final char c : s.toCharArray()) {
			if (c == '"') q = !q;
			else if (c == ',' && !q) {
				out.add(cur.toString());
				cur.setLength(0);
			}
			else cur.append(c);
		}
		out.add(cur.toString());
		return out;
	}

	static List<String> plantedPhi() throws IOException {
		try (InputStream in = DeidOutputChecker.class.getResourceAsStream("phi_strings.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#") && !l.isEmpty())
				.collect(Collectors.toList());
		}
	}

	private boolean isMustBeEmpty(final int tag) {
		if (((tag >>> 16) & 1) == 1) return false;
		for (final Map.Entry<Integer, Integer> e : mustBeEmpty.entrySet())
			if ((tag & e.getValue()) == e.getKey()) return true;
		return false;
	}

	/** Checks every .dcm file under {@code outputDir}; returns how many were checked. */
	int checkFolder(final Path outputDir) throws IOException {
		final List<Path> files;
		try (Stream<Path> s = Files.walk(outputDir)) {
			files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().collect(Collectors.toList());
		}
		for (final Path f : files) checkFile(f);
		// the audit log too must be free of PHI values
		final Path audit = outputDir.resolve(DeidRun.AUDIT_NAME);
		if (Files.exists(audit)) assertNoPhi(Files.readAllBytes(audit), audit.toString());
		return files.size();
	}

	/**
	 * No name of the input tree (folder and file names, often patient names or record numbers) appears
	 * in an output path or inside the audit log.
	 */
	static void assertNoInputNames(final Path inputDir, final Path outputDir) throws IOException {
		final java.util.Set<String> names = new java.util.TreeSet<>();
		try (Stream<Path> s = Files.walk(inputDir)) {
			s.filter(p -> !p.equals(inputDir)).forEach(p -> {
				final String n = p.getFileName().toString();
				names.add(n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n);
			});
		}
		assertTrue(!names.isEmpty(), "no input names to look for under " + inputDir);
		final String audit = new String(Files.readAllBytes(outputDir.resolve(DeidRun.AUDIT_NAME)), StandardCharsets.UTF_8);
		try (Stream<Path> s = Files.walk(outputDir)) {
			for (final Path p : s.collect(Collectors.toList())) {
				final String rel = outputDir.relativize(p).toString();
				for (final String n : names) {
					if (rel.contains(n)) fail("output path " + rel + " holds the input name " + n);
					if (audit.contains(n)) fail(DeidRun.AUDIT_NAME + " holds the input name " + n);
				}
			}
		}
	}

	void checkFile(final Path f) throws IOException {
		final DicomFile d = DicomParser.read(f);
		walk(d.dataset(), f + "", true);
		walk(d.meta(), f + " meta", false);
		assertNoPhi(datasetBytes(f, d), f.toString());
	}

	private void walk(final DicomDataset ds, final String where, final boolean top) throws DicomException {
		for (final DicomElement e : ds.elements()) {
			final int tag = e.tag();
			final String at = where + " " + String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
			if (((tag >>> 16) & 1) == 1 && !privateAllowed.test(tag, ds)) fail(at + ": private element remains");
			if (isMustBeEmpty(tag)) {
				if (top && tag == 0x00100010) {
					final String v = new String(e.bytes(), StandardCharsets.US_ASCII).trim();
					assertTrue(v.matches("ANON[0-9A-F]{16}|SUBJ-[0-9]+"), at + ": Patient's Name is not a pseudonym: " + v);
				}
				else if (e.isSequence()) assertEquals(0, e.items().size(), at + ": sequence to be emptied has items");
				else assertEquals(0, e.length(), at + ": attribute to be removed or emptied has a value");
			}
			for (final DicomDataset item : e.items()) walk(item, at + ">", false);
		}
	}

	private void assertNoPhi(final byte[] bytes, final String where) {
		final String upper = new String(bytes, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
		for (final String p : phi)
			if (upper.contains(p.toUpperCase(Locale.ROOT))) fail(where + ": PHI string '" + p + "' found in the output bytes");
	}

	/** The file's bytes, with a deflated data set inflated (so the search sees the real values). */
	static byte[] datasetBytes(final Path f, final DicomFile d) throws IOException {
		final byte[] raw = Files.readAllBytes(f);
		if (!d.transferSyntax().isDeflated()) return raw;
		final int metaEnd = 132 + 12 + ByteBuffer.wrap(raw, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
		final Inflater inf = new Inflater(true);
		inf.setInput(raw, metaEnd, raw.length - metaEnd);
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(raw, 0, metaEnd);
		final byte[] buf = new byte[8192];
		try {
			while (!inf.finished()) {
				final int n = inf.inflate(buf);
				if (n == 0 && (inf.needsInput() || inf.needsDictionary())) break;
				out.write(buf, 0, n);
			}
		}
		catch (final java.util.zip.DataFormatException e) {
			throw new IOException(f + ": bad deflate stream", e);
		}
		finally {
			inf.end();
		}
		return out.toByteArray();
	}
}

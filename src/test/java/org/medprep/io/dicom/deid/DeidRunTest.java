package org.medprep.io.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.core.ProgressListener;
import org.medprep.io.dicom.DicomDataset;
import org.medprep.io.dicom.DicomElement;
import org.medprep.io.dicom.DicomFile;
import org.medprep.io.dicom.DicomParser;
import org.medprep.io.storage.CsvText;

/** De-identification of the PHI-stuffed fixtures (make_fixtures.py), checked by {@link DeidOutputChecker}. */
class DeidRunTest {

	private static final String KEY = "secret-key";
	private static Path study;
	private static Path fixtures;

	@BeforeAll
	static void locate() throws URISyntaxException {
		study = Paths.get(DeidRunTest.class.getResource("study").toURI());
		fixtures = study.getParent();
	}

	private static DeidRun.Report run(final Path in, final Path out, final Set<DeidOption> options, final boolean writeFlagged)
		throws IOException
	{
		final DeidKey key = new DeidKey(KEY);
		final DicomDeidentifier d = new DicomDeidentifier(ConfidentialityProfile.standard(), options, new UidMapper(key),
			PatientPseudonyms.hashed(key));
		return new DeidRun(in, out, d, key, writeFlagged, 2).run(ProgressListener.NONE);
	}

	/** Independent of the engine: 2.25 + decimal of the first 16 bytes of HMAC-SHA256(key, domain:value). */
	private static byte[] hmac(final String domain, final String value) throws Exception {
		final Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal((domain + ":" + value).getBytes(StandardCharsets.UTF_8));
	}

	private static String expectedUid(final String uid) throws Exception {
		return "2.25." + new BigInteger(1, Arrays.copyOf(hmac("uid", uid), 16));
	}

	private static String str(final DicomDataset ds, final int tag) throws IOException {
		return ds.getString(tag, "");
	}

	private static Map<String, DicomFile> outputsByInput(final DeidRun.Report r, final Path out) throws IOException {
		final Map<String, DicomFile> m = new TreeMap<>();
		for (final DeidRun.FileOutcome o : r.files())
			if (!o.output().isEmpty()) m.put(o.input(), DicomParser.read(out.resolve(o.output())));
		return m;
	}

	@Test
	void basicProfileLeavesNothingBehind(@TempDir final Path tmp) throws Exception {
		final Path out = tmp.resolve("out");
		final DeidRun.Report r = run(study, out, EnumSet.noneOf(DeidOption.class), false);
		assertEquals(9, r.count(DeidRun.Status.WRITTEN), r.toString());
		assertTrue(r.isClean());
		final DicomDataset a1 = outputsByInput(r, out).get("seriesA/a1.dcm").dataset();
		// D on a sequence: one empty item, whatever the items held
		for (final int seq : new int[] { 0x0040A730, 0x00700001 }) {
			assertEquals(1, a1.getItems(seq).size());
			assertEquals(0, a1.getItems(seq).get(0).size());
		}
		// X inside a kept sequence the table does not list
		final DicomDataset radio = a1.getItems(0x00540016).get(0);
		assertFalse(radio.contains(0x00181078) || radio.contains(0x00181072));
		assertEquals("FDG", str(radio, 0x00180031));
		// overlay data (60xx,3000) and the icon image removed; overlay geometry kept; the unlisted
		// Overlay Description keeps its text but not the patient ID planted in it (safety net)
		assertFalse(a1.contains(0x60003000) || a1.contains(0x00880200));
		assertEquals("8", str(a1, 0x60000010));
		assertEquals("overlay of **********", str(a1, 0x60000022));
		assertEquals("ACME", str(a1, 0x00080070));
		assertEquals("ScanMaster 3000", str(a1, 0x00081090));
		// meta information rebuilt: no Source AE Title, MedPrep as implementation
		assertFalse(outputsByInput(r, out).get("seriesA/a1.dcm").meta().contains(0x00020016));
		final DeidOutputChecker checker = new DeidOutputChecker(DeidOutputChecker.plantedPhi(), (tag, ds) -> false);
		assertEquals(9, checker.checkFolder(out));
		// the checker can fail: the inputs themselves are full of PHI
		final AssertionError caught = assertThrows(AssertionError.class, () -> checker.checkFile(study.resolve("seriesA/a1.dcm")));
		assertTrue(caught.getMessage().contains("a1.dcm"), caught.getMessage());
		// audit log: header + one row per input, counts, no PHI (checked by checkFolder)
		final List<String> audit = Files.readAllLines(r.auditLog());
		assertEquals(10, audit.size());
		assertTrue(audit.get(0).startsWith("input_id,output_file,status,reasons,removed,zeroed"), audit.get(0));
		final int padded = Arrays.asList(audit.get(0).split(",")).indexOf("odd_lengths_padded");
		final String a3 = new DeidKey(KEY).hex("file", "seriesA/a3.dcm", 8);
		for (final String line : audit.subList(1, audit.size()))
			assertEquals(line.startsWith(a3 + ",") ? "1" : "0", line.split(",")[padded], "odd lengths padded: " + line);
		DeidOutputChecker.assertNoInputNames(study, out);
		// folder structure kept with anonymized names: 3 series folders, no input name survives
		try (Stream<Path> s = Files.list(out)) {
			final List<String> names = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
			assertEquals(4, names.size(), names.toString());
			for (final String n : names) assertTrue(n.equals(DeidRun.AUDIT_NAME) || n.matches("D[0-9A-F]{12}"), n);
		}
	}

	@Test
	void pixelDataAndRetainedElementsUnchanged(@TempDir final Path tmp) throws Exception {
		final Path out = tmp.resolve("out");
		final DeidRun.Report r = run(study, out, EnumSet.noneOf(DeidOption.class), false);
		final Map<String, DicomFile> outputs = outputsByInput(r, out);
		assertEquals(9, outputs.size());
		for (final Map.Entry<String, DicomFile> e : outputs.entrySet()) {
			final DicomFile in = DicomParser.read(study.resolve(e.getKey()));
			final DicomFile o = e.getValue();
			assertEquals(in.transferSyntax().uid(), o.transferSyntax().uid(), e.getKey());
			assertArrayEquals(pixelHash(in), pixelHash(o), e.getKey() + ": pixel data changed");
			// retained elements: same VR code and raw bytes
			for (final int tag : new int[] { 0x00280010, 0x00280011, 0x00280100, 0x00200032, 0x00200037, 0x00281052, 0x00080016, 0x00080060 }) {
				final DicomElement a = in.dataset().require(tag);
				final DicomElement b = o.dataset().require(tag);
				assertEquals(a.vrCode(), b.vrCode());
				assertArrayEquals(a.bytes(), b.bytes(), e.getKey() + " " + Integer.toHexString(tag));
			}
		}
		assertEquals("1.2.840.10008.1.2.5", outputs.get("seriesC/c_rle.dcm").transferSyntax().uid());
		assertTrue(outputs.get("seriesC/c_rle.dcm").pixelData().get().isEncapsulated());
		// odd-length Manufacturer of a3 padded to even with a space
		assertArrayEquals("ACMEX ".getBytes(StandardCharsets.US_ASCII), outputs.get("seriesA/a3.dcm").dataset().require(0x00080070).bytes());
	}

	private static byte[] pixelHash(final DicomFile f) throws IOException, NoSuchAlgorithmException {
		final MessageDigest md = MessageDigest.getInstance("SHA-256");
		final DicomElement p = f.pixelData().orElseThrow(() -> new AssertionError(f.source() + ": no pixel data"));
		if (p.isEncapsulated()) for (final byte[] frag : p.fragments()) md.update(frag);
		else md.update(p.bytes());
		return md.digest();
	}

	@Test
	void uidsConsistentAndReferencesRemapped(@TempDir final Path tmp) throws Exception {
		final Path out = tmp.resolve("out");
		final Map<String, DicomFile> o = outputsByInput(run(study, out, EnumSet.noneOf(DeidOption.class), false), out);
		final Set<String> studies = new HashSet<>();
		final Map<String, Set<String>> seriesByFolder = new HashMap<>();
		final Set<String> instances = new HashSet<>();
		for (final Map.Entry<String, DicomFile> e : o.entrySet()) {
			final DicomDataset ds = e.getValue().dataset();
			studies.add(str(ds, 0x0020000D));
			seriesByFolder.computeIfAbsent(e.getKey().split("/")[0], k -> new HashSet<>()).add(str(ds, 0x0020000E));
			final String sop = str(ds, 0x00080018);
			assertTrue(sop.matches("2\\.25\\.[1-9][0-9]*") && sop.length() <= 64, sop);
			assertTrue(instances.add(sop), "duplicate SOP Instance UID " + sop);
			assertEquals(sop, str(e.getValue().meta(), 0x00020003), "Media Storage SOP Instance UID = SOP Instance UID");
			assertEquals(DicomDeidentifier.IMPLEMENTATION_CLASS_UID, str(e.getValue().meta(), 0x00020012));
			assertEquals(expectedUid("1.2.826.0.1.3680043.8.498.77.2"), str(ds, 0x00200052), "Frame of Reference UID");
		}
		assertEquals(Set.of(expectedUid("1.2.826.0.1.3680043.8.498.77.1")), studies);
		assertEquals(Set.of(expectedUid("1.2.826.0.1.3680043.8.498.77.10")), seriesByFolder.get("seriesA"));
		assertEquals(Set.of(expectedUid("1.2.826.0.1.3680043.8.498.77.11")), seriesByFolder.get("seriesB"));
		assertEquals(Set.of(expectedUid("1.2.826.0.1.3680043.8.498.77.12")), seriesByFolder.get("seriesC"));
		// references from series B resolve to the de-identified series A objects
		final String a1 = str(o.get("seriesA/a1.dcm").dataset(), 0x00080018);
		final String a2 = str(o.get("seriesA/a2.dcm").dataset(), 0x00080018);
		final String a3 = str(o.get("seriesA/a3.dcm").dataset(), 0x00080018);
		for (final String b : new String[] { "seriesB/b1.dcm", "seriesB/b2.dcm" }) {
			final DicomDataset ds = o.get(b).dataset();
			final List<DicomDataset> refs = ds.getItems(0x00081140);
			assertEquals(2, refs.size());
			assertEquals(a1, str(refs.get(0), 0x00081155));
			assertEquals(a2, str(refs.get(1), 0x00081155));
			assertEquals("1.2.840.10008.5.1.4.1.1.2", str(refs.get(0), 0x00081150), "SOP Class UID kept");
			assertEquals(a3, str(ds.getItems(0x00082112).get(0), 0x00081155));
			final DicomDataset series = ds.getItems(0x00081115).get(0);
			assertEquals(str(o.get("seriesA/a1.dcm").dataset(), 0x0020000E), str(series, 0x0020000E));
			assertEquals(a1, str(series.getItems(0x0008114A).get(0), 0x00081155));
		}
		// inside a standard sequence coded as UN of undefined length (implicit VR items) too; written back as SQ
		final DicomElement un = o.get("seriesC/c_un.dcm").dataset().require(0x00081140);
		assertEquals("SQ", un.vrCode());
		assertTrue(un.items().get(0).encoding().isExplicitVr());
		assertEquals(a1, str(un.items().get(0), 0x00081155));
		assertEquals("1.2.840.10008.5.1.4.1.1.2", str(un.items().get(0), 0x00081150));
		// another run with the same key: same UIDs and names; another key: different
		final Path out2 = tmp.resolve("again");
		final DeidRun.Report r2 = run(study, out2, EnumSet.noneOf(DeidOption.class), false);
		final Map<String, DicomFile> o2 = outputsByInput(r2, out2);
		assertEquals(a1, str(o2.get("seriesA/a1.dcm").dataset(), 0x00080018));
		final DeidKey other = new DeidKey("other-key");
		final DeidRun.Report r3 = new DeidRun(study, tmp.resolve("other"), new DicomDeidentifier(ConfidentialityProfile.standard(),
			EnumSet.noneOf(DeidOption.class), new UidMapper(other), PatientPseudonyms.hashed(other)), other, false, 1).run(ProgressListener.NONE);
		final DicomFile a1Other = outputsByInput(r3, tmp.resolve("other")).get("seriesA/a1.dcm");
		assertNotEquals(a1, str(a1Other.dataset(), 0x00080018));
		assertNotEquals(str(o.get("seriesA/a1.dcm").dataset(), 0x00100020), str(a1Other.dataset(), 0x00100020));
	}

	@Test
	void deidentificationMethodRecorded(@TempDir final Path tmp) throws Exception {
		final Path out = tmp.resolve("out");
		final Set<DeidOption> opts = EnumSet.of(DeidOption.RETAIN_LONG_MODIFIED_DATES, DeidOption.RETAIN_PATIENT_CHARACTERISTICS);
		final DicomDataset ds = outputsByInput(run(study, out, opts, false), out).get("seriesA/a1.dcm").dataset();
		assertEquals("YES", str(ds, 0x00120062));
		assertEquals("MODIFIED", str(ds, 0x00280303));
		final List<String> codes = ds.getItems(0x00120064).stream().map(i -> {
			try {
				return str(i, 0x00080100) + "/" + str(i, 0x00080102);
			}
			catch (final IOException e) {
				throw new AssertionError(e);
			}
		}).collect(Collectors.toList());
		assertEquals(Arrays.asList("113100/DCM", "113107/DCM", "113108/DCM"), codes);
		assertEquals("Basic Application Confidentiality Profile\\Retain Longitudinal Temporal Information Modified Dates Option"
			+ "\\Retain Patient Characteristics Option", str(ds, 0x00120063));
		// pseudonym from the key (independent HMAC)
		final StringBuilder hex = new StringBuilder("ANON");
		final byte[] h = hmac("patient", "PID938271X");
		for (int i = 0; i < 8; i++) hex.append(String.format("%02X", h[i] & 0xFF));
		assertEquals(hex.toString(), str(ds, 0x00100020));
		assertEquals(hex.toString(), str(ds, 0x00100010));
		// dates shifted by the per-patient offset (1..365 days back), times kept
		final byte[] o = hmac("date-offset", "PID938271X");
		final int days = 1 + (((o[0] & 0xFF) << 8) | (o[1] & 0xFF)) % 365;
		final String shifted = LocalDate.of(2024, 3, 5).minusDays(days).format(DateTimeFormatter.BASIC_ISO_DATE);
		assertEquals(shifted, str(ds, 0x00080020), "Study Date");
		assertEquals(shifted, str(ds, 0x00080021), "Series Date");
		assertEquals(shifted + "101500.000000", str(ds, 0x0008002A), "Acquisition DateTime");
		assertEquals("101000", str(ds, 0x00080030), "Study Time");
		assertEquals("", str(ds, 0x00100030), "Birth Date is not longitudinal: still emptied");
		// at depth 2, inside a kept sequence the table does not list
		final DicomDataset radio = ds.getItems(0x00540016).get(0);
		assertEquals(shifted + "093000", str(radio, 0x00181078), "Radiopharmaceutical Start DateTime");
		assertEquals("093000", str(radio, 0x00181072));
		assertEquals("FDG", str(radio, 0x00180031));
		// patient characteristics kept
		assertEquals("M", str(ds, 0x00100040));
		assertEquals("066Y", str(ds, 0x00101010));
		assertEquals("82", str(ds, 0x00101030));
	}

	@Test
	void optionsRetainWhatTheyName(@TempDir final Path tmp) throws Exception {
		final Path out = tmp.resolve("out");
		final Set<DeidOption> opts = EnumSet.of(DeidOption.RETAIN_SAFE_PRIVATE, DeidOption.CLEAN_DESCRIPTORS, DeidOption.RETAIN_UIDS,
			DeidOption.RETAIN_LONG_FULL_DATES);
		final DeidRun.Report r = run(study, out, opts, false);
		final DicomDataset ds = outputsByInput(r, out).get("seriesB/b1.dcm").dataset();
		// safe private: SIEMENS B_value (0019,xx0C) kept with its creator; other private elements gone
		assertEquals("SIEMENS MR HEADER", str(ds, 0x00190010));
		assertEquals("1000", str(ds, 0x0019100C));
		assertFalse(ds.contains(0x00191010));
		assertFalse(ds.contains(0x00090010));
		// clean descriptors: descriptions kept with identifying words blanked
		assertEquals("CT chest of ****** *********", str(ds, 0x00081030));
		assertEquals("Series B for *********", str(ds, 0x0008103E));
		// retain UIDs and full dates
		assertEquals("1.2.826.0.1.3680043.8.498.77.11.1", str(ds, 0x00080018));
		assertEquals("1.2.826.0.1.3680043.8.498.77.11.1", str(outputsByInput(r, out).get("seriesB/b1.dcm").meta(), 0x00020003));
		assertEquals("20240305", str(ds, 0x00080020));
		assertEquals("UNMODIFIED", str(ds, 0x00280303));
		// the PHI checker still passes (with the safe private element allowed)
		final DeidOutputChecker checker = new DeidOutputChecker(DeidOutputChecker.plantedPhi(), (tag, d) -> {
			final int elem = tag & 0xFFFF;
			return tag >>> 16 == 0x0019 && (elem == 0x0010 || elem == 0x100C);
		}, opts.stream().map(DeidOption::column).collect(Collectors.toSet()));
		assertEquals(9, checker.checkFolder(out));
		final IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> run(study, tmp.resolve("x"),
			EnumSet.of(DeidOption.RETAIN_LONG_FULL_DATES, DeidOption.RETAIN_LONG_MODIFIED_DATES), false));
		assertTrue(both.getMessage().contains("at most one"), both.getMessage());
	}

	@Test
	void mappingCsvPseudonym(@TempDir final Path tmp) throws Exception {
		final Path csv = tmp.resolve("map.csv");
		Files.write(csv, Arrays.asList("PatientID,pseudonym", "PID938271X,SUBJ-0042"), StandardCharsets.UTF_8);
		final DeidKey key = new DeidKey(KEY);
		final DicomDeidentifier d = new DicomDeidentifier(ConfidentialityProfile.standard(), EnumSet.noneOf(DeidOption.class),
			new UidMapper(key), PatientPseudonyms.fromCsv(key, csv));
		final Path out = tmp.resolve("out");
		final DeidRun.Report r = new DeidRun(study.resolve("seriesA"), out, d, key, false, 1).run(ProgressListener.NONE);
		final DicomDataset ds = outputsByInput(r, out).get("a1.dcm").dataset();
		assertEquals("SUBJ-0042", str(ds, 0x00100020));
		assertEquals("SUBJ-0042", str(ds, 0x00100010));
		// a patient missing from the mapping fails that file, without naming the ID
		Files.write(csv, Arrays.asList("SOMEONE-ELSE,SUBJ-0001"), StandardCharsets.UTF_8);
		final DicomDeidentifier d2 = new DicomDeidentifier(ConfidentialityProfile.standard(), EnumSet.noneOf(DeidOption.class),
			new UidMapper(key), PatientPseudonyms.fromCsv(key, csv));
		final DeidRun.Report r2 = new DeidRun(study.resolve("seriesA"), tmp.resolve("out2"), d2, key, false, 1).run(ProgressListener.NONE);
		assertEquals(3, r2.count(DeidRun.Status.FAILED));
		final String reason = r2.files().get(0).reasons();
		assertTrue(reason.contains("mapping CSV") && !reason.contains("PID938271X"), reason);
	}

	@Test
	void burnedInFilesFlaggedAndNotWritten(@TempDir final Path tmp) throws Exception {
		final Path in = fixtures.resolve("flagged");
		final Path out = tmp.resolve("out");
		final DeidRun.Report r = run(in, out, EnumSet.noneOf(DeidOption.class), false);
		assertEquals(2, r.count(DeidRun.Status.FLAGGED_NOT_WRITTEN), r.toString());
		final Map<String, String> reasons = r.files().stream().collect(Collectors.toMap(DeidRun.FileOutcome::input, DeidRun.FileOutcome::reasons));
		assertEquals("possible burned-in PHI: BurnedInAnnotation=YES;Modality=OT;SOPClass=1.2.840.10008.5.1.4.1.1.7", reasons.get("sc_burned.dcm"));
		assertEquals("possible burned-in PHI: Modality=US;SOPClass=1.2.840.10008.5.1.4.1.1.6.1", reasons.get("us.dcm"));
		try (Stream<Path> s = Files.walk(out)) {
			assertEquals(0, s.filter(p -> p.toString().endsWith(".dcm")).count());
		}
		assertTrue(Files.readString(r.auditLog()).contains("flagged_not_written"));
		// asked to write them anyway: written, still flagged, still de-identified
		final Path out2 = tmp.resolve("out2");
		final DeidRun.Report r2 = run(in, out2, EnumSet.noneOf(DeidOption.class), true);
		assertEquals(2, r2.count(DeidRun.Status.FLAGGED_WRITTEN));
		assertEquals(2, new DeidOutputChecker(DeidOutputChecker.plantedPhi(), (t, d) -> false).checkFolder(out2));
	}

	@Test
	void badInputReportedAndInputUntouched(@TempDir final Path tmp) throws Exception {
		final Path in = tmp.resolve("in");
		Files.createDirectories(in.resolve("sub"));
		for (final String f : new String[] { "truncated.dcm", "notes.txt", "empty.dcm", "DICOMDIR" })
			Files.copy(fixtures.resolve("bad").resolve(f), in.resolve(f));
		Files.copy(study.resolve("seriesC/c_un.dcm"), in.resolve("sub/c_un.dcm"));
		Files.write(in.resolve("garbage.dcm"), new byte[300]); // zeros: no DICM, no recognisable data set
		final Map<String, byte[]> before = hashes(in);
		final Path out = tmp.resolve("out");
		final DeidRun.Report r = run(in, out, EnumSet.noneOf(DeidOption.class), false);
		final Map<String, DeidRun.FileOutcome> byName = r.files().stream().collect(Collectors.toMap(DeidRun.FileOutcome::input, f -> f));
		assertEquals(DeidRun.Status.WRITTEN, byName.get("sub/c_un.dcm").status());
		final DeidRun.FileOutcome trunc = byName.get("truncated.dcm");
		assertEquals(DeidRun.Status.FAILED, trunc.status());
		assertTrue(trunc.reasons().contains("truncated or corrupt file") && !trunc.reasons().contains("truncated.dcm") && !trunc.reasons().contains(tmp.toString()),
			trunc.reasons());
		assertEquals(DeidRun.Status.NOT_DICOM, byName.get("notes.txt").status(), byName.get("notes.txt").reasons());
		assertTrue(byName.get("empty.dcm").status() == DeidRun.Status.NOT_DICOM || byName.get("empty.dcm").status() == DeidRun.Status.FAILED);
		assertFalse(byName.get("empty.dcm").reasons().isEmpty());
		assertEquals(DeidRun.Status.SKIPPED_DICOMDIR, byName.get("DICOMDIR").status());
		assertFalse(r.isClean());
		// nothing half-written: only complete outputs and the audit log
		try (Stream<Path> s = Files.walk(out)) {
			final List<Path> files = s.filter(Files::isRegularFile).collect(Collectors.toList());
			assertEquals(2, files.size(), files.toString());
		}
		assertEquals(1, new DeidOutputChecker(DeidOutputChecker.plantedPhi(), (t, d) -> false).checkFolder(out));
		// input untouched
		final Map<String, byte[]> after = hashes(in);
		assertEquals(before.keySet(), after.keySet());
		for (final String k : before.keySet()) assertArrayEquals(before.get(k), after.get(k), k);
		// output folder inside (or equal to) the input folder refused before anything is written
		final IllegalArgumentException inside = assertThrows(IllegalArgumentException.class, () -> run(in, in.resolve("sub/out"),
			EnumSet.noneOf(DeidOption.class), false));
		assertTrue(inside.getMessage().contains("inside the input folder"), inside.getMessage());
		assertFalse(Files.exists(in.resolve("sub/out")));
		final IllegalArgumentException same = assertThrows(IllegalArgumentException.class, () -> run(in, in.resolve("sub/.."),
			EnumSet.noneOf(DeidOption.class), false));
		assertTrue(same.getMessage().contains("is the input folder"), same.getMessage());
		final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> run(tmp.resolve("nope"), out,
			EnumSet.noneOf(DeidOption.class), false));
		assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
	}

	private static Map<String, byte[]> hashes(final Path dir) throws Exception {
		final Map<String, byte[]> m = new TreeMap<>();
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path p : s.filter(Files::isRegularFile).collect(Collectors.toList()))
				m.put(dir.relativize(p).toString(), MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
		}
		return m;
	}

	/**
	 * Folder names are often patient names and record numbers: the audit log inside the output names
	 * inputs by id only; the path map is written where asked (owner-only), never inside the output.
	 * Output files, folders and the audit get the process's usual permissions, all the same.
	 */
	@Test
	void auditHoldsNoInputPathsAndThePathMapOnlyWhereAsked(@TempDir final Path tmp) throws Exception {
		final Path in = tmp.resolve("in");
		final Path patient = Files.createDirectories(in.resolve("DOE_JOHN_MRN448812"));
		Files.copy(study.resolve("seriesA/a1.dcm"), patient.resolve("DOE_JOHN_CT_1.dcm"));
		Files.copy(fixtures.resolve("bad/truncated.dcm"), patient.resolve("DOE_JOHN_cut.dcm"));
		Files.copy(study.resolve("seriesA/a2.dcm"), patient.resolve("DOE, \"JOHN\" 2.dcm"));
		final Path out = tmp.resolve("out");
		final Path map = tmp.resolve("keys/paths.csv");
		final DeidKey key = new DeidKey(KEY);
		final DicomDeidentifier d = new DicomDeidentifier(ConfidentialityProfile.standard(), EnumSet.noneOf(DeidOption.class), new UidMapper(key),
			PatientPseudonyms.hashed(key));
		final DeidRun.Report r = new DeidRun(in, out, d, key, false, 1, map).run(ProgressListener.NONE);
		assertEquals(2, r.count(DeidRun.Status.WRITTEN));
		assertEquals(1, r.count(DeidRun.Status.FAILED));
		final String audit = Files.readString(r.auditLog());
		// a name with a comma and quotes is one quoted cell, read back as it was
		final List<CsvText.Row> mapRows = CsvText.read(Files.readString(map), map.toString());
		assertEquals(4, mapRows.size());
		assertTrue(mapRows.stream().anyMatch(row -> row.get(0).equals("DOE_JOHN_MRN448812/DOE, \"JOHN\" 2.dcm")
			&& row.get(1).equals(key.hex("file", "DOE_JOHN_MRN448812/DOE, \"JOHN\" 2.dcm", 8))), Files.readString(map));
		for (final CsvText.Row row : CsvText.read(audit, "audit")) assertEquals(4 + DeidCount.values().length, row.size(), audit);
		assertFalse(audit.toUpperCase(java.util.Locale.ROOT).contains("DOE") || audit.contains("MRN448812") || audit.contains(in.toString()), audit);
		DeidOutputChecker.assertNoInputNames(in, out);
		// the map links each input path to its id and output
		assertEquals(Optional.of(map), r.pathMap());
		final List<String> rows = Files.readAllLines(map);
		assertEquals("input_file,input_id,output_file", rows.get(0));
		final String id = key.hex("file", "DOE_JOHN_MRN448812/DOE_JOHN_CT_1.dcm", 8);
		assertTrue(rows.contains("DOE_JOHN_MRN448812/DOE_JOHN_CT_1.dcm," + id + ",D" + key.hex("dir", "DOE_JOHN_MRN448812/", 6) + "/" + id + ".dcm"),
			rows.toString());
		assertTrue(audit.contains("\n" + id + ",D"), audit);
		assertTrue(audit.contains("\n" + key.hex("file", "DOE_JOHN_MRN448812/DOE_JOHN_cut.dcm", 8) + ",,failed,"), audit);
		if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
			assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(map), "the path map re-identifies: owner only");
			// every output file the same as any new file of this process (umask), not private temp-file modes
			final Path probe = Files.createFile(tmp.resolve("probe"));
			final Set<PosixFilePermission> usual = Files.getPosixFilePermissions(probe);
			try (Stream<Path> s = Files.walk(out)) {
				for (final Path p : s.filter(Files::isRegularFile).collect(Collectors.toList()))
					assertEquals(usual, Files.getPosixFilePermissions(p), p.toString());
			}
		}
		// never inside the output (or input) folder
		final IllegalArgumentException inside = assertThrows(IllegalArgumentException.class,
			() -> new DeidRun(in, out, d, key, false, 1, out.resolve("paths.csv")));
		assertTrue(inside.getMessage().contains("inside the output folder"), inside.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new DeidRun(in, out, d, key, false, 1, patient.resolve("paths.csv")));
		// without a map: none written anywhere
		final DeidRun.Report noMap = new DeidRun(in, tmp.resolve("out2"), d, key, false, 1).run(ProgressListener.NONE);
		assertEquals(Optional.empty(), noMap.pathMap());
	}
}

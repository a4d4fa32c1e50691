package org.medprep.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.testutil.DicomBytes;

/**
 * A folder scan survives every bad file: each is skipped with one reason naming
 * the problem (no Java class names), the good files beside it are still read.
 * The findings of issue 13's fuzzing, one test each.
 */
class FolderIsolationTest {

	@TempDir
	Path tmp;

	/** ct_sagittal (5 slices) copied into {@code name}, slice IM0001 replaced by {@code bad}. */
	private Path seriesWithBadSlice(final String name, final byte[] bad) throws Exception {
		final Path dir = Files.createDirectories(tmp.resolve(name));
		try (java.util.stream.Stream<Path> s = Files.list(Fixtures.get("ct_sagittal"))) {
			for (final Path f : (Iterable<Path>) s::iterator) Files.copy(f, dir.resolve(f.getFileName()));
		}
		Files.write(dir.resolve("IM0001.dcm"), bad);
		return dir;
	}

	static byte[] withDs(final String slice, final int tag, final String value) throws Exception {
		return DicomBytes.withDs(Fixtures.get(slice), tag, value);
	}

	private static void assertUserMessage(final String m) {
		assertFalse(m.contains("Exception") || m.contains("java.") || m.contains("\n"), m);
	}

	@Test
	void zeroOrientationIsSkippedAndTheRestOfTheSeriesLoads() throws Exception {
		final Path dir = seriesWithBadSlice("zero_iop", withDs("ct_sagittal/IM0001.dcm", Tags.ImageOrientationPatient, "0\\0\\0\\0\\0\\0"));
		final DicomFolder.Scan scan = DicomFolder.scan(dir);
		assertEquals(1, scan.series().size());
		assertEquals(4, scan.series().get(0).frames().size(), "the four good slices");
		assertEquals(1, scan.errors().size());
		final DicomFolder.Skipped bad = scan.errors().get(0);
		assertEquals(dir.resolve("IM0001.dcm"), bad.file());
		assertTrue(bad.reason().startsWith("ImageOrientationPatient [0.0, 0.0, 0.0, 0.0, 0.0, 0.0] has a zero row or column direction"), bad.reason());
		assertUserMessage(bad.reason());
		// the series table and the loader work on what is left
		assertFalse(DicomSeriesSummary.of(scan.series().get(0)).problem().isPresent());
		assertEquals(4, DicomSeriesLoader.load(scan.series().get(0)).volume().dimension(2));
	}

	@Test
	void parallelOrientationVectorsAreSkipped() throws Exception {
		final Path dir = seriesWithBadSlice("parallel", withDs("ct_sagittal/IM0001.dcm", Tags.ImageOrientationPatient, "0\\1\\0\\0\\1\\0"));
		final DicomFolder.Skipped bad = DicomFolder.scan(dir).errors().get(0);
		assertTrue(bad.reason().contains("not perpendicular"), bad.reason());
	}

	@Test
	void absurdPixelSpacingIsRefusedBeforeAnyVolumeIsMade() throws Exception {
		final Path dir = seriesWithBadSlice("huge_spacing", withDs("ct_sagittal/IM0001.dcm", Tags.PixelSpacing, "1e308\\1"));
		final DicomFolder.Scan scan = DicomFolder.scan(dir);
		assertEquals(4, scan.series().get(0).frames().size());
		final String reason = scan.errors().get(0).reason();
		assertEquals("PixelSpacing 1.0E308\\1.0 is not a plausible pixel size (0.000001 to 1000000 mm)", reason);
	}

	@Test
	void absurdPositionIsRefused() throws Exception {
		final Path dir = seriesWithBadSlice("far", withDs("ct_sagittal/IM0001.dcm", Tags.ImagePositionPatient, "1e300\\0\\0"));
		final String reason = DicomFolder.scan(dir).errors().get(0).reason();
		assertTrue(reason.startsWith("ImagePositionPatient [1.0E300, 0.0, 0.0] is not a plausible position"), reason);
	}

	@Test
	void symbolicLinksToFoldersAndFilesAreFollowedOnceAndLoopsReported() throws Exception {
		final Path study = Files.createDirectories(tmp.resolve("study"));
		Files.createSymbolicLink(study.resolve("axial"), Fixtures.get("ct_axial"));
		Files.createSymbolicLink(study.resolve("again"), study.resolve("axial")); // the same series through a second link
		Files.createDirectories(study.resolve("sub"));
		Files.createSymbolicLink(study.resolve("sub/one.dcm"), Fixtures.get("ct_sagittal/IM0001.dcm"));
		Files.createSymbolicLink(study.resolve("sub/loop"), study); // a link back up
		Files.createSymbolicLink(study.resolve("gone.dcm"), tmp.resolve("nothing-here.dcm"));
		final DicomFolder.Scan scan = DicomFolder.scan(study);
		assertEquals(2, scan.series().size(), scan.skipped().toString());
		assertEquals(6, scan.series().get(0).frames().size(), "ct_axial's slices read once, not twice");
		assertEquals(1, scan.series().get(1).frames().size());
		assertTrue(scan.errors().isEmpty(), "links are not errors: " + scan.errors());
		assertTrue(scan.skipped().stream().anyMatch(s -> s.reason().startsWith("symbolic link loop")), scan.skipped().toString());
		assertTrue(scan.skipped().stream().anyMatch(s -> s.reason().equals("broken symbolic link")), scan.skipped().toString());
		assertTrue(scan.skipped().stream().anyMatch(s -> s.reason().contains("reached through a symbolic link")), scan.skipped().toString());
		// a link to a series folder is a folder to scan, not a file
		assertEquals(1, DicomFolder.scan(study.resolve("axial")).series().size());
	}

	/**
	 * The fuzzing finding: a small deflated file whose data set inflates to a
	 * huge private OB. A header-only scan inflates past the value without
	 * keeping it (so it cannot run out of memory), and still reads the header
	 * and the pixel data.
	 */
	@Test
	void deflatedFileWithAHugePrivateValueIsScannedWithoutKeepingIt() throws Exception {
		final int huge = 64 << 20;
		final Path bomb = tmp.resolve("bomb.dcm");
		Files.write(bomb, deflatedWithPrivateOb(huge));
		assertTrue(Files.size(bomb) < huge / 500, "a small file: " + Files.size(bomb));
		final DicomFile header = DicomParser.readHeader(bomb);
		final DicomElement big = header.dataset().require(Tags.of(0x0009, 0x1010));
		assertEquals(huge, big.length());
		assertFalse(big.isLoaded(), "the private value is not held in memory");
		assertTrue(big.isInDeflatedStream());
		final DicomFolder.Scan scan = DicomFolder.scan(tmp);
		assertEquals(1, scan.series().size(), scan.skipped().toString());
		// the pixel data come back by inflating the file again, alone
		final DicomSeriesVolume v = DicomSeriesLoader.load(scan.series().get(0));
		assertArrayEquals(new long[] { 3, 2, 1 }, v.volume().dimensions());
		assertEquals(-1024 + 6, DicomSeriesLoaderTest.at(v.volume().data(), 2, 1, 0), 0);
		// and the large value itself, when asked for
		final byte[] value = big.bytes();
		assertEquals(huge, value.length);
		assertEquals(7, value[huge - 1]);
	}

	/** A deflated explicit VR LE CT slice of 3x2 pixels (stored 1..6, intercept -1024) with a private OB of {@code n} bytes (last byte 7). */
	static byte[] deflatedWithPrivateOb(final int n) throws Exception {
		final ByteArrayOutputStream meta = new ByteArrayOutputStream();
		element(meta, 0x0002, 0x0001, "OB", new byte[] { 0, 1 });
		element(meta, 0x0002, 0x0002, "UI", ui("1.2.840.10008.5.1.4.1.1.2"));
		element(meta, 0x0002, 0x0003, "UI", ui("1.2.826.0.1.3680043.8.498.7733.1"));
		element(meta, 0x0002, 0x0010, "UI", ui("1.2.840.10008.1.2.1.99"));
		final ByteArrayOutputStream raw = new ByteArrayOutputStream();
		final Deflater deflater = new Deflater(9, true);
		try (DeflaterOutputStream ds = new DeflaterOutputStream(raw, deflater, 1 << 16)) {
			final ByteArrayOutputStream h = new ByteArrayOutputStream();
			element(h, 0x0008, 0x0016, "UI", ui("1.2.840.10008.5.1.4.1.1.2"));
			element(h, 0x0008, 0x0018, "UI", ui("1.2.826.0.1.3680043.8.498.7733.1"));
			element(h, 0x0008, 0x0060, "CS", "CT".getBytes(StandardCharsets.US_ASCII));
			element(h, 0x0009, 0x0010, "LO", "BOMB".getBytes(StandardCharsets.US_ASCII));
			ds.write(h.toByteArray());
			final ByteBuffer obHeader = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
			obHeader.putShort((short) 0x0009).putShort((short) 0x1010).put((byte) 'O').put((byte) 'B').putShort((short) 0).putInt(n);
			ds.write(obHeader.array());
			final byte[] zeros = new byte[1 << 20];
			for (int left = n - 1; left > 0; left -= Math.min(left, zeros.length)) ds.write(zeros, 0, Math.min(left, zeros.length));
			ds.write(7);
			final ByteArrayOutputStream t = new ByteArrayOutputStream();
			element(t, 0x0020, 0x000D, "UI", ui("1.2.826.0.1.3680043.8.498.7733.2"));
			element(t, 0x0020, 0x000E, "UI", ui("1.2.826.0.1.3680043.8.498.7733.3"));
			element(t, 0x0020, 0x0032, "DS", "0\\0\\0 ".getBytes(StandardCharsets.US_ASCII));
			element(t, 0x0020, 0x0037, "DS", "1\\0\\0\\0\\1\\0 ".getBytes(StandardCharsets.US_ASCII));
			element(t, 0x0028, 0x0010, "US", new byte[] { 2, 0 });
			element(t, 0x0028, 0x0011, "US", new byte[] { 3, 0 });
			element(t, 0x0028, 0x0030, "DS", "1\\1 ".getBytes(StandardCharsets.US_ASCII));
			element(t, 0x0028, 0x0100, "US", new byte[] { 16, 0 });
			element(t, 0x0028, 0x0101, "US", new byte[] { 16, 0 });
			element(t, 0x0028, 0x0102, "US", new byte[] { 15, 0 });
			element(t, 0x0028, 0x0103, "US", new byte[] { 0, 0 });
			element(t, 0x0028, 0x1052, "DS", "-1024 ".getBytes(StandardCharsets.US_ASCII));
			element(t, 0x0028, 0x1053, "DS", "1 ".getBytes(StandardCharsets.US_ASCII));
			element(t, 0x7FE0, 0x0010, "OW", new byte[] { 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0 });
			ds.write(t.toByteArray());
		}
		finally {
			deflater.end();
		}
		final ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.write(new byte[128]);
		file.write("DICM".getBytes(StandardCharsets.US_ASCII));
		element(file, 0x0002, 0x0000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array());
		file.write(meta.toByteArray());
		file.write(raw.toByteArray());
		if (file.size() % 2 == 1) file.write(0);
		return file.toByteArray();
	}

	private static byte[] ui(final String uid) {
		final byte[] b = uid.getBytes(StandardCharsets.US_ASCII);
		return b.length % 2 == 0 ? b : Arrays.copyOf(b, b.length + 1);
	}

	private static void element(final ByteArrayOutputStream out, final int group, final int element, final String vr, final byte[] value) {
		final boolean longForm = vr.equals("OB") || vr.equals("OW") || vr.equals("SQ") || vr.equals("UN") || vr.equals("UT");
		final ByteBuffer h = ByteBuffer.allocate(longForm ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
		h.putShort((short) group).putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII));
		if (longForm) h.putShort((short) 0).putInt(value.length);
		else h.putShort((short) value.length);
		out.write(h.array(), 0, h.position());
		out.write(value, 0, value.length);
	}

	@Test
	void unreadableFilesAreErrorsAndNotDicomFilesAreNot() throws Exception {
		final Path dir = seriesWithBadSlice("mixed", Arrays.copyOf(Files.readAllBytes(Fixtures.get("ct_sagittal/IM0001.dcm")), 600));
		Files.write(dir.resolve("notes.txt"), "not an image".getBytes(StandardCharsets.US_ASCII));
		final DicomFolder.Scan scan = DicomFolder.scan(dir);
		assertEquals(2, scan.skipped().size());
		final List<DicomFolder.Skipped> errors = scan.errors();
		assertEquals(1, errors.size());
		assertTrue(errors.get(0).reason().contains("truncated"), errors.get(0).reason());
		assertUserMessage(errors.get(0).reason());
	}
}

package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.GeneratedFiles;
import org.medprep.testutil.DicomBytes;

/**
 * medprep convert and info over folders holding one bad file beside good
 * series: the bad file gets one line naming it and the problem (no Java class
 * names), no output, a non-zero exit; the good series are still converted.
 */
class CliFolderIsolationTest {

	private static final Path FIXTURES = GeneratedFiles.projectDir().resolve("src/test/resources/org/medprep/io/dicom/fixtures");
	private static final int IOP = 0x00200037;
	private static final int PIXEL_SPACING = 0x00280030;

	@TempDir
	Path dir;

	/** ct_axial plus one more file, {@code bad}, in its own subfolder. */
	private Path study(final byte[] bad) throws IOException {
		final Path study = Files.createDirectories(dir.resolve("study"));
		final Path axial = Files.createDirectories(study.resolve("axial"));
		try (Stream<Path> s = Files.list(FIXTURES.resolve("ct_axial"))) {
			for (final Path f : (Iterable<Path>) s::iterator) Files.copy(f, axial.resolve(f.getFileName()));
		}
		Files.write(Files.createDirectories(study.resolve("other")).resolve("bad.dcm"), bad);
		return study;
	}

	private static void assertOneLineUserMessage(final String err, final String fileName, final String problem) {
		final List<String> lines = Arrays.stream(err.split("\n")).filter(l -> l.contains(fileName)).collect(Collectors.toList());
		assertEquals(1, lines.size(), err);
		assertTrue(lines.get(0).contains(problem), err);
		assertFalse(err.contains("Exception") || err.contains("java.") || err.contains("\tat "), err);
	}

	@Test
	void zeroOrientationDoesNotStopConvertOrInfo() throws IOException {
		final Path study = study(DicomBytes.withDs(FIXTURES.resolve("ct_sagittal/IM0001.dcm"), IOP, "0\\0\\0\\0\\0\\0"));
		final CliTest.Run convert = CliTest.cli("convert", study.toString(), dir.resolve("out").toString());
		assertEquals(1, convert.code, convert.err);
		assertOneLineUserMessage(convert.err, "bad.dcm", "ImageOrientationPatient");
		assertEquals(List.of("study.json", "study.nii.gz"), listing(dir.resolve("out")), "the good series is written");
		final CliTest.Run info = CliTest.cli("info", study.toString());
		assertEquals(1, info.code, info.err);
		assertTrue(info.out.contains("16x12x6"), info.out);
		assertOneLineUserMessage(info.err, "bad.dcm", "has a zero row or column direction");
		final CliTest.Run json = CliTest.cli("info", "--json", study.toString());
		assertEquals(1, ((List<?>) org.medprep.testutil.Json.parse(json.out)).size(), json.out);
	}

	@Test
	void absurdPixelSpacingIsNeverWritten() throws IOException {
		final Path alone = Files.createDirectories(dir.resolve("alone"));
		Files.write(alone.resolve("bad.dcm"), DicomBytes.withDs(FIXTURES.resolve("ct_sagittal/IM0001.dcm"), PIXEL_SPACING, "1e308\\1"));
		final CliTest.Run r = CliTest.cli("convert", alone.toString(), dir.resolve("out").toString());
		assertTrue(r.code != 0, r.out);
		assertTrue(r.err.contains("PixelSpacing 1.0E308\\1.0 is not a plausible pixel size"), r.err);
		assertFalse(Files.exists(dir.resolve("out")) && listing(dir.resolve("out")).size() > 0, "nothing written");
		final Path study = study(DicomBytes.withDs(FIXTURES.resolve("ct_sagittal/IM0001.dcm"), PIXEL_SPACING, "1e308\\1"));
		final CliTest.Run folder = CliTest.cli("convert", study.toString(), dir.resolve("out2").toString());
		assertEquals(1, folder.code, folder.err);
		assertEquals(List.of("study.json", "study.nii.gz"), listing(dir.resolve("out2")));
	}

	@Test
	void niftiWithAbsurdSpacingIsRefusedNamingTheFile() throws IOException {
		final CliTest.Run ok = CliTest.cli("convert", FIXTURES.resolve("ct_axial").toString(), dir.resolve("ct.nii").toString());
		assertEquals(0, ok.code, ok.err);
		final byte[] b = Files.readAllBytes(dir.resolve("ct.nii"));
		// pixdim[1] and srow_x[0]: a 1e30 mm voxel along x, whichever transform a reader takes
		java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(80, 1e30f).putFloat(280, -1e30f);
		final Path bad = dir.resolve("bad.nii");
		Files.write(bad, b);
		final CliTest.Run info = CliTest.cli("info", bad.toString());
		assertTrue(info.code != 0);
		assertTrue(info.err.startsWith("medprep: " + bad + ": "), info.err);
		assertTrue(info.err.contains("not a plausible voxel size"), info.err);
		assertFalse(info.err.contains("Exception"), info.err);
	}

	@Test
	void truncatedGzipSaysWhatIsWrong() throws IOException {
		assertEquals(0, CliTest.cli("convert", FIXTURES.resolve("ct_axial").toString(), dir.resolve("ct.nii.gz").toString()).code);
		final byte[] whole = Files.readAllBytes(dir.resolve("ct.nii.gz"));
		for (final int keep : new int[] { 5, whole.length / 2, whole.length - 3 }) {
			final Path cut = dir.resolve("cut" + keep + ".nii.gz");
			Files.write(cut, Arrays.copyOf(whole, keep));
			// info reads the header only: a cut inside the header fails there; the voxels are read by convert
			final CliTest.Run r = keep == 5 ? CliTest.cli("info", cut.toString()) : CliTest.cli("convert", cut.toString(), dir.resolve("out" + keep + ".nii").toString());
			assertTrue(r.code != 0, "cut at " + keep);
			assertTrue(r.err.startsWith(keep == 5 ? "medprep: " + cut + ": truncated" : "FAILED " + cut + ": " + cut + ": truncated"), r.err);
			assertFalse(r.err.contains("null"), r.err);
		}
	}

	private static List<String> listing(final Path d) throws IOException {
		try (Stream<Path> s = Files.list(d)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}

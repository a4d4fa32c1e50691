package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.GeneratedFiles;
import org.medprep.core.Volume;
import org.medprep.io.ImageFormats;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomLoadOptions;
import org.medprep.io.dicom.DicomSeriesLoader;
import org.medprep.testutil.Json;
import org.medprep.testutil.TestVolumes;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/** medprep convert, info and run on DICOM folders (the pydicom fixtures of io.dicom). */
class CliDicomTest {

	private static final Path FIXTURES = GeneratedFiles.projectDir().resolve("src/test/resources/org/medprep/io/dicom/fixtures");

	@TempDir
	Path dir;

	@Test
	void convertWritesOneNiftiPerSeriesWithTheLoadersValuesAndGeometry() throws IOException {
		final CliTest.Run r = CliTest.cli("convert", FIXTURES.resolve("two_series").toString(), dir.resolve("out").toString());
		assertEquals(0, r.code, r.err);
		final List<String> files = listing(dir.resolve("out")).stream().filter(f -> f.endsWith(".nii.gz")).collect(Collectors.toList());
		assertEquals(2, files.size(), files.toString());
		assertEquals(4, listing(dir.resolve("out")).size(), "each with its JSON sidecar");
		final List<Volume<?>> expected = DicomFolder.select(DicomFolder.scan(FIXTURES.resolve("two_series")), DicomLoadOptions.defaults()).stream()
			.map(s -> {
				try {
					return (Volume<?>) DicomSeriesLoader.load(s, DicomLoadOptions.defaults(), org.medprep.core.ProgressListener.NONE).volume();
				}
				catch (final IOException e) {
					throw new IllegalStateException(e);
				}
			}).collect(Collectors.toList());
		for (int i = 0; i < 2; i++) {
			final Volume<?> back = ImageFormats.read(dir.resolve("out").resolve(files.get(i)));
			final Volume<?> want = expected.get(i);
			assertTrue(back.geometry().sameSpace(want.geometry(), 1e-4), back.geometry() + " vs " + want.geometry());
			org.junit.jupiter.api.Assertions.assertArrayEquals(values(want), values(back), 0);
		}
	}

	@Test
	void convertOneSeriesToAFileAndRefuseSeveralToAFile() {
		final CliTest.Run one = CliTest.cli("convert", FIXTURES.resolve("ct_axial").toString(), dir.resolve("ct.nii.gz").toString());
		assertEquals(0, one.code, one.err);
		assertTrue(Files.isRegularFile(dir.resolve("ct.nii.gz")));
		final CliTest.Run two = CliTest.cli("convert", FIXTURES.resolve("two_series").toString(), dir.resolve("both.nii.gz").toString());
		assertEquals(2, two.code);
		assertTrue(two.err.contains("holds 2 series: give an output folder"), two.err);
	}

	@Test
	void infoListsSeriesWithPlane() {
		final CliTest.Run r = CliTest.cli("info", "--json", FIXTURES.resolve("ct_sagittal").toString());
		assertEquals(0, r.code, r.err);
		final List<?> rows = (List<?>) Json.parse(r.out);
		assertEquals(1, rows.size());
		assertTrue(((Map<?, ?>) rows.get(0)).values().stream().anyMatch(v -> String.valueOf(v).toLowerCase().contains("sagittal")), r.out);
		final CliTest.Run none = CliTest.cli("info", dir.toString());
		assertTrue(none.code != 0);
		assertTrue(none.err.contains(dir.toString()), none.err);
	}

	@Test
	void runTakesADicomFolderAsCases() throws IOException {
		final CliTest.Run r = CliTest.cli("run", "--step", "run(\"Clip Intensity\", \"min=-1000 max=400\");", "-i", FIXTURES.resolve("ct_axial").toString(), "-o",
			dir.resolve("out").toString());
		assertEquals(0, r.code, r.err);
		// named from series number, modality and a digest of the Series Instance UID, never from patient data or folder names
		final String name = "s001_CT_" + org.medprep.cli.batch.Digests.sha256Hex("1.2.826.0.1.3680043.8.498.7731.1.1", 8) + ".nii.gz";
		assertEquals(List.of("manifest.jsonl", name), listing(dir.resolve("out")));
		for (final double v : values(ImageFormats.read(dir.resolve("out").resolve(name)))) assertTrue(v >= -1000 && v <= 400, "clipped: " + v);
	}

	@SuppressWarnings("unchecked")
	private static double[] values(final Volume<?> v) {
		return TestVolumes.values((RandomAccessibleInterval<? extends RealType<?>>) (Object) v.data());
	}

	private static List<String> listing(final Path d) throws IOException {
		try (Stream<Path> s = Files.list(d)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}

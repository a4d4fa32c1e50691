package org.medprep.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;
import org.medprep.testutil.Json;

/**
 * Multi-echo, multi-temporal and diffusion series and single images without
 * geometry, against what dcm2niix made of the same files
 * (make_convert_fixtures.py, convert/dcm2niix.json): the same split into
 * files (one per echo; one 4D file for time points and b-values), the same
 * shapes, the same values per volume, the same b-values.
 */
class SeriesSplitTest {

	@TempDir
	Path tmp;

	static Path convert(final String name) {
		return Fixtures.root().getParent().resolve("convert").resolve(name);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> dcm2niix(final String input) throws Exception {
		final Map<String, Object> all = (Map<String, Object>) Json.parse(new String(Files.readAllBytes(convert("dcm2niix.json")), StandardCharsets.UTF_8));
		return (Map<String, Object>) all.get(input);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> nifti(final Map<String, Object> d, final String file) {
		return (Map<String, Object>) ((Map<String, Object>) d.get("nifti")).get(file);
	}

	/** dcm2niix flips rows (its first voxel is the last row of the DICOM image): our voxel (0, rows-1, 0) of each volume. */
	private static double[] firstVoxels(final List<DicomSeriesVolume> volumes) {
		final double[] v = new double[volumes.size()];
		for (int t = 0; t < v.length; t++) {
			final Volume<?> vol = volumes.get(t).volume();
			v[t] = DicomSeriesLoaderTest.at(vol.data(), 0, (int) vol.dimension(1) - 1, 0);
		}
		return v;
	}

	@Test
	void echoesBecomeOneSeriesEachAsDcm2niixWritesOneFileEach() throws Exception {
		final DicomFolder.Scan scan = DicomFolder.scan(convert("echo"));
		final Map<String, Object> d = dcm2niix("echo");
		final List<String> theirs = ((List<?>) d.get("files")).stream().map(Object::toString).filter(f -> f.endsWith(".nii"))
			.collect(Collectors.toList());
		assertEquals(List.of("echo_11_e1.nii", "echo_11_e2.nii", "echo_11_e3.nii"), theirs);
		final List<String> ours = new ArrayList<>();
		for (final DicomSeries s : scan.series()) {
			ours.add("echo_" + s.seriesNumber() + "_" + s.part() + ".nii");
			assertEquals(4, s.frames().size());
			final List<DicomSeriesVolume> v = DicomSeriesLoader.loadAll(s, DicomLoadOptions.defaults(), ProgressListener.NONE);
			assertEquals(1, v.size());
			final Map<String, Object> n = nifti(d, ours.get(ours.size() - 1));
			assertArrayEquals(Json.doubles(n.get("shape")), new double[] { 5, 4, 4 }, 0);
			assertArrayEquals(Json.doubles(n.get("first_voxels")), firstVoxels(v), 0);
		}
		assertEquals(theirs, ours);
	}

	@Test
	void timePointsAndBValuesBecomeOne4DSeries() throws Exception {
		for (final String name : new String[] { "time", "dwi" }) {
			final DicomFolder.Scan scan = DicomFolder.scan(convert(name));
			assertEquals(1, scan.series().size());
			final DicomSeries s = scan.series().get(0);
			final List<DicomSeriesVolume> v = DicomSeriesLoader.loadAll(s, DicomLoadOptions.defaults(), ProgressListener.NONE);
			final Map<String, Object> n = nifti(dcm2niix(name), name + "_" + s.seriesNumber() + ".nii");
			assertArrayEquals(Json.doubles(n.get("shape")), new double[] { 5, 4, 4, v.size() }, 0, name);
			assertArrayEquals(Json.doubles(n.get("first_voxels")), firstVoxels(v), 0, name);
			for (final DicomSeriesVolume x : v) assertTrue(x.volume().geometry().sameSpace(v.get(0).volume().geometry(), 0));
			assertEquals(3, DicomSeriesSummary.of(s).volumeCount());
			assertTrue(DicomSeriesSummary.of(s).row()[5].equals("5x4x4x3"), DicomSeriesSummary.of(s).row()[5]);
			final DicomException e = assertThrows(DicomException.class, () -> DicomSeriesLoader.load(s));
			assertTrue(e.getMessage().contains("holds 3 volumes at the same slice positions"), e.getMessage());
		}
		final SeriesVolumes dwi = SeriesVolumes.of(DicomFolder.scan(convert("dwi")).series().get(0));
		assertEquals(SeriesVolumes.Kind.DIFFUSION, dwi.kind());
		@SuppressWarnings("unchecked")
		final String bval = (String) ((Map<String, Object>) dcm2niix("dwi").get("text")).get("dwi_13.bval");
		final String[] b = bval.trim().split(" ");
		assertArrayEquals(new double[] { Double.parseDouble(b[0]), Double.parseDouble(b[1]), Double.parseDouble(b[2]) }, dwi.bValues(), 0);
		assertEquals(SeriesVolumes.Kind.TEMPORAL, SeriesVolumes.of(DicomFolder.scan(convert("time")).series().get(0)).kind());
	}

	@Test
	void unevenRepeatsAreRefused() throws Exception {
		final Path copy = Files.createDirectories(tmp.resolve("time"));
		try (java.util.stream.Stream<Path> s = Files.list(convert("time"))) {
			for (final Path f : (Iterable<Path>) s::iterator) Files.copy(f, copy.resolve(f.getFileName()));
		}
		Files.delete(copy.resolve("IM0005.dcm"));
		final DicomSeries s = DicomFolder.scan(copy).series().get(0);
		final DicomException e = assertThrows(DicomException.class, () -> DicomSeriesLoader.loadAll(s, DicomLoadOptions.defaults(), ProgressListener.NONE));
		assertTrue(e.getMessage().contains("in some places but not in others: positions occur 2 to 3 times"), e.getMessage());
		assertTrue(DicomSeriesSummary.of(s).problem().isPresent());
	}

	@Test
	void singleImagesWithoutGeometryLoadAsOneSliceWithAWarning() throws Exception {
		final DicomFolder.Scan scan = DicomFolder.scan(convert("no_geometry"));
		assertEquals(2, scan.series().size(), scan.skipped().toString());
		final Map<String, Object> d = dcm2niix("no_geometry");
		final DicomSeriesVolume sc = DicomSeriesLoader.load(scan.series().get(0));
		final DicomSeriesVolume dx = DicomSeriesLoader.load(scan.series().get(1));
		assertArrayEquals(Json.doubles(nifti(d, "no_geometry_31.nii").get("shape")), new double[] { 7, 6, 1 }, 0);
		assertArrayEquals(new long[] { 7, 6, 1 }, sc.volume().dimensions());
		assertArrayEquals(Json.doubles(nifti(d, "no_geometry_32.nii").get("shape")), new double[] { 9, 8, 1 }, 0);
		assertArrayEquals(new long[] { 9, 8, 1 }, dx.volume().dimensions());
		assertArrayEquals(Json.doubles(nifti(d, "no_geometry_32.nii").get("first_voxels")), new double[] { DicomSeriesLoaderTest.at(dx.volume().data(), 0, 7, 0) }, 0);
		assertArrayEquals(new double[] { 1, 1, 1 }, sc.volume().geometry().spacing(), 0, "no spacing given: 1 mm");
		assertArrayEquals(new double[] { 0.143, 0.139, 1 }, dx.volume().geometry().spacing(), 1e-12, "Imager Pixel Spacing: row 0.139, column 0.143");
		assertArrayEquals(new double[3], dx.volume().geometry().origin(), 0);
		assertTrue(String.join("\n", sc.warnings()).contains("does not say where it is: no ImagePositionPatient"), sc.warnings().toString());
		assertTrue(String.join("\n", dx.warnings()).contains("ImagerPixelSpacing, at the detector"), dx.warnings().toString());
	}

	@Test
	void severalImagesWithoutGeometryInOneSeriesAreOneVolumeEach() throws Exception {
		final Path dir = Files.createDirectories(tmp.resolve("sc"));
		final byte[] one = Files.readAllBytes(convert("no_geometry/sc.dcm"));
		Files.write(dir.resolve("a.dcm"), one);
		// the same screenshot series twice would be the same image: change the SOP instance and instance numbers
		final String text = new String(one, StandardCharsets.ISO_8859_1);
		Files.write(dir.resolve("b.dcm"), text.replace("7735.31.1", "7735.31.2").getBytes(StandardCharsets.ISO_8859_1));
		final DicomFolder.Scan scan = DicomFolder.scan(dir);
		assertEquals(2, scan.series().size(), scan.series().toString());
		for (final DicomSeries s : scan.series()) assertEquals(1, DicomSeriesLoader.load(s).volume().dimension(2));
	}
}

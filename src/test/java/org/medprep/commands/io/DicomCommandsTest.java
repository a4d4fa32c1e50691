package org.medprep.commands.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;

/** The DICOM commands run headless through a real SciJava context, on the pydicom fixtures of io.dicom. */
class DicomCommandsTest extends HeadlessCommandTest {


	static Path fixture(final String name) throws Exception {
		return Paths.get(DicomCommandsTest.class.getResource("/org/medprep/io/dicom/fixtures/expectations.json").toURI()).getParent().resolve(name);
	}

	private static ImagePlus importSeries(final String options) {
		return (ImagePlus) invocation.run(commands.getCommand(ImportDicomSeriesCommand.class.getName()), options, null).outputs().get("result");
	}

	private static double at(final Volume<? extends RealType<?>> v, final int x, final int y, final int z) {
		final RandomAccess<? extends RealType<?>> ra = v.data().randomAccess();
		ra.setPosition(new int[] { x, y, z });
		return ra.get().getRealDouble();
	}

	@Test
	void importsACtSeriesInHounsfieldUnitsWithGeometry() throws Exception {
		final ImagePlus imp = importSeries("folder=[" + fixture("ct_axial") + "]");
		assertEquals("CT axial implicit", imp.getTitle());
		assertEquals(6, imp.getStackSize());
		assertEquals(ImagePlus.GRAY16, imp.getType(), "integer HU kept as ImageJ's signed 16-bit, as ImageJ opens CT");
		assertTrue(imp.getCalibration().isSigned16Bit());
		assertEquals(0.8, imp.getCalibration().pixelWidth, 1e-12);
		assertEquals(0.7, imp.getCalibration().pixelHeight, 1e-12);
		assertEquals(2.5, imp.getCalibration().pixelDepth, 1e-12, "spacing from positions, not SliceThickness (3)");
		final Volume<? extends RealType<?>> v = ImagePlusVolumes.toVolume(imp);
		assertEquals(1000 + 37 * 2 + 5 * 3 + 3 * 4 - 1024, at(v, 4, 3, 2), 0);
		assertEquals(-1024, at(v, 0, 0, 0), 0);
		final Geometry g = v.geometry();
		assertEquals(-50, g.origin(2), 1e-9);
		assertEquals("HU", v.metadata().get(Volume.UNITS));
		assertEquals(List.of("run(\"Import DICOM Series\", \"folder=" + fixture("ct_axial")
			+ " plane=all plane_tolerance=10.0 series_index=0 replace_padding=false padding_value=-1000.0\");"), HistoryStore.of(imp).lines());
	}

	@Test
	void planeFilterAndSeriesIndex() throws Exception {
		final ImagePlus sag = importSeries("folder=[" + fixture("two_series") + "] plane=sagittal");
		assertEquals("two B", sag.getTitle());
		final ImagePlus second = importSeries("folder=[" + fixture("two_series") + "] series_index=1");
		assertEquals("two B", second.getTitle());
		final CommandFailedException tooLarge = assertThrows(CommandFailedException.class,
			() -> importSeries("folder=[" + fixture("two_series") + "] plane=axial series_index=1"));
		assertTrue(tooLarge.getMessage().contains("has 1 axial series (0 to 0)"), tooLarge.getMessage());
		final CommandFailedException none = assertThrows(CommandFailedException.class,
			() -> importSeries("folder=[" + fixture("two_series") + "] plane=coronal"));
		assertTrue(none.getMessage().contains("no coronal series"), none.getMessage());
	}

	@Test
	void paddingReplacement() throws Exception {
		final ImagePlus imp = importSeries("folder=[" + fixture("ct_axial") + "] replace_padding=true padding_value=-1000");
		final Volume<? extends RealType<?>> v = ImagePlusVolumes.toVolume(imp);
		assertEquals(-1000, at(v, 0, 0, 0), 0);
		assertEquals(1000 + 3 - 1024, at(v, 1, 0, 0), 0);
	}

	@Test
	void refusesCorruptCompressedDataNamingTheFile() {
		// the fixture's JPEG fragment is fake: compressed data is decoded now, so it fails as corrupt
		final CommandFailedException e = assertThrows(CommandFailedException.class,
			() -> importSeries("folder=[" + fixture("jpeg_baseline.dcm") + "]"));
		assertTrue(e.getMessage().contains("jpeg_baseline.dcm: JPEG marker segment FFE0 at byte 2 runs past the data (JPEG Baseline (Process 1))"),
			e.getMessage());
	}

	@Test
	void importsACompressedSeriesAsItsOriginal() throws Exception {
		final Path codec = Paths.get(DicomCommandsTest.class.getResource("/org/medprep/io/dicom/codec/fixtures/manifest.tsv").toURI()).getParent();
		final Volume<? extends RealType<?>> ls = ImagePlusVolumes.toVolume(importSeries("folder=[" + codec.resolve("jpegls_dcmtk/ct_int16") + "]"));
		final Volume<? extends RealType<?>> raw = ImagePlusVolumes.toVolume(importSeries("folder=[" + codec.resolve("original/ct_int16") + "]"));
		assertEquals(raw.geometry(), ls.geometry());
		for (int z = 0; z < 3; z++)
			for (int y = 0; y < 40; y += 3)
				for (int x = 0; x < 48; x += 5)
					assertEquals(at(raw, x, y, z), at(ls, x, y, z), 0, x + "," + y + "," + z);
		assertEquals(-2000 - 1024, at(ls, 0, 0, 0), 0, "the padding corner, in HU");
	}

	@Test
	void seriesInfoTable() throws Exception {
		final ResultsTable t = (ResultsTable) invocation.run(commands.getCommand(DicomSeriesInfoCommand.class.getName()),
			"folder=[" + fixture("two_series") + "]", null).outputs().get("table");
		assertEquals(2, t.size());
		assertEquals("CT", t.getStringValue("Modality", 0));
		assertEquals("axial", t.getStringValue("Plane", 0));
		assertEquals("16x12x3", t.getStringValue("Size", 0));
		assertEquals("1x1x2", t.getStringValue("Spacing (mm)", 0));
		assertEquals("3", t.getStringValue("Files", 0));
		assertEquals("MR", t.getStringValue("Modality", 1));
		assertEquals("sagittal", t.getStringValue("Plane", 1));
		assertEquals("1.2.826.0.1.3680043.8.498.7731.7.1", t.getStringValue("SeriesInstanceUID", 1));
	}

	/** The annotations, the unreadable files and the summary line that medprep info also shows, as outputs. */
	@Test
	void seriesInfoNamesAnnotationsAndUnreadableFiles(@org.junit.jupiter.api.io.TempDir final Path dir) throws Exception {
		final Path study = Paths.get(DicomCommandsTest.class.getResource("/org/medprep/io/dicom/labels/study/rs_ct.dcm").toURI()).getParent();
		final Path copy = dir.resolve("study");
		try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(study)) {
			for (final Path f : (Iterable<Path>) files::iterator) {
				final Path to = copy.resolve(study.relativize(f).toString());
				if (java.nio.file.Files.isDirectory(f)) java.nio.file.Files.createDirectories(to);
				else java.nio.file.Files.copy(f, to);
			}
		}
		final byte[] whole = java.nio.file.Files.readAllBytes(study.resolve("rs_ct.dcm"));
		java.nio.file.Files.write(copy.resolve("cut.dcm"), java.util.Arrays.copyOf(whole, 400)); // DICOM, ending inside its header
		final java.util.Map<String, Object> out = invocation.run(commands.getCommand(DicomSeriesInfoCommand.class.getName()),
			"folder=[" + copy + "]", null).outputs();
		assertEquals(2, ((ResultsTable) out.get("table")).size());
		final ResultsTable annotations = (ResultsTable) out.get("annotations");
		assertEquals(4, annotations.size());
		final List<String> kinds = new java.util.ArrayList<>();
		for (int r = 0; r < annotations.size(); r++) kinds.add(annotations.getStringValue("Kind", r));
		java.util.Collections.sort(kinds);
		assertEquals(List.of("RTSTRUCT", "RTSTRUCT", "SEG", "SEG"), kinds);
		final ResultsTable unreadable = (ResultsTable) out.get("unreadable");
		assertEquals(1, unreadable.size());
		assertEquals(copy.resolve("cut.dcm").toString(), unreadable.getStringValue("File", 0));
		assertTrue(!unreadable.getStringValue("Problem", 0).contains("cut.dcm"), "the problem does not repeat the file: " + unreadable.getStringValue("Problem", 0));
		assertTrue(((String) out.get("summary")).matches("2 series in \\d+ files; 1 files skipped \\(1 unreadable\\); 4 annotations \\(RTSTRUCT, SEG\\)"),
			(String) out.get("summary"));
	}

	/** Nothing to add: no annotation or unreadable table (an empty table in Fiji says nothing). */
	@Test
	void seriesInfoOfPlainSeriesHasOnlyTheSeriesTable() throws Exception {
		final java.util.Map<String, Object> out = invocation.run(commands.getCommand(DicomSeriesInfoCommand.class.getName()),
			"folder=[" + fixture("two_series") + "]", null).outputs();
		assertEquals(null, out.get("annotations"));
		assertEquals(null, out.get("unreadable"));
		assertTrue(((String) out.get("summary")).startsWith("2 series in "), (String) out.get("summary"));
	}
}

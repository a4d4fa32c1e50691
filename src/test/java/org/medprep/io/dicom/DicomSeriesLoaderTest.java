package org.medprep.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;

class DicomSeriesLoaderTest {

	private static final int COLS = 16;
	private static final int ROWS = 12;

	static DicomSeriesVolume loadOne(final String folder) throws DicomException {
		return loadOne(folder, DicomLoadOptions.defaults());
	}

	static DicomSeriesVolume loadOne(final String folder, final DicomLoadOptions options) throws DicomException {
		final List<DicomSeriesVolume> v = DicomFolder.load(Fixtures.get(folder), options);
		assertEquals(1, v.size());
		return v.get(0);
	}

	static double at(final RandomAccessibleInterval<? extends RealType<?>> img, final int x, final int y, final int z) {
		final RandomAccess<? extends RealType<?>> ra = img.randomAccess();
		ra.setPosition(new int[] { x, y, z });
		return ra.get().getRealDouble();
	}

	private static void assertGeometry(final Geometry g, final double[] spacing, final double[] origin, final double[][] dir) {
		assertArrayEquals(spacing, g.spacing(), 1e-6, "spacing");
		assertArrayEquals(origin, g.origin(), 1e-6, "origin");
		for (int r = 0; r < 3; r++) assertArrayEquals(dir[r], g.direction()[r], 1e-6, "direction row " + r);
	}

	@Test
	void axialCtInHounsfieldUnitsWithSpacingFromPositions() throws Exception {
		final DicomSeriesVolume s = loadOne("ct_axial");
		final Volume<?> v = s.volume();
		assertArrayEquals(new long[] { COLS, ROWS, 6 }, v.dimensions());
		// spacing x = column spacing 0.8, y = row spacing 0.7, z = 2.5 from positions (SliceThickness says 3)
		assertGeometry(v.geometry(), new double[] { 0.8, 0.7, 2.5 }, new double[] { -5.6, -4.2, -50 },
			new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } });
		assertTrue(s.stored().randomAccess().get() instanceof UnsignedShortType, "stored values keep the native type");
		assertTrue(org.medprep.core.LinearRescale.of(v.data()).isPresent(), "rescaled lazy view");
		assertTrue(v.data().randomAccess().get() instanceof net.imglib2.type.numeric.integer.IntType, "slope 1, integer intercept: stays integer");
		assertEquals(1.0, s.rescaleSlope().get());
		assertEquals(-1024.0, s.rescaleIntercept().get());
		for (int z = 0; z < 6; z++)
			for (int y = 0; y < ROWS; y++)
				for (int x = 0; x < COLS; x++) {
					final boolean corner = (y == 0 || y == ROWS - 1) && (x == 0 || x == COLS - 1) && !(y == ROWS - 1 && x == COLS - 1);
					final double stored = corner ? 0 : 1000 + 37 * z + 5 * y + 3 * x;
					assertEquals(stored - 1024, at(v.data(), x, y, z), 0, "HU at " + x + "," + y + "," + z);
					assertEquals(stored, at(s.stored(), x, y, z), 0);
				}
		assertEquals("CT", v.metadata().get(Volume.MODALITY));
		assertEquals("HU", v.metadata().get(Volume.UNITS));
		assertEquals("1.2.826.0.1.3680043.8.498.7731.1.1", v.metadata().get(Volume.SERIES_UID));
		assertEquals("-1024", v.metadata().get(DicomMetadata.PIXEL_PADDING_VALUE));
		assertEquals("6", v.metadata().get(DicomMetadata.NUMBER_OF_FILES));
		assertEquals("axial", v.metadata().get(DicomMetadata.PLANE));
		assertEquals("CT axial implicit", v.metadata().get(DicomMetadata.SERIES_DESCRIPTION));
		assertTrue(s.warnings().isEmpty(), s.warnings().toString());
	}

	@Test
	void sagittalSignedCtSortedAlongTheNormal() throws Exception {
		final DicomSeriesVolume s = loadOne("ct_sagittal");
		final Volume<?> v = s.volume();
		// normal = (0,1,0) x (0,0,-1) = (-1,0,0); positions run along it, so slice k sits at x = -20 - 1.25 k
		assertGeometry(v.geometry(), new double[] { 0.6, 0.9, 1.25 }, new double[] { -20, 3.5, 40 },
			new double[][] { { 0, 0, -1 }, { 1, 0, 0 }, { 0, -1, 0 } });
		assertTrue(s.stored().randomAccess().get() instanceof ShortType);
		for (int z = 0; z < 5; z++)
			for (int y = 0; y < ROWS; y++)
				for (int x = 0; x < COLS; x++)
					assertEquals(2.0 * (100 + 37 * z + 5 * y + 3 * x - 600) - 1000, at(v.data(), x, y, z), 0);
		assertEquals(SlicePlane.SAGITTAL, s.layout().plane().plane());
		// the physical point of voxel (0,0,k) is the file's ImagePositionPatient
		for (int k = 0; k < 5; k++)
			assertArrayEquals(s.layout().sortedFrames().get(k).imagePositionPatient(), v.geometry().indexToPhysical(new double[] { 0, 0, k }), 1e-9);
	}

	@Test
	void obliqueBigEndianWithPerSliceRescaleBecomesFloat() throws Exception {
		final DicomSeriesVolume s = loadOne("ct_oblique_be");
		final Volume<?> v = s.volume();
		assertFalse(s.rescaleSlope().isPresent());
		assertTrue(v.data().randomAccess().get() instanceof FloatType);
		final double[] slopes = { 1, 1.5, 1, 0.5 };
		final double[] intercepts = { -1024, -1000, -1024, 0 };
		for (int z = 0; z < 4; z++)
			for (int y = 0; y < ROWS; y++)
				for (int x = 0; x < COLS; x++)
					assertEquals(slopes[z] * (200 + 37 * z + 5 * y + 3 * x - 600) + intercepts[z], at(v.data(), x, y, z), 1e-4);
		assertEquals(3.0, v.geometry().spacing(2), 1e-4);
		final PlaneClassification p = s.layout().plane();
		assertEquals(SlicePlane.OBLIQUE, p.plane());
		assertEquals(SlicePlane.AXIAL, p.nearestPlane());
		assertEquals(20.0, p.angleDegrees(), 1e-3);
		assertTrue(s.warnings().stream().anyMatch(w -> w.contains("rescale slope/intercept vary")), s.warnings().toString());
	}

	@Test
	void deflatedMrKeepsNativeValues() throws Exception {
		final DicomSeriesVolume s = loadOne("mr_deflated");
		final Volume<?> v = s.volume();
		assertSame(s.stored(), v.data(), "no rescale: the volume is the stored image");
		assertTrue(v.data().randomAccess().get() instanceof UnsignedShortType);
		assertEquals(SlicePlane.CORONAL, s.layout().plane().plane());
		assertEquals(4.0, v.geometry().spacing(2), 1e-9);
		for (int z = 0; z < 3; z++)
			assertEquals(50 + 37 * z + 5 * 11 + 3 * 15, at(v.data(), 15, 11, z), 0);
		assertFalse(v.metadata().containsKey(Volume.UNITS));
	}

	@Test
	void masksBitsAboveHighBitAndSignExtends() throws Exception {
		final DicomSeriesVolume s = loadOne("masked_bits");
		for (int z = 0; z < 2; z++)
			for (int y = 0; y < ROWS; y++)
				for (int x = 0; x < COLS; x++)
					assertEquals(100 + 37 * z + 5 * y + 3 * x - 600, at(s.stored(), x, y, z), 0);
		assertEquals(-500, at(s.volume().data(), 0, 0, 0), 0);
	}

	@Test
	void paddingCanBeReplaced() throws Exception {
		final DicomSeriesVolume s = loadOne("ct_axial", DicomLoadOptions.defaults().withPaddingReplacement(-1000));
		assertEquals(-1000, at(s.volume().data(), 0, 0, 3), 0);
		assertEquals(-1000, at(s.volume().data(), COLS - 1, 0, 3), 0);
		assertEquals(1000 + 37 * 3 + 3 - 1024, at(s.volume().data(), 1, 0, 3), 0);
	}

	@Test
	void enhancedMultiFrameUsesFunctionalGroups() throws Exception {
		final DicomSeriesVolume s = loadOne("enhanced_ct.dcm");
		final Volume<?> v = s.volume();
		assertArrayEquals(new long[] { COLS, ROWS, 5 }, v.dimensions());
		assertGeometry(v.geometry(), new double[] { 0.5, 0.75, 1.5 }, new double[] { -10, -20, 5 },
			new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } });
		// frames are stored in the order 3,0,4,1,2 of their positions; the volume is in position order
		for (int z = 0; z < 5; z++)
			assertEquals(1000 - 600 + 37 * z + 5 * 2 + 3 * 7 - 1024, at(v.data(), 7, 2, z), 0);
		assertEquals("1", v.metadata().get(DicomMetadata.NUMBER_OF_FILES));
		assertEquals("HU", v.metadata().get(Volume.UNITS));
	}

	@Test
	void folderWithTwoSeriesAndANonDicomFile() throws Exception {
		final DicomFolder.Scan scan = DicomFolder.scan(Fixtures.get("two_series"));
		assertEquals(2, scan.series().size());
		assertEquals(6, scan.filesSeen());
		assertEquals(1, scan.skipped().size());
		assertTrue(scan.skipped().get(0).file().endsWith("notes.txt"));
		assertEquals("not DICOM", scan.skipped().get(0).reason());
		final DicomSeriesSummary a = DicomSeriesSummary.of(scan.series().get(0));
		assertEquals("CT", a.modality());
		assertEquals("two A", a.description());
		assertEquals(SlicePlane.AXIAL, a.plane().plane());
		assertArrayEquals(new long[] { COLS, ROWS, 3 }, a.size().get());
		assertArrayEquals(new double[] { 1, 1, 2 }, a.spacing().get(), 1e-9);
		assertEquals(3, a.numberOfFiles());
		assertArrayEquals(new String[] { "1.2.826.0.1.3680043.8.498.7731.6.1", "6", "CT", "two A", "axial", "16x12x3", "1x1x2", "3", "" }, a.row());
		assertEquals(DicomSeriesSummary.columns().length, a.row().length);
		final DicomSeriesSummary b = DicomSeriesSummary.of(scan.series().get(1));
		assertEquals("MR", b.modality());
		assertEquals(SlicePlane.SAGITTAL, b.plane().plane());
		assertEquals(2, b.numberOfFiles());
		// the knee-study filter: only the sagittal series
		final List<DicomSeriesVolume> sag = DicomFolder.load(Fixtures.get("two_series"), DicomLoadOptions.defaults().withPlaneFilter(SlicePlane.SAGITTAL));
		assertEquals(1, sag.size());
		assertEquals("MR", sag.get(0).volume().metadata().get(Volume.MODALITY));
		final DicomException none = assertThrows(DicomException.class,
			() -> DicomFolder.load(Fixtures.get("two_series"), DicomLoadOptions.defaults().withPlaneFilter(SlicePlane.CORONAL)));
		assertTrue(none.getMessage().contains("no coronal series"), none.getMessage());
	}

	@Test
	void warnsOnGantryTilt() throws Exception {
		final DicomSeriesVolume s = loadOne("ct_tilt");
		assertEquals(1, s.warnings().size(), s.warnings().toString());
		assertTrue(s.warnings().get(0).startsWith("gantry tilt: slices are sheared by 11.31 degrees"), s.warnings().get(0));
		assertEquals(2.0, s.volume().geometry().spacing(2), 1e-9, "spacing along the normal, not between positions");
		assertTrue(s.volume().metadata().get(DicomMetadata.WARNINGS).contains("gantry tilt"));
	}

	@Test
	void warnsOnMissingSlicesAndUnevenSpacing() throws Exception {
		final DicomSeriesVolume s = loadOne("ct_gap");
		assertEquals(2, s.warnings().size(), s.warnings().toString());
		assertTrue(s.warnings().get(0).startsWith("missing slices: gap of 4 mm after slice 1 (about 1 missing)"), s.warnings().get(0));
		assertTrue(s.warnings().get(1).startsWith("uneven slice spacing: 1 of 3 gaps"), s.warnings().get(1));
		assertEquals(8.0 / 3, s.volume().geometry().spacing(2), 1e-9);
	}

	@Test
	void refusesCorruptCompressedPixelDataNamingTheFileAndTheProblem() {
		// the fixture's JPEG fragment is fake: its APP0 segment claims more bytes than the fragment has
		final DicomException e = assertThrows(DicomException.class, () -> loadOne("jpeg_baseline.dcm"));
		assertTrue(e.getMessage().contains("jpeg_baseline.dcm: JPEG marker segment FFE0 at byte 2 runs past the data"), e.getMessage());
		assertTrue(e.getMessage().contains("(JPEG Baseline (Process 1))"), e.getMessage());
	}

	@Test
	void refusesMixedSizes() throws Exception {
		final DicomException e = assertThrows(DicomException.class, () -> loadOne("mixed_sizes"));
		assertTrue(e.getMessage().contains("mixes image sizes"), e.getMessage());
		assertTrue(e.getMessage().contains("IM0001.dcm") && e.getMessage().contains("IM0002.dcm"), e.getMessage());
		assertTrue(e.getMessage().contains("16x12") && e.getMessage().contains("16x10"), e.getMessage());
		final DicomSeriesSummary row = DicomSeriesSummary.of(DicomFolder.scan(Fixtures.get("mixed_sizes")).series().get(0));
		assertTrue(row.problem().get().contains("mixes image sizes"), "Series Info lists the series with its problem");
		assertFalse(row.size().isPresent());
	}

	@Test
	void refusesDicomWithoutPixelData() throws Exception {
		final Path p = Fixtures.get("no_pixels.dcm");
		final DicomException e = assertThrows(DicomException.class, () -> DicomFrame.of(DicomParser.readHeader(p)));
		assertTrue(e.getMessage().startsWith(p.toString() + ": has no pixel data"), e.getMessage());
		final DicomException viaLoad = assertThrows(DicomException.class, () -> DicomFolder.load(p, DicomLoadOptions.defaults()));
		assertTrue(viaLoad.getMessage().startsWith(p + ": DICOM without pixel data"), viaLoad.getMessage());
	}

	@Test
	void eightBitMonochrome1IsReadAsStored() throws Exception {
		final DicomSeriesVolume s = loadOne("mono1_8bit.dcm");
		assertTrue(s.volume().data().randomAccess().get() instanceof net.imglib2.type.numeric.integer.UnsignedByteType);
		assertEquals("MONOCHROME1", s.volume().metadata().get(DicomMetadata.PHOTOMETRIC_INTERPRETATION));
		assertEquals(10 * 11 + 15, at(s.volume().data(), 15, 11, 0), 0);
		assertTrue(s.warnings().get(0).startsWith("single slice: slice spacing 1 mm"), s.warnings().toString());
	}

	@Test
	void refusesColour() {
		final DicomException e = assertThrows(DicomException.class, () -> loadOne("rgb.dcm"));
		assertTrue(e.getMessage().contains("rgb.dcm: colour images are not supported (PhotometricInterpretation RGB, 3 samples per pixel)"),
			e.getMessage());
	}

	@Test
	void floatPixelData() throws Exception {
		final DicomSeriesVolume s = loadOne("float_pixels.dcm");
		assertTrue(s.volume().data().randomAccess().get() instanceof FloatType);
		assertEquals(0.5 * 11 - 0.25 * 15, at(s.volume().data(), 15, 11, 0), 0);
		assertArrayEquals(new double[] { 0.25, 0.5, 1 }, s.volume().geometry().spacing(), 1e-12);
	}

	@Test
	void legacyMultiFrameWithGridFrameOffsets() throws Exception {
		final DicomSeriesVolume s = loadOne("grid_offsets.dcm");
		assertTrue(s.volume().data().randomAccess().get() instanceof net.imglib2.type.numeric.integer.IntType);
		assertArrayEquals(new double[] { 1, 2, 0.5 }, s.volume().geometry().origin(), 1e-12);
		assertEquals(2.5, s.volume().geometry().spacing(2), 1e-12);
		final int[] frameAtZ = { 1, 0, 2 };
		for (int z = 0; z < 3; z++)
			assertEquals(100000 * frameAtZ[z] - 5 * 4 - 9, at(s.volume().data(), 9, 4, z), 0);
	}
}

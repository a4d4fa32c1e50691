package org.medprep.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;
import org.medprep.io.Fixtures;
import org.medprep.io.storage.ImageFormatException;
import org.medprep.io.storage.RasAffine;
import org.medprep.io.storage.VoxelType;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;

/** Reads the files nibabel wrote (make_fixtures.py) and compares with what nibabel read from them. */
class NiftiReaderTest {

	private static final Properties EXPECTED = Fixtures.properties(NiftiReaderTest.class, "expected.properties");

	static Path fixture(final String name) {
		return Fixtures.path(NiftiReaderTest.class, EXPECTED.getProperty(name + ".file"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "int16_scaled", "oblique_sform", "qform_only", "bigendian_int32", "pair_uint8", "nifti2_float64",
		"nifti2_int64", "float32", "label_uint8", "writer_reference", "extension" })
	void valuesAndAffineMatchNibabel(final String name) throws Exception {
		final NiftiImage img = NiftiReader.read(fixture(name));
		assertEquals(1, img.size());
		assertEquals(Integer.parseInt(EXPECTED.getProperty(name + ".datatype")), img.header().datatype());
		final Volume<?> v = img.volume(0);
		assertArrayEquals(longs(EXPECTED.getProperty(name + ".shape")), v.dimensions());
		assertMatrixEquals(Fixtures.matrix4(EXPECTED.getProperty(name + ".affine")), img.rasAffine(), 1e-9);
		// the Geometry holds the same transform (up to re-orthonormalising float32 rounding)
		assertMatrixEquals(img.rasAffine(), RasAffine.fromGeometry(v.geometry()), 1e-5);
		assertArrayEquals(Fixtures.doubles(EXPECTED.getProperty(name + ".values")), values(v), 1e-9);
		assertTrue(img.warnings().isEmpty(), img.warnings().toString());
	}

	@Test
	void storedDataIsPlanarInTheFileType() throws Exception {
		final NiftiImage img = NiftiReader.read(fixture("int16_scaled"));
		assertEquals(VoxelType.INT16, img.storedType());
		final PlanarImg<?, ?> stored = img.storedData(0);
		assertEquals(5, stored.numSlices());
		assertTrue(stored.getPlane(0).getCurrentStorageArray() instanceof short[]);
		assertTrue(img.isScaled());
		assertEquals(0.5, img.slope());
		assertEquals(-1024, img.intercept());
		// stored value of voxel 0 is -50: physical -50 * 0.5 - 1024
		assertEquals(-50, ((short[]) stored.getPlane(0).getCurrentStorageArray())[0]);
		assertEquals(-1049, values(img.volume(0))[0]);
	}

	@Test
	void unscaledFilesAreNotViewed() throws Exception {
		final NiftiImage img = NiftiReader.read(fixture("float32"));
		assertFalse(img.isScaled());
		assertTrue(img.volume(0).data() == img.storedData(0), "no conversion without scaling");
	}

	@Test
	void bigEndianIsDetected() throws Exception {
		assertEquals(ByteOrder.BIG_ENDIAN, NiftiReader.read(fixture("bigendian_int32")).header().byteOrder());
		assertEquals(ByteOrder.BIG_ENDIAN, NiftiReader.read(fixture("nifti2_float64")).header().byteOrder());
		assertEquals(2, NiftiReader.read(fixture("nifti2_float64")).header().version());
	}

	@Test
	void pairOpensFromEitherPart() throws Exception {
		final Path hdr = fixture("pair_uint8");
		final Path img = hdr.resolveSibling("pair_uint8.img");
		assertArrayEquals(values(NiftiReader.read(hdr).volume(0)), values(NiftiReader.read(img).volume(0)), 0);
	}

	@Test
	void fourDReadsAllOrOne() throws Exception {
		final double[] all = Fixtures.doubles(EXPECTED.getProperty("four_d.values"));
		final int n = 7 * 6 * 5;
		final NiftiImage img = NiftiReader.read(fixture("four_d"));
		assertEquals(3, img.size());
		assertEquals(3, img.volumeCountInFile());
		for (int t = 0; t < 3; t++) {
			final double[] expected = java.util.Arrays.copyOfRange(all, t * n, (t + 1) * n);
			assertArrayEquals(expected, values(img.volume(t)), 0);
			final NiftiImage one = NiftiReader.read(fixture("four_d"), t);
			assertEquals(1, one.size());
			assertEquals(t, one.firstIndex());
			assertArrayEquals(expected, values(one.volume(0)), 0);
			assertEquals(Integer.toString(t), one.volume(0).metadata().get(NiftiImage.VOLUME_INDEX));
		}
		assertMatrixEquals(Fixtures.matrix4(EXPECTED.getProperty("four_d.affine")), img.rasAffine(), 1e-9);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NiftiReader.read(fixture("four_d"), 3));
		assertTrue(e.getMessage().contains("volume index 3") && e.getMessage().contains("3 volumes"), e.getMessage());
	}

	@Test
	void unitsAreConvertedToMillimetres() throws Exception {
		// nibabel leaves the affine in the file's units; MedPrep (like ITK) converts to mm
		assertMatrixEquals(scaled(Fixtures.matrix4(EXPECTED.getProperty("micron_int8.affine")), 0.001),
			NiftiReader.read(fixture("micron_int8")).rasAffine(), 1e-12);
		final NiftiImage m = NiftiReader.read(fixture("meter_uint32"));
		assertMatrixEquals(scaled(Fixtures.matrix4(EXPECTED.getProperty("meter_uint32.affine")), 1000), m.rasAffine(), 1e-9);
		assertEquals(1.0, m.geometry().spacing(0), 1e-6);
		assertEquals(VoxelType.UINT32, m.storedType());
		assertArrayEquals(Fixtures.doubles(EXPECTED.getProperty("meter_uint32.values")), values(m.volume(0)), 0);
		assertArrayEquals(Fixtures.doubles(EXPECTED.getProperty("micron_int8.values")), values(NiftiReader.read(fixture("micron_int8")).volume(0)), 0);
	}

	@Test
	void shearedSformFallsBackToQform() throws Exception {
		final NiftiImage img = NiftiReader.read(fixture("shear_sform"));
		assertMatrixEquals(Fixtures.matrix4(EXPECTED.getProperty("shear_sform.qform_affine")), img.rasAffine(), 1e-9);
		assertEquals(1, img.warnings().size());
		assertTrue(img.warnings().get(0).contains("shear"), img.warnings().get(0));
	}

	@Test
	void shearedSformWithoutQformIsRefused() {
		final ImageFormatException e = assertThrows(ImageFormatException.class, () -> NiftiReader.read(fixture("shear_only")));
		assertTrue(e.getMessage().startsWith(fixture("shear_only").toString()), e.getMessage());
		assertTrue(e.getMessage().contains("shear") && e.getMessage().contains("no qform"), e.getMessage());
	}

	static double[] values(final Volume<?> v) {
		return Fixtures.values(data(v));
	}

	@SuppressWarnings("unchecked")
	static RandomAccessibleInterval<? extends RealType<?>> data(final Volume<?> v) {
		return (RandomAccessibleInterval<? extends RealType<?>>) (Object) v.data();
	}

	static long[] longs(final String s) {
		final double[] d = Fixtures.doubles(s);
		final long[] l = new long[d.length];
		for (int i = 0; i < d.length; i++) l[i] = (long) d[i];
		// the 4D fixture's shape has 4 values; volumes are 3D
		return java.util.Arrays.copyOf(l, 3);
	}

	static double[][] scaled(final double[][] m, final double s) {
		final double[][] r = new double[4][4];
		for (int i = 0; i < 4; i++)
			for (int j = 0; j < 4; j++) r[i][j] = i < 3 ? m[i][j] * s : m[i][j];
		return r;
	}

	static void assertMatrixEquals(final double[][] expected, final double[][] actual, final double tol) {
		for (int i = 0; i < 4; i++) assertArrayEquals(expected[i], actual[i], tol, "row " + i);
	}
}

package org.medprep.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medprep.io.storage.ImageFormatException;

/**
 * Every broken file gets an {@link ImageFormatException} that starts with the
 * file's path and says what is wrong; nothing is allocated from sizes the file
 * cannot hold (these would otherwise need terabytes).
 */
class NiftiBadInputTest {

	@TempDir
	Path dir;

	/** A copy of a fixture with some header bytes changed (in the file's byte order). */
	private Path patched(final String fixture, final String name, final Consumer<ByteBuffer> patch) throws Exception {
		final byte[] bytes = Files.readAllBytes(NiftiReaderTest.fixture(fixture));
		final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		patch.accept(b);
		final Path p = dir.resolve(name);
		Files.write(p, bytes);
		return p;
	}

	private static String refused(final Path file) {
		return refused(file, file);
	}

	/** Reading {@code file} fails with a message about {@code culprit} (the data file of a pair). */
	private static String refused(final Path file, final Path culprit) {
		final ImageFormatException e = assertThrows(ImageFormatException.class, () -> NiftiReader.read(file));
		assertTrue(e.getMessage().startsWith(culprit.toString() + ": "), "message names the file: " + e.getMessage());
		assertEquals(culprit, e.file());
		return e.getMessage();
	}

	private static void assertContains(final String message, final String... parts) {
		for (final String p : parts) assertTrue(message.contains(p), "'" + message + "' should contain '" + p + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "int16_scaled", "nifti2_float64", "four_d", "oblique_sform", "pair_uint8" })
	void truncatedAtEveryOffset(final String fixture) throws Exception {
		final Path original = NiftiReaderTest.fixture(fixture);
		final boolean pair = original.toString().endsWith(".hdr");
		final Path source = pair ? original.resolveSibling(fixture + ".img") : original;
		final byte[] bytes = Files.readAllBytes(source);
		if (pair) Files.copy(original, dir.resolve("cut.hdr"));
		final String name = pair ? "cut.img" : "cut" + source.getFileName().toString().substring(fixture.length());
		final Path cut = dir.resolve(name);
		// every 3rd offset in the header, every 11th in the data, and each of the last 16
		for (int n = 0; n < bytes.length; n += n >= bytes.length - 16 ? 1 : n < 560 ? 3 : 11) {
			Files.write(cut, Arrays.copyOf(bytes, n));
			final String m = refused(pair ? dir.resolve("cut.hdr") : cut, cut);
			assertTrue(m.contains("truncated") || m.contains("corrupt"), "cut at " + n + ": " + m);
		}
	}

	@Test
	void wrongMagic() throws Exception {
		assertContains(refused(patched("int16_scaled", "magic.nii", b -> b.put(344, (byte) 'x'))), "magic", "'x+1'", "n+1");
		assertContains(refused(patched("int16_scaled", "size.nii", b -> b.putInt(0, 1234))), "not a NIfTI file", "sizeof_hdr is 1234");
		final Path png = dir.resolve("png.nii");
		Files.write(png, new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0 });
		assertContains(refused(png), "not a NIfTI file");
		assertContains(refused(patched("int16_scaled", "ni1.nii", b -> b.put(345, (byte) 'i'))), "ni1", "not a .hdr");
	}

	@Test
	void dimensionsThatOverflowOrExceedTheFile() throws Exception {
		assertContains(refused(patched("int16_scaled", "big.nii", b -> {
			b.putShort(42, Short.MAX_VALUE);
			b.putShort(44, Short.MAX_VALUE);
			b.putShort(46, Short.MAX_VALUE);
		})), "truncated or wrong dimensions", "needs 70362301923678 bytes", "holds 772");
		// NIfTI-2 dims are 64-bit: a product that overflows
		assertContains(refused(patched("nifti2_float64", "overflow.nii", b -> {
			b.order(ByteOrder.BIG_ENDIAN);
			b.putLong(24, 1L << 40);
			b.putLong(32, 1L << 40);
			b.putLong(40, 1L << 40);
		})), "overflow");
		assertContains(refused(patched("nifti2_float64", "plane.nii", b -> {
			b.order(ByteOrder.BIG_ENDIAN);
			b.putLong(24, 1L << 20);
			b.putLong(32, 1L << 20);
		})), "plane", "too large");
		assertContains(refused(patched("int16_scaled", "dim0.nii", b -> b.putShort(40, (short) 0))), "dim[0] is 0");
		assertContains(refused(patched("int16_scaled", "dim0b.nii", b -> b.putShort(40, (short) 9))), "dim[0] is 9");
		assertContains(refused(patched("int16_scaled", "neg.nii", b -> b.putShort(44, (short) -6))), "dim[2] is -6");
		assertContains(refused(patched("int16_scaled", "zero.nii", b -> b.putShort(46, (short) 0))), "dim[3] is 0");
		assertContains(refused(patched("int16_scaled", "five.nii", b -> {
			b.putShort(40, (short) 5);
			b.putShort(50, (short) 3);
		})), "dim[5] is 3", "more than 4 dimensions");
	}

	@Test
	void gzipBombIsRefusedBeforeAllocating() throws Exception {
		// a tiny gzip whose header claims 2^45 bytes of voxels
		final byte[] header = Files.readAllBytes(NiftiReaderTest.fixture("int16_scaled"));
		final ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
		b.putShort(42, Short.MAX_VALUE);
		b.putShort(44, Short.MAX_VALUE);
		b.putShort(46, Short.MAX_VALUE);
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
			gz.write(header, 0, 352);
		}
		final Path p = dir.resolve("bomb.nii.gz");
		Files.write(p, bytes.toByteArray());
		assertContains(refused(p), "wrong dimensions", "gzip data can hold");
	}

	@Test
	void badVoxelSizes() throws Exception {
		// qform_only uses pixdim; the sform files do not need it
		for (final float bad : new float[] { 0f, -1f, Float.NaN, Float.POSITIVE_INFINITY })
			assertContains(refused(patched("qform_only", "pixdim.nii", b -> b.putFloat(88, bad))), "pixdim[3] is " + (double) bad, "positive and finite");
		// ... but a 2D image may leave pixdim[3] unset
		final NiftiImage flat = NiftiReader.read(patched("qform_only", "flat.nii", b -> {
			b.putShort(40, (short) 2);
			b.putShort(46, (short) 1);
			b.putFloat(88, 0f);
		}));
		assertArrayEquals(new long[] { 7, 6, 1 }, flat.volume(0).dimensions());
		assertEquals(1, flat.geometry().spacing(2), 1e-9);
		// a zero sform column without a qform
		assertContains(refused(patched("shear_only", "zerocol.nii", b -> {
			b.putFloat(280, 0f);
			b.putFloat(296, 0f);
			b.putFloat(312, 0f);
		})), "sform", "zero voxel size");
		assertContains(refused(patched("shear_only", "nansform.nii", b -> b.putFloat(284, Float.NaN))), "sform", "non-finite");
	}

	@Test
	void scaling() throws Exception {
		assertContains(refused(patched("int16_scaled", "naninter.nii", b -> b.putFloat(116, Float.NaN))), "scl_slope is 0.5", "scl_inter is NaN");
		// a NaN or zero slope means no scaling (nifti1.h, nibabel)
		for (final float none : new float[] { Float.NaN, 0f }) {
			final NiftiImage img = NiftiReader.read(patched("int16_scaled", "noscale.nii", b -> b.putFloat(112, none)));
			assertEquals(false, img.isScaled());
			assertEquals(-50, NiftiReaderTest.values(img.volume(0))[0]);
		}
	}

	@Test
	void unsupportedDatatypes() throws Exception {
		assertContains(refused(patched("int16_scaled", "complex.nii", b -> {
			b.putShort(70, (short) 32);
			b.putShort(72, (short) 64);
		})), "datatype 32 (complex64)", "uint8");
		assertContains(refused(patched("int16_scaled", "rgb.nii", b -> {
			b.putShort(70, (short) 128);
			b.putShort(72, (short) 24);
		})), "datatype 128 (RGB24)");
		assertContains(refused(patched("int16_scaled", "u64.nii", b -> b.putShort(70, (short) 1280))), "datatype 1280 (uint64)");
		assertContains(refused(patched("int16_scaled", "bitpix.nii", b -> b.putShort(72, (short) 8))), "bitpix 8", "int16");
	}

	@Test
	void badVoxOffset() throws Exception {
		assertContains(refused(patched("int16_scaled", "voxoff.nii", b -> b.putFloat(108, 352.5f))), "vox_offset is 352.5");
		assertContains(refused(patched("int16_scaled", "voxnan.nii", b -> b.putFloat(108, Float.NaN))), "vox_offset is NaN");
		assertContains(refused(patched("int16_scaled", "voxfar.nii", b -> b.putFloat(108, 1e6f))), "truncated");
	}

	@Test
	void missingFilesAndPartners() throws Exception {
		assertContains(refused(dir.resolve("nothing.nii")), "not found");
		assertContains(refused(dir), "folder");
		Files.copy(NiftiReaderTest.fixture("pair_uint8"), dir.resolve("lonely.hdr"));
		assertContains(refused(dir.resolve("lonely.hdr")), "lonely.img", "missing");
	}

	@Test
	void corruptGzipTrailerIsNoticed() throws Exception {
		final byte[] bytes = Files.readAllBytes(NiftiReaderTest.fixture("four_d"));
		bytes[bytes.length - 6] ^= 0x55; // inside the CRC32
		final Path p = dir.resolve("crc.nii.gz");
		Files.write(p, bytes);
		assertContains(refused(p), "corrupt");
		// the voxels themselves are intact, so reading them alone would have hidden it: check the test is meaningful
		final byte[] good = Files.readAllBytes(NiftiReaderTest.fixture("four_d"));
		assertArrayEquals(Arrays.copyOf(good, good.length - 8), Arrays.copyOf(bytes, bytes.length - 8));
	}
}

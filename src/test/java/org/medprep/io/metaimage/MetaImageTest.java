package org.medprep.io.metaimage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.io.Fixtures;
import org.medprep.io.storage.ImageFormatException;
import org.medprep.io.storage.StoredType;
import org.medprep.io.storage.VoxelType;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;

/** MetaImage headers written by hand, with known answers. */
class MetaImageTest {

	@TempDir
	Path dir;

	/** 3 x 2 x 2 voxels, values 0..11 times 100 minus 500 (int16). */
	private static final short[] VALUES = { -500, -400, -300, -200, -100, 0, 100, 200, 300, 400, 500, 600 };

	private static byte[] int16(final short[] v, final ByteOrder order) {
		final ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(order);
		for (final short s : v) b.putShort(s);
		return b.array();
	}

	private static byte[] concat(final byte[]... parts) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (final byte[] p : parts) out.write(p, 0, p.length);
		return out.toByteArray();
	}

	private static byte[] ascii(final String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] zlib(final byte[] data) throws Exception {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
			z.write(data);
		}
		return out.toByteArray();
	}

	private static byte[] gzip(final byte[] data) throws Exception {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream z = new GZIPOutputStream(out)) {
			z.write(data);
		}
		return out.toByteArray();
	}

	private Path file(final String name, final byte[] bytes) throws Exception {
		final Path p = dir.resolve(name);
		Files.write(p, bytes);
		return p;
	}

	@SuppressWarnings("unchecked")
	static double[] values(final Volume<?> v) {
		return Fixtures.values((RandomAccessibleInterval<? extends RealType<?>>) (Object) v.data());
	}

	static double[] doubles(final short[] s) {
		final double[] d = new double[s.length];
		for (int i = 0; i < s.length; i++) d[i] = s[i];
		return d;
	}

	private static final String ROTATED = "ObjectType = Image\nNDims = 3\nBinaryData = True\n"
		+ "TransformMatrix = 0 1 0 -1 0 0 0 0 1\nOffset = 10 -20 30.5\nElementSpacing = 0.5 0.75 2\n"
		+ "DimSize = 3 2 2\nElementType = MET_SHORT\n";

	@Test
	void mhaWithRotation() throws Exception {
		final Path p = file("rot.mha", concat(ascii(ROTATED + "ElementDataFile = LOCAL\n"), int16(VALUES, ByteOrder.LITTLE_ENDIAN)));
		final Volume<?> v = MetaImageReader.read(p);
		assertArrayEquals(new long[] { 3, 2, 2 }, v.dimensions());
		assertArrayEquals(doubles(VALUES), values(v), 0);
		assertTrue(((PlanarImg<?, ?>) v.data()).getPlane(1).getCurrentStorageArray() instanceof short[]);
		final Geometry g = v.geometry();
		assertArrayEquals(new double[] { 0.5, 0.75, 2 }, g.spacing(), 0);
		assertArrayEquals(new double[] { 10, -20, 30.5 }, g.origin(), 0);
		// the first triple is the direction of axis x: (0, 1, 0); the second, of axis y: (-1, 0, 0)
		assertArrayEquals(new double[] { 10, -19.5, 30.5 }, g.indexToPhysical(new double[] { 1, 0, 0 }), 1e-12);
		assertArrayEquals(new double[] { 9.25, -20, 30.5 }, g.indexToPhysical(new double[] { 0, 1, 0 }), 1e-12);
		assertArrayEquals(new double[] { 10, -20, 32.5 }, g.indexToPhysical(new double[] { 0, 0, 1 }), 1e-12);
	}

	@Test
	void bigEndianAndSynonyms() throws Exception {
		final String header = "NDims : 3\nDimSize = 3 2 2\nElementType = MET_SHORT\nElementByteOrderMSB = True\n"
			+ "Position = 1 2 3\nOrientation = 1 0 0 0 1 0 0 0 1\nElementDataFile = local\n";
		final Volume<?> v = MetaImageReader.read(file("be.mha", concat(ascii(header), int16(VALUES, ByteOrder.BIG_ENDIAN))));
		assertArrayEquals(doubles(VALUES), values(v), 0);
		assertArrayEquals(new double[] { 1, 2, 3 }, v.geometry().origin(), 0);
		// CRLF line ends and the Origin synonym
		final String crlf = "NDims = 3\r\nDimSize = 3 2 2\r\nElementType = MET_SHORT\r\nOrigin = 4 5 6\r\nElementDataFile = LOCAL\r\n";
		final Volume<?> w = MetaImageReader.read(file("crlf.mha", concat(ascii(crlf), int16(VALUES, ByteOrder.LITTLE_ENDIAN))));
		assertArrayEquals(doubles(VALUES), values(w), 0);
		assertArrayEquals(new double[] { 4, 5, 6 }, w.geometry().origin(), 0);
	}

	@Test
	void compressedLocal() throws Exception {
		final byte[] z = zlib(int16(VALUES, ByteOrder.LITTLE_ENDIAN));
		final String header = ROTATED + "CompressedData = True\nCompressedDataSize = " + z.length + "\nElementDataFile = LOCAL\n";
		assertArrayEquals(doubles(VALUES), values(MetaImageReader.read(file("z.mha", concat(ascii(header), z)))), 0);
		// without CompressedDataSize: the rest of the file
		final String noSize = ROTATED + "CompressedData = True\nElementDataFile = LOCAL\n";
		assertArrayEquals(doubles(VALUES), values(MetaImageReader.read(file("z2.mha", concat(ascii(noSize), z)))), 0);
		// gzip data is accepted like MetaIO's inflateInit2(47)
		assertArrayEquals(doubles(VALUES), values(MetaImageReader.read(file("gz.mha", concat(ascii(noSize), gzip(int16(VALUES, ByteOrder.LITTLE_ENDIAN)))))), 0);
	}

	@Test
	void mhdWithRawFiles() throws Exception {
		file("data.raw", int16(VALUES, ByteOrder.LITTLE_ENDIAN));
		assertArrayEquals(doubles(VALUES), values(MetaImageReader.read(file("a.mhd", ascii(ROTATED + "ElementDataFile = data.raw\n")))), 0);
		// HeaderSize: bytes to skip, or -1 = the data end the file
		file("skip.raw", concat(new byte[16], int16(VALUES, ByteOrder.LITTLE_ENDIAN)));
		assertArrayEquals(doubles(VALUES), values(MetaImageReader.read(file("b.mhd", ascii(ROTATED + "HeaderSize = 16\nElementDataFile = skip.raw\n")))), 0);
		file("tail.raw", concat(new byte[7], int16(VALUES, ByteOrder.LITTLE_ENDIAN)));
		assertArrayEquals(doubles(VALUES), values(MetaImageReader.read(file("c.mhd", ascii(ROTATED + "HeaderSize = -1\nElementDataFile = tail.raw\n")))), 0);
		file("data.zraw", zlib(int16(VALUES, ByteOrder.LITTLE_ENDIAN)));
		assertArrayEquals(doubles(VALUES), values(MetaImageReader.read(file("d.mhd", ascii(ROTATED + "CompressedData = True\nElementDataFile = data.zraw\n")))), 0);
	}

	@Test
	void twoDimensional() throws Exception {
		final String header = "NDims = 2\nDimSize = 4 3\nElementSpacing = 0.3 0.4\nOffset = 1 2\nTransformMatrix = 0 1 1 0\nElementType = MET_UCHAR\nElementDataFile = LOCAL\n";
		final byte[] data = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255 };
		final Volume<?> v = MetaImageReader.read(file("flat.mha", concat(ascii(header), data)));
		assertArrayEquals(new long[] { 4, 3, 1 }, v.dimensions());
		assertEquals(255, values(v)[11]);
		assertArrayEquals(new double[] { 1, 2.3, 0 }, v.geometry().indexToPhysical(new double[] { 1, 0, 0 }), 1e-12);
		// the 2D direction [[0,1],[1,0]] (det -1) is kept; the added z axis is (0,0,1)
		assertEquals(1, v.geometry().direction(0, 1), 0);
		assertEquals(1, v.geometry().direction(1, 0), 0);
		assertEquals(1, v.geometry().direction(2, 2), 0);
	}

	@ParameterizedTest
	@EnumSource(VoxelType.class)
	void roundTripEveryTypeAndLayout(final VoxelType type) throws Exception {
		final Volume<?> v = volume(type);
		for (final String name : new String[] { "t.mha", "t.mhd" })
			for (final boolean compress : new boolean[] { false, true }) {
				final Path p = dir.resolve(type.label() + (compress ? "z" : "") + name);
				MetaImageWriter.write(v, p, StoredType.KEEP, compress);
				final Volume<?> back = MetaImageReader.read(p);
				assertEquals(type, VoxelType.of(back.data().getType()).get(), name);
				assertArrayEquals(values(v), values(back), 0, name);
				assertTrue(v.geometry().sameSpace(back.geometry(), 1e-12), back.geometry().toString());
				assertEquals("CT", back.metadata().get(Volume.MODALITY));
			}
		assertEquals(List.of(), list().stream().filter(n -> n.endsWith(".part")).collect(Collectors.toList()));
	}

	@Test
	void headerAsItkWritesIt() throws Exception {
		final Path p = dir.resolve("h.mhd");
		MetaImageWriter.write(volume(VoxelType.INT16), p, StoredType.KEEP, true);
		final String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
		final long zsize = Files.size(dir.resolve("h.zraw"));
		assertEquals("ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\nCompressedData = True\n"
			+ "CompressedDataSize = " + zsize + "\nTransformMatrix = 0 1 0 -1 0 0 0 0 1\nOffset = 10 -20 30.5\nCenterOfRotation = 0 0 0\n"
			+ "AnatomicalOrientation = ALI\nElementSpacing = 0.5 0.75 2\nDimSize = 4 3 2\nModality = MET_MOD_CT\nElementType = MET_SHORT\n"
			+ "ElementDataFile = h.zraw\n", text);
		MetaImageWriter.write(Volume.of(volume(VoxelType.UINT8).data(), Geometry.identity()), dir.resolve("id.mha"));
		final String id = new String(Files.readAllBytes(dir.resolve("id.mha")), StandardCharsets.ISO_8859_1);
		assertTrue(id.contains("AnatomicalOrientation = RAI\n") && id.contains("ElementDataFile = LOCAL\n"), id);
	}

	/** 4 x 3 x 2 voxels of the type, axis x along LPS y, axis y along -x. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static Volume<?> volume(final VoxelType type) {
		final List<Object> planes = new java.util.ArrayList<>();
		for (int z = 0; z < 2; z++) planes.add(type.newArray(12));
		final PlanarImg img = type.planarImg(new long[] { 4, 3, 2 }, planes);
		int i = 0;
		for (final Object t : net.imglib2.view.Views.flatIterable((RandomAccessibleInterval) img))
			((RealType) t).setReal(type == VoxelType.UINT8 ? i++ * 10 : type == VoxelType.INT8 ? i++ * 10 - 120 : (i++ - 12) * 1000.25);
		final Geometry g = Geometry.of(new double[] { 0.5, 0.75, 2 }, new double[] { 10, -20, 30.5 },
			new double[][] { { 0, -1, 0 }, { 1, 0, 0 }, { 0, 0, 1 } });
		return Volume.of((RandomAccessibleInterval) img, g).withMetadata(Volume.MODALITY, "CT");
	}

	// ---- bad input ----

	private static String refused(final Path file, final Path culprit) {
		final ImageFormatException e = assertThrows(ImageFormatException.class, () -> MetaImageReader.read(file));
		assertTrue(e.getMessage().startsWith(culprit + ": "), e.getMessage());
		return e.getMessage();
	}

	private static void assertContains(final String message, final String... parts) {
		for (final String p : parts) assertTrue(message.contains(p), "'" + message + "' should contain '" + p + "'");
	}

	private String refusedHeader(final String header) throws Exception {
		final Path p = file("bad.mha", concat(ascii(header), int16(VALUES, ByteOrder.LITTLE_ENDIAN)));
		return refused(p, p);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void truncatedAtManyOffsets(final boolean compress) throws Exception {
		final Path whole = dir.resolve("whole.mha");
		MetaImageWriter.write(volume(VoxelType.FLOAT64), whole, StoredType.KEEP, compress);
		final byte[] bytes = Files.readAllBytes(whole);
		final Path cut = dir.resolve("cut.mha");
		for (int n = 0; n < bytes.length; n += n >= bytes.length - 16 ? 1 : 5) {
			Files.write(cut, Arrays.copyOf(bytes, n));
			final String m = refused(cut, cut);
			assertTrue(m.contains("truncated") || m.contains("not a MetaImage") || m.contains("missing") || m.contains("corrupt"), "cut at " + n + ": " + m);
		}
	}

	@Test
	void badHeaders() throws Exception {
		assertContains(refusedHeader("DimSize = 3 2 2\nElementType = MET_SHORT\nElementDataFile = LOCAL\n"), "NDims is missing");
		assertContains(refusedHeader("NDims = 3\nElementType = MET_SHORT\nElementDataFile = LOCAL\n"), "DimSize is missing");
		assertContains(refusedHeader("NDims = 3\nDimSize = 3 2\nElementType = MET_SHORT\nElementDataFile = LOCAL\n"), "DimSize has 2 values, expected 3");
		assertContains(refusedHeader("NDims = 5\nDimSize = 3 2 2 1 1\nElementType = MET_SHORT\nElementDataFile = LOCAL\n"), "NDims is 5");
		assertContains(refusedHeader("NDims = 3\nDimSize = 3 0 2\nElementType = MET_SHORT\nElementDataFile = LOCAL\n"), "DimSize[1] is 0");
		assertContains(refusedHeader("NDims = 3\nDimSize = 3 2 2\nElementDataFile = LOCAL\n"), "ElementType is missing");
		assertContains(refusedHeader("NDims = 3\nDimSize = 3 2 2\nElementType = MET_ULONG_LONG\nElementDataFile = LOCAL\n"), "unsupported ElementType MET_ULONG_LONG");
		assertContains(refusedHeader("NDims = 3\nDimSize = 3 2 2\nElementType = MET_FLOAT_ARRAY\nElementDataFile = LOCAL\n"), "MET_FLOAT_ARRAY");
		assertContains(refusedHeader("ObjectType = Mesh\nNDims = 3\nElementDataFile = LOCAL\n"), "ObjectType is 'Mesh'");
		assertContains(refusedHeader("NDims = 3\nDimSize = 3 2 2\nElementType = MET_SHORT\nElementNumberOfChannels = 3\nElementDataFile = LOCAL\n"), "ElementNumberOfChannels is 3");
		assertContains(refusedHeader("NDims = 3\nDimSize = 3 2 2\nElementType = MET_SHORT\nBinaryData = False\nElementDataFile = LOCAL\n"), "BinaryData is False");
		assertContains(refusedHeader("NDims = 3\nDimSize = 3 2 2\nElementType = MET_SHORT\nElementDataFile = LIST\n"), "LIST");
		assertContains(refusedHeader("NDims = 3\nDimSize = 3 2 2\nElementType = MET_SHORT\nElementDataFile = s%03d.raw 1 2 1\n"), "pattern");
		assertContains(refusedHeader("NDims = 3\nDimSize = 3 2 2\nElementType = MET_SHORT\n"), "ElementDataFile");
		assertContains(refusedHeader("NDims = three\nElementDataFile = LOCAL\n"), "NDims is 'three'");
	}

	@Test
	void badGeometry() throws Exception {
		final String base = "NDims = 3\nDimSize = 3 2 2\nElementType = MET_SHORT\n";
		for (final String bad : new String[] { "0", "-1", "NaN", "Infinity" })
			assertContains(refusedHeader(base + "ElementSpacing = 1 " + bad + " 1\nElementDataFile = LOCAL\n"), "ElementSpacing[1] is " + Double.parseDouble(bad));
		assertContains(refusedHeader(base + "ElementSpacing = 1 x 1\nElementDataFile = LOCAL\n"), "'x' is not a number");
		assertContains(refusedHeader(base + "Offset = 0 NaN 0\nElementDataFile = LOCAL\n"), "origin[1] is NaN");
		assertContains(refusedHeader(base + "TransformMatrix = 1 0 0 1 1 0 0 0 1\nElementDataFile = LOCAL\n"), "TransformMatrix", "orthonormal");
	}

	@Test
	void sizesTheFileCannotHold() throws Exception {
		assertContains(refusedHeader("NDims = 3\nDimSize = 10000 10000 10000\nElementType = MET_DOUBLE\nElementDataFile = LOCAL\n"),
			"truncated or wrong dimensions", "needs 8000000000000 bytes");
		assertContains(refusedHeader("NDims = 3\nDimSize = 4000000000 4000000000 4000000000\nElementType = MET_DOUBLE\nElementDataFile = LOCAL\n"), "overflows");
		assertContains(refusedHeader("NDims = 3\nDimSize = 1000 1000 1000\nElementType = MET_SHORT\nCompressedData = True\nElementDataFile = LOCAL\n"),
			"compressed data can hold");
		assertContains(refusedHeader("NDims = 3\nDimSize = 3 2 2\nElementType = MET_SHORT\nCompressedData = True\nCompressedDataSize = 99999\nElementDataFile = LOCAL\n"),
			"CompressedDataSize is 99999");
		// not zlib at all
		assertContains(refusedHeader("NDims = 3\nDimSize = 3 2 2\nElementType = MET_SHORT\nCompressedData = True\nElementDataFile = LOCAL\n"), "corrupt");
	}

	@Test
	void notMetaImageOrMissingData() throws Exception {
		final Path bin = file("bin.mha", new byte[] { 0x1f, (byte) 0x8b, 8, 0, 0, 0 });
		assertContains(refused(bin, bin), "not a MetaImage");
		final Path mhd = file("lost.mhd", ascii(ROTATED + "ElementDataFile = gone.raw\n"));
		assertContains(refused(mhd, mhd), "gone.raw is missing");
		file("short.raw", new byte[5]);
		final Path sh = file("short.mhd", ascii(ROTATED + "ElementDataFile = short.raw\n"));
		assertContains(refused(sh, dir.resolve("short.raw")), "needs 24 bytes but the file holds 5");
		assertContains(refused(dir.resolve("none.mha"), dir.resolve("none.mha")), "not found");
	}

	@Test
	void writerRefusesOtherNamesAndLeavesNothing() throws Exception {
		assertThrows(IllegalArgumentException.class, () -> MetaImageWriter.write(volume(VoxelType.INT16), dir.resolve("x.nrrd")));
		assertEquals(List.of(), list());
	}

	private List<String> list() throws Exception {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}

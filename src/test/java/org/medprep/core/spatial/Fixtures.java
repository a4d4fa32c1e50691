package org.medprep.core.spatial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/** The scipy.ndimage reference arrays made by src/test/resources/org/medprep/spatial/make_fixtures.py. */
final class Fixtures {

	private static final String DIR = "/org/medprep/spatial/";
	private static final Map<String, int[]> SIZES = new HashMap<>();

	static {
		for (final String line : text("fixtures.txt").split("\n")) {
			if (line.startsWith("#") || line.isBlank()) continue;
			final String[] f = line.trim().split("\\s+");
			SIZES.put(f[0], new int[] { Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]) });
		}
	}

	private Fixtures() {}

	static int[] size(final String name) {
		return SIZES.get(name).clone();
	}

	static float[] values(final String name) {
		final int[] n = size(name);
		final byte[] bytes = bytes(name + ".f32");
		final float[] v = new float[n[0] * n[1] * n[2]];
		if (bytes.length != 4 * v.length) throw new IllegalStateException(name + ": " + bytes.length + " bytes, expected " + 4 * v.length);
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
		return v;
	}

	static ArrayImg<FloatType, FloatArray> image(final String name) {
		final int[] n = size(name);
		return ArrayImgs.floats(values(name), n[0], n[1], n[2]);
	}

	static Volume<FloatType> volume(final String name, final Geometry geometry) {
		return Volume.of(image(name), geometry);
	}

	/** scipy's index-space affine (z, y, x rows) as an x, y, z index map. */
	static PhysicalAffine affineXyz() {
		final String[] rows = text("affine_matrix_zyx.txt").trim().split("\n");
		final double[][] zyx = new double[3][4];
		for (int r = 0; r < 3; r++) {
			final String[] f = rows[r].trim().split("\\s+");
			for (int c = 0; c < 4; c++) zyx[r][c] = Double.parseDouble(f[c]);
		}
		final double[][] xyz = new double[3][4];
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) xyz[r][c] = zyx[2 - r][2 - c];
			xyz[r][3] = zyx[2 - r][3];
		}
		return PhysicalAffine.of(xyz);
	}

	static float[] toArray(final RandomAccessibleInterval<? extends RealType<?>> img) {
		return FloatVolumes.read(img);
	}

	/** Largest absolute difference. */
	static double maxDiff(final float[] a, final float[] b) {
		if (a.length != b.length) throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
		double m = 0;
		for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
		return m;
	}

	static double maxAbs(final float[] a) {
		double m = 0;
		for (final float v : a) m = Math.max(m, Math.abs(v));
		return m;
	}

	private static String text(final String name) {
		return new String(bytes(name), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(final String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream(DIR + name)) {
			if (in == null) throw new IllegalStateException("missing test fixture " + DIR + name);
			return in.readAllBytes();
		} catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package org.medprep.core.augment.intensity;

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

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** The numpy reference arrays made by src/test/resources/org/medprep/augment/make_fixtures.py. */
final class Fixtures {

	private static final String DIR = "/org/medprep/augment/";
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
		final int[] n = SIZES.get(name);
		if (n == null) throw new IllegalStateException("no fixture '" + name + "'; run make_fixtures.py");
		return n.clone();
	}

	static float[] values(final String name) {
		final int[] n = size(name);
		final byte[] bytes = bytes(name + ".f32");
		final float[] v = new float[n[0] * n[1] * n[2]];
		if (bytes.length != 4 * v.length) throw new IllegalStateException(name + ": " + bytes.length + " bytes, expected " + 4 * v.length);
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
		return v;
	}

	/** The fixture as a volume shifted off the origin (as ImgLib2's tests do), on the given geometry. */
	static Volume<FloatType> volume(final String name, final Geometry geometry) {
		final int[] n = size(name);
		return Volume.of(Views.translate(ArrayImgs.floats(values(name), n[0], n[1], n[2]), 3, -2, 5), geometry);
	}

	static Volume<FloatType> volume(final String name) {
		return volume(name, Geometry.of(new double[] { 1, 1, 1 }, new double[3]));
	}

	static String text(final String name) {
		return new String(bytes(name), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(final String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream(DIR + name)) {
			if (in == null) throw new IllegalStateException("missing test resource " + DIR + name);
			return in.readAllBytes();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package org.medprep.core.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;

/** The chest CT and reference masks made by src/test/resources/org/medprep/masks/make_fixtures.py; Dice. */
final class MaskFixtures {

	static final String DIR = "/org/medprep/masks/";
	static final int[] SIZE = { 72, 64, 24 };
	static final double[] SPACING = { 1.0, 1.1, 2.5 };

	private MaskFixtures() {}

	static Volume<ShortType> ct() {
		final short[] s = new short[SIZE[0] * SIZE[1] * SIZE[2]];
		ByteBuffer.wrap(bytes("ct.i16")).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
		return Volume.of(ArrayImgs.shorts(s, SIZE[0], SIZE[1], SIZE[2]), Geometry.of(SPACING, new double[] { -35.5, -34.65, -28.75 }));
	}

	static int[] mask(final String name) {
		final byte[] b = bytes(name + ".u8");
		final int[] out = new int[b.length];
		for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
		return out;
	}

	static float[] floats(final String name) {
		final byte[] b = bytes(name + ".f32");
		final float[] f = new float[b.length / 4];
		ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
		return f;
	}

	/** 2 |A and B| / (|A| + |B|) of two 0/non-zero arrays. */
	static double dice(final int[] a, final int[] b) {
		long both = 0, sa = 0, sb = 0;
		for (int i = 0; i < a.length; i++) {
			final boolean x = a[i] != 0, y = b[i] != 0;
			if (x) sa++;
			if (y) sb++;
			if (x && y) both++;
		}
		return sa + sb == 0 ? 1 : 2.0 * both / (sa + sb);
	}

	/** Voxels where the two differ. */
	static long differences(final int[] a, final int[] b) {
		long n = 0;
		for (int i = 0; i < a.length; i++) if ((a[i] != 0) != (b[i] != 0)) n++;
		return n;
	}

	static int[] of(final RandomAccessibleInterval<? extends RealType<?>> mask) {
		return MaskArrays.nonZero(mask);
	}

	static byte[] bytes(final String name) {
		try (InputStream in = MaskFixtures.class.getResourceAsStream(DIR + name)) {
			if (in == null) throw new IllegalStateException("missing fixture " + DIR + name);
			return in.readAllBytes();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String text(final String name) {
		return new String(bytes(name), StandardCharsets.UTF_8);
	}
}

package org.medprep.testutil;

import java.util.Map;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** Small volumes for tests, shifted off the origin so code assuming min = 0 fails (as ImgLib2's own tests do). */
public final class TestVolumes {

	private TestVolumes() {}

	public static final long[] OFFSET = { 7, -3, 11 };

	/** int16 values (x fastest) in a translated view. */
	public static Volume<ShortType> shorts(final long[] dims, final double[] values) {
		final ArrayImg<ShortType, ?> img = ArrayImgs.shorts(dims);
		fill(img, values);
		return Volume.of(Views.translate(img, OFFSET), Geometry.of(new double[] { 0.8, 0.8, 2 }, new double[] { -50, 20, 100 }), Map.of(Volume.MODALITY, "CT"));
	}

	/** float values (x fastest) in a translated view. */
	public static Volume<FloatType> floats(final long[] dims, final double[] values) {
		final ArrayImg<FloatType, ?> img = ArrayImgs.floats(dims);
		fill(img, values);
		return Volume.of(Views.translate(img, OFFSET), Geometry.of(new double[] { 1, 1, 1 }, new double[3]));
	}

	private static <T extends RealType<T>> void fill(final RandomAccessibleInterval<T> img, final double[] values) {
		final Cursor<T> c = Views.flatIterable(img).cursor();
		int i = 0;
		while (c.hasNext()) c.next().setReal(values[i++]);
		if (i != values.length) throw new IllegalArgumentException("expected " + i + " values, got " + values.length);
	}

	/** All voxel values, x fastest. */
	public static double[] values(final RandomAccessibleInterval<? extends RealType<?>> img) {
		final double[] v = new double[(int) net.imglib2.util.Intervals.numElements(img)];
		final Cursor<? extends RealType<?>> c = Views.flatIterable(img).cursor();
		int i = 0;
		while (c.hasNext()) v[i++] = c.next().getRealDouble();
		return v;
	}
}

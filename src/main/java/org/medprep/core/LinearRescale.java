package org.medprep.core;

import java.util.Optional;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converter;
import net.imglib2.converter.Converters;
import net.imglib2.converter.read.ConvertedRandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Util;

/**
 * Physical values from stored ones, {@code value = intercept + slope * stored}:
 * DICOM's RescaleSlope/RescaleIntercept, NIfTI's scl_slope/scl_inter, ImageJ's
 * straight-line calibration. Applied as a lazy view, never a copy.
 * <p>
 * A named converter (not a lambda) so that {@link Planes} can recognise the
 * view and read the stored planes at primitive-array speed, rescaling in its
 * own loop.
 */
public final class LinearRescale<S extends RealType<S>, T extends RealType<T>> implements Converter<S, T> {

	private final double slope;
	private final double intercept;

	private LinearRescale(final double slope, final double intercept) {
		this.slope = slope;
		this.intercept = intercept;
	}

	public double slope() { return slope; }
	public double intercept() { return intercept; }

	@Override
	public void convert(final S in, final T out) {
		out.setReal(intercept + slope * in.getRealDouble());
	}

	/**
	 * The rescaled view of stored values. Integer data with slope 1 and an integer
	 * intercept (the usual CT: -1024) stay integer (exact histograms downstream);
	 * anything else is float.
	 *
	 * @throws IllegalArgumentException for a zero or non-finite slope or intercept
	 */
	public static <S extends RealType<S>> RandomAccessibleInterval<? extends RealType<?>> view(final RandomAccessibleInterval<S> stored,
		final double slope, final double intercept)
	{
		if (!Double.isFinite(slope) || slope == 0) throw new IllegalArgumentException("rescale slope must be finite and non-zero, got " + slope);
		if (!Double.isFinite(intercept)) throw new IllegalArgumentException("rescale intercept must be finite, got " + intercept);
		final boolean integral = Util.getTypeFromInterval(stored) instanceof IntegerType && slope == 1 && intercept == Math.rint(intercept)
			&& Math.abs(intercept) < (1 << 30);
		if (integral) return Converters.convert(stored, new LinearRescale<S, IntType>(slope, intercept), new IntType());
		return Converters.convert(stored, new LinearRescale<S, FloatType>(slope, intercept), new FloatType());
	}

	/** The rescale of a view made by {@link #view}, if {@code image} is one. */
	public static Optional<LinearRescale<?, ?>> of(final RandomAccessibleInterval<?> image) {
		if (image instanceof ConvertedRandomAccessibleInterval) {
			final Object c = ((ConvertedRandomAccessibleInterval<?, ?>) image).getConverter();
			if (c instanceof LinearRescale) return Optional.of((LinearRescale<?, ?>) c);
		}
		return Optional.empty();
	}

	/** The stored values under a view made by {@link #view}. */
	@SuppressWarnings("unchecked")
	public static RandomAccessibleInterval<? extends RealType<?>> storedOf(final RandomAccessibleInterval<?> image) {
		return (RandomAccessibleInterval<? extends RealType<?>>) ((ConvertedRandomAccessibleInterval<?, ?>) image).getSource();
	}
}

package org.medprep.io.storage;

import org.medprep.core.LinearRescale;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;

/**
 * A lazy view of stored values as physical ones, {@code slope * stored +
 * intercept} (NIfTI scl_slope/scl_inter, DICOM rescale): no copy is made.
 */
public final class ScaledView {

	private ScaledView() {}

	/** True if slope and intercept change nothing. */
	public static boolean isIdentity(final double slope, final double intercept) {
		return slope == 1 && intercept == 0;
	}

	/**
	 * The stored image seen through {@code slope * v + intercept}. Stored
	 * types of up to 16 bits use core's {@link LinearRescale} (int32 for slope
	 * 1 and an integer intercept, else float32: exact for their range), which
	 * {@code Planes} reads at array speed; wider types get a float64 view so
	 * that large values keep their precision (nibabel also scales to float64).
	 * The identity returns the image itself.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static RandomAccessibleInterval<? extends RealType<?>> of(final RandomAccessibleInterval<? extends RealType<?>> stored,
		final VoxelType storedType, final double slope, final double intercept)
	{
		if (isIdentity(slope, intercept)) return stored;
		final RandomAccessibleInterval raw = stored;
		if (storedType.bytes() <= 2) return LinearRescale.view(raw, slope, intercept);
		return Converters.convert(raw, (in, out) -> ((DoubleType) out).set(((RealType) in).getRealDouble() * slope + intercept), new DoubleType());
	}
}

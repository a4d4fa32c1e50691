package org.medprep.core.normalize;

import java.util.Arrays;
import java.util.List;

import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.stats.Percentiles;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Nyúl &amp; Udupa piecewise-linear histogram standardization, as
 * intensity-normalization's {@code NyulNormalize}.
 * <p>
 * Training: each image's landmarks are the percentiles (numpy "linear") of its
 * foreground; they are mapped linearly so the first landmark goes to
 * {@code outputMin} and the last to {@code outputMax}; the standard scale is
 * the mean over the images. Applying: every voxel (the whole image, as
 * {@code interp1d(landmarks, scale, fill_value="extrapolate")(image)} does) is
 * mapped piecewise-linearly from the image's own landmarks to the standard
 * scale, extending the first and last segments beyond the end landmarks.
 */
public final class NyulNormalization {

	public static final double DEFAULT_OUTPUT_MIN = 1, DEFAULT_OUTPUT_MAX = 100;

	private NyulNormalization() {}

	/**
	 * The landmarks of one image.
	 *
	 * @throws IllegalArgumentException if the selection is empty or the landmarks do not increase strictly
	 *         (a constant image, or fewer distinct values than the landmarks can separate)
	 */
	public static double[] landmarks(final RandomAccessibleInterval<? extends RealType<?>> image, final VoxelSelection foreground,
		final double[] percentiles)
	{
		NyulStandardScale.checkPercentiles(percentiles);
		final double[] l = Percentiles.of(image, foreground, percentiles);
		for (int i = 1; i < l.length; i++)
			if (!(l[i] > l[i - 1]))
				throw new IllegalArgumentException("the landmarks of " + foreground.describe() + " do not increase strictly (percentile " + percentiles[i - 1]
					+ " = " + l[i - 1] + ", percentile " + percentiles[i] + " = " + l[i] + "): the image is constant or has too few distinct values for "
					+ percentiles.length + " landmarks");
		return l;
	}

	/**
	 * Learns a standard scale.
	 *
	 * @param images the training images
	 * @param foregrounds one selection per image
	 * @throws IllegalArgumentException for no images, mismatched lists, or an image whose landmarks do not increase
	 */
	public static NyulStandardScale train(final List<? extends RandomAccessibleInterval<? extends RealType<?>>> images,
		final List<VoxelSelection> foregrounds, final double[] percentiles, final double outputMin, final double outputMax)
	{
		if (images.isEmpty()) throw new IllegalArgumentException("Nyul training needs at least one image");
		if (foregrounds.size() != images.size())
			throw new IllegalArgumentException("there must be one foreground per image: " + images.size() + " images, " + foregrounds.size() + " foregrounds");
		if (!(outputMin < outputMax)) throw new IllegalArgumentException("output minimum must be below the maximum, got " + outputMin + " and " + outputMax);
		final double[] sum = new double[percentiles.length];
		for (int n = 0; n < images.size(); n++) {
			final double[] l;
			try {
				l = landmarks(images.get(n), foregrounds.get(n), percentiles);
			}
			catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException("training image " + (n + 1) + ": " + e.getMessage(), e);
			}
			final double lo = l[0], hi = l[l.length - 1];
			for (int i = 0; i < l.length; i++)
				sum[i] += outputMin + (l[i] - lo) * (outputMax - outputMin) / (hi - lo);
		}
		final double[] scale = new double[sum.length];
		for (int i = 0; i < scale.length; i++) scale[i] = sum[i] / images.size();
		return new NyulStandardScale(percentiles, scale, outputMin, outputMax, images.size());
	}

	/** Maps the image onto the standard scale. */
	public static Volume<FloatType> apply(final Volume<? extends RealType<?>> image, final VoxelSelection foreground, final NyulStandardScale scale) {
		final double[] from = landmarks(image.data(), foreground, scale.percentiles());
		final double[] to = scale.scale();
		return image.withData(Planes.toFloat(image.data(), (z, in, out) -> {
			for (int i = 0; i < in.length; i++) out[i] = (float) map(in[i], from, to);
		})).withMetadata(Volume.UNITS, null);
	}

	/** Piecewise-linear map through (from[i], to[i]), extrapolating the end segments (from must increase strictly). */
	public static double map(final double x, final double[] from, final double[] to) {
		int seg = Arrays.binarySearch(from, x);
		if (seg < 0) seg = -seg - 2; // index of the landmark just below x
		seg = Math.max(0, Math.min(from.length - 2, seg));
		final double t = (x - from[seg]) / (from[seg + 1] - from[seg]);
		return to[seg] + t * (to[seg + 1] - to[seg]);
	}
}

package org.medprep.core.normalize;

import java.util.List;

import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Fuzzy c-means tissue normalization as jcreinhold's intensity-normalization
 * ({@code FCMNormalize}): fuzzy c-means with 3 classes and fuzziness 2 (stop
 * at a membership change below 0.005 or after 50 iterations) on the foreground
 * voxels of a T1-weighted image; clusters sorted so CSF &lt; GM &lt; WM; the
 * chosen tissue's mean (membership-weighted over the foreground, or over the
 * voxels whose membership exceeds a threshold); output = image / mean * target.
 * <p>
 * Integer images are clustered on their histogram (distinct values with
 * counts), which gives the same centres as clustering every voxel, fast;
 * other images on every foreground value.
 */
public final class FcmNormalization {

	public static final int CLASSES = 3;
	public static final double FUZZINESS = 2;
	public static final double ERROR = 0.005;
	public static final int MAX_ITERATIONS = 50;
	/** intensity-normalization 1.x's membership threshold. */
	public static final double DEFAULT_THRESHOLD = 0.8;

	private FcmNormalization() {}

	/**
	 * Tissue memberships of a T1-weighted image.
	 *
	 * @throws IllegalArgumentException if the foreground is empty or holds fewer than 3 distinct values
	 */
	public static TissueMembership membership(final RandomAccessibleInterval<? extends RealType<?>> t1, final VoxelSelection foreground,
		final TissueType tissue, final long seed)
	{
		final ForegroundValues fg = ForegroundValues.of(t1, foreground);
		final FuzzyCMeans.Result clusters = FuzzyCMeans.fit(fg.values, fg.weights, CLASSES, FUZZINESS, ERROR, MAX_ITERATIONS, seed);
		return TissueMembership.of(t1, foreground, tissue, clusters);
	}

	/**
	 * The mean of {@code image} over the tissue.
	 *
	 * @param threshold used by {@link TissueMeanMode#THRESHOLD} only, in [0, 1)
	 * @throws IllegalArgumentException if no voxel carries weight, or sizes differ
	 */
	public static double tissueMean(final RandomAccessibleInterval<? extends RealType<?>> image, final TissueMembership membership,
		final TissueMeanMode mode, final double threshold)
	{
		if (mode == TissueMeanMode.THRESHOLD && !(threshold >= 0 && threshold < 1))
			throw new IllegalArgumentException("membership threshold must be within [0, 1), got " + threshold);
		final List<double[]> sums = Planes.map(image, membership.image(), (z, v, u) -> {
			double sw = 0, swx = 0;
			for (int i = 0; i < v.length; i++) {
				final double w = mode == TissueMeanMode.THRESHOLD ? (u[i] > threshold ? 1 : 0) : u[i];
				sw += w;
				swx += w * v[i];
			}
			return new double[] { sw, swx };
		});
		double sw = 0, swx = 0;
		for (final double[] s : sums) {
			sw += s[0];
			swx += s[1];
		}
		if (!(sw > 0)) throw new IllegalArgumentException(mode == TissueMeanMode.THRESHOLD
			? "no voxel has a " + membership.tissue().label() + " membership above " + threshold
			: "the " + membership.tissue().label() + " membership is zero everywhere");
		return swx / sw;
	}

	/**
	 * image / tissueMean * target.
	 *
	 * @throws IllegalArgumentException if the tissue mean is not positive or the target is not finite and positive
	 */
	public static Volume<FloatType> normalize(final Volume<? extends RealType<?>> image, final TissueMembership membership,
		final TissueMeanMode mode, final double threshold, final double target)
	{
		if (!(target > 0) || Double.isInfinite(target)) throw new IllegalArgumentException("target value must be > 0, got " + target);
		final double mean = tissueMean(image.data(), membership, mode, threshold);
		if (!(mean > 0)) throw new IllegalArgumentException("cannot normalize: the " + membership.tissue().label() + " mean is " + mean + " (must be > 0)");
		final double factor = target / mean;
		return image.withData(Planes.toFloat(image.data(), (z, in, out) -> {
			for (int i = 0; i < in.length; i++) out[i] = (float) (in[i] * factor);
		})).withMetadata(Volume.UNITS, null);
	}

	/** Membership on the image itself, then {@link #normalize}: the usual T1 case. */
	public static Volume<FloatType> normalize(final Volume<? extends RealType<?>> t1, final VoxelSelection foreground, final TissueType tissue,
		final TissueMeanMode mode, final double threshold, final double target, final long seed)
	{
		return normalize(t1, membership(t1.data(), foreground, tissue, seed), mode, threshold, target);
	}
}

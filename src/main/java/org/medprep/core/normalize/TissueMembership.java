package org.medprep.core.normalize;

import org.medprep.core.Planes;
import org.medprep.core.VoxelSelection;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The fuzzy c-means membership of one tissue, found on a T1-weighted image:
 * per voxel, in [0, 1] inside the foreground and 0 outside (as
 * intensity-normalization's {@code find_tissue_memberships}). Computed once,
 * it can normalize any image of the same subject and size (FLAIR, T2...).
 */
public final class TissueMembership {

	private final TissueType tissue;
	private final FuzzyCMeans.Result clusters;
	private final PlanarImg<FloatType, FloatArray> membership;

	private TissueMembership(final TissueType tissue, final FuzzyCMeans.Result clusters, final PlanarImg<FloatType, FloatArray> membership) {
		this.tissue = tissue;
		this.clusters = clusters;
		this.membership = membership;
	}

	/** Memberships of {@code tissue} in {@code t1}'s foreground, from fuzzy c-means on those voxels. */
	static TissueMembership of(final RandomAccessibleInterval<? extends RealType<?>> t1, final VoxelSelection foreground,
		final TissueType tissue, final FuzzyCMeans.Result clusters)
	{
		final int k = tissue.cluster();
		final PlanarImg<FloatType, FloatArray> weights = Planes.toFloat(t1, (z, in, out) -> {
			for (int i = 0; i < in.length; i++) out[i] = (float) clusters.membership(in[i], k);
		});
		// zero outside the foreground; the mask plane is read alongside the image plane
		Planes.map(t1, foreground.maskImage(), (z, v, m) -> {
			final float[] out = weights.getPlane(z).getCurrentStorageArray();
			for (int i = 0; i < v.length; i++)
				if (!foreground.test(v[i], m, i)) out[i] = 0;
			return null;
		});
		return new TissueMembership(tissue, clusters, weights);
	}

	public TissueType tissue() { return tissue; }

	/** The three cluster centres of the T1, ascending (CSF, GM, WM). */
	public double[] centres() { return clusters.centres(); }

	public int iterations() { return clusters.iterations(); }

	/** Membership image, float, 0 outside the foreground. Shared, do not modify. */
	public RandomAccessibleInterval<FloatType> image() { return membership; }
}

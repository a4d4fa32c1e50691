package org.medprep.core.spatial;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Puts the voxel axes in a target orientation (TorchIO's {@code ToOrientation},
 * {@code ToCanonical} for RAS; MONAI's {@code Orientation}; nibabel's
 * {@code as_closest_canonical}) by permuting and mirroring the voxel order
 * only: no resampling, every voxel keeps its value and its physical position.
 * The geometry follows: spacing and direction columns are permuted (and
 * negated where an axis is mirrored), the origin moves to the new first voxel.
 * <p>
 * The input's orientation is its closest axis code ({@link Orientation#of}),
 * so an oblique grid keeps its obliquity and gets the target code's axis
 * order and signs. The plan's pull-back is the identity (content does not
 * move in the patient), so the step inverts and composes like any other.
 */
public final class Reorient implements SpatialOperation {

	private final Orientation target;

	public Reorient(final Orientation target) {
		if (target == null) throw new IllegalArgumentException("target orientation must not be null");
		this.target = target;
	}

	public Orientation target() { return target; }

	@Override
	public SpatialPlan plan(final Grid source) {
		return SpatialPlan.of(source, targetGrid(source), PhysicalAffine.identity());
	}

	/**
	 * The reoriented volume, exactly: a view over the input's voxels (same type,
	 * nothing copied or interpolated), zero-min, with the new geometry.
	 */
	public <T extends RealType<T>> Volume<T> apply(final Volume<T> volume) {
		final Grid source = Grid.of(volume);
		final int[] from = inputAxes(source);
		final boolean[] flip = flips(source, from);
		RandomAccessibleInterval<T> v = Views.zeroMin(volume.data());
		for (int j = 0; j < 3; j++)
			if (flip[j]) v = Views.invertAxis(v, from[j]);
		// permute by swaps: view axis k currently shows input axis current[k]
		final int[] current = { 0, 1, 2 };
		for (int j = 0; j < 3; j++) {
			int k = j;
			while (current[k] != from[j]) k++;
			if (k != j) {
				v = Views.permute(v, j, k);
				final int t = current[j];
				current[j] = current[k];
				current[k] = t;
			}
		}
		return Volume.of(Views.zeroMin(v), targetGrid(source).geometry(), volume.metadata());
	}

	/** The grid of the reoriented volume. */
	public Grid targetGrid(final Grid source) {
		final int[] from = inputAxes(source);
		final boolean[] flip = flips(source, from);
		final Geometry g = source.geometry();
		final long[] size = new long[3];
		final double[] spacing = new double[3], corner = new double[3];
		final double[][] direction = new double[3][3];
		for (int j = 0; j < 3; j++) {
			final int i = from[j];
			size[j] = source.size(i);
			spacing[j] = g.spacing(i);
			for (int r = 0; r < 3; r++) direction[r][j] = flip[j] ? -g.direction(r, i) : g.direction(r, i);
			corner[i] = flip[j] ? source.size(i) - 1 : 0;
		}
		return Grid.of(size, Geometry.of(spacing, g.indexToPhysical(corner), direction));
	}

	/** For each output axis, the input axis it shows. */
	private int[] inputAxes(final Grid source) {
		final Orientation in = Orientation.of(source.geometry());
		final int[] from = new int[3];
		for (int j = 0; j < 3; j++) from[j] = in.voxelAxisAlong(target.patientAxis(j));
		return from;
	}

	/** For each output axis, whether it runs against its input axis. */
	private boolean[] flips(final Grid source, final int[] from) {
		final Orientation in = Orientation.of(source.geometry());
		final boolean[] flip = new boolean[3];
		for (int j = 0; j < 3; j++) flip[j] = in.sign(from[j]) != target.sign(j);
		return flip;
	}

	@Override
	public String toString() {
		return "Reorient to " + target.code();
	}
}

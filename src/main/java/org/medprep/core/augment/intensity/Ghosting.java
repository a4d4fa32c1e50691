package org.medprep.core.augment.intensity;

import java.util.Collections;
import java.util.Locale;

import org.medprep.core.Volume;
import org.medprep.core.fft.KSpaceLineFilter;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * MRI ghosting as TorchIO's {@code Ghosting}
 * (torchio/transforms/augmentation/intensity/random_ghosting.py): in the
 * shifted spectrum, every {@code numGhosts}-th plane across {@code axis}
 * (from plane 0) is multiplied by {@code 1 - intensity}, then the centre is
 * restored: the central plane (restore NaN, TorchIO's {@code None}) or the
 * {@code round(restore * n)} central planes
 * ({@code [n/2 - size/2, n/2 + size/2)}); the output is the real part of the
 * inverse transform. The weights depend on one k-space axis, so the 3D
 * transform reduces to 1D transforms along it ({@link KSpaceLineFilter}).
 * No ghosts or zero intensity returns a copy, as TorchIO returns the input.
 */
public final class Ghosting implements IntensityDraw {

	private final int numGhosts, axis;
	private final double intensity, restore;

	/**
	 * @param restore fraction of the axis restored at the centre, or NaN for the central plane only
	 * @throws IllegalArgumentException for a negative ghost count, an axis outside 0-2 or restore outside [0, 1]
	 */
	public Ghosting(final int numGhosts, final int axis, final double intensity, final double restore) {
		if (numGhosts < 0) throw new IllegalArgumentException("number of ghosts must be >= 0, got " + numGhosts);
		if (axis < 0 || axis > 2) throw new IllegalArgumentException("ghosting axis must be 0, 1 or 2, got " + axis);
		if (!(intensity >= 0) || !Double.isFinite(intensity)) throw new IllegalArgumentException("ghost intensity must be >= 0, got " + intensity);
		if (!Double.isNaN(restore) && !(restore >= 0 && restore <= 1)) throw new IllegalArgumentException("restore must be in [0, 1], got " + restore);
		this.numGhosts = numGhosts;
		this.axis = axis;
		this.intensity = intensity;
		this.restore = restore;
	}

	/** The weight of each frequency along the axis, in unshifted order. */
	double[] mask(final int n) {
		final double[] shifted = new double[n];
		java.util.Arrays.fill(shifted, 1);
		for (int s = 0; s < n; s += numGhosts) shifted[s] = 1 - intensity;
		final int mid = n / 2;
		if (Double.isNaN(restore)) shifted[mid] = 1;
		else {
			final int size = (int) Math.rint(restore * n);
			for (int s = Math.max(0, mid - size / 2); s < Math.min(n, mid + size / 2); s++) shifted[s] = 1;
		}
		final double[] mask = new double[n];
		for (int k = 0; k < n; k++) mask[k] = shifted[(k + n / 2) % n];
		return mask;
	}

	@Override
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> image) {
		final net.imglib2.img.planar.PlanarImg<FloatType, net.imglib2.img.basictypeaccess.array.FloatArray> copy = IntensityPlanes.floatCopy(image.data());
		if (numGhosts == 0 || intensity == 0) return image.withData(copy);
		final int[] size = KSpaceLineFilter.size(image.data());
		return image.withData(KSpaceLineFilter.filter(Collections.singletonList(KSpaceLineFilter.planes(copy)), size, axis,
			Collections.singletonList(mask(size[axis]))));
	}

	@Override
	public java.util.Map<String, String> drawn() {
		return new DrawnValues().put("ghosts", numGhosts).put("axis", String.valueOf("xyz".charAt(axis))).put("intensity", intensity)
			.put("restore", Double.isNaN(restore) ? "central_plane" : Double.toString(restore)).map();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "ghosts=%d axis=%s intensity=%.6f restore=%s", numGhosts, "xyz".charAt(axis), intensity,
			Double.isNaN(restore) ? "central plane" : String.format(Locale.ROOT, "%.6f", restore));
	}
}

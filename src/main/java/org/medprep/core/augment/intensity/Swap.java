package org.medprep.core.augment.intensity;

import java.util.Locale;

import org.medprep.core.Volume;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Swaps pairs of equally sized patches, one pair after the other: TorchIO's
 * {@code Swap} (torchio/transforms/augmentation/intensity/random_swap.py),
 * used for context restoration in self-supervised learning. Where two
 * patches of a pair overlap, each gets the other's values from before the
 * swap (TorchIO copies from a view of the first patch, whose overlap with the
 * second is then already overwritten, which depends on torch's copy order).
 */
public final class Swap implements IntensityDraw {

	private final int[] patch;
	private final int[][] first, second;

	/**
	 * @param first the min corners (x, y, z) of the first patch of each pair
	 * @param second the min corners of the second patch of each pair
	 * @throws IllegalArgumentException for mismatched lists or a non-positive patch size
	 */
	public Swap(final int[] patch, final int[][] first, final int[][] second) {
		if (patch.length != 3 || patch[0] < 1 || patch[1] < 1 || patch[2] < 1)
			throw new IllegalArgumentException("swap patch size must be >= 1 along x, y and z, got " + java.util.Arrays.toString(patch));
		if (first.length != second.length) throw new IllegalArgumentException("swap needs as many first as second corners");
		this.patch = patch.clone();
		this.first = first.clone();
		this.second = second.clone();
	}

	@Override
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> image) {
		final PlanarImg<FloatType, FloatArray> out = IntensityPlanes.floatCopy(image.data());
		final float[][] planes = IntensityPlanes.planes(out);
		final int nx = (int) out.dimension(0), ny = (int) out.dimension(1), nz = (int) out.dimension(2);
		for (int i = 0; i < first.length; i++) {
			for (int d = 0; d < 3; d++)
				if (first[i][d] < 0 || second[i][d] < 0 || first[i][d] + patch[d] > (d == 0 ? nx : d == 1 ? ny : nz)
					|| second[i][d] + patch[d] > (d == 0 ? nx : d == 1 ? ny : nz))
					throw new IllegalArgumentException("swap patch " + i + " does not fit in the image along " + "xyz".charAt(d));
			final float[] a = read(planes, nx, first[i]), b = read(planes, nx, second[i]);
			write(planes, nx, second[i], a);
			write(planes, nx, first[i], b);
		}
		return image.withData(out);
	}

	private float[] read(final float[][] planes, final int nx, final int[] c) {
		final float[] p = new float[patch[0] * patch[1] * patch[2]];
		int i = 0;
		for (int z = 0; z < patch[2]; z++)
			for (int y = 0; y < patch[1]; y++, i += patch[0])
				System.arraycopy(planes[c[2] + z], (c[1] + y) * nx + c[0], p, i, patch[0]);
		return p;
	}

	private void write(final float[][] planes, final int nx, final int[] c, final float[] p) {
		int i = 0;
		for (int z = 0; z < patch[2]; z++)
			for (int y = 0; y < patch[1]; y++, i += patch[0])
				System.arraycopy(p, i, planes[c[2] + z], (c[1] + y) * nx + c[0], patch[0]);
	}

	@Override
	public java.util.Map<String, String> drawn() {
		return new DrawnValues().put("patch", patch).put("first", first).put("second", second).map();
	}

	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "patch=[%d, %d, %d] pairs=[", patch[0], patch[1], patch[2]));
		for (int i = 0; i < first.length; i++)
			sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "(%d %d %d)<->(%d %d %d)", first[i][0], first[i][1], first[i][2], second[i][0],
				second[i][1], second[i][2]));
		return sb.append(']').toString();
	}
}

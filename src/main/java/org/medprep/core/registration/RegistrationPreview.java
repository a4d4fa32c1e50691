package org.medprep.core.registration;

import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.stats.Percentiles;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Pictures to judge a registration by eye, on the fixed grid: a 3D
 * checkerboard alternating the fixed image and the registered moving image
 * (edges must continue across the tiles), and each image's intensities mapped
 * to [0, 1] for a colour overlay. Intensities are normalised by their 1st and
 * 99th percentiles, so different contrasts look alike in brightness.
 */
public final class RegistrationPreview {

	private RegistrationPreview() {}

	/**
	 * @param tiles tiles along each axis (at least 1)
	 * @throws IllegalArgumentException if the images are not the same size
	 */
	public static Volume<FloatType> checkerboard(final Volume<? extends RealType<?>> fixed, final Volume<? extends RealType<?>> registered, final int tiles) {
		if (tiles < 1) throw new IllegalArgumentException("a checkerboard needs at least 1 tile per axis, got " + tiles);
		Planes.requireSameSize(fixed.data(), registered.data());
		final Volume<FloatType> a = normalized(fixed), b = normalized(registered);
		final int nx = (int) fixed.dimension(0), ny = (int) fixed.dimension(1), nz = (int) fixed.dimension(2);
		final int tx = Math.max(1, (nx + tiles - 1) / tiles), ty = Math.max(1, (ny + tiles - 1) / tiles), tz = Math.max(1, (nz + tiles - 1) / tiles);
		final PlanarImg<FloatType, FloatArray> pa = (PlanarImg<FloatType, FloatArray>) a.data(), pb = (PlanarImg<FloatType, FloatArray>) b.data();
		for (int z = 0; z < nz; z++) {
			final float[] out = pa.getPlane(z).getCurrentStorageArray(), other = pb.getPlane(z).getCurrentStorageArray();
			for (int y = 0, i = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					if ((x / tx + y / ty + z / tz) % 2 == 1) out[i] = other[i];
		}
		return a;
	}

	/** The image with its 1st percentile at 0 and its 99th at 1 (clipped to [0, 1]), float, same grid. */
	public static Volume<FloatType> normalized(final Volume<? extends RealType<?>> image) {
		final double[] p = Percentiles.of(image.data(), VoxelSelection.all(), 1, 99);
		final double lo = p[0], range = p[1] > p[0] ? p[1] - p[0] : 1;
		final PlanarImg<FloatType, FloatArray> out = Planes.toFloat(image.data(), (z, in, o) -> {
			for (int i = 0; i < in.length; i++) {
				final double v = (in[i] - lo) / range;
				o[i] = (float) (v < 0 ? 0 : v > 1 ? 1 : v);
			}
		});
		return Volume.of(out, image.geometry());
	}
}

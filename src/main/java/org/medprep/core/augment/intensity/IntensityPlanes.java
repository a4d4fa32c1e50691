package org.medprep.core.augment.intensity;

import java.util.ArrayList;
import java.util.List;

import org.medprep.core.Planes;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/** In-place work on the z planes of a float planar image, in parallel, one plane per task. */
final class IntensityPlanes {

	private IntensityPlanes() {}

	@FunctionalInterface
	interface PlaneOperation {
		void apply(int z, float[] plane);
	}

	static void inPlace(final PlanarImg<FloatType, FloatArray> img, final PlaneOperation op) {
		Parallelization.getTaskExecutor().forEach(range((int) img.dimension(2)), z -> op.apply(z, img.getPlane(z).getCurrentStorageArray()));
	}

	/** A new float image holding the voxels of {@code image} (each rounded to float), for transforms that work on a copy. */
	static PlanarImg<FloatType, FloatArray> floatCopy(final RandomAccessibleInterval<? extends RealType<?>> image) {
		return Planes.toFloat(image, (z, in, o) -> {
			for (int i = 0; i < o.length; i++) o[i] = (float) in[i];
		});
	}

	static float[][] planes(final PlanarImg<FloatType, FloatArray> img) {
		final float[][] p = new float[(int) img.dimension(2)][];
		for (int z = 0; z < p.length; z++) p[z] = img.getPlane(z).getCurrentStorageArray();
		return p;
	}

	static List<Integer> range(final int n) {
		final List<Integer> r = new ArrayList<>(n);
		for (int i = 0; i < n; i++) r.add(i);
		return r;
	}
}

package org.medprep.core.segment;

import org.medprep.core.Planes;
import org.medprep.core.Volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Keeps an image inside a mask and sets every voxel outside it (mask 0) to a
 * value, as the tutorials apply a lung or body mask before training. The
 * result is float; inside voxels keep their value exactly.
 */
public final class MaskApplication {

	private MaskApplication() {}

	/** @throws IllegalArgumentException if the mask's size differs from the image's or the value is NaN */
	public static Volume<FloatType> apply(final Volume<? extends RealType<?>> image, final RandomAccessibleInterval<? extends RealType<?>> mask,
		final double outside)
	{
		if (Double.isNaN(outside)) throw new IllegalArgumentException("the value outside the mask must be a number");
		Planes.requireSameSize(image.data(), mask);
		final int[] n = MaskArrays.size(image.data());
		final PlanarImg<FloatType, FloatArray> out = PlanarImgs.floats(n[0], n[1], n[2]);
		final float value = (float) outside;
		Planes.scan(image.data(), mask, (z, v, m) -> {
			final float[] p = out.getPlane(z).getCurrentStorageArray();
			for (int i = 0; i < p.length; i++) p[i] = m[i] != 0 ? (float) v[i] : value;
			return null;
		});
		return image.withData(out);
	}
}

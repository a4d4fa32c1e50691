package org.medprep.core.segment;

import java.util.function.IntPredicate;

import org.medprep.core.Planes;
import org.medprep.core.spatial.FloatVolumes;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** Whole 3D masks as flat arrays (x fastest) for the component and morphology passes, and back to 8-bit images. */
public final class MaskArrays {

	private MaskArrays() {}

	/** The size, checked to fit in one array. */
	public static int[] size(final RandomAccessibleInterval<?> image) {
		return FloatVolumes.size(image);
	}

	/** 1 where the image is non-zero, 0 elsewhere. */
	public static int[] nonZero(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final int[] n = size(image);
		final int plane = n[0] * n[1];
		final int[] out = new int[plane * n[2]];
		Planes.scan(image, null, (z, v, ignored) -> {
			final int o = z * plane;
			for (int i = 0; i < v.length; i++) out[o + i] = v[i] != 0 ? 1 : 0;
			return null;
		});
		return out;
	}

	/** An 8-bit 0/1 mask, 1 where {@code inside} holds for the flat index; filled plane by plane in parallel. */
	public static PlanarImg<UnsignedByteType, ByteArray> toMask(final int[] size, final IntPredicate inside) {
		final PlanarImg<UnsignedByteType, ByteArray> out = PlanarImgs.unsignedBytes(size[0], size[1], size[2]);
		final int plane = size[0] * size[1];
		Parallelization.getTaskExecutor().forEach(Planes.zIndices(size[2]), z -> {
			final byte[] p = out.getPlane(z).getCurrentStorageArray();
			final int o = z * plane;
			for (int i = 0; i < plane; i++) p[i] = (byte) (inside.test(o + i) ? 1 : 0);
		});
		return out;
	}
}

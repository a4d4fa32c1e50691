package org.medprep.io.dicom.codec;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/** Voxel comparison for tests in other packages. */
public final class CompressedSeriesTestSupport {

	private CompressedSeriesTestSupport() {}

	public static long countDifferent(final RandomAccessibleInterval<? extends RealType<?>> a, final RandomAccessibleInterval<? extends RealType<?>> b) {
		return CompressedSeriesTest.countDifferent(a, b);
	}
}

package org.medprep.core.registration;

import org.medprep.core.Volume;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;

import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** Mask volumes for the registration tests. */
final class Masks {

	private Masks() {}

	/** 1 inside an ellipsoid about the anatomy's centre (radii in mm), where {@code anatomy} takes a patient point to the anatomy. */
	static Volume<UnsignedByteType> ellipsoid(final Grid grid, final PhysicalAffine anatomy, final double rx, final double ry, final double rz) {
		final ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(grid.size());
		final PhysicalAffine toAnatomy = anatomy.after(grid.indexToPhysical());
		final Cursor<UnsignedByteType> c = img.localizingCursor();
		final double[] p = new double[3];
		while (c.hasNext()) {
			c.fwd();
			c.localize(p);
			final double[] a = toAnatomy.apply(p);
			c.get().set(a[0] * a[0] / (rx * rx) + a[1] * a[1] / (ry * ry) + a[2] * a[2] / (rz * rz) <= 1 ? 1 : 0);
		}
		return Volume.of(img, grid.geometry());
	}
}

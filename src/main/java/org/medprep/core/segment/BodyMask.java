package org.medprep.core.segment;

import org.medprep.core.Planes;
import org.medprep.core.Volume;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * The patient's body in a CT, without the table: voxels above a threshold
 * (-500 HU: fat and denser; air, lung and the scanner's padding below), holes
 * filled slice by slice (lungs, airways and bowel gas are inside the body; a
 * slice-wise fill also closes cavities that reach the first or last slice),
 * an opening by a ball of a radius in mm (erosion, the largest component,
 * dilation back inside the filled voxels) so that a table or blanket touching
 * the patient through a contact thinner than the ball comes off, and the
 * largest 6-connected component. Filling before the opening keeps thin chest
 * walls in front of the lungs. The result is 1 inside, 0 outside.
 */
public final class BodyMask {

	private final double threshold;
	private final double openingMm;

	/** @throws IllegalArgumentException naming the bad value */
	public BodyMask(final double threshold, final double openingMm) {
		if (!Double.isFinite(threshold)) throw new IllegalArgumentException("body threshold must be finite, got " + threshold);
		if (!(openingMm >= 0) || !Double.isFinite(openingMm)) throw new IllegalArgumentException("opening radius must be >= 0 mm, got " + openingMm);
		this.threshold = threshold;
		this.openingMm = openingMm;
	}

	/** @throws IllegalArgumentException if nothing is above the threshold (after the opening) */
	public PlanarImg<UnsignedByteType, ByteArray> apply(final Volume<? extends RealType<?>> ct) {
		final int[] size = MaskArrays.size(ct.data());
		final int plane = size[0] * size[1];
		final int[] solid = new int[plane * size[2]];
		Planes.scan(ct.data(), null, (z, v, ignored) -> {
			for (int i = 0; i < v.length; i++) solid[z * plane + i] = v[i] > threshold ? 1 : 0;
			return null;
		});
		final int[] filled = MaskArrays.nonZero(ForegroundMask.fillHoles(MaskArrays.toMask(size, i -> solid[i] != 0)));
		int[] body;
		if (openingMm > 0) {
			final double[] spacing = ct.geometry().spacing();
			final int[] core = largest(DistanceTransform.erode(filled, size, spacing, openingMm), size);
			body = DistanceTransform.dilate(core, size, spacing, openingMm);
			for (int i = 0; i < body.length; i++) body[i] &= filled[i];
			body = largest(body, size);
		}
		else body = largest(filled, size);
		final int[] inside = body;
		return MaskArrays.toMask(size, i -> inside[i] != 0);
	}

	private int[] largest(final int[] mask, final int[] size) {
		final int[] largest = ConnectedComponents.largest(mask, size, Connectivity.SIX);
		if (largest == null)
			throw new IllegalArgumentException("no voxel above " + threshold + " HU" + (openingMm > 0 ? " survives an opening of " + openingMm + " mm" : "")
				+ ": is this a CT in HU?");
		return largest;
	}

	@Override
	public String toString() {
		return "Body Mask > " + threshold + " HU, opening " + openingMm + " mm";
	}
}

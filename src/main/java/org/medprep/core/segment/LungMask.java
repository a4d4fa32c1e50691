package org.medprep.core.segment;

import java.util.Arrays;

import org.medprep.core.Planes;
import org.medprep.core.Volume;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * The CT lung mask of the Kaggle Data Science Bowl 2017 preprocessing
 * tutorial ({@code segment_lung_mask}), in HU, with the axial slices as the z
 * planes (reorient first):
 * <ol>
 * <li>air = voxels at or below the threshold (-320 HU);</li>
 * <li>air connected (26-connectivity) to the sides of the volume (its x and y
 * faces) is outside the patient and counts as solid; the tutorial takes the
 * one component of the corner voxel, which is the same when the air around
 * the patient is one piece and more robust when a table splits it;</li>
 * <li>optionally (the tutorial's {@code fill_lung_structures}), in each slice
 * every solid piece but the largest (8-connectivity) becomes lung, so vessels
 * and nodules inside the lungs are kept;</li>
 * <li>the largest remaining air component (26-connectivity), and optionally
 * the second largest when it holds at least a given fraction of the first's
 * voxels (two lungs not joined by the trachea, which the tutorial's single
 * component would lose);</li>
 * <li>optionally dilated by a ball of a radius in mm.</li>
 * </ol>
 * The result is 1 in the lungs, 0 elsewhere.
 */
public final class LungMask {

	/** The tutorial's threshold. */
	public static final double TUTORIAL_THRESHOLD = -320;

	private final double threshold;
	private final boolean fillStructures;
	private final int components;
	private final double secondFraction;
	private final double dilationMm;

	/**
	 * @param components 1 (the tutorial) or 2
	 * @param secondFraction the second component is kept only if it has at least this fraction of the largest's voxels (0..1)
	 * @param dilationMm radius of the final dilation (0 for none)
	 * @throws IllegalArgumentException naming the bad value
	 */
	public LungMask(final double threshold, final boolean fillStructures, final int components, final double secondFraction, final double dilationMm) {
		if (!Double.isFinite(threshold)) throw new IllegalArgumentException("lung threshold must be finite, got " + threshold);
		if (components != 1 && components != 2) throw new IllegalArgumentException("keep 1 or 2 lung components, got " + components);
		if (!(secondFraction >= 0 && secondFraction <= 1)) throw new IllegalArgumentException("second component fraction must be in [0, 1], got " + secondFraction);
		if (!(dilationMm >= 0) || !Double.isFinite(dilationMm)) throw new IllegalArgumentException("dilation must be >= 0 mm, got " + dilationMm);
		this.threshold = threshold;
		this.fillStructures = fillStructures;
		this.components = components;
		this.secondFraction = secondFraction;
		this.dilationMm = dilationMm;
	}

	/** The tutorial as published: -320 HU, structures filled, one component, no dilation. */
	public static LungMask tutorial() {
		return new LungMask(TUTORIAL_THRESHOLD, true, 1, 0, 0);
	}

	/** @throws IllegalArgumentException if no air is left inside the patient */
	public PlanarImg<UnsignedByteType, ByteArray> apply(final Volume<? extends RealType<?>> ct) {
		final int[] size = MaskArrays.size(ct.data());
		final int nx = size[0], ny = size[1], nz = size[2], plane = nx * ny;
		final int[] air = new int[plane * nz];
		Planes.scan(ct.data(), null, (z, v, ignored) -> {
			for (int i = 0; i < v.length; i++) air[z * plane + i] = v[i] <= threshold ? 1 : 0;
			return null;
		});
		final ConnectedComponents airParts = ConnectedComponents.ofNonZero(air, size, Connectivity.TWENTY_SIX);
		final boolean[] outside = airParts.touchingBorder(size, false);
		final int[] parts = airParts.labels();
		final int[] lung = new int[air.length];
		for (int i = 0; i < lung.length; i++) lung[i] = air[i] != 0 && !outside[parts[i]] ? 1 : 0;
		if (fillStructures) fillStructures(lung, nx, ny, nz);
		final ConnectedComponents cc = ConnectedComponents.ofNonZero(lung, size, Connectivity.TWENTY_SIX);
		if (cc.count() == 0)
			throw new IllegalArgumentException("no air inside the patient at or below " + threshold + " HU: is this a chest CT in HU?");
		final boolean[] keep = new boolean[cc.count() + 1];
		final Integer[] order = new Integer[cc.count()];
		for (int c = 0; c < order.length; c++) order[c] = c + 1;
		Arrays.sort(order, (a, b) -> cc.size(a) != cc.size(b) ? Long.compare(cc.size(b), cc.size(a)) : Integer.compare(a, b));
		keep[order[0]] = true;
		if (components == 2 && order.length > 1 && cc.size(order[1]) >= secondFraction * cc.size(order[0])) keep[order[1]] = true;
		final int[] labels = cc.labels();
		int[] out = new int[lung.length];
		for (int i = 0; i < out.length; i++) out[i] = keep[labels[i]] ? 1 : 0;
		if (dilationMm > 0) out = DistanceTransform.dilate(out, size, ct.geometry().spacing(), dilationMm);
		final int[] mask = out;
		return MaskArrays.toMask(size, i -> mask[i] != 0);
	}

	/** In each slice, solid pieces other than the largest become lung (the tutorial's fill_lung_structures). */
	private static void fillStructures(final int[] lung, final int nx, final int ny, final int nz) {
		final int plane = nx * ny;
		final int[] slice = { nx, ny, 1 };
		for (int z = 0; z < nz; z++) {
			final int o = z * plane;
			final int[] solid = new int[plane];
			for (int i = 0; i < plane; i++) solid[i] = lung[o + i] == 0 ? 1 : 0;
			// 18-connectivity within one slice is 8-connectivity, skimage's default in 2D
			final ConnectedComponents cc = ConnectedComponents.ofNonZero(solid, slice, Connectivity.EIGHTEEN);
			if (cc.count() == 0) continue;
			int largest = 1;
			for (int c = 2; c <= cc.count(); c++) if (cc.size(c) > cc.size(largest)) largest = c;
			final int[] labels = cc.labels();
			for (int i = 0; i < plane; i++) if (labels[i] != largest) lung[o + i] = 1;
		}
	}

	@Override
	public String toString() {
		return "Lung Mask " + threshold + " HU" + (fillStructures ? ", structures filled" : "") + ", " + components + " component(s)"
			+ (dilationMm > 0 ? ", dilated " + dilationMm + " mm" : "");
	}
}

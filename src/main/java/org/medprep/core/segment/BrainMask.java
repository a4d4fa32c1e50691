package org.medprep.core.segment;

import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.labels.LabelHoles;
import org.medprep.core.labels.LabelMap;
import org.medprep.core.stats.Percentiles;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * A classical MR brain mask (skull stripping) by threshold and morphology,
 * not BET's surface evolution:
 * <ol>
 * <li>threshold at BET's robust level {@code t = p2 + f (p98 - p2)} of all
 * voxels' 2nd and 98th percentiles ({@code f} = 0.1 by default), which keeps
 * CSF, grey and white matter and drops background and the dark skull of a
 * T1-weighted image;</li>
 * <li>erosion by a ball of radius r mm, which breaks the thin bridges of noise
 * and vessels across the skull between brain and scalp;</li>
 * <li>the largest 6-connected component (the brain), dilated back by r mm
 * inside the thresholded voxels, and its largest component again;</li>
 * <li>3D hole filling, so dark structures enclosed by the brain count as brain.</li>
 * </ol>
 * Limits: it needs a dark gap (skull, CSF) around the brain that is wider
 * than the noise bridges and thinner connections than 2 r mm; a neck or optic
 * nerves thicker than that stay attached (BET cuts them with its smooth
 * surface), bright scalp touching the brain without a skull gap is kept, the
 * threshold assumes T1-like contrast with a dark skull, and the result follows
 * the thresholded surface (no smoothness constraint). The result is 1 inside.
 */
public final class BrainMask {

	private final double fraction;
	private final double erosionMm;

	/** @throws IllegalArgumentException naming the bad value */
	public BrainMask(final double fraction, final double erosionMm) {
		if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("threshold fraction must be in (0, 1), got " + fraction);
		if (!(erosionMm >= 0) || !Double.isFinite(erosionMm)) throw new IllegalArgumentException("erosion radius must be >= 0 mm, got " + erosionMm);
		this.fraction = fraction;
		this.erosionMm = erosionMm;
	}

	/** BET's default threshold fraction 0.1 and a 4 mm erosion. */
	public static BrainMask defaults() {
		return new BrainMask(0.1, 4);
	}

	/** The threshold this mask uses on {@code image}. */
	public double threshold(final Volume<? extends RealType<?>> image) {
		final double[] p = Percentiles.of(image.data(), VoxelSelection.all(), 2, 98);
		return p[0] + fraction * (p[1] - p[0]);
	}

	/** @throws IllegalArgumentException if nothing survives the threshold and erosion */
	public PlanarImg<UnsignedByteType, ByteArray> apply(final Volume<? extends RealType<?>> image) {
		final double t = threshold(image);
		final int[] size = MaskArrays.size(image.data());
		final int plane = size[0] * size[1];
		final int[] head = new int[plane * size[2]];
		Planes.scan(image.data(), null, (z, v, ignored) -> {
			for (int i = 0; i < v.length; i++) head[z * plane + i] = v[i] > t ? 1 : 0;
			return null;
		});
		final double[] spacing = image.geometry().spacing();
		final int[] core = largest(erosionMm > 0 ? DistanceTransform.erode(head, size, spacing, erosionMm) : head, size, t);
		int[] brain = core;
		if (erosionMm > 0) {
			brain = DistanceTransform.dilate(core, size, spacing, erosionMm);
			for (int i = 0; i < brain.length; i++) brain[i] &= head[i];
			brain = largest(brain, size, t);
		}
		final int[] filled = new LabelHoles(Connectivity.SIX).apply(LabelMap.of(brain, size, image.geometry())).labels();
		return MaskArrays.toMask(size, i -> filled[i] != 0);
	}

	private int[] largest(final int[] mask, final int[] size, final double t) {
		final int[] largest = ConnectedComponents.largest(mask, size, Connectivity.SIX);
		if (largest == null)
			throw new IllegalArgumentException("nothing above the brain threshold " + t + " survives an erosion of " + erosionMm + " mm");
		return largest;
	}

	@Override
	public String toString() {
		return "Brain Mask threshold fraction " + fraction + ", erosion " + erosionMm + " mm";
	}
}

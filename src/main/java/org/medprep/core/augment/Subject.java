package org.medprep.core.augment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.medprep.core.Volume;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.DisplacementField;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;

import net.imglib2.type.numeric.RealType;

/**
 * An image and its label maps on one grid (TorchIO's subject): a spatial
 * transform is drawn once and applied to all of them, the image with its
 * sampling, the label maps with a label-preserving interpolation (nearest or
 * label mode) and background 0 outside. Immutable.
 */
public final class Subject {

	/** Grids may differ by this much (mm) and still count as one space. */
	public static final double SAME_SPACE_MM = 1e-4;

	private final Volume<? extends RealType<?>> image;
	private final Map<String, Volume<? extends RealType<?>>> labels;

	private Subject(final Volume<? extends RealType<?>> image, final Map<String, Volume<? extends RealType<?>>> labels) {
		this.image = image;
		this.labels = labels;
	}

	public static Subject of(final Volume<? extends RealType<?>> image) {
		return of(image, Collections.emptyMap());
	}

	/**
	 * @throws IllegalArgumentException naming the label map whose grid differs from the image's
	 */
	public static Subject of(final Volume<? extends RealType<?>> image, final Map<String, ? extends Volume<? extends RealType<?>>> labels) {
		if (image == null) throw new IllegalArgumentException("subject image must not be null");
		final Grid grid = Grid.of(image);
		final Map<String, Volume<? extends RealType<?>>> copy = new LinkedHashMap<>();
		for (final Map.Entry<String, ? extends Volume<? extends RealType<?>>> e : labels.entrySet()) {
			final Grid g = Grid.of(e.getValue());
			if (!g.sameSpace(grid, SAME_SPACE_MM))
				throw new IllegalArgumentException("label map '" + e.getKey() + "' is not in the image's space: " + g + " vs " + grid);
			copy.put(e.getKey(), e.getValue());
		}
		return new Subject(image, Collections.unmodifiableMap(copy));
	}

	public Volume<? extends RealType<?>> image() { return image; }
	public Map<String, Volume<? extends RealType<?>>> labels() { return labels; }
	public Grid grid() { return Grid.of(image); }

	/**
	 * Resamples every member with one plan (and optional field).
	 * @param labelInterpolation nearest or label
	 * @throws IllegalArgumentException if the label interpolation could invent values
	 */
	public Subject resample(final SpatialPlan plan, final DisplacementField field, final Sampling imageSampling, final Interpolation labelInterpolation) {
		if (!labelInterpolation.preservesLabels())
			throw new IllegalArgumentException("label maps need nearest or label interpolation, got " + labelInterpolation.label());
		final Sampling labelSampling = Sampling.of(labelInterpolation, BoundaryMode.BOX, 0);
		final Volume<? extends RealType<?>> img = plan.apply(image, field, imageSampling);
		final Map<String, Volume<? extends RealType<?>>> out = new LinkedHashMap<>();
		for (final Map.Entry<String, Volume<? extends RealType<?>>> e : labels.entrySet())
			out.put(e.getKey(), plan.apply(e.getValue(), field, labelSampling));
		return new Subject(img, Collections.unmodifiableMap(out));
	}
}

package org.medprep.core.augment.intensity;

import org.medprep.core.Labelled;
import java.util.SplittableRandom;

import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.stats.IntensityStatistics;

import net.imglib2.type.numeric.RealType;

/**
 * A {@link CoarseDropout} drawn as MONAI's {@code RandCoarseDropout.randomize}:
 * a number of holes uniform in [holes_min, holes_max]; for each, a size uniform
 * in [min_size, max_size] per axis (a size of 0 or less means the image's, as
 * MONAI's {@code fall_back_tuple}), cut to the image, and a corner uniform
 * among the positions where it fits.
 */
public final class RandomCoarseDropout implements RandomIntensityTransform {

	public enum Fill implements Labelled {
		VALUE("value"), IMAGE_RANGE("random in image range"), RANGE("random in range");

		private final String label;

		Fill(final String label) { this.label = label; }

		@Override
		public String label() { return label; }

		/** @throws IllegalArgumentException naming the choices */
		public static Fill fromLabel(final String label) {
			for (final Fill f : values())
				if (f.label.equalsIgnoreCase(label) || f.name().equalsIgnoreCase(label)) return f;
			throw new IllegalArgumentException("unknown fill_mode '" + label + "'; choose value, random in image range or random in range");
		}
	}

	private final int holesMin, holesMax;
	private final int[] minSize, maxSize;
	private final boolean dropoutHoles;
	private final Fill fill;
	private final double fillValue, fillMin, fillMax;

	/** @throws IllegalArgumentException for empty ranges */
	public RandomCoarseDropout(final int holesMin, final int holesMax, final int[] minSize, final int[] maxSize, final boolean dropoutHoles, final Fill fill,
		final double fillValue, final double fillMin, final double fillMax)
	{
		if (holesMin < 1 || holesMax < holesMin || holesMax > 10000)
			throw new IllegalArgumentException("hole count range must satisfy 1 <= holes_min <= holes_max <= 10000, got [" + holesMin + ", " + holesMax + "]");
		for (int d = 0; d < 3; d++)
			if (minSize[d] > 0 && maxSize[d] > 0 && maxSize[d] < minSize[d])
				throw new IllegalArgumentException("hole size along " + "xyz".charAt(d) + " must satisfy min_size <= max_size, got " + minSize[d] + " and " + maxSize[d]);
		if (fill == Fill.RANGE && !(fillMin <= fillMax)) throw new IllegalArgumentException("fill range must satisfy fill_min <= fill_max, got [" + fillMin + ", " + fillMax + "]");
		this.holesMin = holesMin;
		this.holesMax = holesMax;
		this.minSize = minSize.clone();
		this.maxSize = maxSize.clone();
		this.dropoutHoles = dropoutHoles;
		this.fill = fill;
		this.fillValue = fillValue;
		this.fillMin = fillMin;
		this.fillMax = fillMax;
	}

	@Override
	public CoarseDropout draw(final Volume<? extends RealType<?>> image, final SplittableRandom random) {
		final int holes = holesMin + random.nextInt(holesMax - holesMin + 1);
		final int[][] corners = new int[holes][3], sizes = new int[holes][3];
		for (int h = 0; h < holes; h++) {
			for (int d = 0; d < 3; d++) {
				final int n = (int) image.dimension(d);
				final int lo = minSize[d] > 0 ? minSize[d] : n, hi = maxSize[d] > 0 ? maxSize[d] : n;
				final int s = Math.min(n, lo + random.nextInt(Math.max(hi, lo) - lo + 1));
				sizes[h][d] = s;
				corners[h][d] = n > s ? random.nextInt(n - s + 1) : 0;
			}
		}
		switch (fill) {
			case VALUE: return new CoarseDropout(corners, sizes, dropoutHoles, false, fillValue, fillValue, 0);
			case IMAGE_RANGE: {
				final IntensityStatistics s = IntensityStatistics.of(image.data(), VoxelSelection.all());
				return new CoarseDropout(corners, sizes, dropoutHoles, true, s.min(), s.max(), random.nextLong());
			}
			default: return new CoarseDropout(corners, sizes, dropoutHoles, true, fillMin, fillMax, random.nextLong());
		}
	}
}

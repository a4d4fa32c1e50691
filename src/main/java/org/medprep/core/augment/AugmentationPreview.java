package org.medprep.core.augment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.medprep.core.Geometry;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.spatial.FloatVolumes;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A grid of N random draws of a transform (or a pipeline of transforms, each
 * with its own draw) on one subject: the axial middle slice of each augmented
 * image, tiled row by row, and a matching mask of the label outline (voxels
 * whose label differs from a 4-neighbour's), for the host to draw over the image.
 * Draw i uses the i-th number of {@code new SplittableRandom(seed)} as its seed,
 * so the preview is reproducible and each tile can be regenerated alone.
 */
public final class AugmentationPreview {

	/** The tiled image and the tiled outline mask (1 on the outline), with the draws' descriptions. */
	public static final class Result {
		private final Volume<FloatType> image;
		private final Volume<UnsignedByteType> outline;
		private final List<String> draws;
		private final long[] tileSeeds;

		Result(final Volume<FloatType> image, final Volume<UnsignedByteType> outline, final List<String> draws, final long[] tileSeeds) {
			this.image = image;
			this.outline = outline;
			this.draws = draws;
			this.tileSeeds = tileSeeds;
		}

		public Volume<FloatType> image() { return image; }
		public Volume<UnsignedByteType> outline() { return outline; }
		/** One line per tile: its seed and the parameters drawn. */
		public List<String> draws() { return draws; }
		/** The seed of each tile, in order: one tile is regenerated from its seed alone. */
		public long[] tileSeeds() { return tileSeeds.clone(); }
	}

	private AugmentationPreview() {}

	/**
	 * @param label name of the subject's label map to outline, or null
	 * @throws IllegalArgumentException if count < 1 or the pipeline is empty
	 */
	public static Result of(final Subject subject, final String label, final List<RandomSpatialTransform> pipeline, final int count, final long seed,
		final Sampling imageSampling, final Interpolation labelInterpolation)
	{
		if (count < 1) throw new IllegalArgumentException("the preview needs at least 1 draw, got " + count);
		if (pipeline.isEmpty()) throw new IllegalArgumentException("the preview needs at least one transform");
		if (label != null && !subject.labels().containsKey(label))
			throw new IllegalArgumentException("the subject has no label map '" + label + "'; it has " + subject.labels().keySet());
		final SplittableRandom seeds = new SplittableRandom(seed);
		final List<Subject> drawn = new ArrayList<>();
		final List<String> draws = new ArrayList<>();
		final long[] tileSeeds = new long[count];
		for (int i = 0; i < count; i++) {
			final long tileSeed = seeds.nextLong();
			tileSeeds[i] = tileSeed;
			final SplittableRandom random = new SplittableRandom(tileSeed);
			Subject s = subject;
			final StringBuilder text = new StringBuilder("seed " + tileSeed + ":");
			for (final RandomSpatialTransform t : pipeline) {
				final SpatialDraw d = t.draw(s, random);
				text.append(' ').append(d);
				s = RandomSpatialTransform.apply(s, d, imageSampling, labelInterpolation);
			}
			draws.add(text.toString());
			drawn.add(s);
		}
		return tile(drawn, label, draws, tileSeeds);
	}

	/**
	 * Tiles the axial middle slices of augmented subjects row by row (a square-ish
	 * grid), with the outline of label map {@code label} (or none if null).
	 *
	 * @param descriptions one line per subject: what its draw did
	 * @param tileSeeds the seed each subject was drawn from
	 * @throws IllegalArgumentException if there is nothing to tile, the lists differ in length or a subject lacks the label map
	 */
	public static Result tile(final List<Subject> subjects, final String label, final List<String> descriptions, final long[] tileSeeds) {
		if (subjects.isEmpty()) throw new IllegalArgumentException("the preview needs at least 1 draw");
		if (descriptions.size() != subjects.size() || tileSeeds.length != subjects.size())
			throw new IllegalArgumentException(subjects.size() + " draws, but " + descriptions.size() + " descriptions and " + tileSeeds.length + " seeds");
		final int count = subjects.size();
		final List<float[]> tiles = new ArrayList<>();
		final List<byte[]> outlines = new ArrayList<>();
		final List<int[]> sizes = new ArrayList<>();
		int w = 0, h = 0;
		for (final Subject s : subjects) {
			if (label != null && !s.labels().containsKey(label))
				throw new IllegalArgumentException("the subject has no label map '" + label + "'; it has " + s.labels().keySet());
			final int nx = (int) s.image().dimension(0), ny = (int) s.image().dimension(1), nz = (int) s.image().dimension(2);
			w = Math.max(w, nx);
			h = Math.max(h, ny);
			tiles.add(axial(s.image(), nx, ny, nz));
			outlines.add(label == null ? new byte[nx * ny] : outline(axial(s.labels().get(label), nx, ny, nz), nx, ny));
			sizes.add(new int[] { nx, ny });
		}
		final int cols = (int) Math.ceil(Math.sqrt(count)), rows = (count + cols - 1) / cols;
		final int width = cols * w, height = rows * h;
		final float[] img = new float[width * height];
		final byte[] mask = new byte[width * height];
		for (int i = 0; i < count; i++) {
			final int[] size = sizes.get(i);
			final int ox = (i % cols) * w, oy = (i / cols) * h;
			for (int y = 0; y < size[1]; y++)
				for (int x = 0; x < size[0]; x++) {
					img[(oy + y) * width + ox + x] = tiles.get(i)[y * size[0] + x];
					mask[(oy + y) * width + ox + x] = outlines.get(i)[y * size[0] + x];
				}
		}
		final Geometry g = Geometry.of(subjects.get(0).grid().geometry().spacing(), new double[3]);
		return new Result(Volume.of(ArrayImgs.floats(img, width, height, 1), g), Volume.of(ArrayImgs.unsignedBytes(mask, width, height, 1), g),
			Collections.unmodifiableList(new ArrayList<>(descriptions)), tileSeeds.clone());
	}

	private static float[] axial(final Volume<? extends RealType<?>> v, final int nx, final int ny, final int nz) {
		final float[] all = FloatVolumes.read(v.data());
		final float[] slice = new float[nx * ny];
		System.arraycopy(all, (nz / 2) * nx * ny, slice, 0, nx * ny);
		return slice;
	}

	private static byte[] outline(final float[] labels, final int nx, final int ny) {
		final byte[] m = new byte[nx * ny];
		for (int y = 0; y < ny; y++)
			for (int x = 0; x < nx; x++) {
				final float l = labels[y * nx + x];
				if (l == 0) continue;
				final boolean edge = x == 0 || y == 0 || x == nx - 1 || y == ny - 1 || labels[y * nx + x - 1] != l || labels[y * nx + x + 1] != l
					|| labels[(y - 1) * nx + x] != l || labels[(y + 1) * nx + x] != l;
				if (edge) m[y * nx + x] = 1;
			}
		return m;
	}
}

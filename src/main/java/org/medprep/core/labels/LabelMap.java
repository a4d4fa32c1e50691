package org.medprep.core.labels;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.medprep.core.Geometry;
import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.segment.MaskArrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;

/**
 * A label map as one flat int array (x fastest) with its geometry: what the
 * label operations work on. Read from any Volume whose values are whole
 * numbers >= 0 (8-bit, 16-bit, float holding integers...), written back in
 * the smallest unsigned type that holds its largest label.
 */
public final class LabelMap {

	/** Largest label accepted: float data hold every integer up to 2^24 exactly. */
	public static final int MAX_LABEL = 1 << 24;

	private final int[] labels;
	private final int[] size;
	private final Geometry geometry;

	private LabelMap(final int[] labels, final int[] size, final Geometry geometry) {
		this.labels = labels;
		this.size = size;
		this.geometry = geometry;
	}

	/** Wraps an array (not copied) as a label map of this size and geometry. */
	public static LabelMap of(final int[] labels, final int[] size, final Geometry geometry) {
		if ((long) size[0] * size[1] * size[2] != labels.length)
			throw new IllegalArgumentException(labels.length + " labels do not fill a " + size[0] + "x" + size[1] + "x" + size[2] + " grid");
		return new LabelMap(labels, size.clone(), geometry);
	}

	/**
	 * @throws IllegalArgumentException naming the first voxel (x, y, z) that is not a whole number in 0..2^24
	 */
	public static LabelMap read(final Volume<? extends RealType<?>> volume) {
		final RandomAccessibleInterval<? extends RealType<?>> data = volume.data();
		final int[] n = MaskArrays.size(data);
		final int plane = n[0] * n[1];
		final int[] out = new int[plane * n[2]];
		final List<String> problems = Planes.scan(data, null, (z, v, ignored) -> {
			final int o = z * plane;
			for (int i = 0; i < v.length; i++) {
				final double x = v[i];
				if (!(x >= 0 && x <= MAX_LABEL && x == Math.rint(x)))
					return String.format(Locale.ROOT, "a label map holds whole numbers from 0 to %d, but voxel (%d, %d, %d) is %s", MAX_LABEL,
						i % n[0], i / n[0], z, Double.toString(x));
				out[o + i] = (int) x;
			}
			return null;
		});
		for (final String p : problems)
			if (p != null) throw new IllegalArgumentException(p);
		return new LabelMap(out, n, volume.geometry());
	}

	/** The labels, shared (not copied): do not modify unless this map is yours. */
	public int[] labels() { return labels; }
	public int[] size() { return size.clone(); }
	public Geometry geometry() { return geometry; }
	public int numVoxels() { return labels.length; }

	/** A new map of the same grid with other labels. */
	public LabelMap withLabels(final int[] other) {
		return of(other, size, geometry);
	}

	/** The distinct non-zero labels, ascending. */
	public int[] presentLabels() {
		final TreeSet<Integer> set = new TreeSet<>();
		int max = 0;
		for (final int l : labels) if (l > max) max = l;
		if (max < 1 << 20) {
			final boolean[] seen = new boolean[max + 1];
			for (final int l : labels) seen[l] = true;
			for (int l = 1; l <= max; l++) if (seen[l]) set.add(l);
		}
		else for (final int l : labels) if (l != 0) set.add(l);
		return set.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The largest label (0 for an empty map). */
	public int maxLabel() {
		int max = 0;
		for (final int l : labels) if (l > max) max = l;
		return max;
	}

	/** As a Volume: uint8 if every label fits, else uint16, else int32; planar, filled in parallel. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Volume<? extends RealType<?>> toVolume() {
		final int max = maxLabel();
		final PlanarImg<?, ?> img = max <= 255 ? PlanarImgs.unsignedBytes(size[0], size[1], size[2])
			: max <= 65535 ? PlanarImgs.unsignedShorts(size[0], size[1], size[2]) : PlanarImgs.ints(size[0], size[1], size[2]);
		final int plane = size[0] * size[1];
		Parallelization.getTaskExecutor().forEach(Planes.zIndices(size[2]), z -> {
			final Object p = ((net.imglib2.img.basictypeaccess.array.ArrayDataAccess<?>) img.getPlane(z)).getCurrentStorageArray();
			final int o = z * plane;
			if (p instanceof byte[]) {
				final byte[] b = (byte[]) p;
				for (int i = 0; i < plane; i++) b[i] = (byte) labels[o + i];
			}
			else if (p instanceof short[]) {
				final short[] s = (short[]) p;
				for (int i = 0; i < plane; i++) s[i] = (short) labels[o + i];
			}
			else System.arraycopy(labels, o, (int[]) p, 0, plane);
		});
		return Volume.of((RandomAccessibleInterval) img, geometry);
	}
}

package org.medprep.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Exact order statistics (the k-th smallest selected value) of an image stored
 * as float32 planes, found by radix selection on the bits of the floats rather
 * than by gathering and partitioning a copy of the values: every float maps to
 * a 32-bit key whose unsigned order is {@link Float#compare}'s order (-0.0
 * below 0.0, NaN above +infinity), so one pass counting the high 16 bits of
 * the keys finds the bucket that holds rank k, and a second pass counting the
 * low 16 bits of the keys in that bucket finds the value itself. Counts are
 * integers, so the values are the same whatever the number of threads.
 */
public final class FloatOrderStatistics {

	private static final int BUCKETS = 1 << 16;
	/** Target buckets counted per pass of {@link #values}: bounds the memory of the low histograms (768 KiB each per thread: int bins and their long totals). */
	private static final int TARGETS_PER_PASS = 32;

	private final StoredPlanes stored;
	private final int nz, n;
	private final VoxelSelection selection;
	private final Planes.MaskRuns mask;
	/** Whether NaN keys are made canonical (needed only when the image holds a NaN with the sign bit set). */
	private final boolean canonical;
	/** Selected voxels per high-16-bit bucket of their keys. */
	private final long[] buckets;
	private final long count;

	private FloatOrderStatistics(final StoredPlanes stored, final int nz, final int n, final VoxelSelection selection, final Planes.MaskRuns mask,
		final boolean canonical)
	{
		this.stored = stored;
		this.nz = nz;
		this.n = n;
		this.selection = selection;
		this.mask = mask;
		this.canonical = canonical;
		this.buckets = tally(BUCKETS, (bins, z) -> {
			final float[] a = (float[]) stored.plane(z);
			forEachSelected(z, a, (from, to) -> countHigh(a, from, to, canonical, bins));
		});
		long total = 0;
		for (final long b : buckets) total += b;
		this.count = total;
	}

	/**
	 * The selected voxels of {@code image}, counted by bucket (one pass), or empty
	 * unless the image is a planar float32 image without a rescale.
	 */
	public static Optional<FloatOrderStatistics> of(final RandomAccessibleInterval<? extends RealType<?>> image, final VoxelSelection selection) {
		final StoredPlanes stored = StoredPlanes.of(image).orElse(null);
		if (stored == null || !stored.holdsFloats()) return Optional.empty();
		final RandomAccessibleInterval<? extends RealType<?>> maskImage = selection.maskImage();
		if (maskImage != null) Planes.requireSameSize(image, maskImage);
		final Planes.MaskRuns mask = maskImage == null ? null : new Planes.MaskRuns(maskImage);
		final int nz = (int) image.dimension(2), n = Planes.planeSize(image);
		// raw bits first: only a NaN with the sign bit set keys wrongly (below -infinity, in the buckets
		// up to -infinity's), and then the image is counted again with canonical NaN
		final FloatOrderStatistics raw = new FloatOrderStatistics(stored, nz, n, selection, mask, false);
		final int minusInfinity = key(Float.NEGATIVE_INFINITY) >>> 16;
		long upToMinusInfinity = 0;
		for (int b = 0; b <= minusInfinity; b++) upToMinusInfinity += raw.buckets[b];
		if (upToMinusInfinity == 0) return Optional.of(raw);
		return Optional.of(new FloatOrderStatistics(stored, nz, n, selection, mask, true));
	}

	/** The number of selected voxels. */
	public long count() {
		return count;
	}

	/**
	 * The values of the given ranks (0-based, each below {@link #count()}) among
	 * the selected voxels in {@link Float#compare} order: one more pass per 32
	 * distinct buckets the ranks fall in (one pass for a few percentiles).
	 *
	 * @throws IllegalArgumentException for a rank outside 0 .. count - 1
	 */
	public float[] values(final long... ranks) {
		final int[] bucketOf = new int[ranks.length];
		final long[] within = new long[ranks.length];
		final List<Integer> targets = new ArrayList<>();
		for (int r = 0; r < ranks.length; r++) {
			if (ranks[r] < 0 || ranks[r] >= count) throw new IllegalArgumentException("rank " + ranks[r] + " outside 0.." + (count - 1));
			long below = 0;
			int b = 0;
			while (below + buckets[b] <= ranks[r]) below += buckets[b++];
			bucketOf[r] = b;
			within[r] = ranks[r] - below;
			if (!targets.contains(b)) targets.add(b);
		}
		final float[] values = new float[ranks.length];
		for (int first = 0; first < targets.size(); first += TARGETS_PER_PASS) {
			final List<Integer> pass = targets.subList(first, Math.min(targets.size(), first + TARGETS_PER_PASS));
			// slot + 1 of each bucket counted in this pass, 0 for the others: one small table read per voxel
			final byte[] slot = new byte[BUCKETS];
			for (int t = 0; t < pass.size(); t++) slot[pass.get(t)] = (byte) (t + 1);
			final long[] low = tally(pass.size() * BUCKETS, (bins, z) -> {
				final float[] a = (float[]) stored.plane(z);
				forEachSelected(z, a, (from, to) -> countLow(a, from, to, slot, canonical, bins));
			});
			for (int r = 0; r < ranks.length; r++) {
				final int t = pass.indexOf(bucketOf[r]);
				if (t < 0) continue;
				long seen = 0;
				int k = 0;
				while (seen + low[t * BUCKETS + k] <= within[r]) seen += low[t * BUCKETS + k++];
				values[r] = value(bucketOf[r] << 16 | k);
			}
		}
		return values;
	}

	/** Runs of selected voxels of plane z: the whole plane, the stretches under the mask, or the non-zero stretches. */
	private void forEachSelected(final int z, final float[] a, final Planes.Stretch s) {
		if (mask != null) mask.forEachSelected(z, s);
		else if (selection.kind() == VoxelSelection.Kind.NON_ZERO) {
			int i = 0;
			while (i < a.length) {
				while (i < a.length && a[i] == 0) i++;
				final int start = i;
				while (i < a.length && a[i] != 0) i++;
				if (i > start) s.accept(start, i);
			}
		}
		else s.accept(0, a.length);
	}

	private static void countHigh(final float[] a, final int from, final int to, final boolean canonical, final int[] h) {
		if (canonical) for (int i = from; i < to; i++) h[key(a[i]) >>> 16]++;
		else for (int i = from; i < to; i++) h[rawKey(a[i]) >>> 16]++;
	}

	private static void countLow(final float[] a, final int from, final int to, final byte[] slot, final boolean canonical, final int[] h) {
		for (int i = from; i < to; i++) {
			final int k = canonical ? key(a[i]) : rawKey(a[i]);
			final int s = slot[k >>> 16];
			if (s != 0) h[(s - 1) << 16 | k & 0xffff]++;
		}
	}

	/** The key of a float: its bits with the sign flipped for positive values and all bits flipped for negative ones; NaN canonical. */
	static int key(final float x) {
		final int bits = Float.floatToIntBits(x);
		return bits ^ (bits >> 31 | 0x80000000);
	}

	/** {@link #key} without making NaN canonical (half the work per voxel): right unless a NaN has its sign bit set. */
	private static int rawKey(final float x) {
		final int bits = Float.floatToRawIntBits(x);
		return bits ^ (bits >> 31 | 0x80000000);
	}

	/** The float whose key is {@code key}. */
	static float value(final int key) {
		return Float.intBitsToFloat(key < 0 ? key ^ 0x80000000 : ~key);
	}

	/** Every plane counted by {@code count} into {@code size} bins (integers: in any order). */
	private long[] tally(final int size, final PlaneTallies.PlaneCount count) {
		return PlaneTallies.count(size, nz, n, count);
	}
}

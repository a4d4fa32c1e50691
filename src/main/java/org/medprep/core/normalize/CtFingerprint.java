package org.medprep.core.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.medprep.core.Planes;
import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;
import org.medprep.core.stats.Percentiles;

import net.imglib2.type.numeric.RealType;

/**
 * nnU-Net's dataset fingerprint for CT normalization (nnU-Net v2
 * {@code DatasetFingerprintExtractor} and {@code ExperimentPlanner}):
 * <ul>
 * <li>from each case, {@code floor(10e7 / cases)} foreground intensities (label
 * &gt; 0) drawn uniformly <em>with replacement</em> (seeded, per case);</li>
 * <li>over all samples: mean, standard deviation (ddof 0), min, max, median and
 * the 0.5 and 99.5 percentiles (numpy "linear");</li>
 * <li>per case the spacing and the shape after cropping to the non-zero
 * bounding box; the median spacing; the target spacing by nnU-Net's rule for
 * anisotropic data (see {@link #targetSpacing}).</li>
 * </ul>
 * nnU-Net draws with numpy's {@code RandomState(1234)}; the samples here come
 * from a seeded {@link SplittableRandom}, so the statistics agree with
 * nnU-Net's to sampling precision, not bit for bit. Spacings and shapes are
 * stored x, y, z (nnU-Net stores z, y, x).
 */
public final class CtFingerprint {

	public static final String FORMAT = "medprep-ct-fingerprint";
	public static final int VERSION = 1;
	/** nnU-Net's {@code num_foreground_voxels_for_intensitystats}. */
	public static final long TOTAL_SAMPLES = 100_000_000L;
	/** nnU-Net's {@code ANISO_THRESHOLD}. */
	public static final double ANISOTROPY_THRESHOLD = 3;
	public static final long DEFAULT_SEED = 1234;

	private final int cases;
	private final long samplesPerCase;
	private final long seed;
	private final double mean, std, min, max, median, p005, p995;
	private final double[][] spacings;
	private final double[][] shapes;

	private CtFingerprint(final int cases, final long samplesPerCase, final long seed, final double[] stats, final double[][] spacings,
		final double[][] shapes)
	{
		this.cases = cases;
		this.samplesPerCase = samplesPerCase;
		this.seed = seed;
		this.mean = stats[0];
		this.std = stats[1];
		this.min = stats[2];
		this.max = stats[3];
		this.median = stats[4];
		this.p005 = stats[5];
		this.p995 = stats[6];
		this.spacings = spacings;
		this.shapes = shapes;
	}

	public int cases() { return cases; }
	public long samplesPerCase() { return samplesPerCase; }
	public long seed() { return seed; }
	public double mean() { return mean; }
	public double std() { return std; }
	public double min() { return min; }
	public double max() { return max; }
	public double median() { return median; }
	public double percentile005() { return p005; }
	public double percentile995() { return p995; }

	/** Per-case spacing x, y, z. */
	public double[][] spacings() { return deepCopy(spacings); }

	/** Per-case shape after cropping to the non-zero bounding box, x, y, z. */
	public double[][] shapesAfterCrop() { return deepCopy(shapes); }

	/** Per-axis median of the case spacings (numpy percentile 50). */
	public double[] medianSpacing() { return column(spacings, 50); }

	/** nnU-Net's full-resolution target spacing, see {@link #targetSpacing(double[][], double[][])}. */
	public double[] targetSpacing() { return targetSpacing(spacings, shapes); }

	/**
	 * Samples the cohort.
	 *
	 * @param samplesPerCase samples drawn per case; 0 for nnU-Net's {@code floor(10e7 / cases)}
	 * @throws IllegalArgumentException for no cases, mismatched sizes, or a cohort without foreground
	 */
	public static CtFingerprint extract(final List<? extends Volume<? extends RealType<?>>> images,
		final List<? extends Volume<? extends RealType<?>>> labels, final long samplesPerCase, final long seed, final ProgressListener progress)
	{
		if (images.isEmpty()) throw new IllegalArgumentException("a fingerprint needs at least one case");
		if (labels.size() != images.size())
			throw new IllegalArgumentException("there must be one label map per image: " + images.size() + " images, " + labels.size() + " label maps");
		if (samplesPerCase < 0) throw new IllegalArgumentException("samples per case must be >= 0 (0 = nnU-Net's rule), got " + samplesPerCase);
		final int n = images.size();
		final long perCase = samplesPerCase(n, samplesPerCase);
		if (perCase * n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many samples: " + perCase + " x " + n + " cases");
		final float[] samples = new float[(int) (perCase * n)];
		final double[][] spacings = new double[n][], shapes = new double[n][];
		int filled = 0;
		for (int c = 0; c < n; c++) {
			final Volume<? extends RealType<?>> image = images.get(c), label = labels.get(c);
			try {
				Planes.requireSameSize(image.data(), label.data());
			}
			catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException("case " + (c + 1) + ": " + e.getMessage(), e);
			}
			spacings[c] = image.geometry().spacing();
			shapes[c] = nonZeroShape(image);
			if (sample(image, label, (int) perCase, new SplittableRandom(seed * 1_000_003L + c), samples, filled)) filled += (int) perCase;
			progress.progress(c + 1, n, "fingerprint case " + (c + 1) + " of " + n);
		}
		if (filled == 0) throw new IllegalArgumentException("no case has foreground (label > 0) voxels");
		final float[] used = filled == samples.length ? samples : Arrays.copyOf(samples, filled);
		double sum = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final float v : used) {
			sum += v;
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		final double m = sum / used.length;
		double ss = 0;
		for (final float v : used) ss += (v - m) * (v - m);
		final double[] stats = { m, Math.sqrt(ss / used.length), lo, hi, Percentiles.ofValues(used, 50), Percentiles.ofValues(used, 0.5),
			Percentiles.ofValues(used, 99.5) };
		return new CtFingerprint(n, perCase, seed, stats, spacings, shapes);
	}

	/** Samples per case: {@code requested}, or nnU-Net's {@code floor(10e7 / cases)} when it is 0. */
	public static long samplesPerCase(final int cases, final long requested) {
		if (cases < 1) throw new IllegalArgumentException("at least one case is needed, got " + cases);
		return requested > 0 ? requested : TOTAL_SAMPLES / cases;
	}

	/**
	 * Draws {@code k} foreground values with replacement into {@code out[at..]}; false if the case has no foreground.
	 * The foreground values are gathered in plane order (at most the volume's size), then indexed at random.
	 */
	private static boolean sample(final Volume<? extends RealType<?>> image, final Volume<? extends RealType<?>> label, final int k,
		final SplittableRandom random, final float[] out, final int at)
	{
		final List<float[]> planes = Planes.map(image.data(), label.data(), (z, v, l) -> {
			int n = 0;
			final float[] kept = new float[v.length];
			for (int i = 0; i < v.length; i++)
				if (l[i] > 0) kept[n++] = (float) v[i];
			return Arrays.copyOf(kept, n);
		});
		long total = 0;
		for (final float[] p : planes) total += p.length;
		if (total == 0) return false;
		if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many foreground voxels in one case: " + total);
		final float[] values = new float[(int) total];
		int pos = 0;
		for (final float[] p : planes) {
			System.arraycopy(p, 0, values, pos, p.length);
			pos += p.length;
		}
		for (int i = 0; i < k; i++) out[at + i] = values[random.nextInt(values.length)];
		return true;
	}

	/** Shape of the bounding box of the non-zero voxels (nnU-Net's crop_to_nonzero; hole filling does not change the box). */
	private static double[] nonZeroShape(final Volume<? extends RealType<?>> image) {
		final int nx = (int) image.dimension(0);
		final List<int[]> boxes = Planes.map(image.data(), (z, v) -> {
			int x0 = Integer.MAX_VALUE, x1 = -1, y0 = Integer.MAX_VALUE, y1 = -1;
			for (int i = 0; i < v.length; i++) {
				if (v[i] == 0) continue;
				final int x = i % nx, y = i / nx;
				x0 = Math.min(x0, x);
				x1 = Math.max(x1, x);
				y0 = Math.min(y0, y);
				y1 = Math.max(y1, y);
			}
			return new int[] { x0, x1, y0, y1 };
		});
		int x0 = Integer.MAX_VALUE, x1 = -1, y0 = Integer.MAX_VALUE, y1 = -1, z0 = Integer.MAX_VALUE, z1 = -1;
		for (int z = 0; z < boxes.size(); z++) {
			final int[] b = boxes.get(z);
			if (b[1] < 0) continue;
			x0 = Math.min(x0, b[0]);
			x1 = Math.max(x1, b[1]);
			y0 = Math.min(y0, b[2]);
			y1 = Math.max(y1, b[3]);
			z0 = Math.min(z0, z);
			z1 = Math.max(z1, z);
		}
		if (x1 < 0) return new double[] { image.dimension(0), image.dimension(1), image.dimension(2) };
		return new double[] { x1 - x0 + 1, y1 - y0 + 1, z1 - z0 + 1 };
	}

	/**
	 * nnU-Net's {@code determine_fullres_target_spacing}: the per-axis median
	 * spacing, except when the axis with the coarsest median spacing is more
	 * than 3 times coarser than the others AND its median size (after crop)
	 * times 3 is smaller than the smallest other median size; then that axis
	 * gets the 10th percentile of its case spacings, raised to the largest
	 * other spacing + 1e-5 if it falls below that. Ties for the coarsest axis go to z,
	 * then y, then x, as numpy's argmax over nnU-Net's z, y, x order.
	 */
	public static double[] targetSpacing(final double[][] spacings, final double[][] shapes) {
		final double[] target = column(spacings, 50);
		final double[] size = column(shapes, 50);
		int worst = 2;
		for (final int d : new int[] { 1, 0 })
			if (target[d] > target[worst]) worst = d;
		double maxOtherSpacing = Double.NEGATIVE_INFINITY, minOtherSize = Double.POSITIVE_INFINITY;
		for (int d = 0; d < 3; d++) {
			if (d == worst) continue;
			maxOtherSpacing = Math.max(maxOtherSpacing, target[d]);
			minOtherSize = Math.min(minOtherSize, size[d]);
		}
		final boolean anisoSpacing = target[worst] > ANISOTROPY_THRESHOLD * maxOtherSpacing;
		final boolean anisoVoxels = size[worst] * ANISOTROPY_THRESHOLD < minOtherSize;
		if (anisoSpacing && anisoVoxels) {
			final double[] axis = new double[spacings.length];
			for (int c = 0; c < axis.length; c++) axis[c] = spacings[c][worst];
			double t = percentile(axis, 10);
			if (t < maxOtherSpacing) t = Math.max(maxOtherSpacing, t) + 1e-5;
			target[worst] = t;
		}
		return target;
	}

	private static double[] column(final double[][] rows, final double q) {
		final double[] out = new double[3];
		for (int d = 0; d < 3; d++) {
			final double[] col = new double[rows.length];
			for (int c = 0; c < rows.length; c++) col[c] = rows[c][d];
			out[d] = percentile(col, q);
		}
		return out;
	}

	/** numpy's linear percentile of a small array (copied and sorted). */
	static double percentile(final double[] values, final double q) {
		final double[] s = values.clone();
		Arrays.sort(s);
		final double index = (s.length - 1) * q / 100;
		final int lo = (int) Math.floor(index);
		final int hi = Math.min(lo + 1, s.length - 1);
		return lerp(s[lo], s[hi], index - lo);
	}

	private static double lerp(final double a, final double b, final double t) {
		final double diff = b - a;
		return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
	}

	/**
	 * A fingerprint from its stored values (e.g. read back from its file by
	 * {@code io.models.CtFingerprintFile}).
	 *
	 * @param stats mean, std, min, max, median, percentile 0.5, percentile 99.5
	 * @param spacings per case, x, y, z in mm
	 * @param shapes per case, the shape after cropping, x, y, z
	 * @throws IllegalArgumentException naming what is inconsistent
	 */
	public static CtFingerprint of(final int cases, final long samplesPerCase, final long seed, final double[] stats, final double[][] spacings,
		final double[][] shapes)
	{
		if (cases < 1) throw new IllegalArgumentException("\"cases\" must be a positive integer, got " + cases);
		if (stats.length != 7) throw new IllegalArgumentException("7 intensity statistics are needed, got " + stats.length);
		if (spacings.length != cases || shapes.length != cases)
			throw new IllegalArgumentException(cases + " cases but " + spacings.length + " spacings and " + shapes.length + " shapes");
		for (int c = 0; c < cases; c++) {
			if (spacings[c].length != 3 || shapes[c].length != 3) throw new IllegalArgumentException("case " + (c + 1) + " needs 3 spacings and 3 shape values");
			for (final double s : spacings[c])
				if (!(s > 0)) throw new IllegalArgumentException("case " + (c + 1) + " has spacing " + s + " (must be > 0)");
		}
		if (!(stats[1] >= 0)) throw new IllegalArgumentException("std must be >= 0, got " + stats[1]);
		if (!(stats[5] <= stats[6])) throw new IllegalArgumentException("percentile_00_5 " + stats[5] + " is above percentile_99_5 " + stats[6]);
		return new CtFingerprint(cases, samplesPerCase, seed, stats.clone(), deepCopy(spacings), deepCopy(shapes));
	}

	private static double[][] deepCopy(final double[][] a) {
		final List<double[]> out = new ArrayList<>();
		for (final double[] r : a) out.add(r.clone());
		return out.toArray(new double[0][]);
	}

	@Override
	public String toString() {
		return "CT fingerprint of " + cases + " cases: mean " + mean + ", std " + std + ", percentiles 0.5/99.5 " + p005 + " / " + p995;
	}
}

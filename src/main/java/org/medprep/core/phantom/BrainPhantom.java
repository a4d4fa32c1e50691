package org.medprep.core.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A synthetic skull-stripped T1-weighted brain: background 0, an ellipsoidal
 * brain with an outer CSF layer, a folded grey-matter cortex, white matter,
 * two CSF ventricles and two deep grey-matter nuclei. Tissue signals are
 * known; a smooth multiplicative bias field (known, returned by
 * {@link #biasField()}), a {@link ScannerResponse} and Gaussian noise are
 * applied on top, so intensity normalization and bias correction can be
 * checked against the truth.
 * <p>
 * Stored intensity of a brain voxel: {@code round(scanner(mean[tissue]) * bias + noise)},
 * at least 1, so "voxels > 0" is exactly the brain. Immutable; the
 * {@code with*} methods return modified copies. Deterministic: plane z draws
 * its noise from its own generator seeded by (seed, z), whatever the thread count.
 */
public final class BrainPhantom {

	public static final int LABEL_CSF = 1, LABEL_GM = 2, LABEL_WM = 3;

	/** Default T1 tissue signals (CSF darkest, white matter brightest). */
	public static final double CSF = 300, GM = 650, WM = 900;

	private final int nx, ny, nz;
	private final double[] spacing;
	private final double[] means;
	private final double noiseSigma;
	private final double biasStrength;
	private final double[] biasCoefficients;
	private final ScannerResponse scanner;
	private final long seed;

	private static final double[] DEFAULT_BIAS = { 0.5, -0.35, 0.3, 0.35, -0.3 };

	private BrainPhantom(final int nx, final int ny, final int nz, final double[] spacing, final double[] means, final double noiseSigma,
		final double biasStrength, final double[] biasCoefficients, final ScannerResponse scanner, final long seed)
	{
		if (nx < 8 || ny < 8 || nz < 8) throw new IllegalArgumentException("brain phantom must be at least 8x8x8, got " + nx + "x" + ny + "x" + nz);
		if (!(noiseSigma >= 0)) throw new IllegalArgumentException("noise sigma must be >= 0, got " + noiseSigma);
		if (!(biasStrength >= 0) || biasStrength > 2) throw new IllegalArgumentException("bias strength must be within [0, 2], got " + biasStrength);
		for (final double m : means)
			if (!(m > 0)) throw new IllegalArgumentException("tissue means must be > 0, got " + m);
		this.nx = nx;
		this.ny = ny;
		this.nz = nz;
		this.spacing = Geometry.of(spacing, new double[3]).spacing();
		this.means = means.clone();
		this.noiseSigma = noiseSigma;
		this.biasStrength = biasStrength;
		this.biasCoefficients = biasCoefficients.clone();
		this.scanner = scanner;
		this.seed = seed;
	}

	/** 192x192x160 at 1 mm, noise 20, bias strength 0.2 (log-amplitude; the field spans about x0.75 to x1.3), seed 42. */
	public static BrainPhantom standard() {
		return new BrainPhantom(192, 192, 160, new double[] { 1, 1, 1 }, new double[] { CSF, GM, WM }, 20, 0.2, DEFAULT_BIAS,
			ScannerResponse.IDENTITY, 42);
	}

	public BrainPhantom withSize(final int x, final int y, final int z) {
		return new BrainPhantom(x, y, z, spacing, means, noiseSigma, biasStrength, biasCoefficients, scanner, seed);
	}

	public BrainPhantom withSpacing(final double[] s) {
		return new BrainPhantom(nx, ny, nz, s, means, noiseSigma, biasStrength, biasCoefficients, scanner, seed);
	}

	/** Tissue signals for CSF, GM, WM before the scanner response. */
	public BrainPhantom withMeans(final double csf, final double gm, final double wm) {
		return new BrainPhantom(nx, ny, nz, spacing, new double[] { csf, gm, wm }, noiseSigma, biasStrength, biasCoefficients, scanner, seed);
	}

	public BrainPhantom withNoise(final double sigma) {
		return new BrainPhantom(nx, ny, nz, spacing, means, sigma, biasStrength, biasCoefficients, scanner, seed);
	}

	/** Log-amplitude of the multiplicative field; 0 for none. */
	public BrainPhantom withBias(final double strength) {
		return new BrainPhantom(nx, ny, nz, spacing, means, noiseSigma, strength, biasCoefficients, scanner, seed);
	}

	/** A different smooth field shape: coefficients drawn from {@code fieldSeed}. */
	public BrainPhantom withBiasShape(final long fieldSeed) {
		final SplittableRandom r = new SplittableRandom(fieldSeed);
		final double[] c = new double[DEFAULT_BIAS.length];
		for (int i = 0; i < c.length; i++) c[i] = r.nextDouble(-0.5, 0.5);
		return new BrainPhantom(nx, ny, nz, spacing, means, noiseSigma, biasStrength, c, scanner, seed);
	}

	public BrainPhantom withScanner(final ScannerResponse s) {
		if (s == null) throw new IllegalArgumentException("scanner response must not be null");
		return new BrainPhantom(nx, ny, nz, spacing, means, noiseSigma, biasStrength, biasCoefficients, s, seed);
	}

	public BrainPhantom withSeed(final long s) {
		return new BrainPhantom(nx, ny, nz, spacing, means, noiseSigma, biasStrength, biasCoefficients, scanner, s);
	}

	/** Stored mean of a tissue label (1 CSF, 2 GM, 3 WM) without bias and noise: the scanner applied to the tissue signal. */
	public double tissueMean(final int label) {
		if (label < 1 || label > 3) throw new IllegalArgumentException("tissue label must be 1 (CSF), 2 (GM) or 3 (WM), got " + label);
		return scanner.apply(means[label - 1]);
	}

	public Geometry geometry() {
		final double[] origin = { -(nx - 1) * spacing[0] / 2, -(ny - 1) * spacing[1] / 2, -(nz - 1) * spacing[2] / 2 };
		return Geometry.of(spacing, origin);
	}

	/** The T1 image, int16. */
	public Volume<ShortType> image() {
		final PlanarImg<ShortType, ShortArray> img = PlanarImgs.shorts(nx, ny, nz);
		final double[] stored = { 0, tissueMean(1), tissueMean(2), tissueMean(3) };
		final double noise = noiseSigma * scanner.scale();
		Parallelization.getTaskExecutor().forEach(planes(), z -> {
			final short[] out = img.getPlane(z).getCurrentStorageArray();
			final SplittableRandom random = new SplittableRandom(seed * 1_000_003L + z);
			for (int y = 0, i = 0; y < ny; y++) {
				for (int x = 0; x < nx; x++, i++) {
					final int label = labelAt(x, y, z);
					if (label == 0) continue;
					final double v = stored[label] * bias(x, y, z) + (noise > 0 ? noise * gaussian(random) : 0);
					out[i] = (short) Math.max(1, Math.min(Short.MAX_VALUE, Math.round(v)));
				}
			}
		});
		return Volume.of(img, geometry(), Map.of(Volume.MODALITY, "MR"));
	}

	/** Tissue labels, uint8: 0 background, 1 CSF, 2 GM, 3 WM. */
	public Volume<UnsignedByteType> labels() {
		final PlanarImg<UnsignedByteType, ByteArray> img = PlanarImgs.unsignedBytes(nx, ny, nz);
		Parallelization.getTaskExecutor().forEach(planes(), z -> {
			final byte[] lab = img.getPlane(z).getCurrentStorageArray();
			for (int y = 0, i = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					lab[i] = (byte) labelAt(x, y, z);
		});
		return Volume.of(img, geometry(), Map.of(Volume.MODALITY, "SEG"));
	}

	/** The true multiplicative bias field (1 = none), float, defined everywhere. */
	public Volume<FloatType> biasField() {
		final PlanarImg<FloatType, FloatArray> img = PlanarImgs.floats(nx, ny, nz);
		Parallelization.getTaskExecutor().forEach(planes(), z -> {
			final float[] out = img.getPlane(z).getCurrentStorageArray();
			for (int y = 0, i = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					out[i] = (float) bias(x, y, z);
		});
		return Volume.of(img, geometry());
	}

	/** exp(strength * f) with f a smooth low-order polynomial of the normalized position. */
	double bias(final int x, final int y, final int z) {
		if (biasStrength == 0) return 1;
		final double px = 2.0 * x / (nx - 1) - 1, py = 2.0 * y / (ny - 1) - 1, pz = 2.0 * z / (nz - 1) - 1;
		final double[] c = biasCoefficients;
		final double f = c[0] * px + c[1] * py + c[2] * pz + c[3] * px * py + c[4] * (pz * pz - 1.0 / 3);
		return Math.exp(biasStrength * f);
	}

	/** Tissue at a voxel; shapes are defined in coordinates normalized to [-1, 1] per axis. */
	int labelAt(final int x, final int y, final int z) {
		final double px = 2.0 * x / (nx - 1) - 1, py = 2.0 * y / (ny - 1) - 1, pz = 2.0 * z / (nz - 1) - 1;
		final double r = Math.sqrt(sq(px / 0.82) + sq(py / 0.9) + sq(pz / 0.8));
		if (r > 1) return 0;
		if (r > 0.93) return LABEL_CSF;
		// a folded cortex: its inner boundary undulates like gyri
		final double fold = 0.06 * Math.sin(9 * Math.atan2(py, px)) * Math.cos(7 * pz);
		if (r > 0.76 + fold) return LABEL_GM;
		for (final double side : new double[] { -1, 1 }) {
			if (sq((px - side * 0.13) / 0.08) + sq(py / 0.3) + sq((pz - 0.1) / 0.15) < 1) return LABEL_CSF;
			if (sq((px - side * 0.2) / 0.1) + sq((py - 0.2) / 0.13) + sq((pz + 0.08) / 0.12) < 1) return LABEL_GM;
		}
		return LABEL_WM;
	}

	private static double gaussian(final SplittableRandom random) {
		final double u = 1 - random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
	}

	private static double sq(final double v) { return v * v; }

	private List<Integer> planes() {
		final List<Integer> zs = new ArrayList<>(nz);
		for (int z = 0; z < nz; z++) zs.add(z);
		return zs;
	}
}

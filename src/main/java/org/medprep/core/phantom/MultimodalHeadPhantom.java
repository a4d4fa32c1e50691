package org.medprep.core.phantom;

import java.util.Map;
import java.util.SplittableRandom;

import org.medprep.core.Volume;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A synthetic head defined in millimetres, for registration: scalp, skull,
 * CSF, a folded cortex, white matter, two unequal ventricles, deep nuclei, a
 * lesion, eyes and a nose, so no rotation or mirror maps it onto itself.
 * Edges are 1.5 mm ramps (a partial-volume look). Two contrasts:
 * {@link Contrast#T1} and {@link Contrast#T2}, whose brain intensities are
 * roughly inverted (CSF dark or bright, white matter bright or dark) and not
 * monotonically related, so only a multimodal metric can align them.
 * <p>
 * An image is sampled on any {@link Grid} (any spacing and direction cosines):
 * the voxel at patient point {@code p} shows the anatomy at
 * {@code anatomy(p)}, an affine map given by the caller; the anatomy's centre
 * is its origin. So an image of the head moved by a known transform {@code T}
 * (fixed mm to moving mm) is sampled with {@code anatomy = T^-1}. A smooth
 * multiplicative bias field (over the grid's extent) and Gaussian noise follow;
 * plane {@code z} draws its noise from (seed, z), whatever the thread count.
 * Immutable.
 */
public final class MultimodalHeadPhantom {

	/** Tissue contrast of an image. */
	public enum Contrast { T1, T2 }

	private static final double EDGE_MM = 1.5;
	/** Structures, drawn in this order, each over what is below: centre (3), radii (3), T1 value, T2 value. */
	private static final double[][] STRUCTURES = {
		{ 0, -84, -30, 11, 13, 18, 500, 400 }, // nose
		{ 0, 0, 0, 68, 82, 70, 700, 450 }, // scalp
		{ 0, 0, 0, 63, 77, 65, 120, 80 }, // skull
		{ 0, 0, 0, 58, 72, 60, 250, 950 }, // CSF
		{ 0, 0, 0, 55, 69, 57, 550, 650 }, // grey matter (folded, see below)
		{ 0, 2, 3, 44, 57, 46, 820, 420 }, // white matter (folded)
		{ -8, -4, 9, 6, 22, 9, 230, 1000 }, // left ventricle (patient left is +x)
		{ 7, -3, 8, 4.5, 18, 7, 230, 1000 }, // right ventricle, smaller
		{ -19, 6, -3, 8, 10, 7, 600, 560 }, // deep nuclei
		{ 17, 4, -2, 7, 9, 6.5, 600, 560 },
		{ 22, -25, 26, 6, 6, 6, 350, 900 }, // lesion
		{ -30, -62, -22, 12, 12, 12, 150, 1000 }, // eyes
		{ 30, -62, -22, 12, 12, 12, 150, 1000 } };
	private static final int GREY = 4, WHITE = 5;

	private final double noise;
	private final double bias;
	private final long seed;

	private MultimodalHeadPhantom(final double noise, final double bias, final long seed) {
		if (!(noise >= 0)) throw new IllegalArgumentException("noise sigma must be >= 0, got " + noise);
		if (!(bias >= 0) || bias > 2) throw new IllegalArgumentException("bias strength must be within [0, 2], got " + bias);
		this.noise = noise;
		this.bias = bias;
		this.seed = seed;
	}

	/** Noise sigma 20 (white matter is 820 in T1), bias log-amplitude 0.2, seed 1. */
	public static MultimodalHeadPhantom standard() {
		return new MultimodalHeadPhantom(20, 0.2, 1);
	}

	public MultimodalHeadPhantom withNoise(final double sigma) { return new MultimodalHeadPhantom(sigma, bias, seed); }
	public MultimodalHeadPhantom withBias(final double strength) { return new MultimodalHeadPhantom(noise, strength, seed); }
	public MultimodalHeadPhantom withSeed(final long s) { return new MultimodalHeadPhantom(noise, bias, s); }

	/** The head's outer surface (scalp, nose), about 136 x 168 x 140 mm, for foreground masks. */
	public static boolean inHead(final double[] a) {
		return inside(STRUCTURES[0], a) || inside(STRUCTURES[1], a);
	}

	/** The image on {@code grid}; {@code anatomy} takes a patient point (mm) to the anatomy point it shows. */
	public Volume<FloatType> image(final Grid grid, final Contrast contrast, final PhysicalAffine anatomy) {
		final int nx = (int) grid.size(0), ny = (int) grid.size(1), nz = (int) grid.size(2);
		final double[][] m = anatomy.after(grid.indexToPhysical()).matrix();
		final int column = contrast == Contrast.T1 ? 6 : 7;
		final PlanarImg<FloatType, FloatArray> img = PlanarImgs.floats(nx, ny, nz);
		// each image gets its own field shape and noise, from the seed and the contrast
		final long own = seed * 31 + contrast.ordinal();
		final double[] field = fieldCoefficients(own);
		Parallelization.getTaskExecutor().forEach(PhantomMath.planes(nz), z -> {
			final float[] out = img.getPlane(z).getCurrentStorageArray();
			final SplittableRandom random = new SplittableRandom(own * 1_000_003L + z);
			final double[] a = new double[3];
			for (int y = 0, i = 0; y < ny; y++) {
				for (int x = 0; x < nx; x++, i++) {
					for (int r = 0; r < 3; r++) a[r] = m[r][0] * x + m[r][1] * y + m[r][2] * z + m[r][3];
					double v = 0;
					for (int s = 0; s < STRUCTURES.length; s++) {
						final double w = membership(s, a);
						if (w > 0) v += w * (STRUCTURES[s][column] - v);
					}
					v *= biasAt(field, x, y, z, nx, ny, nz);
					if (noise > 0) v += noise * PhantomMath.gaussian(random);
					out[i] = (float) v;
				}
			}
		});
		return Volume.of(img, grid.geometry(), Map.of(Volume.MODALITY, "MR"));
	}

	/** 1 inside the head (see {@link #inHead}), 0 outside. */
	public static Volume<UnsignedByteType> foreground(final Grid grid, final PhysicalAffine anatomy) {
		final int nx = (int) grid.size(0), ny = (int) grid.size(1), nz = (int) grid.size(2);
		final double[][] m = anatomy.after(grid.indexToPhysical()).matrix();
		final PlanarImg<UnsignedByteType, ByteArray> img = PlanarImgs.unsignedBytes(nx, ny, nz);
		Parallelization.getTaskExecutor().forEach(PhantomMath.planes(nz), z -> {
			final byte[] out = img.getPlane(z).getCurrentStorageArray();
			final double[] a = new double[3];
			for (int y = 0, i = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++) {
					for (int r = 0; r < 3; r++) a[r] = m[r][0] * x + m[r][1] * y + m[r][2] * z + m[r][3];
					out[i] = (byte) (inHead(a) ? 1 : 0);
				}
		});
		return Volume.of(img, grid.geometry(), Map.of(Volume.MODALITY, "SEG"));
	}

	/** How much of structure {@code s} covers the point: 1 inside, 0 outside, a linear ramp of {@value #EDGE_MM} mm across its surface. */
	private static double membership(final int s, final double[] a) {
		final double[] e = STRUCTURES[s];
		final double qx = (a[0] - e[0]) / e[3], qy = (a[1] - e[1]) / e[4], qz = (a[2] - e[2]) / e[5];
		final double r = Math.sqrt(qx * qx + qy * qy + qz * qz);
		double surface = 1;
		if (s == GREY || s == WHITE) {
			// gyri: the surface undulates with the angle about z and the height
			final double amplitude = s == GREY ? 0.035 : 0.07;
			surface += amplitude * Math.sin(9 * Math.atan2(qy, qx) + 0.7) * Math.cos(6 * qz + 0.3);
		}
		final double size = Math.min(e[3], Math.min(e[4], e[5]));
		final double w = 0.5 + (surface - r) * size / EDGE_MM;
		return w <= 0 ? 0 : w >= 1 ? 1 : w;
	}

	private static boolean inside(final double[] e, final double[] a) {
		final double qx = (a[0] - e[0]) / e[3], qy = (a[1] - e[1]) / e[4], qz = (a[2] - e[2]) / e[5];
		return qx * qx + qy * qy + qz * qz <= 1;
	}

	private double[] fieldCoefficients(final long s) {
		final SplittableRandom r = new SplittableRandom(s ^ 0x5DEECE66DL);
		final double[] c = new double[5];
		for (int i = 0; i < c.length; i++) c[i] = r.nextDouble(-0.6, 0.6);
		return c;
	}

	/** exp(strength * smooth polynomial of the position normalised to [-1, 1] over the grid). */
	private double biasAt(final double[] c, final int x, final int y, final int z, final int nx, final int ny, final int nz) {
		if (bias == 0) return 1;
		final double px = nx > 1 ? 2.0 * x / (nx - 1) - 1 : 0, py = ny > 1 ? 2.0 * y / (ny - 1) - 1 : 0, pz = nz > 1 ? 2.0 * z / (nz - 1) - 1 : 0;
		return Math.exp(bias * (c[0] * px + c[1] * py + c[2] * pz + c[3] * px * py + c[4] * (pz * pz - 1.0 / 3)));
	}
}

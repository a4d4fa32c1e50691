package org.medprep.core.phantom;

import java.util.SplittableRandom;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * A synthetic chest CT in HU: air, an elliptic body with a subcutaneous fat
 * layer, two lungs, a spine and a sternum, Gaussian noise, and the scanner's
 * padding value outside the circular field of view. With its label map
 * (0 background, 1 soft tissue, 2 fat, 3 lung, 4 bone) it is the embedded
 * default case for the demo, the tests and the benchmarks.
 * <p>
 * Deterministic: the noise of plane z comes from its own generator seeded by
 * (seed, z), so the phantom is the same whatever the thread count.
 */
public final class CtPhantom {

	public static final short AIR = -1000, FAT = -100, SOFT_TISSUE = 40, LUNG = -850, BONE = 700, PADDING = -2000;
	public static final int LABEL_SOFT_TISSUE = 1, LABEL_FAT = 2, LABEL_LUNG = 3, LABEL_BONE = 4;

	private final int nx, ny, nz;
	private final double[] spacing;
	private final double noiseSigma;
	private final long seed;

	/**
	 * @param noiseSigma standard deviation of the added noise in HU (0 for none)
	 */
	public CtPhantom(final int nx, final int ny, final int nz, final double[] spacing, final double noiseSigma, final long seed) {
		if (nx < 8 || ny < 8 || nz < 1) throw new IllegalArgumentException("phantom must be at least 8x8x1, got " + nx + "x" + ny + "x" + nz);
		if (noiseSigma < 0) throw new IllegalArgumentException("noise sigma must be >= 0");
		this.nx = nx;
		this.ny = ny;
		this.nz = nz;
		this.spacing = Geometry.of(spacing, new double[3]).spacing();
		this.noiseSigma = noiseSigma;
		this.seed = seed;
	}

	/** The demo's default: 256x256x96 at 1.2 x 1.2 x 2.5 mm, noise 10 HU. */
	public static CtPhantom standard() {
		return new CtPhantom(256, 256, 96, new double[] { 1.2, 1.2, 2.5 }, 10, 42);
	}

	/** The benchmarks' 512x512x300 at 0.7 x 0.7 x 1 mm. */
	public static CtPhantom large() {
		return new CtPhantom(512, 512, 300, new double[] { 0.7, 0.7, 1.0 }, 10, 42);
	}

	/** Geometry centred on the patient origin, as a scanner centres the table. */
	public Geometry geometry() {
		final double[] origin = { -(nx - 1) * spacing[0] / 2, -(ny - 1) * spacing[1] / 2, -(nz - 1) * spacing[2] / 2 };
		return Geometry.of(spacing, origin);
	}

	/** The HU image, int16. */
	public Volume<ShortType> image() {
		final PlanarImg<ShortType, ShortArray> img = PlanarImgs.shorts(nx, ny, nz);
		final PlanarImg<UnsignedByteType, ?> labels = labelsImg();
		Parallelization.getTaskExecutor().forEach(PhantomMath.planes(nz), z -> {
			final short[] hu = img.getPlane(z).getCurrentStorageArray();
			final byte[] lab = (byte[]) labels.getPlane(z).getCurrentStorageArray();
			final SplittableRandom random = new SplittableRandom(seed * 1_000_003L + z);
			for (int y = 0, i = 0; y < ny; y++) {
				for (int x = 0; x < nx; x++, i++) {
					if (outsideFieldOfView(x, y)) {
						hu[i] = PADDING;
						continue;
					}
					final double base = huOf(lab[i]);
					final double noise = noiseSigma > 0 ? noiseSigma * PhantomMath.gaussian(random) : 0;
					hu[i] = (short) Math.round(base + noise);
				}
			}
		});
		return Volume.of(img, geometry(), java.util.Map.of(Volume.MODALITY, "CT", Volume.UNITS, "HU"));
	}

	/** The tissue label map, uint8. */
	public Volume<UnsignedByteType> labels() {
		return Volume.of(labelsImg(), geometry(), java.util.Map.of(Volume.MODALITY, "SEG"));
	}

	private PlanarImg<UnsignedByteType, ?> labelsImg() {
		final PlanarImg<UnsignedByteType, ?> img = PlanarImgs.unsignedBytes(nx, ny, nz);
		Parallelization.getTaskExecutor().forEach(PhantomMath.planes(nz), z -> {
			final byte[] lab = (byte[]) img.getPlane(z).getCurrentStorageArray();
			for (int y = 0, i = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					lab[i] = (byte) labelAt(x, y, z);
		});
		return img;
	}

	/** Tissue at a voxel, from the body outline inwards; positions in mm from the volume centre. */
	int labelAt(final int x, final int y, final int z) {
		final double px = (x - (nx - 1) / 2.0) * spacing[0];
		final double py = (y - (ny - 1) / 2.0) * spacing[1];
		final double pz = (z - (nz - 1) / 2.0) * spacing[2];
		final double fov = fieldOfViewRadius();
		// body: ellipse 0.8 x 0.55 of the field of view, anterior (-y) to posterior (+y)
		final double ax = 0.80 * fov, ay = 0.55 * fov;
		final double body = PhantomMath.sq(px / ax) + PhantomMath.sq(py / ay);
		if (body > 1) return 0;
		final double fatDepth = 0.04 * fov;
		final double inner = PhantomMath.sq(px / (ax - fatDepth)) + PhantomMath.sq(py / (ay - fatDepth));
		if (inner > 1) return LABEL_FAT;
		// spine: a cylinder behind the centre; sternum: a small bar in front
		if (PhantomMath.sq(px) + PhantomMath.sq(py - 0.33 * ay) < PhantomMath.sq(0.09 * fov)) return LABEL_BONE;
		if (Math.abs(px) < 0.05 * fov && Math.abs(py + 0.78 * ay) < 0.03 * fov) return LABEL_BONE;
		// lungs: two ellipsoids that end before the top and bottom of the volume
		final double zExtent = Math.max(nz * spacing[2] * 0.42, 1e-9);
		final double lungZ = PhantomMath.sq(pz / zExtent);
		for (final double side : new double[] { -1, 1 }) {
			final double lx = px - side * 0.38 * ax, ly = py + 0.05 * ay;
			if (PhantomMath.sq(lx / (0.27 * ax)) + PhantomMath.sq(ly / (0.62 * ay)) + lungZ < 1) return LABEL_LUNG;
		}
		return LABEL_SOFT_TISSUE;
	}

	private boolean outsideFieldOfView(final int x, final int y) {
		final double px = (x - (nx - 1) / 2.0) * spacing[0];
		final double py = (y - (ny - 1) / 2.0) * spacing[1];
		return PhantomMath.sq(px) + PhantomMath.sq(py) > PhantomMath.sq(fieldOfViewRadius());
	}

	/** The scanner's reconstruction circle touches the edges of the image. */
	private double fieldOfViewRadius() {
		return Math.min(nx * spacing[0], ny * spacing[1]) / 2;
	}

	private static double huOf(final byte label) {
		switch (label) {
			case LABEL_SOFT_TISSUE: return SOFT_TISSUE;
			case LABEL_FAT: return FAT;
			case LABEL_LUNG: return LUNG;
			case LABEL_BONE: return BONE;
			default: return AIR;
		}
	}



}

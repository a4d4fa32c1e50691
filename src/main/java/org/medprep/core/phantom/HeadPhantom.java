package org.medprep.core.phantom;

import java.util.Map;
import java.util.SplittableRandom;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.RandomAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * A synthetic T1-weighted head: the {@link BrainPhantom} (CSF, grey and white
 * matter, bias field, noise) centred in a larger volume and wrapped in a dark
 * skull and a bright scalp (fat), optionally with a neck: a cylinder of
 * tissue from the brain down through skull and scalp to the bottom slice, the
 * connection that makes skull stripping hard. Labels: 0 background, 1 CSF, 2
 * grey matter, 3 white matter (the brain: labels 1 to 3), 4 skull, 5 scalp, 6
 * neck. Deterministic: plane z's noise comes from its own generator seeded by
 * (seed, z).
 */
public final class HeadPhantom {

	public static final int LABEL_SKULL = 4, LABEL_SCALP = 5, LABEL_NECK = 6;
	/** T1 signals outside the brain: cortical bone is dark, scalp fat bright, neck tissue like white matter. */
	public static final double SKULL = 60, SCALP = 1000, NECK = 800;

	private final int nx, ny, nz;
	private final double[] spacing;
	private final double skullMm, scalpMm, noiseSigma;
	private final boolean neck;
	private final long seed;
	private final BrainPhantom brain;
	private final int bx, by, bz, ox, oy, oz;

	/**
	 * @param skullMm thickness of the skull, scalpMm of the scalp (the brain's extent is 64% of the volume's, so both must fit around it)
	 * @throws IllegalArgumentException if the volume is too small or a thickness is negative
	 */
	public HeadPhantom(final int nx, final int ny, final int nz, final double[] spacing, final double skullMm, final double scalpMm, final double noiseSigma,
		final boolean neck, final long seed)
	{
		if (nx < 24 || ny < 24 || nz < 24) throw new IllegalArgumentException("head phantom must be at least 24x24x24, got " + nx + "x" + ny + "x" + nz);
		if (!(skullMm >= 0) || !(scalpMm >= 0)) throw new IllegalArgumentException("skull and scalp thickness must be >= 0 mm");
		this.nx = nx;
		this.ny = ny;
		this.nz = nz;
		this.spacing = Geometry.of(spacing, new double[3]).spacing();
		this.skullMm = skullMm;
		this.scalpMm = scalpMm;
		this.noiseSigma = noiseSigma;
		this.neck = neck;
		this.seed = seed;
		this.bx = (int) Math.round(0.78 * nx);
		this.by = (int) Math.round(0.78 * ny);
		this.bz = (int) Math.round(0.78 * nz);
		this.ox = (nx - bx) / 2;
		this.oy = (ny - by) / 2;
		this.oz = (nz - bz) / 2;
		this.brain = BrainPhantom.standard().withSize(bx, by, bz).withSpacing(this.spacing).withNoise(noiseSigma).withSeed(seed);
		final double room = Math.min(Math.min(room(0), room(1)), room(2));
		if (skullMm + scalpMm > room)
			throw new IllegalArgumentException("skull and scalp (" + (skullMm + scalpMm) + " mm) do not fit around the brain (" + room + " mm of room)");
	}

	/** 96x112x96 at 2 mm, skull 6 mm, scalp 6 mm, noise 20, with a neck, seed 42. */
	public static HeadPhantom standard() {
		return new HeadPhantom(96, 112, 96, new double[] { 2, 2, 2 }, 6, 6, 20, true, 42);
	}

	public Geometry geometry() {
		final double[] origin = { -(nx - 1) * spacing[0] / 2, -(ny - 1) * spacing[1] / 2, -(nz - 1) * spacing[2] / 2 };
		return Geometry.of(spacing, origin);
	}

	/** The T1 image, int16. */
	public Volume<ShortType> image() {
		final PlanarImg<UnsignedByteType, ByteArray> labels = labelsImg();
		final Volume<ShortType> inner = brain.image();
		final PlanarImg<ShortType, ShortArray> img = PlanarImgs.shorts(nx, ny, nz);
		final double[] outside = { 0, 0, 0, 0, SKULL, SCALP, NECK };
		Parallelization.getTaskExecutor().forEach(PhantomMath.planes(nz), z -> {
			final short[] out = img.getPlane(z).getCurrentStorageArray();
			final byte[] lab = labels.getPlane(z).getCurrentStorageArray();
			final RandomAccess<ShortType> b = inner.data().randomAccess();
			final SplittableRandom random = new SplittableRandom(seed * 1_000_003L + 7919 + z);
			for (int y = 0, i = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++) {
					final int l = lab[i];
					if (l >= 1 && l <= 3) {
						out[i] = b.setPositionAndGet(x - ox, y - oy, z - oz).get();
						continue;
					}
					final double noise = noiseSigma > 0 ? noiseSigma * PhantomMath.gaussian(random) : 0;
					// MR background: the magnitude of noise, never negative
					out[i] = (short) Math.max(0, Math.min(Short.MAX_VALUE, Math.round(l == 0 ? Math.abs(noise) : outside[l] + noise)));
				}
		});
		return Volume.of(img, geometry(), Map.of(Volume.MODALITY, "MR"));
	}

	/** The labels (see the class comment), uint8. */
	public Volume<UnsignedByteType> labels() {
		return Volume.of(labelsImg(), geometry(), Map.of(Volume.MODALITY, "SEG"));
	}

	private PlanarImg<UnsignedByteType, ByteArray> labelsImg() {
		final PlanarImg<UnsignedByteType, ByteArray> img = PlanarImgs.unsignedBytes(nx, ny, nz);
		final Volume<UnsignedByteType> tissue = brain.labels();
		Parallelization.getTaskExecutor().forEach(PhantomMath.planes(nz), z -> {
			final byte[] out = img.getPlane(z).getCurrentStorageArray();
			final RandomAccess<UnsignedByteType> t = tissue.data().randomAccess();
			for (int y = 0, i = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++) {
					final boolean inBrainBox = x >= ox && x < ox + bx && y >= oy && y < oy + by && z >= oz && z < oz + bz;
					final int inner = inBrainBox ? t.setPositionAndGet(x - ox, y - oy, z - oz).get() : 0;
					out[i] = (byte) (inner != 0 ? inner : outerLabel(x, y, z));
				}
		});
		return img;
	}

	/** Outside the brain: neck, skull or scalp by the distance (mm, along the ellipsoid's normal scale) beyond the brain's surface. */
	private int outerLabel(final int x, final int y, final int z) {
		final double[] c = { ox + (bx - 1) / 2.0, oy + (by - 1) / 2.0, oz + (bz - 1) / 2.0 };
		final double[] semi = { semiAxis(0), semiAxis(1), semiAxis(2) };
		final double px = (x - c[0]) * spacing[0], py = (y - c[1]) * spacing[1], pz = (z - c[2]) * spacing[2];
		if (neck && pz < 0 && PhantomMath.sq(px) + PhantomMath.sq(py - 0.25 * semi[1]) < PhantomMath.sq(0.16 * semi[0])) return LABEL_NECK;
		final double r = Math.sqrt(PhantomMath.sq(px / semi[0]) + PhantomMath.sq(py / semi[1]) + PhantomMath.sq(pz / semi[2]));
		final double beyond = (r - 1) * Math.min(semi[0], Math.min(semi[1], semi[2]));
		if (beyond <= skullMm) return LABEL_SKULL;
		if (beyond <= skullMm + scalpMm) return LABEL_SCALP;
		return 0;
	}

	/** The brain ellipsoid's semi-axis along axis d in mm (BrainPhantom's 0.82, 0.9, 0.8 of its half extent). */
	private double semiAxis(final int d) {
		final double[] f = { 0.82, 0.9, 0.8 };
		final int[] n = { bx, by, bz };
		return f[d] * (n[d] - 1) / 2.0 * spacing[d];
	}

	/** mm between the brain's surface and the volume's face along axis d. */
	private double room(final int d) {
		final int[] n = { nx, ny, nz };
		return ((n[d] - 1) / 2.0) * spacing[d] - semiAxis(d);
	}
}

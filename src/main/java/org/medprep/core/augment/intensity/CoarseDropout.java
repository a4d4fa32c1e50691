package org.medprep.core.augment.intensity;

import java.util.Locale;

import org.medprep.core.Planes;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * MONAI's {@code RandCoarseDropout} (monai/transforms/intensity/array.py,
 * after DeVries and Taylor 2017, "cutout"): the voxels of the given boxes
 * (holes) are replaced by a fill value, or, with {@code dropoutHoles} false,
 * the holes are kept and everything else is filled. The fill is a constant,
 * or uniform in [lo, hi) for each voxel (MONAI's {@code fill_value=(lo, hi)};
 * its default takes the image's minimum and maximum), drawn from per-plane
 * streams of {@code fillSeed}, so the same whatever the thread count.
 */
public final class CoarseDropout implements IntensityDraw {

	private final int[][] corners, sizes;
	private final boolean dropoutHoles, randomFill;
	private final double lo, hi;
	private final long fillSeed;

	/**
	 * @param lo the constant fill, or the low end of a random fill
	 * @param hi the high end of a random fill (ignored for a constant)
	 * @throws IllegalArgumentException for mismatched boxes or a fill range with lo &gt; hi
	 */
	public CoarseDropout(final int[][] corners, final int[][] sizes, final boolean dropoutHoles, final boolean randomFill, final double lo,
		final double hi, final long fillSeed)
	{
		if (corners.length != sizes.length) throw new IllegalArgumentException("dropout needs a size for every hole corner");
		if (!Double.isFinite(lo) || (randomFill && !(lo <= hi && Double.isFinite(hi))))
			throw new IllegalArgumentException("dropout fill range must satisfy fill_min <= fill_max (finite), got [" + lo + ", " + hi + "]");
		this.corners = corners.clone();
		this.sizes = sizes.clone();
		this.dropoutHoles = dropoutHoles;
		this.randomFill = randomFill;
		this.lo = lo;
		this.hi = hi;
		this.fillSeed = fillSeed;
	}

	@Override
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> image) {
		final int nx = (int) image.dimension(0), ny = (int) image.dimension(1);
		return image.withData(Planes.toFloat(image.data(), (z, in, out) -> {
			final boolean[] hole = new boolean[nx * ny];
			for (int h = 0; h < corners.length; h++) {
				final int[] c = corners[h], s = sizes[h];
				if (z < c[2] || z >= c[2] + s[2]) continue;
				for (int y = Math.max(0, c[1]); y < Math.min(ny, c[1] + s[1]); y++)
					for (int x = Math.max(0, c[0]); x < Math.min(nx, c[0] + s[0]); x++) hole[y * nx + x] = true;
			}
			final java.util.SplittableRandom random = randomFill ? PlaneStreams.of(fillSeed, z) : null;
			for (int i = 0; i < out.length; i++) {
				if (hole[i] == dropoutHoles) out[i] = (float) (randomFill ? lo + (hi - lo) * random.nextDouble() : lo);
				else out[i] = (float) in[i];
			}
		}));
	}

	@Override
	public java.util.Map<String, String> drawn() {
		final DrawnValues d = new DrawnValues().put("dropout_holes", dropoutHoles).put("corners", corners).put("sizes", sizes);
		if (!randomFill) return d.put("fill", lo).map();
		return d.put("fill_min", lo).put("fill_max", hi).put("fill_seed", fillSeed).map();
	}

	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder(dropoutHoles ? "dropped holes=[" : "kept holes=[");
		for (int h = 0; h < corners.length; h++)
			sb.append(h == 0 ? "" : ", ").append(String.format(Locale.ROOT, "(%d %d %d)+(%d %d %d)", corners[h][0], corners[h][1], corners[h][2], sizes[h][0],
				sizes[h][1], sizes[h][2]));
		sb.append("] fill=");
		sb.append(randomFill ? String.format(Locale.ROOT, "uniform [%s, %s) fill_seed=%d", lo, hi, fillSeed) : String.valueOf(lo));
		return sb.toString();
	}
}

package org.medprep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.numeric.integer.UnsignedShortType;

import org.medprep.core.VoxelSelection;
import org.medprep.core.segment.IntensityClustering;
import org.medprep.core.segment.KMeansParameters;
import org.medprep.core.segment.Nmf;
import org.medprep.core.segment.NmfKMeansSegmentation;
import org.medprep.core.segment.NmfParameters;

/**
 * NMF (the study's settings: nndsvd, cd, max_iter 600, l1_ratio 0.8, alpha 10)
 * with 3 to 8 components on a 256x256x32 16-bit MR-like stack, and k-means of
 * the intensities of a 256x256x32 stack (2.1 million voxels) with K 3 to 8
 * (quick: 64x64x8 and K 3, 8). The NMF iteration case runs 100 coordinate-descent
 * iterations of the study's settings at k=5 with tol 0 (the SVD init once, a small
 * share) and counts every voxel once per iteration: its voxels per second are
 * the iteration's throughput.
 */
public class SegmentBenchmarks implements BenchmarkSuite {

	@Override
	public String name() {
		return "segment";
	}

	@Override
	public List<BenchmarkCase> cases(final boolean quick) {
		final int nx = quick ? 64 : 256, ny = nx, nz = quick ? 8 : 32;
		final long voxels = (long) nx * ny * nz;
		final String size = nx + "x" + ny + "x" + nz;
		final List<BenchmarkCase> cases = new ArrayList<>();
		for (int k = 3; k <= 8; k += quick ? 5 : 1) {
			final int components = k;
			cases.add(new BenchmarkCase("NMF k=" + k + " " + size + " uint16 (study settings)", voxels,
				() -> NmfKMeansSegmentation.sliceMatrix(stack(nx, ny, nz, 7)),
				x -> Nmf.factorize(((org.medprep.core.segment.Matrix) x).copy(), NmfParameters.study(components))));
		}
		final int iterations = quick ? 20 : 100;
		cases.add(new BenchmarkCase("NMF iteration k=5 " + size + " uint16 (study settings, " + iterations + " cd iterations, tol 0)", voxels * iterations,
			() -> NmfKMeansSegmentation.sliceMatrix(stack(nx, ny, nz, 7)),
			x -> Nmf.factorize((org.medprep.core.segment.Matrix) x, NmfParameters.study(5).withMaxIter(iterations).withTol(0))));
		for (int k = 3; k <= 8; k += quick ? 5 : 1) {
			final int clusters = k;
			cases.add(new BenchmarkCase("k-means K=" + k + " " + size + " uint16 (standardized, n_init 10)", voxels,
				() -> stack(nx, ny, nz, 7),
				img -> IntensityClustering.cluster(stackOf(img), VoxelSelection.all(), KMeansParameters.of(clusters))));
		}
		return cases;
	}

	@SuppressWarnings("unchecked")
	private static ArrayImg<UnsignedShortType, ShortArray> stackOf(final Object o) {
		return (ArrayImg<UnsignedShortType, ShortArray>) o;
	}

	/**
	 * A sagittal-MR-like stack: a dark noisy background, an elliptic limb of soft tissue with two bones, a
	 * ligament band, intensities varying smoothly across slices; 12-bit range.
	 */
	public static ArrayImg<UnsignedShortType, ShortArray> stack(final int nx, final int ny, final int nz, final long seed) {
		final short[] data = new short[nx * ny * nz];
		final Random r = new Random(seed);
		for (int z = 0; z < nz; z++) {
			final double s = 1 + 0.3 * Math.sin(Math.PI * z / Math.max(1, nz - 1));
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					final double u = (x - nx / 2.0) / (0.42 * nx), v = (y - ny / 2.0) / (0.46 * ny);
					double val = 15 + 10 * r.nextDouble();
					if (u * u + v * v < 1) {
						val = 1400 * s + 60 * r.nextGaussian();
						final double bu = (x - nx / 2.0) / (0.2 * nx), bv1 = (y - 0.25 * ny) / (0.18 * ny), bv2 = (y - 0.75 * ny) / (0.18 * ny);
						if (bu * bu + bv1 * bv1 < 1 || bu * bu + bv2 * bv2 < 1) val = 700 + 300 * (1 - s) + 50 * r.nextGaussian();
						if (Math.abs(x - nx / 2.0 - (y - ny / 2.0) * 0.3) < 0.03 * nx && Math.abs(y - ny / 2.0) < 0.12 * ny) val = 250 + 25 * r.nextGaussian();
					}
					data[(z * ny + y) * nx + x] = (short) Math.max(0, Math.min(4095, Math.round(val)));
				}
		}
		return ArrayImgs.unsignedShorts(data, nx, ny, nz);
	}
}

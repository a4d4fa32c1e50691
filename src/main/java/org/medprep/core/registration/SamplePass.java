package org.medprep.core.registration;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.parallel.Parallelization;

/**
 * One look of a metric at the images for one transform: the chunks of fixed
 * points of one stream, each mapped into the moving image and interpolated
 * there, in parallel on the current ImgLib2 executor. A metric reduces each
 * chunk to a partial result ({@link #map}), and may look at the same points
 * again ({@link #again}, e.g. for the gradient of mutual information, which
 * needs the whole histogram first). Partial results come back in chunk order
 * and are combined in that order, so sums do not depend on the thread count.
 */
final class SamplePass {

	/** Up to this many points are kept between the two looks of a metric; beyond, they are drawn and interpolated again. */
	static final int RETAIN_LIMIT = 1 << 18;

	/** A chunk's partial result. */
	@FunctionalInterface
	interface ChunkFunction<R> {
		R apply(SampleChunk chunk);
	}

	final LevelProblem problem;
	final ParametricTransform transform;
	private final int requested;
	private final long stream;
	private final List<Integer> chunkIds;
	private final int[] valid;
	private final boolean retain;
	private final double[][] fixedToMoving, fixedToPhysical, gradient;
	private final double cx, cy, cz;

	SamplePass(final LevelProblem problem, final ParametricTransform transform, final int requested, final long stream) {
		this.problem = problem;
		this.transform = transform;
		this.requested = requested;
		this.stream = stream;
		final int chunks = problem.sampler.chunks(requested);
		this.chunkIds = new ArrayList<>(chunks);
		for (int c = 0; c < chunks; c++) chunkIds.add(c);
		this.valid = new int[chunks];
		this.retain = problem.sampler.points(requested) <= RETAIN_LIMIT;
		this.fixedToMoving = problem.moving.grid.indexToPhysical().inverse().after(transform.affine()).after(problem.fixed.grid.indexToPhysical()).matrix();
		this.fixedToPhysical = problem.fixed.indexToPhysical;
		this.gradient = problem.moving.gradientToPhysical;
		final double[] c = transform.centre();
		this.cx = c[0];
		this.cy = c[1];
		this.cz = c[2];
	}

	/** Draws and interpolates every chunk and reduces each with {@code f}; results in chunk order. */
	<R> List<R> map(final ChunkFunction<R> f) {
		return Parallelization.getTaskExecutor().forEachApply(chunkIds, c -> {
			final SampleChunk chunk = retain ? problem.retainedChunk(c) : problem.scratchChunk();
			fill(c, chunk);
			valid[c] = chunk.count;
			return f.apply(chunk);
		});
	}

	/** The same points as the last {@link #map}, reduced with {@code f}. */
	<R> List<R> again(final ChunkFunction<R> f) {
		if (!retain) return map(f);
		return Parallelization.getTaskExecutor().forEachApply(chunkIds, c -> f.apply(problem.retainedChunk(c)));
	}

	/** Points that mapped inside the moving image (and masks) in the last {@link #map}. */
	int validCount() {
		int n = 0;
		for (final int v : valid) n += v;
		return n;
	}

	int requestedCount() {
		return problem.sampler.points(requested);
	}

	private void fill(final int c, final SampleChunk s) {
		final int drawn = problem.sampler.fill(requested, stream, c, s.ux, s.uy, s.uz);
		final LevelImage fixed = problem.fixed, moving = problem.moving, mask = problem.movingMask;
		final double[][] m = fixedToMoving, p = fixedToPhysical, g = gradient;
		final double[] sample = new double[4];
		int n = 0;
		for (int i = 0; i < drawn; i++) {
			final double ux = s.ux[i], uy = s.uy[i], uz = s.uz[i];
			final double mx = m[0][0] * ux + m[0][1] * uy + m[0][2] * uz + m[0][3];
			final double my = m[1][0] * ux + m[1][1] * uy + m[1][2] * uz + m[1][3];
			final double mz = m[2][0] * ux + m[2][1] * uy + m[2][2] * uz + m[2][3];
			if (!moving.valueAndGradient(mx, my, mz, sample)) continue;
			if (mask != null && mask.nearest(mx, my, mz) == 0) continue;
			s.fixed[n] = fixed.value(ux, uy, uz);
			s.moving[n] = sample[0];
			s.gx[n] = g[0][0] * sample[1] + g[0][1] * sample[2] + g[0][2] * sample[3];
			s.gy[n] = g[1][0] * sample[1] + g[1][1] * sample[2] + g[1][2] * sample[3];
			s.gz[n] = g[2][0] * sample[1] + g[2][1] * sample[2] + g[2][2] * sample[3];
			s.dx[n] = p[0][0] * ux + p[0][1] * uy + p[0][2] * uz + p[0][3] - cx;
			s.dy[n] = p[1][0] * ux + p[1][1] * uy + p[1][2] * uz + p[1][3] - cy;
			s.dz[n] = p[2][0] * ux + p[2][1] * uy + p[2][2] * uz + p[2][3] - cz;
			n++;
		}
		s.drawn = drawn;
		s.count = n;
	}
}

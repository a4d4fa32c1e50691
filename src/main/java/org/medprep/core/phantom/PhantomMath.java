package org.medprep.core.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** What the phantoms share: seeded Gaussian noise and their plane-parallel loop. */
final class PhantomMath {

	private PhantomMath() {}

	/** Standard normal deviate (Box-Muller; one of the pair is enough here). */
	static double gaussian(final SplittableRandom random) {
		final double u = 1 - random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
	}

	static double sq(final double v) {
		return v * v;
	}

	/** 0..nz-1, for Parallelization's task executor. */
	static List<Integer> planes(final int nz) {
		final List<Integer> zs = new ArrayList<>(nz);
		for (int z = 0; z < nz; z++) zs.add(z);
		return zs;
	}
}

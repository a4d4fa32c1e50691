package org.medprep.core.augment.intensity;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * A {@link Swap} drawn as TorchIO's {@code RandomSwap} draws it: for each of
 * the iterations, two patch corners, each coordinate uniform in
 * {@code [0, n - patch)} (TorchIO's {@code torch.randint(n - patch)}; 0 when
 * the patch spans the axis), the second drawn again while it equals the first.
 */
public final class RandomSwap implements RandomIntensityTransform {

	private final int[] patch;
	private final int iterations;

	/** @throws IllegalArgumentException for a non-positive patch or a negative iteration count */
	public RandomSwap(final int[] patch, final int iterations) {
		if (patch.length != 3 || patch[0] < 1 || patch[1] < 1 || patch[2] < 1)
			throw new IllegalArgumentException("swap patch size must be >= 1 along x, y and z, got " + Arrays.toString(patch));
		if (iterations < 0 || iterations > 100000) throw new IllegalArgumentException("swap iterations must be in [0, 100000], got " + iterations);
		this.patch = patch.clone();
		this.iterations = iterations;
	}

	@Override
	public Swap draw(final Volume<? extends RealType<?>> image, final SplittableRandom random) {
		final int[] room = new int[3];
		boolean movable = false;
		for (int d = 0; d < 3; d++) {
			room[d] = (int) image.dimension(d) - patch[d];
			if (room[d] < 0) throw new IllegalArgumentException("swap patch size along " + "xyz".charAt(d) + " (patch_" + "xyz".charAt(d) + " = " + patch[d]
				+ ") is larger than the image (" + image.dimension(d) + " voxels)");
			movable |= room[d] > 1; // corners are drawn in [0, room): two choices at least
		}
		if (!movable && iterations > 0) throw new IllegalArgumentException("swap patch " + Arrays.toString(patch) + " leaves less than 2 voxels of room on every axis: there is nowhere to swap it");
		final int[][] first = new int[iterations][], second = new int[iterations][];
		for (int i = 0; i < iterations; i++) {
			first[i] = corner(random, room);
			do second[i] = corner(random, room); while (Arrays.equals(first[i], second[i]));
		}
		return new Swap(patch, first, second);
	}

	private static int[] corner(final SplittableRandom random, final int[] room) {
		final int[] c = new int[3];
		for (int d = 0; d < 3; d++) c[d] = room[d] == 0 ? 0 : random.nextInt(room[d]);
		return c;
	}
}

package org.medprep.core.augment.intensity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.fft.KSpaceLineFilter;
import org.medprep.core.fft.KSpaceProbe;
import org.medprep.core.stats.IntensityStatistics;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * MRI spike (herringbone) artefact as TorchIO's {@code Spike}
 * (torchio/transforms/augmentation/intensity/random_spike.py): for each spike
 * at relative position {@code r} in [0, 1)^3, the shifted spectrum at
 * {@code floor(r * shape)} gets {@code max(spectrum) * intensity} added, the
 * maximum (numpy's order for complex numbers) taken anew before each spike;
 * the output is the real part of the inverse transform.
 * <p>
 * Adding {@code A} at frequency k adds the plane wave
 * {@code Re(A e^(2 pi i k.n/N)) / N} to the image, so the inverse transform
 * is that sum. The maximum needs the spectrum: for a non-negative image the
 * largest coefficient is the DC term, the sum of the voxels (no coefficient
 * has a larger real part), so unless a spike lands on it only the spiked
 * coefficients are computed, by their sums; otherwise the whole 3D spectrum
 * is read once ({@link KSpaceProbe#full}).
 */
public final class Spike implements IntensityDraw {

	private final double[][] positions;
	private final double intensity;

	/** @throws IllegalArgumentException for positions outside [0, 1)^3 or a non-finite intensity */
	public Spike(final double[][] positions, final double intensity) {
		for (final double[] p : positions)
			if (p.length != 3 || !(p[0] >= 0 && p[0] < 1 && p[1] >= 0 && p[1] < 1 && p[2] >= 0 && p[2] < 1))
				throw new IllegalArgumentException("spike positions are relative, in [0, 1) on each axis, got " + java.util.Arrays.toString(p));
		if (!Double.isFinite(intensity)) throw new IllegalArgumentException("spike intensity must be finite, got " + intensity);
		this.positions = new double[positions.length][];
		for (int i = 0; i < positions.length; i++) this.positions[i] = positions[i].clone();
		this.intensity = intensity;
	}

	@Override
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> image) {
		final PlanarImg<FloatType, FloatArray> copy = IntensityPlanes.floatCopy(image.data());
		if (intensity == 0 || positions.length == 0) return image.withData(copy);
		final int[] n = KSpaceLineFilter.size(image.data());
		// distinct unshifted frequencies, and which one each spike hits
		final List<int[]> freqs = new ArrayList<>();
		final int[] spikeFreq = new int[positions.length];
		boolean hitsDc = false;
		for (int s = 0; s < positions.length; s++) {
			final int[] k = new int[3];
			for (int d = 0; d < 3; d++) k[d] = Math.floorMod((int) Math.floor(positions[s][d] * n[d]) - n[d] / 2, n[d]);
			int found = -1;
			for (int f = 0; f < freqs.size(); f++) if (java.util.Arrays.equals(freqs.get(f), k)) found = f;
			if (found < 0) {
				found = freqs.size();
				freqs.add(k);
			}
			spikeFreq[s] = found;
			hitsDc |= k[0] == 0 && k[1] == 0 && k[2] == 0;
		}
		final int[][] f = freqs.toArray(new int[0][]);
		final float[][] planes = KSpaceLineFilter.planes(copy);
		final IntensityStatistics stats = IntensityStatistics.of(image.data(), VoxelSelection.all());
		final KSpaceProbe.Result probe;
		final double otherRe, otherIm;
		if (stats.min() >= 0 && !hitsDc) {
			probe = KSpaceProbe.coefficients(planes, n, f);
			otherRe = stats.mean() * stats.count();
			otherIm = 0;
		} else {
			probe = KSpaceProbe.full(planes, n, f);
			otherRe = probe.maxRe;
			otherIm = probe.maxIm;
		}
		// TorchIO's loop: the maximum of the current spectrum, times the intensity, added at the spike
		final double[] vr = probe.valueRe.clone(), vi = probe.valueIm.clone();
		final double[] addRe = new double[f.length], addIm = new double[f.length];
		for (int s = 0; s < positions.length; s++) {
			double mr = otherRe, mi = otherIm;
			for (int q = 0; q < f.length; q++)
				if (KSpaceProbe.greater(vr[q], vi[q], mr, mi)) {
					mr = vr[q];
					mi = vi[q];
				}
			final int q = spikeFreq[s];
			vr[q] += mr * intensity;
			vi[q] += mi * intensity;
			addRe[q] += mr * intensity;
			addIm[q] += mi * intensity;
		}
		final double total = (double) n[0] * n[1] * n[2];
		final double[][][] ex = new double[f.length][][], ey = new double[f.length][][], ez = new double[f.length][][];
		for (int q = 0; q < f.length; q++) {
			ex[q] = wave(f[q][0], n[0]);
			ey[q] = wave(f[q][1], n[1]);
			ez[q] = wave(f[q][2], n[2]);
		}
		IntensityPlanes.inPlace(copy, (z, p) -> {
			for (int q = 0; q < f.length; q++) {
				final double cr = (addRe[q] * ez[q][0][z] - addIm[q] * ez[q][1][z]) / total, ci = (addRe[q] * ez[q][1][z] + addIm[q] * ez[q][0][z]) / total;
				for (int y = 0; y < n[1]; y++) {
					final double rr = cr * ey[q][0][y] - ci * ey[q][1][y], ri = cr * ey[q][1][y] + ci * ey[q][0][y];
					final int row = y * n[0];
					for (int x = 0; x < n[0]; x++) p[row + x] = (float) (p[row + x] + rr * ex[q][0][x] - ri * ex[q][1][x]);
				}
			}
		});
		return image.withData(copy);
	}

	/** {@code e^(+2 pi i k j / n)}: {@code [0]} cosines, {@code [1]} sines. */
	private static double[][] wave(final int k, final int n) {
		final double[][] e = new double[2][n];
		for (int j = 0; j < n; j++) {
			final double a = 2 * Math.PI * ((long) k * j % n) / n;
			e[0][j] = Math.cos(a);
			e[1][j] = Math.sin(a);
		}
		return e;
	}

	@Override
	public java.util.Map<String, String> drawn() {
		return new DrawnValues().put("intensity", intensity).put("spikes", positions).map();
	}

	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "intensity=%.6f spikes=[", intensity));
		for (int s = 0; s < positions.length; s++)
			sb.append(s == 0 ? "" : ", ").append(String.format(Locale.ROOT, "(%.6f, %.6f, %.6f)", positions[s][0], positions[s][1], positions[s][2]));
		return sb.append(']').toString();
	}
}

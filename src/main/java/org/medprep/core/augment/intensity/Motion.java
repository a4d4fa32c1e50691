package org.medprep.core.augment.intensity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.fft.KSpaceLineFilter;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.PhysicalAffine;
import org.medprep.core.spatial.Resampler;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.stats.IntensityStatistics;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * MRI motion artefact as TorchIO's {@code Motion}
 * (torchio/transforms/augmentation/intensity/random_motion.py, after Shaw et
 * al. 2019): the image is resampled under k rigid movements (linear, ITK's
 * box boundary, the image minimum outside, as TorchIO's SimpleITK
 * resampling); k-space is split along the last axis (z) at the shifted
 * indices {@code int(nz * t_i)} of the movement times, each segment taken
 * from one of the k+1 spectra, the unmoved image's spectrum filling the
 * segment that holds the centre (TorchIO's {@code sort_spectra}); the output
 * is the real part of the inverse transform. Since the segments depend on kz
 * only, the 3D transform reduces to 1D transforms along z
 * ({@link KSpaceLineFilter}).
 * <p>
 * Each movement rotates by Euler angles in degrees about the physical x, y
 * and z axes in ITK's {@code Euler3DTransform} order ({@code Rz Rx Ry}) about
 * the point at continuous index {@code size/2}, then translates (mm):
 * {@code p -> R (p - c) + c + t}, the pull-back from the moved output to the
 * input. TorchIO means this centre (it sets it) but then rebuilds each
 * transform from its matrix and translation only, which drops the centre and
 * turns about the world origin; MedPrep turns about the centre, so the
 * artefact does not depend on where the scanner put the origin.
 */
public final class Motion implements IntensityDraw {

	private final double[][] degrees, translations;
	private final double[] times;

	/**
	 * @param degrees k rows of rotations about x, y, z (degrees)
	 * @param translations k rows of translations (mm)
	 * @param times k movement times in [0, 1], increasing
	 * @throws IllegalArgumentException for mismatched or non-finite parameters
	 */
	public Motion(final double[][] degrees, final double[][] translations, final double[] times) {
		if (degrees.length == 0 || degrees.length != translations.length || degrees.length != times.length)
			throw new IllegalArgumentException("motion needs as many rotations, translations and times (>= 1), got " + degrees.length + ", "
				+ translations.length + ", " + times.length);
		this.degrees = new double[degrees.length][];
		this.translations = new double[degrees.length][];
		for (int i = 0; i < degrees.length; i++) {
			if (degrees[i].length != 3 || translations[i].length != 3) throw new IllegalArgumentException("motion rotations and translations have 3 values each");
			for (int d = 0; d < 3; d++)
				if (!Double.isFinite(degrees[i][d]) || !Double.isFinite(translations[i][d])) throw new IllegalArgumentException("motion parameters must be finite");
			if (!(times[i] >= 0 && times[i] <= 1) || (i > 0 && times[i] < times[i - 1]))
				throw new IllegalArgumentException("motion times must be increasing within [0, 1], got " + java.util.Arrays.toString(times));
			this.degrees[i] = degrees[i].clone();
			this.translations[i] = translations[i].clone();
		}
		this.times = times.clone();
	}

	/** ITK's Euler3DTransform matrix (ComputeZYX off): {@code Rz Rx Ry}, angles in radians. */
	static double[][] euler(final double ax, final double ay, final double az) {
		final double[][] rx = { { 1, 0, 0 }, { 0, Math.cos(ax), -Math.sin(ax) }, { 0, Math.sin(ax), Math.cos(ax) } };
		final double[][] ry = { { Math.cos(ay), 0, Math.sin(ay) }, { 0, 1, 0 }, { -Math.sin(ay), 0, Math.cos(ay) } };
		final double[][] rz = { { Math.cos(az), -Math.sin(az), 0 }, { Math.sin(az), Math.cos(az), 0 }, { 0, 0, 1 } };
		return PhysicalAffine.multiply(rz, PhysicalAffine.multiply(rx, ry));
	}

	/** The pull-back of movement i: {@code p -> R (p - c) + c + t}. */
	PhysicalAffine movement(final int i, final double[] center) {
		final double[][] r = euler(Math.toRadians(degrees[i][0]), Math.toRadians(degrees[i][1]), Math.toRadians(degrees[i][2]));
		final double[][] m = new double[3][4];
		for (int row = 0; row < 3; row++) {
			double t = center[row] + translations[i][row];
			for (int c = 0; c < 3; c++) {
				m[row][c] = r[row][c];
				t -= r[row][c] * center[c];
			}
			m[row][3] = t;
		}
		return PhysicalAffine.of(m);
	}

	@Override
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> image) {
		final Grid grid = Grid.of(image);
		final int[] size = KSpaceLineFilter.size(image.data());
		final double[] center = image.geometry().indexToPhysical(new double[] { size[0] / 2.0, size[1] / 2.0, size[2] / 2.0 });
		final double fill = IntensityStatistics.of(image.data(), VoxelSelection.all()).min();
		final Sampling sampling = Sampling.of(Interpolation.LINEAR, BoundaryMode.BOX, fill);
		final List<float[][]> spectra = new ArrayList<>();
		spectra.add(KSpaceLineFilter.planes(IntensityPlanes.floatCopy(image.data())));
		for (int i = 0; i < times.length; i++) {
			final PlanarImg<FloatType, FloatArray> moved = Resampler.resample(image.data(), grid, grid, movement(i, center), null, sampling);
			spectra.add(KSpaceLineFilter.planes(moved));
		}
		// the unmoved image fills the segment holding the centre of k-space
		int centre = spectra.size() - 1;
		for (int i = 0; i < times.length; i++)
			if (times[i] > 0.5) {
				centre = i;
				break;
			}
		final float[][] first = spectra.get(0);
		spectra.set(0, spectra.get(centre));
		spectra.set(centre, first);
		final int nz = size[2];
		final int[] end = new int[times.length + 1];
		for (int i = 0; i < times.length; i++) end[i] = (int) (nz * times[i]);
		end[times.length] = nz;
		final List<double[]> masks = new ArrayList<>();
		for (int i = 0; i < spectra.size(); i++) masks.add(new double[nz]);
		// TorchIO fills the shifted spectrum segment by segment: [0, end0) from the first, [end0, end1) from the next...
		final int[] owner = new int[nz];
		for (int i = 0, lo = 0; i < end.length; lo = end[i], i++)
			for (int s = lo; s < end[i]; s++) owner[s] = i;
		for (int k = 0; k < nz; k++) masks.get(owner[(k + nz / 2) % nz])[k] = 1;
		return image.withData(KSpaceLineFilter.filter(spectra, size, 2, masks));
	}

	@Override
	public java.util.Map<String, String> drawn() {
		return new DrawnValues().put("times", times).put("degrees", degrees).put("translation_mm", translations).map();
	}

	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < times.length; i++) {
			sb.append(i == 0 ? "" : "; ").append(String.format(Locale.ROOT, "t=%.6f degrees=[%.6f, %.6f, %.6f] translation_mm=[%.6f, %.6f, %.6f]", times[i],
				degrees[i][0], degrees[i][1], degrees[i][2], translations[i][0], translations[i][1], translations[i][2]));
		}
		return sb.toString();
	}
}

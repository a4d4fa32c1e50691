package org.medprep.bench;

import java.util.ArrayList;
import java.util.List;

import org.medprep.core.Volume;
import org.medprep.core.augment.RandomAffine;
import org.medprep.core.augment.RandomElastic;
import org.medprep.core.Subject;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.ResampleToSpacing;
import org.medprep.core.spatial.Sampling;

import net.imglib2.type.numeric.RealType;

/**
 * Resampling to 1 mm (linear, cubic), a random affine and both elastic
 * deformations on a 256x256x160 CT at 0.8 x 0.8 x 2.5 mm and the 512x512x300
 * CT at 0.7 x 0.7 x 1 mm (quick: 48x48x20). Voxels are output voxels.
 */
public class SpatialBenchmarks implements BenchmarkSuite {

	private static final double[] ONE_MM = { 1, 1, 1 };

	@Override
	public String name() {
		return "spatial";
	}

	@Override
	public List<BenchmarkCase> cases(final boolean quick) {
		final List<BenchmarkCase> cases = new ArrayList<>();
		if (quick) {
			add(cases, "48x48x20", new CtPhantom(48, 48, 20, new double[] { 0.8, 0.8, 2.5 }, 10, 42));
		} else {
			add(cases, "256x256x160", new CtPhantom(256, 256, 160, new double[] { 0.8, 0.8, 2.5 }, 10, 42));
			add(cases, "512x512x300", CtPhantom.large());
		}
		return cases;
	}

	private static void add(final List<BenchmarkCase> cases, final String size, final CtPhantom phantom) {
		final Volume<?> probe = phantom.labels();
		final long inputVoxels = probe.numVoxels();
		final long oneMm = new ResampleToSpacing(ONE_MM, true).plan(Grid.of(probe)).target().numVoxels();
		final Sampling linear = Sampling.of(Interpolation.LINEAR, BoundaryMode.CONSTANT, -1000);
		final Sampling cubic = Sampling.of(Interpolation.CUBIC, BoundaryMode.NEAREST, 0);
		cases.add(new BenchmarkCase("Resample to 1 mm linear " + size, oneMm, phantom::image,
			v -> new ResampleToSpacing(ONE_MM, true).apply(volume(v), linear)));
		cases.add(new BenchmarkCase("Resample to 1 mm cubic " + size, oneMm, phantom::image,
			v -> new ResampleToSpacing(ONE_MM, true).apply(volume(v), cubic)));
		final RandomAffine affine = new RandomAffine(0.9, 1.1, false, new double[] { 10, 10, 10 }, new double[] { 5, 5, 5 });
		cases.add(new BenchmarkCase("Random Affine linear " + size, inputVoxels, phantom::image,
			v -> affine.apply(Subject.of(volume(v)), 7, linear, Interpolation.NEAREST)));
		final RandomElastic dense = RandomElastic.dense(10, 8);
		cases.add(new BenchmarkCase("Random Elastic dense sigma 10 linear " + size, inputVoxels, phantom::image,
			v -> dense.apply(Subject.of(volume(v)), 7, linear, Interpolation.NEAREST)));
		final RandomElastic controlGrid = RandomElastic.controlGrid(new int[] { 7, 7, 7 }, 7.5, 2);
		cases.add(new BenchmarkCase("Random Elastic control grid linear " + size, inputVoxels, phantom::image,
			v -> controlGrid.apply(Subject.of(volume(v)), 7, linear, Interpolation.NEAREST)));
	}

	@SuppressWarnings("unchecked")
	private static Volume<? extends RealType<?>> volume(final Object v) {
		return (Volume<? extends RealType<?>>) v;
	}
}

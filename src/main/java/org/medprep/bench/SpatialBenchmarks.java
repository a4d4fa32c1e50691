package org.medprep.bench;

import java.util.ArrayList;
import java.util.List;

import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.augment.RandomAffine;
import org.medprep.core.augment.RandomElastic;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.CropOrPad;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.ResampleToSpacing;
import org.medprep.core.spatial.Rotate;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialStep;
import org.medprep.core.spatial.Zoom;

import net.imglib2.type.numeric.RealType;

/**
 * Resampling to 1 mm (linear, cubic), a random affine, both elastic
 * deformations, and a chain of four spatial steps fused into one resampling
 * against step by step, on a 256x256x160 CT at 0.8 x 0.8 x 2.5 mm and the
 * 512x512x300 CT at 0.7 x 0.7 x 1 mm (quick: 48x48x20). Voxels are output
 * voxels.
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
			v -> affine.apply(Subject.of(volume(v)), 7, linear, Interpolation.NEAREST).materialize()));
		final RandomElastic dense = RandomElastic.dense(10, 8);
		cases.add(new BenchmarkCase("Random Elastic dense sigma 10 linear " + size, inputVoxels, phantom::image,
			v -> dense.apply(Subject.of(volume(v)), 7, linear, Interpolation.NEAREST).materialize()));
		final RandomElastic controlGrid = RandomElastic.controlGrid(new int[] { 7, 7, 7 }, 7.5, 2);
		cases.add(new BenchmarkCase("Random Elastic control grid linear " + size, inputVoxels, phantom::image,
			v -> controlGrid.apply(Subject.of(volume(v)), 7, linear, Interpolation.NEAREST).materialize()));
		addChain(cases, size, phantom);
	}

	/**
	 * A preprocessing and augmentation chain on a CT and its label map, resampled once (fused) or after
	 * every step: to 1 mm, a 10 degree rotation, a 1.1 zoom, a crop to 3/4 of the size. The voxels are
	 * the output voxels of both members.
	 */
	private static void addChain(final List<BenchmarkCase> cases, final String size, final CtPhantom phantom) {
		final List<SpatialStep> steps = chain(Grid.of(phantom.labels()));
		final long out = 2 * steps.get(steps.size() - 1).plan().target().numVoxels();
		for (final boolean fuse : new boolean[] { true, false }) {
			cases.add(new BenchmarkCase("Resample 1 mm + rotate + zoom + crop, image and label, " + (fuse ? "fused" : "step by step") + " " + size, out,
				() -> Subject.of("ct", phantom.image()).withLabel("labels", phantom.labels()), s -> {
					Subject subject = ((Subject) s).withFusion(fuse);
					for (final SpatialStep step : steps) subject = subject.transform(step);
					return subject.materialize();
				}));
		}
	}

	/** The chain's steps for a case on {@code grid}. */
	static List<SpatialStep> chain(final Grid grid) {
		final Sampling nearestEdge = Sampling.of(Interpolation.LINEAR, BoundaryMode.NEAREST, 0);
		final Sampling box = Sampling.of(Interpolation.LINEAR, BoundaryMode.BOX, -1000);
		final List<SpatialStep> steps = new ArrayList<>();
		// no anti-aliasing: the chain upsamples x and y and z
		steps.add(SpatialStep.of(new ResampleToSpacing(ONE_MM, false).plan(grid), nearestEdge, Interpolation.NEAREST));
		final Grid mm = steps.get(0).plan().target();
		steps.add(SpatialStep.of(new Rotate(0, 0, 10).plan(mm), box, Interpolation.NEAREST));
		steps.add(SpatialStep.of(new Zoom(new double[] { 1.1, 1.1, 1.1 }).plan(mm), box, Interpolation.NEAREST));
		final long[] crop = { mm.size(0) * 3 / 4, mm.size(1) * 3 / 4, mm.size(2) * 3 / 4 };
		steps.add(SpatialStep.of(new CropOrPad(crop).plan(mm), Sampling.of(Interpolation.NEAREST, BoundaryMode.BOX, -1000), Interpolation.NEAREST));
		return steps;
	}

	@SuppressWarnings("unchecked")
	private static Volume<? extends RealType<?>> volume(final Object v) {
		return (Volume<? extends RealType<?>>) v;
	}
}

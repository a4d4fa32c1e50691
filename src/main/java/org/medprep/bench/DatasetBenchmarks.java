package org.medprep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.medprep.core.Volume;
import org.medprep.core.labels.LabelHoles;
import org.medprep.core.labels.LabelMap;
import org.medprep.core.labels.LabelRemap;
import org.medprep.core.labels.LabelStatistics;
import org.medprep.core.labels.LargestComponents;
import org.medprep.core.patch.LabelBalancedSampler;
import org.medprep.core.patch.PaddingMode;
import org.medprep.core.patch.Patch;
import org.medprep.core.patch.PatchAggregator;
import org.medprep.core.patch.PatchGrid;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.core.phantom.HeadPhantom;
import org.medprep.core.segment.BodyMask;
import org.medprep.core.segment.BrainMask;
import org.medprep.core.segment.LungMask;
import org.medprep.core.segment.Connectivity;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.FloatVolumes;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Orientation;
import org.medprep.core.spatial.ResampleToGrid;
import org.medprep.core.spatial.Reorient;
import org.medprep.core.spatial.Sampling;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.ShortType;

/**
 * The dataset-preparation operations on the 512x512x300 CT at 0.7 x 0.7 x 1 mm
 * (quick: 48x48x20): reorientation to RAS (read into a new image, as the
 * command does), resampling onto a reference grid, and the label utilities on
 * the phantom's tissue labels, the body and lung masks; the brain mask on the
 * head phantom at 1 mm, 192x224x192 (quick: 48x56x48 at 3 mm). The reference timings
 * (nibabel, scipy, scikit-image) come from
 * {@code src/test/resources/org/medprep/dataset/reference_benchmark.py}.
 */
public class DatasetBenchmarks implements BenchmarkSuite {

	@Override
	public String name() {
		return "dataset";
	}

	@Override
	public List<BenchmarkCase> cases(final boolean quick) {
		final long[] n = quick ? new long[] { 48, 48, 20 } : new long[] { 512, 512, 300 };
		final CtPhantom phantom = quick ? new CtPhantom(48, 48, 20, new double[] { 0.8, 0.8, 2.5 }, 10, 42) : CtPhantom.large();
		final Grid source = Grid.of(n, phantom.geometry());
		final String size = n[0] + "x" + n[1] + "x" + n[2];
		final long voxels = source.numVoxels();
		final List<BenchmarkCase> cases = new ArrayList<>();
		final Reorient ras = new Reorient(Orientation.parse("RAS"));
		// what the Reorient command does: its plan read with nearest neighbour, which on whole voxels is a copy in the input's type
		cases.add(new BenchmarkCase("Reorient LPS to RAS int16 " + size, voxels, phantom::image,
			v -> ras.plan(Grid.of(ct(v))).apply(ct(v), Sampling.labels())));
		// a reference grid of 1 mm voxels, shifted by a third of a voxel: every output voxel interpolates
		final long[] refSize = new long[3];
		final double[] origin = source.geometry().origin();
		for (int d = 0; d < 3; d++) {
			refSize[d] = Math.max(1, Math.round(source.size(d) * source.geometry().spacing(d)));
			origin[d] += 1 / 3.0;
		}
		final Grid reference = Grid.of(refSize, source.geometry().withSpacing(new double[] { 1, 1, 1 }).withOrigin(origin));
		final Sampling linear = Sampling.of(Interpolation.LINEAR, BoundaryMode.BOX, -1000);
		cases.add(new BenchmarkCase("Resample to Reference 1 mm linear " + size, reference.numVoxels(), phantom::image,
			v -> new ResampleToGrid(reference).apply(ct(v), linear)));
		final Connectivity six = Connectivity.SIX;
		cases.add(new BenchmarkCase("Keep Largest Component per label 6-connected " + size, voxels, () -> LabelMap.read(phantom.labels()),
			m -> new LargestComponents(LargestComponents.Scope.PER_LABEL, six).apply((LabelMap) m)));
		cases.add(new BenchmarkCase("Fill Label Holes 6-connected " + size, voxels, () -> LabelMap.read(phantom.labels()),
			m -> new LabelHoles(six).apply((LabelMap) m)));
		cases.add(new BenchmarkCase("Remap Labels " + size, voxels, () -> LabelMap.read(phantom.labels()),
			m -> LabelRemap.parse("1:2,3:0").apply((LabelMap) m)));
		cases.add(new BenchmarkCase("Label Statistics " + size, voxels, () -> LabelMap.read(phantom.labels()), m -> LabelStatistics.of((LabelMap) m)));
		cases.add(new BenchmarkCase("Body Mask -500 HU opening 3 mm " + size, voxels, phantom::image, v -> new BodyMask(-500, 3).apply(ct(v))));
		cases.add(new BenchmarkCase("Lung Mask (DSB tutorial, 2 lungs) " + size, voxels, phantom::image,
			v -> new LungMask(-320, true, 2, 0.1, 0).apply(ct(v))));
		// patches of 96x96x64 with overlap 16, edge padding: cut (each patch read into an array), then put back by averaging
		final PatchGrid patchGrid = quick ? new PatchGrid(new long[] { 16, 16, 8 }, new long[] { 4, 4, 2 }, PaddingMode.EDGE)
			: new PatchGrid(new long[] { 96, 96, 64 }, new long[] { 16, 16, 16 }, PaddingMode.EDGE);
		cases.add(new BenchmarkCase("Grid Sampler + Grid Aggregator average " + size, voxels, phantom::image, v -> {
			final PatchAggregator agg = new PatchAggregator(source, patchGrid, PatchAggregator.Mode.AVERAGE);
			for (final Patch p : patchGrid.patches(n)) agg.add(p, ArrayImgs.floats(FloatVolumes.read(p.of(ct(v), PaddingMode.EDGE, 0).data()), p.size()));
			return agg.result();
		}));
		final long[] drawn = quick ? new long[] { 16, 16, 8 } : new long[] { 96, 96, 64 };
		cases.add(new BenchmarkCase("Label-Balanced Patches 16 draws pos/neg " + size, voxels, () -> LabelMap.read(phantom.labels()),
			m -> LabelBalancedSampler.posNeg(drawn, 1, 1).draw((LabelMap) m, 16, new SplittableRandom(7))));
		final HeadPhantom head = quick ? new HeadPhantom(48, 56, 48, new double[] { 3, 3, 3 }, 6, 6, 20, true, 42)
			: new HeadPhantom(192, 224, 192, new double[] { 1, 1, 1 }, 6, 6, 20, true, 42);
		final long headVoxels = quick ? 48L * 56 * 48 : 192L * 224 * 192;
		cases.add(new BenchmarkCase("Brain Mask erosion 4 mm head " + (quick ? "48x56x48" : "192x224x192"), headVoxels, head::image,
			v -> BrainMask.defaults().apply(ct(v))));
		return cases;
	}

	@SuppressWarnings("unchecked")
	private static Volume<ShortType> ct(final Object v) {
		return (Volume<ShortType>) v;
	}
}

package org.medprep.core.patch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.History;
import org.medprep.core.Volume;
import org.medprep.core.labels.LabelMap;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.SpatialChain;
import org.medprep.testutil.TestVolumes;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.real.FloatType;

/** Grid sampling (TorchIO's GridSampler rules), aggregation back onto the grid, label-balanced draws (MONAI's rules). */
class PatchesTest {

	/** The distinct starts along axis d. */
	private static long[] starts(final List<Patch> patches, final int d) {
		return patches.stream().mapToLong(p -> p.start(d)).distinct().sorted().toArray();
	}

	@Test
	void gridLocationsFollowTorchIO() {
		// step = patch - overlap; the last patch moves back to end on the far face
		assertArrayEquals(new long[] { 0, 2, 4, 6 }, starts(new PatchGrid(new long[] { 4, 1, 1 }, new long[] { 2, 0, 0 }, PaddingMode.NONE).patches(new long[] { 10, 1, 1 }), 0));
		assertArrayEquals(new long[] { 0, 2, 4, 6, 7 }, starts(new PatchGrid(new long[] { 4, 1, 1 }, new long[] { 2, 0, 0 }, PaddingMode.NONE).patches(new long[] { 11, 1, 1 }), 0));
		// padded by overlap / 2 = 1 on each side: a 13-voxel line, starts 0 2 4 6 8 9, minus the border
		assertArrayEquals(new long[] { -1, 1, 3, 5, 7, 8 }, starts(new PatchGrid(new long[] { 4, 1, 1 }, new long[] { 2, 0, 0 }, PaddingMode.EDGE).patches(new long[] { 11, 1, 1 }), 0));
		final List<Patch> grid = new PatchGrid(new long[] { 4, 3, 2 }, new long[] { 2, 0, 0 }, PaddingMode.NONE).patches(new long[] { 6, 6, 4 });
		assertEquals(2 * 2 * 2, grid.size(), "x fastest, then y, then z");
		assertArrayEquals(new long[] { 2, 0, 0 }, grid.get(1).start());
		assertArrayEquals(new long[] { 0, 3, 0 }, grid.get(2).start());
		assertEquals(7, grid.get(7).index());
	}

	@Test
	void sampleThenAggregateGivesTheInputBackExactly() {
		final double[] values = new double[13 * 11 * 9];
		final SplittableRandom r = new SplittableRandom(5);
		for (int i = 0; i < values.length; i++) values[i] = (r.nextDouble() - 0.5) * 2000;
		final Volume<FloatType> image = TestVolumes.floats(new long[] { 13, 11, 9 }, values);
		final Volume<ShortType> ct = new CtPhantom(19, 17, 9, new double[] { 0.8, 0.8, 2 }, 30, 1).image();
		for (final PaddingMode padding : PaddingMode.values())
			for (final PatchAggregator.Mode mode : PatchAggregator.Mode.values())
				for (final long[][] po : new long[][][] { { { 6, 5, 4 }, { 2, 0, 2 } }, { { 8, 8, 5 }, { 4, 6, 0 } }, { { 13, 11, 9 }, { 0, 0, 0 } } }) {
					final String what = padding.label() + " " + mode.label() + " patch " + java.util.Arrays.toString(po[0]);
					roundTrip(image, new PatchGrid(po[0], po[1], padding), mode, what);
					roundTrip(ct, new PatchGrid(po[0], po[1], padding), mode, what + " CT");
				}
	}

	private static <T extends RealType<T>> void roundTrip(final Volume<T> image, final PatchGrid grid, final PatchAggregator.Mode mode, final String what) {
		final PatchAggregator agg = new PatchAggregator(Grid.of(image), grid, mode);
		for (final Patch p : grid.patches(image.dimensions())) agg.add(p, p.of(image, grid.padding(), -1234).data());
		assertEquals(0, agg.uncovered(), what);
		final Volume<FloatType> back = agg.result();
		assertArrayEquals(TestVolumes.values(image.data()), TestVolumes.values(back.data()), 0, what);
		assertEquals(image.geometry(), back.geometry());
	}

	@Test
	void patchesKnowTheirPlaceAndPadByTheirMode() {
		final Volume<FloatType> line = Volume.of(ArrayImgs.floats(new float[] { 1, 2, 3, 4 }, 4, 1, 1),
			Geometry.of(new double[] { 2, 1, 1 }, new double[] { 10, 0, 0 }));
		final Patch p = new Patch(0, new long[] { -2, 0, 0 }, new long[] { 8, 1, 1 });
		assertArrayEquals(new double[] { 0, 0, 1, 2, 3, 4, 0, 0 }, TestVolumes.values(p.of(line, PaddingMode.CONSTANT, 0).data()), 0);
		assertArrayEquals(new double[] { 1, 1, 1, 2, 3, 4, 4, 4 }, TestVolumes.values(p.of(line, PaddingMode.EDGE, 0).data()), 0);
		assertArrayEquals(new double[] { 3, 2, 1, 2, 3, 4, 3, 2 }, TestVolumes.values(p.of(line, PaddingMode.REFLECT, 0).data()), 0);
		assertArrayEquals(new double[] { 2, 1, 1, 2, 3, 4, 4, 3 }, TestVolumes.values(p.of(line, PaddingMode.SYMMETRIC, 0).data()), 0);
		assertEquals(6, p.of(line, PaddingMode.EDGE, 0).geometry().origin(0), 0, "10 mm - 2 voxels of 2 mm");
	}

	@Test
	void averageAndCropCombineOverlapsAsDocumented() {
		// a 10-voxel line, patches of 6 with overlap 2: starts 0 and 4, overlap on 4..5
		final Grid grid = Grid.of(new long[] { 10, 1, 1 }, Geometry.identity());
		final PatchGrid sampler = new PatchGrid(new long[] { 6, 1, 1 }, new long[] { 2, 0, 0 }, PaddingMode.NONE);
		final List<Patch> patches = sampler.patches(grid.size());
		assertEquals(2, patches.size());
		final double[] avg = aggregate(grid, sampler, patches, PatchAggregator.Mode.AVERAGE);
		assertArrayEquals(new double[] { 1, 1, 1, 1, 2, 2, 3, 3, 3, 3 }, avg, 0);
		final double[] crop = aggregate(grid, sampler, patches, PatchAggregator.Mode.CROP);
		assertArrayEquals(new double[] { 1, 1, 1, 1, 1, 3, 3, 3, 3, 3 }, crop, 0, "each patch gives up half the overlap");
	}

	private static double[] aggregate(final Grid grid, final PatchGrid sampler, final List<Patch> patches, final PatchAggregator.Mode mode) {
		final PatchAggregator agg = new PatchAggregator(grid, sampler, mode);
		agg.add(patches.get(0), ArrayImgs.floats(new float[] { 1, 1, 1, 1, 1, 1 }, 6, 1, 1));
		agg.add(patches.get(1), ArrayImgs.floats(new float[] { 3, 3, 3, 3, 3, 3 }, 6, 1, 1));
		return TestVolumes.values(agg.result().data());
	}

	@Test
	void theTableRoundTrips() {
		final Grid grid = Grid.of(new long[] { 13, 11, 9 }, Geometry.of(new double[] { 0.7, 0.7, 2.5 }, new double[] { -12.25, 3.1, 0.5 }));
		final PatchGrid sampler = new PatchGrid(new long[] { 8, 8, 4 }, new long[] { 2, 2, 0 }, PaddingMode.REFLECT);
		final List<Patch> patches = sampler.patches(grid.size());
		final List<PatchTable.Row> rows = new java.util.ArrayList<>();
		for (final Patch p : patches) rows.add(new PatchTable.Row(p, "ct_p" + p.index() + ".nii.gz", "", null, null));
		final SpatialChain chain = SpatialChain.empty().then(new org.medprep.core.spatial.Flip(true, false, false).plan(grid));
		final History history = History.empty().then(History.Step.of("run(\"Flip\", \"flip_x=true\");").withPlan(chain.plans().get(0)))
			.then(History.Step.of("run(\"Grid Sampler\", \"patch_x=8 patch_y=8 patch_z=4\");"));
		final PatchTable t = new PatchTable(grid, sampler, rows, history);
		final PatchTable back = PatchTable.parse(t.toText());
		assertEquals(t.toText(), back.toText());
		assertEquals(grid, back.grid());
		assertEquals(history, back.history());
		assertEquals(chain.toText(), back.history().spatialChain().toText());
		assertEquals(PaddingMode.REFLECT, back.sampler().padding());
		assertEquals(patches.size(), back.rows().size());
		assertArrayEquals(patches.get(3).start(), back.rows().get(3).patch().start());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> PatchTable.parse("index,file\n1,2")).getMessage().startsWith("not a MedPrep patch table"));
		final String broken = t.toText().replace(",8,8,4,", ",8,x,4,");
		// the first row (after the grid, sampler and history comments and the header) is the broken one
		final int firstRow = java.util.Arrays.asList(broken.split("\n")).indexOf(PatchTable.HEADER) + 2;
		assertTrue(assertThrows(IllegalArgumentException.class, () -> PatchTable.parse(broken)).getMessage().startsWith("patch table line " + firstRow + ":"));
	}

	/** 20x20x10: label 1 in a 4x4x2 block, label 2 in a 2x2x1 block, the rest 0. */
	private static LabelMap labels() {
		final int[] l = new int[20 * 20 * 10];
		for (int z = 4; z < 6; z++) for (int y = 2; y < 6; y++) for (int x = 2; x < 6; x++) l[(z * 20 + y) * 20 + x] = 1;
		for (int y = 14; y < 16; y++) for (int x = 15; x < 17; x++) l[(7 * 20 + y) * 20 + x] = 2;
		return LabelMap.of(l, new int[] { 20, 20, 10 }, Geometry.identity());
	}

	@Test
	void posNegDrawsFollowTheRatioAndTheSeed() {
		final LabelMap map = labels();
		final LabelBalancedSampler s = LabelBalancedSampler.posNeg(new long[] { 8, 8, 4 }, 3, 1);
		final List<LabelBalancedSampler.Draw> a = s.draw(map, 4000, new SplittableRandom(42));
		int pos = 0;
		for (final LabelBalancedSampler.Draw d : a) {
			final long[] c = d.center();
			final int label = map.labels()[(int) ((c[2] * 20 + c[1]) * 20 + c[0])];
			assertEquals(d.kind(), label > 0 ? 1 : 0, "the centre is of the kind drawn");
			if (label > 0) pos++;
			for (int k = 0; k < 3; k++) {
				assertTrue(d.patch().start(k) >= 0 && d.patch().start(k) + d.patch().size(k) <= map.size()[k], "inside the image");
				assertTrue(c[k] >= d.patch().start(k) && c[k] < d.patch().start(k) + d.patch().size(k), "the centre is in the patch");
			}
		}
		assertEquals(0.75, pos / 4000.0, 0.03);
		final List<LabelBalancedSampler.Draw> again = s.draw(map, 4000, new SplittableRandom(42));
		final List<LabelBalancedSampler.Draw> other = s.draw(map, 4000, new SplittableRandom(43));
		for (int i = 0; i < 4000; i++) assertArrayEquals(a.get(i).center(), again.get(i).center());
		boolean differs = false;
		for (int i = 0; i < 4000 && !differs; i++) differs = !java.util.Arrays.equals(a.get(i).center(), other.get(i).center());
		assertTrue(differs);
		// only positives when neg is 0; only negatives when there is no foreground
		for (final LabelBalancedSampler.Draw d : LabelBalancedSampler.posNeg(new long[] { 2, 2, 2 }, 1, 0).draw(map, 200, new SplittableRandom(1)))
			assertEquals(1, d.kind());
		final LabelMap empty = LabelMap.of(new int[20 * 20 * 10], new int[] { 20, 20, 10 }, Geometry.identity());
		for (final LabelBalancedSampler.Draw d : LabelBalancedSampler.posNeg(new long[] { 2, 2, 2 }, 1, 0).draw(empty, 20, new SplittableRandom(1)))
			assertEquals(0, d.kind());
	}

	@Test
	void classDrawsFollowTheirRatios() {
		final Map<Integer, Double> ratios = LabelBalancedSampler.parseRatios("0:1, 1:1, 2:2, 7:5");
		final List<LabelBalancedSampler.Draw> draws = LabelBalancedSampler.classes(new long[] { 4, 4, 4 }, ratios).draw(labels(), 6000, new SplittableRandom(9));
		final int[] n = new int[8];
		for (final LabelBalancedSampler.Draw d : draws) n[d.kind()]++;
		assertEquals(0, n[7], "label 7 is absent: ratio 0");
		assertEquals(0.25, n[0] / 6000.0, 0.02);
		assertEquals(0.25, n[1] / 6000.0, 0.02);
		assertEquals(0.5, n[2] / 6000.0, 0.02);
	}

	@Test
	void badSettingsAreRefused() {
		assertEquals("overlap along x must be even and >= 0, got 3",
			assertThrows(IllegalArgumentException.class, () -> new PatchGrid(new long[] { 8, 8, 8 }, new long[] { 3, 0, 0 }, PaddingMode.NONE)).getMessage());
		assertThrows(IllegalArgumentException.class, () -> new PatchGrid(new long[] { 8, 8, 8 }, new long[] { 8, 0, 0 }, PaddingMode.NONE));
		assertTrue(assertThrows(IllegalArgumentException.class,
			() -> new PatchGrid(new long[] { 8, 8, 8 }, new long[] { 0, 0, 0 }, PaddingMode.NONE).patches(new long[] { 7, 9, 9 })).getMessage().contains("smaller than the patch"));
		assertThrows(IllegalArgumentException.class, () -> LabelBalancedSampler.posNeg(new long[] { 4, 4, 4 }, 0, 0));
		assertThrows(IllegalArgumentException.class, () -> LabelBalancedSampler.posNeg(new long[] { 40, 4, 4 }, 1, 1).draw(labels(), 1, new SplittableRandom(1)));
		assertThrows(IllegalArgumentException.class, () -> LabelBalancedSampler.parseRatios("1=2"));
		assertThrows(IllegalArgumentException.class, () -> LabelBalancedSampler.classes(new long[] { 4, 4, 4 }, Map.of(5, 1.0)).draw(labels(), 3, new SplittableRandom(1)));
		assertThrows(IllegalArgumentException.class, () -> PaddingMode.fromLabel("wrap"));
	}
}

package org.medprep.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medprep.core.Subject;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.core.spatial.FloatVolumes;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;

class AugmentationPreviewTest {

	@Test
	void tilesDrawsReproduciblyWithTheLabelOutline() {
		final CtPhantom p = new CtPhantom(20, 18, 6, new double[] { 1, 1, 2 }, 0, 1);
		final Subject s = Subject.of(p.image(), Map.of("seg", p.labels()));
		final List<RandomSpatialTransform> pipeline = List.of(new RandomAffine(0.9, 1.1, true, new double[] { 0, 0, 20 }, new double[3]));
		final AugmentationPreview.Result a = AugmentationPreview.of(s, "seg", pipeline, 5, 42, Sampling.linear(), Interpolation.NEAREST);
		final AugmentationPreview.Result b = AugmentationPreview.of(s, "seg", pipeline, 5, 42, Sampling.linear(), Interpolation.NEAREST);
		// 5 draws: 3 columns, 2 rows of 20 x 18 tiles
		assertArrayEquals(new long[] { 60, 36, 1 }, a.image().dimensions());
		assertArrayEquals(FloatVolumes.read(a.image().data()), FloatVolumes.read(b.image().data()));
		assertEquals(5, a.draws().size());
		assertTrue(a.draws().get(0).startsWith("seed ") && a.draws().get(0).contains("Random Affine scales="), a.draws().get(0));
		int outline = 0;
		for (final float v : FloatVolumes.read(a.outline().data())) outline += (int) v;
		assertTrue(outline > 20, "outline voxels: " + outline);
	}
}

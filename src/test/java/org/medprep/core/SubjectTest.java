package org.medprep.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.medprep.core.intensity.IntensityClip;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.ResampleToSpacing;
import org.medprep.core.spatial.Rotate;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialStep;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.RealType;

class SubjectTest {

	private static final CtPhantom PHANTOM = new CtPhantom(30, 26, 10, new double[] { 0.9, 0.9, 2.5 }, 3, 17);

	private static Subject twoImagesTwoLabels() {
		final Volume<? extends RealType<?>> ct = PHANTOM.image();
		return Subject.of("ct", ct).withImage("ct2", new IntensityClip(-500, 500).apply(ct)).withLabel("tissue", PHANTOM.labels())
			.withLabel("body", PHANTOM.labels());
	}

	private static Set<Double> values(final Volume<? extends RealType<?>> v) {
		final Set<Double> s = new TreeSet<>();
		for (final double x : TestVolumes.values(v.data())) s.add(x);
		return s;
	}

	@Test
	void membersAreNamedAndKeepTheirKindAndOrder() {
		final Subject s = twoImagesTwoLabels();
		assertEquals(List.of("ct", "ct2", "tissue", "body"), List.copyOf(s.names()));
		assertEquals(List.of("ct", "ct2"), List.copyOf(s.images().keySet()));
		assertEquals(List.of("tissue", "body"), List.copyOf(s.labels().keySet()));
		assertEquals("ct", s.mainName());
		assertEquals(Subject.Kind.LABEL, s.kind("body"));
		// replacing keeps the place; a member named by a label option becomes a label map
		final Subject r = s.withLabel("ct2", s.volume("ct2"));
		assertEquals(List.of("ct", "ct2", "tissue", "body"), List.copyOf(r.names()));
		assertEquals(Subject.Kind.LABEL, r.kind("ct2"));
	}

	@Test
	void aMemberOnAnotherGridIsRefusedNamingIt() {
		final Volume<?> shifted = PHANTOM.labels().withGeometry(PHANTOM.labels().geometry().withOrigin(new double[] { 0, 0, 0.001 }));
		@SuppressWarnings("unchecked")
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> twoImagesTwoLabels().withLabel("seg", (Volume<? extends RealType<?>>) (Object) shifted));
		assertTrue(e.getMessage().startsWith("'seg' is not in the subject's space: 30x26x10 voxels"), e.getMessage());
		// within the one tolerance (float32 rounding of a file's affine) it is the same space
		final Volume<?> close = PHANTOM.labels().withGeometry(PHANTOM.labels().geometry().withOrigin(
			new double[] { PHANTOM.labels().geometry().origin(0) + 0.5 * Geometry.SAME_SPACE_TOLERANCE, PHANTOM.labels().geometry().origin(1),
				PHANTOM.labels().geometry().origin(2) }));
		@SuppressWarnings("unchecked")
		final Subject ok = twoImagesTwoLabels().withLabel("seg", (Volume<? extends RealType<?>>) (Object) close);
		assertTrue(ok.has("seg"));
	}

	@Test
	void intensityStepsTouchScalarImagesOnly() {
		final Subject s = twoImagesTwoLabels();
		final Subject out = s.mapImages(v -> new IntensityClip(0, 100).apply(v));
		assertSame(s.volume("tissue"), out.volume("tissue"));
		assertSame(s.volume("body"), out.volume("body"));
		assertTrue(values(out.volume("ct")).stream().allMatch(v -> v >= 0 && v <= 100));
		assertTrue(values(out.volume("ct2")).stream().allMatch(v -> v >= 0 && v <= 100));
		// and only those the predicate lets through
		final Subject only = s.mapImages(n -> n.equals("ct2"), v -> new IntensityClip(0, 100).apply(v));
		assertSame(s.volume("ct"), only.volume("ct"));
	}

	@Test
	void spatialStepsAreNotedThenResampledOnceForAllMembers() {
		final Subject s = twoImagesTwoLabels();
		final SpatialStep resample = SpatialStep.of(new ResampleToSpacing(new double[] { 1.3, 1.3, 2 }, false).plan(s.grid()),
			Sampling.of(Interpolation.CUBIC, BoundaryMode.NEAREST, 0), Interpolation.NEAREST);
		final Subject a = s.transform(resample);
		assertTrue(a.isPending());
		assertEquals(resample.plan().target(), a.grid());
		final SpatialStep rotate = SpatialStep.of(new Rotate(0, 0, 17).plan(a.grid()), Sampling.of(Interpolation.CUBIC, BoundaryMode.BOX, -1000),
			Interpolation.NEAREST);
		final Subject b = a.transform(rotate).materialize();
		assertFalse(b.isPending());
		for (final String name : b.names()) assertEquals(b.grid(), org.medprep.core.spatial.Grid.of(b.volume(name)), name);
		// label maps never get a value they did not have, whatever the images' interpolation
		assertTrue(values(PHANTOM.labels()).containsAll(values(b.volume("tissue"))), values(b.volume("tissue")).toString());
		assertEquals(values(b.volume("tissue")), values(b.volume("body")));
		assertSame(b, b.materialize(), "computed once");
		// the history is the subject's, untouched by the transform itself
		assertTrue(b.history().isEmpty());
	}

	@Test
	void aPredictionPlacedOnAnotherGridKeepsItsVoxels() {
		final Subject s = twoImagesTwoLabels();
		final Geometry g = Geometry.of(new double[] { 2, 2, 2 }, new double[] { 5, 6, 7 });
		final Subject placed = s.withGeometry(g);
		assertEquals(g, placed.grid().geometry());
		assertArrayEquals(TestVolumes.values(s.volume("tissue").data()), TestVolumes.values(placed.volume("tissue").data()), 0);
	}

	@Test
	void badUseGetsClearMessages() {
		final Subject s = twoImagesTwoLabels();
		assertEquals("the subject has no member 'seg'; it has [ct, ct2, tissue, body]",
			assertThrows(IllegalArgumentException.class, () -> s.volume("seg")).getMessage());
		assertEquals("the main member 'ct' cannot be removed", assertThrows(IllegalArgumentException.class, () -> s.without("ct")).getMessage());
		assertThrows(IllegalArgumentException.class, () -> Subject.of(" ", PHANTOM.image()));
		final SpatialStep elsewhere = SpatialStep.of(new Rotate(0, 0, 5).plan(org.medprep.core.spatial.Grid.of(new long[] { 3, 3, 3 }, Geometry.identity())),
			Sampling.linear(), Interpolation.NEAREST);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> s.transform(elsewhere)).getMessage().startsWith("the spatial step reads 3x3x3 voxels"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> SpatialStep.of(elsewhere.plan(), Sampling.linear(), Interpolation.LINEAR))
			.getMessage().contains("label maps need nearest or label interpolation"));
	}
}

package org.medprep.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.medprep.core.Subject;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.FloatVolumes;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;

import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

class RandomTransformsTest {

	private static final CtPhantom PHANTOM = new CtPhantom(32, 28, 14, new double[] { 1.1, 1.1, 2.5 }, 8, 3);
	private static final Sampling LINEAR = Sampling.of(Interpolation.LINEAR, BoundaryMode.CONSTANT, -1000);

	private static Subject subject() {
		final Volume<?> img = PHANTOM.image(); // geometry only
		final Volume<UnsignedByteType> lab = PHANTOM.labels();
		// shifted off the origin, so code assuming a zero min fails
		return Subject.of(Volume.of(Views.translate(PHANTOM.image().data(), 3, 4, -5), img.geometry()),
			Map.of("tissue", Volume.of(Views.translate(lab.data(), 3, 4, -5), lab.geometry())));
	}

	private static float[] values(final Volume<? extends RealType<?>> v) {
		return FloatVolumes.read(v.data());
	}

	private static final RandomSpatialTransform[] ALL = {
		new RandomFlip(0.5, 0.5, 0.5),
		new RandomRotate(new double[] { 10, 10, 30 }, RandomRotate.Mode.PER_AXIS),
		new RandomRotate(new double[] { 20, 20, 20 }, RandomRotate.Mode.ONE_PLANE),
		new RandomZoom(0.8, 1.2, false),
		new RandomShift(new double[] { 0.1, 0.1, 0.1 }),
		new RandomAffine(0.9, 1.1, true, new double[] { 10, 10, 10 }, new double[] { 3, 3, 3 }),
		new RandomCrop(new long[] { 16, 16, 8 }, "tissue", 1, 1),
		RandomElastic.dense(4, 3),
		RandomElastic.controlGrid(new int[] { 7, 7, 5 }, 4, 2) };

	@Test
	void sameSeedIsBitIdenticalWhateverTheThreadCount() {
		final Subject s = subject();
		for (final RandomSpatialTransform t : ALL) {
			final Supplier<Subject> run = () -> t.apply(s, 1234, LINEAR, Interpolation.LABEL);
			final Subject one = Parallelization.runWithNumThreads(1, run::get);
			final Subject four = Parallelization.runWithNumThreads(4, run::get);
			final Subject again = Parallelization.runWithNumThreads(3, run::get);
			final String name = t.getClass().getSimpleName();
			assertArrayEquals(values(one.image()), values(four.image()), name);
			assertArrayEquals(values(one.image()), values(again.image()), name);
			assertArrayEquals(values(one.labels().get("tissue")), values(four.labels().get("tissue")), name);
			assertEquals(t.draw(s, new SplittableRandom(1234)).toString(), t.draw(s, new SplittableRandom(1234)).toString());
		}
	}

	@Test
	void differentSeedsDrawDifferently() {
		final Subject s = subject();
		for (final RandomSpatialTransform t : ALL) {
			if (t instanceof RandomFlip) continue; // only 8 outcomes
			assertFalse(t.draw(s, new SplittableRandom(1)).toString().equals(t.draw(s, new SplittableRandom(2)).toString()), t.getClass().getSimpleName());
		}
	}

	@Test
	void labelMapsKeepTheirValueSetAndTheSameDrawAsTheImage() {
		final Subject s = subject();
		final TreeSet<Float> allowed = new TreeSet<>();
		for (final float v : values(s.labels().get("tissue"))) allowed.add(v);
		for (final RandomSpatialTransform t : ALL) {
			for (final Interpolation li : new Interpolation[] { Interpolation.NEAREST, Interpolation.LABEL }) {
				final Subject out = t.apply(s, 99, LINEAR, li);
				final Volume<? extends RealType<?>> lab = out.labels().get("tissue");
				assertTrue(lab.data().getType() instanceof UnsignedByteType, "label type kept");
				assertTrue(Grid(out.image()).sameSpace(Grid(lab), 0), "image and label share the output grid");
				for (final float v : values(lab)) assertTrue(allowed.contains(v), t.getClass().getSimpleName() + " " + li + " invented label " + v);
			}
		}
	}

	private static org.medprep.core.spatial.Grid Grid(final Volume<?> v) {
		return org.medprep.core.spatial.Grid.of(v);
	}

	@Test
	void labelModePreservesLabelVolumesUnderRotation() {
		final CtPhantom larger = new CtPhantom(80, 72, 6, new double[] { 1.0, 1.0, 2.5 }, 0, 3);
		final Subject s = Subject.of(larger.image(), Map.of("tissue", larger.labels()));
		final RandomRotate.Draw draw = new RandomRotate.Draw(new double[] { 0, 0, 17 });
		final Subject out = RandomSpatialTransform.apply(s, draw, LINEAR, Interpolation.LABEL);
		final int[] before = count(values(s.labels().get("tissue"))), after = count(values(out.labels().get("tissue")));
		// lungs and bone are away from the corners the rotation cuts off: their volume is kept within interpolation error
		for (final int l : new int[] { CtPhantom.LABEL_LUNG, CtPhantom.LABEL_BONE })
			assertEquals(before[l], after[l], 0.03 * before[l], "label " + l);
	}

	@Test
	void labelModeTiesGoToTheLowestLabelAndSmallStructuresSurviveHalfVoxelShifts() {
		// a one-voxel-thick slab of label 3 in a volume of label 1, shifted by half a voxel across it
		final net.imglib2.img.array.ArrayImg<UnsignedByteType, ?> img = net.imglib2.img.array.ArrayImgs.unsignedBytes(6, 6, 6);
		final net.imglib2.Cursor<UnsignedByteType> c = img.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			c.get().set(c.getIntPosition(0) == 2 ? 3 : 1);
		}
		final Volume<UnsignedByteType> lab = Volume.of(img, Geometry.identity());
		final Subject s = Subject.of(lab, Map.of("l", lab));
		final Subject out = RandomSpatialTransform.apply(s, new RandomShift.Draw(new double[] { 0.5, 0, 0 }), LINEAR, Interpolation.LABEL);
		final float[] v = values(out.labels().get("l"));
		// output x reads input x - 0.5: x=2 sees 1 and 3 equally (tie: 1), x=3 sees 3 and 1 equally (tie: 1)
		assertEquals(1, v[2], 0);
		assertEquals(1, v[3], 0);
		final Subject quarter = RandomSpatialTransform.apply(s, new RandomShift.Draw(new double[] { 0.25, 0, 0 }), LINEAR, Interpolation.LABEL);
		assertEquals(3, values(quarter.labels().get("l"))[2], 0, "the slab survives a quarter-voxel shift");
	}

	@Test
	void randomCropCentresOnForegroundWhenAskedTo() {
		final Subject s = subject();
		final RandomCrop crop = new RandomCrop(new long[] { 8, 8, 4 }, "tissue", 1, 0);
		for (long seed = 0; seed < 20; seed++) {
			final Subject out = crop.apply(s, seed, LINEAR, Interpolation.NEAREST);
			int fg = 0;
			for (final float v : values(out.labels().get("tissue"))) if (v > 0) fg++;
			assertTrue(fg > 0, "seed " + seed + ": a positive crop contains foreground");
			assertArrayEquals(new long[] { 8, 8, 4 }, out.image().dimensions());
		}
	}

	@Test
	void badInputHasClearMessages() {
		assertMessage("flip probability along y must be a probability in [0, 1], got 1.5", () -> new RandomFlip(0, 1.5, 0));
		assertMessage("must be a probability in [0, 1], got -0.1", () -> new RandomFlip(-0.1, 0, 0));
		assertMessage("elastic sigma must be > 0, got 0.0", () -> RandomElastic.dense(0, 1));
		assertMessage("elastic sigma must be > 0, got -2.0", () -> RandomElastic.dense(-2, 1));
		assertMessage("zoom range must satisfy 0 < min <= max", () -> new RandomZoom(0, 1.1, true));
		assertMessage("scale range must satisfy 0 < min <= max", () -> new RandomAffine(1.2, 1.1, true, new double[3], new double[3]));
		assertMessage("crop size 40x8x4 is larger than the image 32x28x14",
			() -> new RandomCrop(new long[] { 40, 8, 4 }).draw(subject(), new SplittableRandom(1)));
		assertMessage("the subject has no label map 'organs'",
			() -> new RandomCrop(new long[] { 4, 4, 4 }, "organs", 1, 1).draw(subject(), new SplittableRandom(1)));
		assertMessage("at least 4 control points", () -> RandomElastic.controlGrid(new int[] { 3, 7, 7 }, 5, 2));
		final Volume<UnsignedByteType> other = Volume.of(PHANTOM.labels().data(), Geometry.of(new double[] { 1, 1, 1 }, new double[3]));
		assertMessage("'x' is not in the subject's space", () -> Subject.of(PHANTOM.image(), Map.of("x", other)));
		assertMessage("label maps need nearest or label interpolation",
			() -> RandomSpatialTransform.apply(subject(), new RandomFlip.Draw(true, false, false), LINEAR, Interpolation.LINEAR));
	}

	private static int[] count(final float[] labels) {
		final int[] n = new int[8];
		for (final float v : labels) n[(int) v]++;
		return n;
	}

	static void assertMessage(final String expected, final Executable e) {
		final IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
		assertTrue(x.getMessage().contains(expected), "message '" + x.getMessage() + "' should contain '" + expected + "'");
	}

	@Test
	void nnUNetsSamplingScaleZoomsByItsInverse() {
		final SplittableRandom a = new SplittableRandom(4), b = new SplittableRandom(4);
		final String zoom = new RandomZoom(0.7, 1.4, true, true).draw(subject(), a).toString();
		final double s = 0.7 + 0.7 * b.nextDouble();
		assertEquals("Random Zoom factors=" + java.util.Arrays.toString(new double[] { 1 / s, 1 / s, 1 / s }), zoom);
	}
}

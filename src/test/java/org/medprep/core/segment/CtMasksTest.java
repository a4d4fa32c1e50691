package org.medprep.core.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.integer.ShortType;

/**
 * Body and lung masks and the distance transform behind the mm dilations: against the Python references of
 * src/test/resources/org/medprep/masks/make_fixtures.py (the DSB 2017 tutorial's segment_lung_mask, scipy's
 * distance_transform_edt), and Dice against the known tissues of the phantoms.
 */
class CtMasksTest {

	@Test
	void distanceTransformIsScipysEdt() {
		final int[] mask = MaskFixtures.mask("edt_mask");
		final float[] expected = MaskFixtures.floats("edt");
		final float[] d2 = DistanceTransform.squaredToMask(mask, MaskFixtures.SIZE, MaskFixtures.SPACING);
		double worst = 0;
		for (int i = 0; i < d2.length; i++) worst = Math.max(worst, Math.abs(Math.sqrt(d2[i]) - expected[i]));
		assertTrue(worst < 1e-5, "largest difference " + worst + " mm");
	}

	@Test
	void lungMaskIsTheTutorials() {
		final Volume<ShortType> ct = MaskFixtures.ct();
		assertArrayEquals(MaskFixtures.mask("lung_tutorial"), MaskFixtures.of(LungMask.tutorial().apply(ct)), "one component, as published");
		assertArrayEquals(MaskFixtures.mask("lung_two"), MaskFixtures.of(new LungMask(-320, true, 2, 0.1, 0).apply(ct)), "both lungs");
		assertArrayEquals(MaskFixtures.mask("lung_two_dilated"), MaskFixtures.of(new LungMask(-320, true, 2, 0.1, 3).apply(ct)), "dilated 3 mm");
		// the vessels inside the lungs are part of the mask, the bowel gas is not
		final double dice = MaskFixtures.dice(MaskFixtures.of(new LungMask(-320, true, 2, 0.1, 0).apply(ct)), MaskFixtures.mask("lungs_truth"));
		assertTrue(dice > 0.995, "Dice " + dice);
	}

	@Test
	void bodyMaskDropsTheTableAndKeepsTheLungs() {
		final int[] body = MaskFixtures.of(new BodyMask(-500, 3).apply(MaskFixtures.ct()));
		assertArrayEquals(MaskFixtures.mask("body"), body, "the scipy reimplementation");
		assertEquals(1.0, MaskFixtures.dice(body, MaskFixtures.mask("body_truth")), 0, "the table touches the body through a 2-voxel bridge");
		final double withoutOpening = MaskFixtures.dice(MaskFixtures.of(new BodyMask(-500, 0).apply(MaskFixtures.ct())), MaskFixtures.mask("body_truth"));
		assertTrue(withoutOpening < 0.97, "without the opening the table stays: Dice " + withoutOpening);
	}

	@Test
	void diceOnTheCtPhantom() {
		final CtPhantom phantom = new CtPhantom(96, 96, 40, new double[] { 1.2, 1.2, 2.5 }, 10, 7);
		final double[] labels = TestVolumes.values(phantom.labels().data());
		final int[] lungs = new int[labels.length], body = new int[labels.length];
		for (int i = 0; i < labels.length; i++) {
			lungs[i] = labels[i] == CtPhantom.LABEL_LUNG ? 1 : 0;
			body[i] = labels[i] != 0 ? 1 : 0;
		}
		final double lungDice = MaskFixtures.dice(MaskFixtures.of(new LungMask(-320, true, 2, 0.1, 0).apply(phantom.image())), lungs);
		final double bodyDice = MaskFixtures.dice(MaskFixtures.of(new BodyMask(-500, 3).apply(phantom.image())), body);
		assertTrue(lungDice > 0.999, "lung Dice " + lungDice);
		assertTrue(bodyDice > 0.999, "body Dice " + bodyDice);
	}

	@Test
	void badInputIsNamed() {
		final Volume<ShortType> water = TestVolumes.shorts(new long[] { 8, 8, 2 }, new double[128]);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> LungMask.tutorial().apply(water)).getMessage().startsWith("no air inside the patient"));
		final Volume<ShortType> air = TestVolumes.shorts(new long[] { 8, 8, 2 }, filled(128, -1000));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new BodyMask(-500, 0).apply(air)).getMessage().startsWith("no voxel above -500.0 HU"));
		assertThrows(IllegalArgumentException.class, () -> new LungMask(-320, true, 3, 0.1, 0));
		assertThrows(IllegalArgumentException.class, () -> new BodyMask(-500, -1));
	}

	private static double[] filled(final int n, final double v) {
		final double[] d = new double[n];
		java.util.Arrays.fill(d, v);
		return d;
	}
}

package org.medprep.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;
import org.medprep.core.phantom.HeadPhantom;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.integer.ShortType;

/** The MR brain mask on the head phantom (brain = CSF, grey and white matter; skull, scalp and neck are not brain). */
class BrainMaskTest {

	private static int[] brainTruth(final HeadPhantom head) {
		final double[] labels = TestVolumes.values(head.labels().data());
		final int[] truth = new int[labels.length];
		for (int i = 0; i < labels.length; i++) truth[i] = labels[i] >= 1 && labels[i] <= 3 ? 1 : 0;
		return truth;
	}

	@Test
	void diceAgainstThePhantomsBrain() {
		final HeadPhantom noNeck = new HeadPhantom(80, 96, 80, new double[] { 2, 2, 2 }, 6, 6, 20, false, 42);
		final double dice = MaskFixtures.dice(MaskFixtures.of(BrainMask.defaults().apply(noNeck.image())), brainTruth(noNeck));
		assertTrue(dice > 0.995, "Dice without a neck " + dice);
		final HeadPhantom withNeck = new HeadPhantom(80, 96, 80, new double[] { 2, 2, 2 }, 6, 6, 20, true, 42);
		final double neckDice = MaskFixtures.dice(MaskFixtures.of(BrainMask.defaults().apply(withNeck.image())), brainTruth(withNeck));
		assertTrue(neckDice > 0.98, "Dice with a neck " + neckDice);
		// without the erosion, the noise bridges across the skull join brain and scalp
		final double noErosion = MaskFixtures.dice(MaskFixtures.of(new BrainMask(0.1, 0).apply(noNeck.image())), brainTruth(noNeck));
		assertTrue(noErosion < dice, "no erosion " + noErosion + " vs " + dice);
		assertEquals(-1, Math.signum(noErosion - dice), "Dice " + dice + " / with neck " + neckDice + " / no erosion " + noErosion);
	}

	@Test
	void badInputIsNamed() {
		final Volume<ShortType> flat = TestVolumes.shorts(new long[] { 8, 8, 8 }, new double[512]);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> BrainMask.defaults().apply(flat)).getMessage().startsWith("nothing above the brain threshold"));
		assertThrows(IllegalArgumentException.class, () -> new BrainMask(1.5, 4));
		assertThrows(IllegalArgumentException.class, () -> new HeadPhantom(40, 40, 40, new double[] { 1, 1, 1 }, 10, 10, 0, false, 1));
	}
}

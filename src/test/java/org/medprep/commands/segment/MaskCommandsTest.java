package org.medprep.commands.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.core.phantom.HeadPhantom;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.testutil.TestVolumes;

/** Body, Lung and Brain Mask through a real SciJava context: 0/1 masks on the phantoms' known tissues. */
class MaskCommandsTest extends HeadlessCommandTest {

	private static final CtPhantom CT = new CtPhantom(64, 64, 16, new double[] { 1.2, 1.2, 2.5 }, 10, 5);

	private static ImagePlus run(final Class<?> command, final String options, final ImagePlus imp) {
		return (ImagePlus) invocation.run(commands.getCommand(command.getName()), options, imp).outputs().get("result");
	}

	/** Voxels where the mask and the phantom's labels in {@code from..to} disagree. */
	private static long disagreements(final ImagePlus mask, final double[] labels, final int from, final int to) {
		final double[] m = TestVolumes.values(ImagePlusVolumes.toVolume(mask).data());
		long n = 0;
		for (int i = 0; i < m.length; i++) {
			assertTrue(m[i] == 0 || m[i] == 1, "mask value " + m[i]);
			if ((m[i] == 1) != (labels[i] >= from && labels[i] <= to)) n++;
		}
		return n;
	}

	@Test
	void ctMasksFollowThePhantomsTissues() {
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(CT.image(), "ct", null);
		final double[] labels = TestVolumes.values(CT.labels().data());
		final ImagePlus lungs = run(LungMaskCommand.class, "threshold=-320 components=2", ct);
		assertEquals(ImagePlus.GRAY8, lungs.getType());
		assertEquals("ct-lungs", lungs.getTitle());
		assertTrue(HistoryStore.of(lungs).lines().get(0).startsWith("run(\"Lung Mask\", "), HistoryStore.of(lungs).toString());
		assertTrue(disagreements(lungs, labels, CtPhantom.LABEL_LUNG, CtPhantom.LABEL_LUNG) < 0.001 * labels.length);
		final ImagePlus body = run(BodyMaskCommand.class, "", ct);
		assertTrue(disagreements(body, labels, 1, 4) < 0.001 * labels.length);
	}

	@Test
	void brainMaskOnTheHeadPhantom() {
		final HeadPhantom head = new HeadPhantom(48, 56, 48, new double[] { 3, 3, 3 }, 6, 6, 20, false, 3);
		final ImagePlus brain = run(BrainMaskCommand.class, "erosion=4", ImagePlusVolumes.toImagePlus(head.image(), "t1", null));
		final double[] labels = TestVolumes.values(head.labels().data());
		assertTrue(disagreements(brain, labels, 1, 3) < 0.01 * labels.length);
	}

	@Test
	void applyMaskKeepsTheInsideAndSetsTheOutside() {
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(CT.image(), "ct", null);
		final double[] hu = TestVolumes.values(CT.image().data()), labels = TestVolumes.values(CT.labels().data());
		final double[] lungsOnly = TestVolumes.values(ImagePlusVolumes.toVolume(run(ApplyMaskCommand.class, "mask=[CT lungs] outside=-3000", ct)).data());
		long wrong = 0;
		for (int i = 0; i < hu.length; i++) {
			assertTrue(lungsOnly[i] == -3000 || lungsOnly[i] == hu[i], "a voxel keeps its HU or becomes the outside value");
			if ((lungsOnly[i] != -3000) != (labels[i] == CtPhantom.LABEL_LUNG)) wrong++;
		}
		assertTrue(wrong < 0.001 * hu.length, wrong + " voxels");
		final org.medprep.commands.imagej.ImageTitleService titles = context.service(org.medprep.commands.imagej.ImageTitleService.class);
		titles.register("tiny", ImagePlusVolumes.toImagePlus(TestVolumes.shorts(new long[] { 2, 2, 2 }, new double[8]), "tiny", null));
		final CommandFailedException e = assertThrows(CommandFailedException.class, () -> run(ApplyMaskCommand.class, "mask=tiny", ct));
		assertTrue(e.getMessage().startsWith("Apply Mask: label map 'tiny' is not in the image's space"), e.getMessage());
		titles.clear();
	}

	@Test
	void badInputGetsOneClearLine() {
		final ImagePlus water = ImagePlusVolumes.toImagePlus(TestVolumes.shorts(new long[] { 8, 8, 2 }, new double[128]), "water", null);
		final CommandFailedException e = assertThrows(CommandFailedException.class, () -> run(LungMaskCommand.class, "", water));
		assertEquals("Lung Mask: no air inside the patient at or below -320.0 HU: is this a chest CT in HU?", e.getMessage());
		assertThrows(CommandFailedException.class, () -> run(BodyMaskCommand.class, "opening=-1", water));
	}
}

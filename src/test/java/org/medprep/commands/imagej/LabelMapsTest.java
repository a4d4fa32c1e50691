package org.medprep.commands.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandCatalog;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.testutil.HeadlessCommandTest;

/** A transformed label map comes out as a label map: its own colours, display range 0..255, values kept. */
class LabelMapsTest extends HeadlessCommandTest {

	@Test
	void labelResultsShowEveryLabelInItsOwnColour() {
		final CtPhantom phantom = new CtPhantom(32, 28, 6, new double[] { 1, 1, 2 }, 0, 4);
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(phantom.image(), "ct", null);
		final ImagePlus seg = ImagePlusVolumes.toImagePlus(phantom.labels(), "seg", null);
		context.service(ImageTitleService.class).register("seg", seg);
		final ImagePlus out = (ImagePlus) invocation.run(new CommandCatalog(commands).byLabel("Flip"), "label=seg", ct).outputs().get("label_result");
		assertTrue(LabelMaps.isLabelMap(out));
		assertFalse(LabelMaps.isLabelMap(ct));
		assertEquals(0, out.getDisplayRangeMin(), 0);
		assertEquals(255, out.getDisplayRangeMax(), 0);
		// 0 is black; labels 1..6 get six different, non-black colours
		assertEquals(0, out.getLuts()[0].getRGB(0) & 0xffffff);
		final Set<Integer> colours = new HashSet<>();
		for (int v = 1; v <= 6; v++) {
			final int rgb = out.getLuts()[0].getRGB(v) & 0xffffff;
			assertNotEquals(0, rgb);
			colours.add(rgb);
		}
		assertEquals(6, colours.size());
	}

	/** A random step that is not applied (p=0) still gives label maps of their own, shown as label maps. */
	@Test
	void anUnappliedStepKeepsTheLabelColours() {
		final CtPhantom phantom = new CtPhantom(32, 28, 6, new double[] { 1, 1, 2 }, 0, 4);
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(phantom.image(), "ct", null);
		final ImagePlus seg = ImagePlusVolumes.toImagePlus(phantom.labels(), "seg", null);
		context.service(ImageTitleService.class).register("seg", seg);
		final ImagePlus out = (ImagePlus) invocation.run(new CommandCatalog(commands).byLabel("Random Flip"), "label=seg p=0 seed=1", ct).outputs()
			.get("label_result");
		assertTrue(out.getStack().getPixels(1) != seg.getStack().getPixels(1), "the label result shares the input's pixels");
		assertTrue(LabelMaps.isLabelMap(out));
		assertEquals(255, out.getDisplayRangeMax(), 0);
		assertNotEquals(0, out.getLuts()[0].getRGB(1) & 0xffffff, "label 1 is black: the label colours were lost");
	}

	/** Every command whose result is a label map (a mask, clusters, new labels) shows it as one; an intensity result stays gray. */
	@Test
	void labelMapResultsOfEveryKindAreMarked() {
		final CtPhantom phantom = new CtPhantom(32, 28, 6, new double[] { 1, 1, 2 }, 0, 4);
		final CommandCatalog catalog = new CommandCatalog(commands);
		for (final String label : new String[] { "Body Mask", "Lung Mask", "Foreground Mask", "K-Means Cluster", "Keep Largest Component", "Sequential Labels" }) {
			final boolean onLabels = label.equals("Keep Largest Component") || label.equals("Sequential Labels");
			final ImagePlus in = ImagePlusVolumes.toImagePlus(onLabels ? phantom.labels() : phantom.image(), "in", null);
			final ImagePlus out = (ImagePlus) invocation.run(catalog.byLabel(label), "", in).outputs().get("result");
			assertTrue(LabelMaps.isLabelMap(out), label + "'s result is not shown as a label map");
			assertEquals(255, out.getDisplayRangeMax(), 0, label);
		}
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(phantom.image(), "ct", null);
		assertFalse(LabelMaps.isLabelMap((ImagePlus) invocation.run(catalog.byLabel("HU Window"), "", ct).outputs().get("result")));
	}
}

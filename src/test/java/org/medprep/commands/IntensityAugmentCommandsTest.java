package org.medprep.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medprep.commands.augment.AugmentCommand;
import org.medprep.commands.augment.RandomGammaCommand;
import org.medprep.commands.augment.RandomNoiseCommand;
import org.medprep.core.phantom.BrainPhantom;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.testutil.TestVolumes;

/** The random intensity commands headless: seeds and p recorded and replayed, what was drawn beside the history line. */
class IntensityAugmentCommandsTest extends HeadlessCommandTest {

	private static ImagePlus mr() {
		return ImagePlusVolumes.toImagePlus(BrainPhantom.standard().withSize(24, 20, 10).image(), "t1", null);
	}

	private static CommandInvocation.Result run(final Class<?> command, final String options, final ImagePlus imp) {
		return invocation.run(commands.getCommand(command.getName()), options, imp);
	}

	private static double[] values(final Object imp) {
		return TestVolumes.values(ImagePlusVolumes.toVolume((ImagePlus) imp).data());
	}

	private static String replayOptions(final CommandInvocation.Result r) {
		final String recorded = r.recorded().toString();
		return recorded.substring(recorded.indexOf(", \"") + 3, recorded.lastIndexOf("\")"));
	}

	@Test
	void theDrawIsRecordedBesideTheLineAndTheLineReplaysIt() {
		final CommandInvocation.Result r = run(RandomGammaCommand.class,
			"gamma_min=0.7 gamma_max=1.5 sampling=[halves around 1 (nnU-Net)] formula=[range (nnU-Net)] invert=true retain_stats=true", mr());
		final ImagePlus out = (ImagePlus) r.outputs().get("result");
		final List<String> history = History.of(out);
		final String line = history.get(history.size() - 1);
		assertTrue(line.startsWith("run(\"Random Gamma\", ") && line.contains("seed=") && line.contains("\"); // gamma="), line);
		assertTrue(out.getProp(AugmentCommand.DRAW_PROPERTY).startsWith("gamma="), out.getProp(AugmentCommand.DRAW_PROPERTY));
		// the history line, comment and all, is a pipeline step that replays the same voxels
		final MacroLine step = MacroLine.parse(line);
		assertEquals("Random Gamma", step.label());
		assertArrayEquals(values(out), values(run(RandomGammaCommand.class, step.options(), mr()).outputs().get("result")), 0);
		assertArrayEquals(values(out), values(run(RandomGammaCommand.class, replayOptions(r), mr()).outputs().get("result")), 0);
	}

	@Test
	void notAppliedIsDrawnRecordedAndReplayed() {
		int notApplied = 0, applied = 0;
		final ImagePlus in = mr();
		for (int s = 0; s < 12; s++) {
			final CommandInvocation.Result r = run(RandomNoiseCommand.class, "sigma_max=30 p=0.5 seed=" + s, in);
			final ImagePlus out = (ImagePlus) r.outputs().get("result");
			final String drawn = out.getProp(AugmentCommand.DRAW_PROPERTY);
			assertTrue(drawn.startsWith("p=0.5 drew "), drawn);
			if (drawn.contains("not applied")) {
				notApplied++;
				assertArrayEquals(values(in), values(out), 0, "not applied: a copy of the input");
				assertTrue(out != in && out.getStack().getPixels(1) != in.getStack().getPixels(1), "a new image");
			} else {
				applied++;
				assertFalse(java.util.Arrays.equals(values(in), values(out)));
			}
			assertArrayEquals(values(out), values(run(RandomNoiseCommand.class, replayOptions(r), in).outputs().get("result")), 0);
		}
		assertTrue(notApplied > 0 && applied > 0, notApplied + " not applied, " + applied + " applied");
	}

	@Test
	void badInputGetsAClearMessage() {
		final CommandFailedException p = assertThrows(CommandFailedException.class, () -> run(RandomNoiseCommand.class, "p=1.5 seed=1", mr()));
		assertEquals("Random Noise: p must be a probability in [0, 1], got 1.5", p.getMessage());
		final IllegalArgumentException g = assertThrows(IllegalArgumentException.class, () -> run(RandomGammaCommand.class, "formula=cubic seed=1", mr()));
		assertTrue(g.getMessage().contains("option 'formula'"), g.getMessage());
		final CommandFailedException s = assertThrows(CommandFailedException.class, () -> run(RandomNoiseCommand.class, "sigma_min=2 sigma_max=1", mr()));
		assertTrue(s.getMessage().contains("sigma_min <= sigma_max"), s.getMessage());
	}

	@Test
	void thePreviewRunsAWholePipelineFileNineTimesOnImageAndLabel() {
		final BrainPhantom phantom = BrainPhantom.standard().withSize(24, 20, 10);
		final ImagePlus t1 = ImagePlusVolumes.toImagePlus(phantom.image(), "t1", null);
		final ImagePlus seg = ImagePlusVolumes.toImagePlus(phantom.labels(), "seg", null);
		final ImageTitleService titles = context.service(ImageTitleService.class);
		titles.register("seg", seg);
		try {
			final CommandInvocation.Result r = run(org.medprep.commands.augment.AugmentationPreviewCommand.class,
				"count=9 seed=3 label=seg pipeline=[" + java.nio.file.Path.of("macros", "nnunet_v2_default_augmentation.ijm").toAbsolutePath() + "]", t1);
			final ImagePlus preview = (ImagePlus) r.outputs().get("result");
			assertEquals(ImagePlus.COLOR_RGB, preview.getType());
			assertEquals(3 * 24, preview.getWidth());
			assertEquals(3 * 20, preview.getHeight());
			final String[] draws = preview.getProp(AugmentCommand.DRAW_PROPERTY).split("\n");
			assertEquals(9, draws.length);
			assertEquals(9, java.util.Arrays.stream(draws).distinct().count(), "nine different draws");
			for (final String d : draws) assertTrue(d.contains("run(\"Random Flip\"") && d.contains("run(\"Random Gamma\""), d);
			assertTrue(titles.find("seg") == seg, "the label image is put back under its title");
			assertArrayEquals(values(ImagePlusVolumes.toImagePlus(phantom.image(), "t1", null)), values(t1), 0, "the case is untouched");
			assertEquals(0, History.of(t1).size());
			// same seed, same preview
			final ImagePlus again = (ImagePlus) run(org.medprep.commands.augment.AugmentationPreviewCommand.class,
				"count=9 seed=3 label=seg pipeline=[" + java.nio.file.Path.of("macros", "nnunet_v2_default_augmentation.ijm").toAbsolutePath() + "]", t1)
				.outputs().get("result");
			assertArrayEquals((int[]) preview.getProcessor().getPixels(), (int[]) again.getProcessor().getPixels());
		}
		finally {
			titles.clear();
		}
	}
}

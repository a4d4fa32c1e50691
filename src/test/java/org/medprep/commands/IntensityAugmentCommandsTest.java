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
}

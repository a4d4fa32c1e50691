package org.medprep.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.engine.Composition;
import org.medprep.commands.engine.MacroLine;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.ImageTitleService;
import org.medprep.commands.imagej.MacroOptions;
import org.medprep.core.History;
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
		final History history = HistoryStore.of(out);
		final History.Step last = history.steps().get(history.size() - 1);
		final String line = last.line();
		// the draw is the step's record, written as its // drawn: line right below it
		assertTrue(line.startsWith("run(\"Random Gamma\", ") && line.contains("seed=") && history.toText().contains(line + "\n// drawn: gamma="), history.toText());
		assertEquals(List.of("gamma", "formula", "invert", "retain_stats"), List.copyOf(last.drawn().keySet()));
		// the history line is a pipeline step that replays the same voxels
		final MacroLine step = MacroLine.parse(line);
		assertEquals("Random Gamma", step.label());
		assertArrayEquals(values(out), values(run(RandomGammaCommand.class, step.options(), mr()).outputs().get("result")), 0);
		// the Recorder's line keeps the seed as given (empty: a recorded macro draws anew each run), as every random command does
		assertFalse(replayOptions(r).matches(".*seed=\\d.*"), replayOptions(r));
		final String withSeed = Composition.withOption(new MacroLine("Random Gamma", replayOptions(r)), "seed", MacroOptions.get(step.options(), "seed")).options();
		assertArrayEquals(values(out), values(run(RandomGammaCommand.class, withSeed, mr()).outputs().get("result")), 0);
	}

	@Test
	void notAppliedIsDrawnRecordedAndReplayed() {
		int notApplied = 0, applied = 0;
		final ImagePlus in = mr();
		for (int s = 0; s < 12; s++) {
			final CommandInvocation.Result r = run(RandomNoiseCommand.class, "sigma_max=30 p=0.5 seed=" + s, in);
			final ImagePlus out = (ImagePlus) r.outputs().get("result");
			final java.util.Map<String, String> drawn = HistoryStore.of(out).steps().get(0).drawn();
			assertTrue(drawn.containsKey("p_draw"), drawn.toString());
			if ("false".equals(drawn.get("applied"))) {
				assertEquals(List.of("p_draw", "applied"), List.copyOf(drawn.keySet()), "not applied: nothing else drawn");
				notApplied++;
				assertArrayEquals(values(in), values(out), 0, "not applied: a copy of the input");
				assertTrue(out != in && out.getStack().getPixels(1) != in.getStack().getPixels(1), "a new image");
			} else {
				applied++;
				assertTrue(drawn.containsKey("sigma") && drawn.containsKey("noise_seed"), drawn.toString());
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
			final ImagePlus preview = (ImagePlus) r.outputs().get("preview");
			assertEquals(ImagePlus.COLOR_RGB, preview.getType());
			assertEquals(3 * 24, preview.getWidth());
			assertEquals(3 * 20, preview.getHeight());
			final String[] draws = preview.getInfoProperty().split("\n");
			assertEquals(9, draws.length);
			assertEquals(9, java.util.Arrays.stream(draws).distinct().count(), "nine different draws");
			for (final String d : draws) assertTrue(d.contains("run(\"Random Flip\"") && d.contains("run(\"Random Gamma\""), d);
			assertTrue(titles.find("seg") == seg, "the label image is put back under its title");
			assertArrayEquals(values(ImagePlusVolumes.toImagePlus(phantom.image(), "t1", null)), values(t1), 0, "the case is untouched");
			assertEquals(0, HistoryStore.of(t1).size());
			// same seed, same preview
			final ImagePlus again = (ImagePlus) run(org.medprep.commands.augment.AugmentationPreviewCommand.class,
				"count=9 seed=3 label=seg pipeline=[" + java.nio.file.Path.of("macros", "nnunet_v2_default_augmentation.ijm").toAbsolutePath() + "]", t1)
				.outputs().get("preview");
			assertArrayEquals((int[]) preview.getProcessor().getPixels(), (int[]) again.getProcessor().getPixels());
		}
		finally {
			titles.clear();
		}
	}

	@Test
	void eachScalarImageOfACaseGetsItsOwnDrawFromTheOneSeedAndLabelMapsAreLeftAlone() {
		final BrainPhantom phantom = BrainPhantom.standard().withSize(24, 20, 10);
		final org.medprep.core.Subject in = org.medprep.core.Subject.of("t1", phantom.image())
			.withImage("flair", phantom.withSeed(9).image()).withLabel("seg", phantom.labels());
		final org.scijava.command.CommandInfo noise = commands.getCommand(RandomNoiseCommand.class.getName());
		final org.medprep.core.Subject out = invocation.apply(noise, "sigma_max=30 seed=4", in).subject();
		final java.util.Map<String, String> drawn = out.history().steps().get(0).drawn();
		// the main image's draw plain, the other image's under its name, from one generator: two different noise fields
		assertEquals(List.of("distribution", "mean", "sigma", "noise_seed", "flair.distribution", "flair.mean", "flair.sigma", "flair.noise_seed"),
			List.copyOf(drawn.keySet()));
		assertFalse(drawn.get("noise_seed").equals(drawn.get("flair.noise_seed")), drawn.toString());
		assertTrue(out.volume("seg") == in.volume("seg"), "the label map is not touched");
		final org.medprep.core.Subject again = invocation.apply(noise, "sigma_max=30 seed=4", in).subject();
		for (final String member : List.of("t1", "flair"))
			assertArrayEquals(TestVolumes.values(out.volume(member).data()), TestVolumes.values(again.volume(member).data()), 0, member);
		assertEquals(out.history(), again.history());
	}

	@Test
	void aStepNotAppliedLeavesTheCaseAsItWasAndKeepsPendingSpatialStepsFused() {
		final org.medprep.core.Subject in = org.medprep.core.Subject.of("t1", BrainPhantom.standard().withSize(24, 20, 10).image());
		final org.medprep.core.Subject rotated = invocation.apply(commands.getCommand(org.medprep.commands.augment.RandomRotate3DCommand.class.getName()),
			"seed=3", in).subject();
		assertTrue(rotated.isPending());
		final org.medprep.core.Subject out = invocation.apply(commands.getCommand(RandomGammaCommand.class.getName()), "p=0 seed=3", rotated).subject();
		assertTrue(out.isPending(), "not resampled: still fused with the spatial steps that follow");
		final History.Step step = out.history().steps().get(out.history().size() - 1);
		assertEquals(java.util.Map.of("p_draw", step.drawn().get("p_draw"), "applied", "false"), step.drawn());
	}
}

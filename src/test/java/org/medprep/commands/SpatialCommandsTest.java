package org.medprep.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.ImageTitleService;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.commands.augment.RandomAffineCommand;
import org.medprep.commands.augment.RandomElasticCommand;
import org.medprep.commands.augment.RandomFlipCommand;
import org.medprep.commands.geometry.CropOrPadCommand;
import org.medprep.commands.geometry.CropRangeCommand;
import org.medprep.commands.geometry.FlipCommand;
import org.medprep.commands.geometry.InvertSpatialHistoryCommand;
import org.medprep.commands.geometry.ResampleToSpacingCommand;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.testutil.TestVolumes;

/** The spatial commands headless through a real SciJava context: seeds recorded and replayed, labels by title. */
class SpatialCommandsTest extends HeadlessCommandTest {

	private static final CtPhantom PHANTOM = new CtPhantom(24, 22, 8, new double[] { 1.2, 1.2, 3 }, 5, 11);

	@AfterEach
	void forgetTitles() {
		context.service(ImageTitleService.class).clear();
	}

	private static ImagePlus ct() {
		return ImagePlusVolumes.toImagePlus(PHANTOM.image(), "ct", null);
	}

	private static ImagePlus seg() {
		final ImagePlus seg = ImagePlusVolumes.toImagePlus(PHANTOM.labels(), "seg", null);
		context.service(ImageTitleService.class).register("seg", seg);
		return seg;
	}

	private static CommandInvocation.Result run(final Class<?> command, final String options, final ImagePlus imp) {
		return invocation.run(commands.getCommand(command.getName()), options, imp);
	}

	private static double[] values(final Object imp) {
		return TestVolumes.values(ImagePlusVolumes.toVolume((ImagePlus) imp).data());
	}

	@Test
	void randomAffineWithSeedAndLabelReplaysFromItsHistory() {
		seg();
		final String options = "scale_min=0.9 scale_max=1.1 degrees_z=20 translation_x=3 seed=42 label=seg label_method=[label (one-hot linear)] fill=-1000";
		final CommandInvocation.Result r = run(RandomAffineCommand.class, options, ct());
		final ImagePlus out = (ImagePlus) r.outputs().get("result");
		final ImagePlus lab = (ImagePlus) r.outputs().get("label_result");
		assertNotNull(lab, "the label image gets the same draw");
		assertEquals("seg-raffine", lab.getTitle());
		final Set<Double> allowed = new TreeSet<>(List.of(0.0, 1.0, 2.0, 3.0, 4.0));
		for (final double v : values(lab)) assertTrue(allowed.contains(v), "invented label " + v);
		final org.medprep.core.History.Step step = HistoryStore.of(out).steps().get(0);
		assertTrue(step.line().startsWith("run(\"Random Affine\", ") && step.line().contains("seed=42") && step.line().contains("label=seg"), step.line());
		assertEquals(List.of("scales", "degrees", "translation_mm"), List.copyOf(step.drawn().keySet()));
		assertNotNull(step.plan(), "the drawn affine's plan is recorded");
		assertEquals(HistoryStore.of(out), HistoryStore.of(lab), "image and label map share one history");
		// replaying the recorded options gives the same voxels
		final String recorded = r.recorded().toString();
		final String replayOptions = recorded.substring(recorded.indexOf(", \"") + 3, recorded.lastIndexOf("\")"));
		assertArrayEquals(values(out), values(run(RandomAffineCommand.class, replayOptions, ct()).outputs().get("result")), 0);
	}

	@Test
	void anEmptySeedIsDrawnAndRecorded() {
		final CommandInvocation.Result r = run(RandomElasticCommand.class, "mode=dense sigma=3 alpha=2", ct());
		final String line = HistoryStore.of((ImagePlus) r.outputs().get("result")).lines().get(0);
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile("seed=(\\d+)").matcher(line);
		assertTrue(m.find(), "a seed is recorded: " + line);
		final Object again = run(RandomElasticCommand.class, "mode=dense sigma=3 alpha=2 seed=" + m.group(1), ct()).outputs().get("result");
		assertArrayEquals(values(r.outputs().get("result")), values(again), 0);
	}

	@Test
	void resampleToSpacingSetsTheCalibration() {
		final ImagePlus out = (ImagePlus) run(ResampleToSpacingCommand.class, "spacing_x=2 spacing_y=2 spacing_z=2 interpolation=linear", ct()).outputs().get("result");
		assertEquals(2, out.getCalibration().pixelWidth, 1e-12);
		assertEquals(2, out.getCalibration().pixelDepth, 1e-12);
		assertEquals(12, out.getStackSize()); // 8 slices of 3 mm = 24 mm
		assertEquals(14, out.getWidth()); // 24 x 1.2 mm = 28.8 mm -> 14 voxels
	}

	@Test
	void cropRangeKeepsTheMiddleSlices() {
		final ImagePlus out = (ImagePlus) run(CropRangeCommand.class, "axis=z from=25 to=75", ct()).outputs().get("result");
		assertEquals(4, out.getStackSize());
	}

	@Test
	void deterministicStepsCarryTheLabelMapWithTheImagesGrid() {
		seg();
		final CommandInvocation.Result r = run(ResampleToSpacingCommand.class, "spacing_x=1 spacing_y=1 spacing_z=1 interpolation=[cubic B-spline] label=seg", ct());
		final ImagePlus image = (ImagePlus) r.outputs().get("result"), labels = (ImagePlus) r.outputs().get("label_result");
		assertEquals(image.getWidth(), labels.getWidth());
		assertEquals(image.getStackSize(), labels.getStackSize());
		assertTrue(ImagePlusVolumes.toVolume(image).geometry().sameSpace(ImagePlusVolumes.toVolume(labels).geometry(), 1e-9));
		// nearest neighbour: only the phantom's labels 0..4, never a value between them
		for (final double v : values(labels)) assertTrue(v == Math.rint(v) && v >= 0 && v <= 4, "label value " + v);
		assertEquals(HistoryStore.of(image).spatialChain().toText(), HistoryStore.of(labels).spatialChain().toText());
	}

	@Test
	void geometryStepsAreRecordedAndInverted() {
		final ImagePlus seg = seg();
		final ImagePlus a = (ImagePlus) run(ResampleToSpacingCommand.class, "spacing_x=1 spacing_y=1 spacing_z=1 interpolation=nearest", seg).outputs().get("result");
		final ImagePlus b = (ImagePlus) run(CropOrPadCommand.class, "size_x=24 size_y=24 size_z=20 pad_value=0", a).outputs().get("result");
		final ImagePlus c = (ImagePlus) run(FlipCommand.class, "flip_x=true flip_y=false flip_z=false", b).outputs().get("result");
		assertEquals(3, HistoryStore.of(c).spatialChain().plans().size());
		context.service(ImageTitleService.class).register("pre", c);
		// a prediction on the preprocessed grid, without calibration or history
		final ImagePlus prediction = new ImagePlus("prediction", c.getStack().duplicate());
		final ImagePlus back = (ImagePlus) run(InvertSpatialHistoryCommand.class, "reference=pre interpolation=nearest", prediction).outputs().get("result");
		assertEquals(seg.getWidth(), back.getWidth());
		assertEquals(seg.getStackSize(), back.getStackSize());
		assertEquals(1.2, back.getCalibration().pixelWidth, 1e-9);
		final double[] original = values(seg), restored = values(back);
		int same = 0;
		for (int i = 0; i < original.length; i++) if (original[i] == restored[i]) same++;
		assertTrue(same > 0.9 * original.length, same + " of " + original.length);
		final CommandFailedException e = assertThrows(CommandFailedException.class, () -> run(InvertSpatialHistoryCommand.class, "", ct()));
		assertTrue(e.getMessage().contains("has no spatial history"), e.getMessage());
	}

	/** Fiji, two sessions: the preprocessed image saved as NIfTI, opened again later, undoes its steps on a prediction. */
	@Test
	void invertingWorksFromAFileWrittenInAnEarlierSession(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir) {
		final ImagePlus seg = seg();
		final ImagePlus a = (ImagePlus) run(ResampleToSpacingCommand.class, "spacing_x=0.6 spacing_y=0.6 spacing_z=1 interpolation=nearest", seg).outputs().get("result");
		final ImagePlus b = (ImagePlus) run(CropOrPadCommand.class, "size_x=40 size_y=40 size_z=30", a).outputs().get("result");
		final java.nio.file.Path file = dir.resolve("pre.nii.gz");
		run(org.medprep.commands.io.ExportVolumeCommand.class, "file=" + file, b);
		// the next session: nothing in memory but the file and a prediction without calibration or history
		final ImagePlus pre = (ImagePlus) run(org.medprep.commands.io.ImportVolumeCommand.class, "file=" + file, null).outputs().get("result");
		assertEquals(2, HistoryStore.of(pre).spatialChain().plans().size());
		context.service(ImageTitleService.class).register("pre.nii.gz", pre);
		final ImagePlus prediction = new ImagePlus("prediction", b.getStack().duplicate());
		final ImagePlus back = (ImagePlus) run(InvertSpatialHistoryCommand.class, "reference=pre.nii.gz interpolation=nearest", prediction).outputs()
			.get("result");
		final double[] original = values(seg), restored = values(back);
		assertEquals(original.length, restored.length);
		// upsampled with nearest, then x and y cropped (48 and 44 voxels to 40): what the crop kept comes back exactly
		int same = 0;
		for (int i = 0; i < original.length; i++) if (original[i] == restored[i]) same++;
		assertTrue(same > 0.8 * original.length, same + " of " + original.length);
		final java.util.List<String> lines = HistoryStore.of(back).lines();
		assertTrue(lines.get(lines.size() - 1).startsWith("run(\"Invert Spatial History\", \"reference=pre.nii.gz"), lines.toString());
	}

	/** A random affine is an affine: its drawn plan is in the history, so a prediction on the augmented image can be brought back (test-time augmentation). */
	@Test
	void aRandomAffineIsInvertedFromItsRecordedPlan() {
		final ImagePlus seg = seg();
		final ImagePlus aug = (ImagePlus) run(RandomAffineCommand.class, "scale_min=1 scale_max=1 degrees_x=0 degrees_y=0 degrees_z=90 interpolation=nearest seed=5", seg)
			.outputs().get("result");
		final double[] original = values(seg), augmented = values(aug);
		int moved = 0;
		for (int i = 0; i < original.length; i++) if (original[i] != augmented[i]) moved++;
		assertTrue(moved > original.length / 10, "the draw moved the labels");
		final ImagePlus back = (ImagePlus) run(InvertSpatialHistoryCommand.class, "interpolation=nearest", aug).outputs().get("result");
		final double[] restored = values(back);
		int same = 0;
		for (int i = 0; i < original.length; i++) if (original[i] == restored[i]) same++;
		assertTrue(same > 0.9 * original.length, same + " of " + original.length);
	}

	@Test
	void viewsProduceTwoDimensionalImages() {
		seg();
		final ImagePlus mid = (ImagePlus) run(org.medprep.commands.geometry.OrthogonalMidSlicesCommand.class, "", ct()).outputs().get("midslices");
		assertEquals(1, mid.getStackSize());
		// sagittal 22 wide, coronal and axial 24, 2 gaps of 4; height: max(8 x 3 mm / 1.2 = 20, axial 22)
		assertEquals(22 + 24 + 24 + 8, mid.getWidth());
		assertEquals(22, mid.getHeight());
		final CommandInvocation.Result r = run(org.medprep.commands.augment.AugmentationPreviewCommand.class, "transform=[Random Affine] count=4 seed=7 label=seg", ct());
		final ImagePlus preview = (ImagePlus) r.outputs().get("preview");
		assertEquals(ImagePlus.COLOR_RGB, preview.getType());
		assertEquals(48, preview.getWidth());
		assertTrue(r.recorded().toString().contains("seed=7"), r.recorded().toString());
	}

	/**
	 * ImageJ's Macro.getValue finds "key=" anywhere not preceded by a letter, so a
	 * key ending in "_" + another key of the same command would read the wrong value.
	 */
	@Test
	void badInputGetsAClearMessage() {
		final CommandFailedException e = assertThrows(CommandFailedException.class, () -> run(RandomFlipCommand.class, "probability_x=1.5 seed=1", ct()));
		assertEquals("Random Flip: flip probability along x must be a probability in [0, 1], got 1.5", e.getMessage());
		final CommandFailedException s = assertThrows(CommandFailedException.class, () -> run(RandomFlipCommand.class, "seed=abc", ct()));
		assertEquals("Random Flip: seed must be a whole number, got 'abc'", s.getMessage());
		final CommandFailedException z = assertThrows(CommandFailedException.class, () -> run(ResampleToSpacingCommand.class, "spacing_x=0", ct()));
		assertEquals("Resample to Spacing: spacing_x must be > 0, got 0", z.getMessage());
		// the three spacings share one check: the first bad axis in x, y, z order is the one named
		final CommandFailedException yz = assertThrows(CommandFailedException.class, () -> run(ResampleToSpacingCommand.class, "spacing_y=-1 spacing_z=0", ct()));
		assertEquals("Resample to Spacing: spacing_y must be > 0, got -1", yz.getMessage());
	}

	@Test
	void probabilityDecidesReproduciblyAndNotAppliedCopiesImageAndLabel() {
		final ImagePlus seg = seg();
		final ImagePlus ct = ct();
		int applied = 0, skipped = 0;
		for (int s = 0; s < 10; s++) {
			final CommandInvocation.Result r = run(RandomAffineCommand.class, "degrees_z=20 p=0.5 label=seg seed=" + s, ct);
			final ImagePlus out = (ImagePlus) r.outputs().get("result"), lab = (ImagePlus) r.outputs().get("label_result");
			// the draw is the step's record (// drawn:), the same for image and label map: they share the case's history
			final org.medprep.core.History history = HistoryStore.of(out);
			final org.medprep.core.History.Step step = history.steps().get(history.size() - 1);
			final java.util.Map<String, String> drawn = step.drawn();
			assertTrue(drawn.containsKey("p_draw") && drawn.containsKey("applied"), drawn.toString());
			assertEquals(history, HistoryStore.of(lab));
			assertTrue(step.line().startsWith("run(\"Random Affine\", ") && step.line().contains("p=0.5"), step.line());
			if ("false".equals(drawn.get("applied"))) {
				skipped++;
				assertArrayEquals(values(ct), values(out), 0);
				assertArrayEquals(values(seg), values(lab), 0);
				assertTrue(step.plan().pullBack().isIdentity(0) && !drawn.containsKey("scales"), "not applied: an identity step " + drawn);
				assertTrue(out.getStack().getPixels(1) != ct.getStack().getPixels(1) && lab.getStack().getPixels(1) != seg.getStack().getPixels(1),
					"new images");
			} else {
				applied++;
				assertEquals("true", drawn.get("applied"));
				assertTrue(drawn.containsKey("scales") && drawn.containsKey("degrees"), drawn.toString());
			}
			final String recorded = r.recorded().toString();
			final String replay = recorded.substring(recorded.indexOf(", \"") + 3, recorded.lastIndexOf("\")"));
			assertArrayEquals(values(out), values(run(RandomAffineCommand.class, replay, ct).outputs().get("result")), 0);
		}
		assertTrue(applied > 0 && skipped > 0, applied + " applied, " + skipped + " skipped");
	}

	@Test
	void withProbabilityOneASeedDrawsWhatItDrewBeforeProbabilitiesExisted() {
		final ImagePlus out = (ImagePlus) run(RandomFlipCommand.class, "probability_x=0.5 probability_y=0.5 probability_z=0.5 seed=5", ct()).outputs().get("result");
		final org.medprep.core.History.Step step = HistoryStore.of(out).steps().get(0);
		final org.medprep.core.History.Step expected = new org.medprep.core.augment.RandomFlip(0.5, 0.5, 0.5).draw(null, new java.util.SplittableRandom(5))
			.record(org.medprep.core.History.Step.of(step.line()));
		assertEquals(expected.drawn(), step.drawn());
		assertTrue(!step.drawn().containsKey("p_draw"), "p = 1 draws nothing: " + step.drawn());
	}

	/**
	 * A step that runs out of memory is named, as any other failure of a step: here the HU window
	 * after a resize too large for the heap, whose pending resampling it runs.
	 */
	@Test
	void aStepThatRunsOutOfMemoryIsNamedWithThePendingResampling() {
		final org.medprep.core.Subject in = org.medprep.core.Subject.of("ct", new CtPhantom(24, 20, 8, new double[] { 1, 1, 2 }, 0, 1).image());
		final org.medprep.core.Subject resized = invocation.apply(commands.getCommand(org.medprep.commands.geometry.ResizeToShapeCommand.class.getName()),
			"size_x=46000 size_y=46000 size_z=1", in).subject();
		assertTrue(resized.isPending(), "resized when voxels are read");
		final CommandFailedException e = assertThrows(CommandFailedException.class,
			() -> invocation.apply(commands.getCommand(org.medprep.commands.intensity.HuWindowCommand.class.getName()), "level=40 width=400", resized));
		assertEquals("HU Window (with the resampling of the spatial steps before it): out of memory", e.getMessage());
		assertTrue(e.getCause() instanceof OutOfMemoryError, String.valueOf(e.getCause()));
	}
}

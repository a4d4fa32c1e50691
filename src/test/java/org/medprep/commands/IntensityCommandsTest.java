package org.medprep.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.ImagePlusVolumesTest;
import org.medprep.commands.imagej.ImageTitleService;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.commands.intensity.ClipIntensityCommand;
import org.medprep.commands.intensity.HuWindowCommand;
import org.medprep.commands.intensity.MinMaxNormalizeCommand;
import org.medprep.commands.intensity.PercentileClipCommand;
import org.medprep.commands.intensity.ReplacePaddingCommand;
import org.medprep.commands.intensity.ZScoreNormalizeCommand;
import org.medprep.testutil.TestVolumes;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;
import org.scijava.command.CommandService;

/** Every intensity command run headless through a real SciJava context, on a calibrated (signed) CT. */
class IntensityCommandsTest extends HeadlessCommandTest {


	/** stored -2000 -1000 -160 40 | 240 3000 0 100 (HU), signed 16-bit as ImageJ keeps a DICOM CT. */
	private static ImagePlus ct() {
		return ImagePlusVolumesTest.signedCt(new short[] { -976, 24, 864, 1064, 1264, 4024, 1024, 1124 }, -1024);
	}

	private static double[] run(final Class<?> command, final String options, final ImagePlus imp) {
		final ImagePlus out = (ImagePlus) invocation.run(commands.getCommand(command.getName()), options, imp).outputs().get("result");
		assertNotSame(imp, out);
		return TestVolumes.values(ImagePlusVolumes.toVolume(out).data());
	}

	@Test
	void huWindowAsTheIssueWritesIt() {
		final ImagePlus in = ct();
		final CommandInvocation.Result r = invocation.run(commands.getCommand(HuWindowCommand.class.getName()), "level=40 width=400 output=[float 0-1]", in);
		final ImagePlus out = (ImagePlus) r.outputs().get("result");
		assertArrayEquals(new double[] { 0, 0, 0, 0.5, 1, 1, 0.4, 0.65 }, TestVolumes.values(ImagePlusVolumes.toVolume(out).data()), 1e-7);
		assertEquals(ImagePlus.GRAY32, out.getType());
		assertEquals(0.7, out.getCalibration().pixelWidth, 0);
		assertEquals(2.5, out.getCalibration().pixelDepth, 0);
		assertEquals("mm", out.getCalibration().getUnit());
		assertEquals("ct-window", out.getTitle());
		assertEquals(List.of("run(\"HU Window\", \"level=40.0 width=400.0 output=[float 0-1] preset=custom\");"), HistoryStore.of(out).lines());
		assertEquals(-976 + 32768, in.getStack().getProcessor(1).get(0, 0), "input untouched");
	}

	@Test
	void aPresetRecordsTheLevelAndWidthItUsed() {
		final ImagePlus out = (ImagePlus) invocation.run(commands.getCommand(HuWindowCommand.class.getName()),
			"preset=[lung (W1500 L-600)] output=[float 0-1]", ct()).outputs().get("result");
		assertEquals(List.of("run(\"HU Window\", \"level=-600.0 width=1500.0 output=[float 0-1] preset=[lung (W1500 L-600)]\");"),
			HistoryStore.of(out).lines());
		// the lung window [-1350, 150] HU: -2000 -> 0, 40 -> (40 + 1350) / 1500
		assertEquals((40 + 1350) / 1500.0, TestVolumes.values(ImagePlusVolumes.toVolume(out).data())[3], 1e-6);
	}

	@Test
	void huWindowPresetsAndOutputs() {
		assertArrayEquals(new double[] { 0, 0, 0, 128, 255, 255, 102, 166 }, run(HuWindowCommand.class, "output=[8-bit 0-255] level=40 width=400", ct()), 0);
		assertArrayEquals(new double[] { 0, 0, 0, 128, 255, 255, 0, 255 }, run(HuWindowCommand.class, "preset=[brain (W80 L40)] output=[8-bit 0-255]", ct()), 0);
		assertArrayEquals(new double[] { -1000, -1000, -160, 40, 240, 400, 0, 100 }, run(HuWindowCommand.class, "preset=[tutorial range (-1000 to 400)] output=[HU clipped]", ct()), 0);
	}

	@Test
	void everyStatisticsCommandSpeaksOneMaskVocabulary() {
		// HU -2000 -1000 -160 40 240 3000 0 100: non-zero keeps the negatives, voxels > 0 does not
		assertArrayEquals(new double[] { 40, 40, 40, 40, 240, 3000, 40, 100 }, run(PercentileClipCommand.class, "low=50 high=100 mask=[non-zero voxels]", ct()), 1e-9);
		// sorted positive HU: 40 100 240 3000 ; p50 -> 170 (linear, as numpy)
		assertArrayEquals(new double[] { 170, 170, 170, 170, 240, 3000, 170, 170 }, run(PercentileClipCommand.class, "low=50 high=100 mask=[voxels > 0]", ct()), 1e-9);
		// the spellings recorded before are the same choices, bit for bit
		assertArrayEquals(run(ZScoreNormalizeCommand.class, "mask=[all voxels]", ct()), run(ZScoreNormalizeCommand.class, "mask=[All voxels]", ct()), 0);
		assertArrayEquals(run(ZScoreNormalizeCommand.class, "mask=[non-zero voxels]", ct()), run(ZScoreNormalizeCommand.class, "mask=[Non-zero voxels]", ct()), 0);
		final CommandInvocation.Result r = invocation.run(commands.getCommand(ZScoreNormalizeCommand.class.getName()), "mask=[All voxels]", ct());
		assertEquals("all voxels", r.module().getInput("mask"), "the label is what runs and is recorded");
	}

	@Test
	void clipPercentileZScoreMinMaxPadding() {
		assertArrayEquals(new double[] { -1000, -1000, -160, 40, 240, 400, 0, 100 }, run(ClipIntensityCommand.class, "min=-1000 max=400", ct()), 0);
		// sorted non-zero HU: -2000 -1000 -160 40 100 240 3000 ; p50 -> 40 ; p100 -> 3000
		assertArrayEquals(new double[] { 40, 40, 40, 40, 240, 3000, 40, 100 }, run(PercentileClipCommand.class, "low=50 high=100 mask=[Non-zero voxels]", ct()), 1e-9);
		final double[] z = run(ZScoreNormalizeCommand.class, "mask=[All voxels]", ct());
		double mean = 0, sq = 0;
		for (final double v : z) mean += v / z.length;
		for (final double v : z) sq += (v - mean) * (v - mean) / z.length;
		assertEquals(0, mean, 1e-6);
		assertEquals(1, Math.sqrt(sq), 1e-6);
		assertArrayEquals(new double[] { 0, 0.2, 0.368, 0.408, 0.448, 1, 0.4, 0.42 }, run(MinMaxNormalizeCommand.class, "min=0 max=1", ct()), 1e-6);
		assertArrayEquals(new double[] { -1000, -1000, -160, 40, 240, 3000, 0, 100 }, run(ReplacePaddingCommand.class, "padding=-2000 value=-1000", ct()), 0);
	}

	@Test
	void maskImageNamedByTitle() {
		final ImagePlus mask = ImagePlusVolumes.toImagePlus(TestVolumes.floats(new long[] { 2, 2, 2 }, new double[] { 0, 0, 0, 1, 1, 0, 0, 0 }), "brain mask", null);
		context.service(ImageTitleService.class).register("brain mask", mask);
		try {
			// masked voxels: 40 and 240 HU -> mean 140, std 100
			final double[] z = run(ZScoreNormalizeCommand.class, "mask=[brain mask]", ct());
			assertEquals(-1, z[3], 1e-6);
			assertEquals(1, z[4], 1e-6);
			assertEquals((0 - 140) / 100.0, z[6], 1e-6);
		}
		finally {
			context.service(ImageTitleService.class).clear();
		}
	}

	@Test
	void runsAsAnOrdinarySciJavaCommand() throws Exception {
		// DynamicCommands are Modules, so CommandService.run returns no future for them; ModuleService does
		final Future<Module> f = context.service(ModuleService.class).run(commands.getCommand(ClipIntensityCommand.class), true,
			Map.of("image", ct(), "min", -100.0, "max", 100.0));
		final ImagePlus out = (ImagePlus) f.get().getOutput("result");
		assertArrayEquals(new double[] { -100, -100, -100, 40, 100, 100, 0, 100 }, TestVolumes.values(ImagePlusVolumes.toVolume(out).data()), 0);
		assertEquals("run(\"Clip Intensity\", \"min=-100.0 max=100.0\");", HistoryStore.of(out).lines().get(0));
	}

	@Test
	void historyAccumulatesAcrossSteps() {
		final ImagePlus a = (ImagePlus) invocation.run(commands.getCommand(ReplacePaddingCommand.class.getName()), "", ct()).outputs().get("result");
		final ImagePlus b = (ImagePlus) invocation.run(commands.getCommand(ClipIntensityCommand.class.getName()), "min=-1000 max=400", a).outputs().get("result");
		assertEquals(List.of("run(\"Replace Padding\", \"padding=-2000.0 value=-1000.0\");", "run(\"Clip Intensity\", \"min=-1000.0 max=400.0\");"), HistoryStore.of(b).lines());
	}

	@Test
	void badInputGetsAClearMessage() {
		// refused by the option's validater, before any work, naming the option as macros write it
		assertEquals("HU Window: width must be > 0, got 0", fail(HuWindowCommand.class, "level=40 width=0"));
		assertEquals("HU Window: width must be > 0, got -5", fail(HuWindowCommand.class, "width=-5"));
		assertEquals("option 'width' of \"HU Window\" must be a number, got 'wide'", fail(HuWindowCommand.class, "level=40 width=wide"));
		assertTrue(fail(HuWindowCommand.class, "levle=40").startsWith("unknown option 'levle' for \"HU Window\"; its options are [level, width, output, preset]"));
		assertTrue(fail(HuWindowCommand.class, "output=[16-bit]").contains("must be one of"));
		assertEquals("Percentile Clip: low percentile (60.0) must be below high (50.0)", fail(PercentileClipCommand.class, "low=60 high=50"));
		assertEquals("Percentile Clip: low must be between 0 and 100, got -1", fail(PercentileClipCommand.class, "low=-1 high=50"));
		final ImagePlus empty = ImagePlusVolumes.toImagePlus(TestVolumes.floats(new long[] { 2, 2, 2 }, new double[8]), "empty", null);
		context.service(ImageTitleService.class).register("empty", empty);
		try {
			assertEquals("Z-Score Normalize: no voxels selected: the mask is empty", fail(ZScoreNormalizeCommand.class, "mask=empty"));
			assertTrue(fail(ZScoreNormalizeCommand.class, "mask=[no such image]").contains("no image titled 'no such image'"));
		}
		finally {
			context.service(ImageTitleService.class).clear();
		}
	}

	private static String fail(final Class<?> command, final String options) {
		final RuntimeException e = assertThrows(RuntimeException.class, () -> invocation.run(commands.getCommand(command.getName()), options, ct()));
		assertTrue(e instanceof IllegalArgumentException || e instanceof CommandFailedException, e.toString());
		return e.getMessage();
	}
}

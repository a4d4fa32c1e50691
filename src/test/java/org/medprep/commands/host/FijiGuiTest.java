package org.medprep.commands.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.GeneratedFiles;
import org.medprep.testutil.FijiRuntime;

/**
 * MedPrep in the Fiji runtime's legacy UI under Xvfb, driven as a user would
 * ({@link FijiGuiSteps}): Fiji's own dialog for HU Window, the Recorder's line,
 * a failed run that says why and is not recorded, and a batch-mode macro with a
 * display that sees the output as its current image. Screenshots go to
 * target/screenshots.
 */
class FijiGuiTest {

	@TempDir
	Path dir;

	@Test
	void recorderDialogsAndBatchMacrosInTheLegacyUi() throws Exception {
		if (GraphicsEnvironment.isHeadless()) {
			if (Boolean.getBoolean("medprep.requireDisplayTests")) fail("display tests required but there is no display (run under xvfb-run)");
			Assumptions.abort("no display: the Fiji UI test is skipped (run under xvfb-run)");
		}
		final FijiRuntime fiji = FijiRuntime.require();
		final Path shots = Files.createDirectories(GeneratedFiles.projectDir().resolve("target/screenshots"));
		final FijiRuntime.Run run = fiji.runMain(dir.resolve("prefs"), 240, FijiGuiDriver.class.getName(), shots.toString());
		final Map<String, String> checks = run.checks();
		assertEquals("0", checks.get("finished"), run.output);
		assertEquals("ct-gui-window 8 slice 9", checks.get("output"), run.output);
		assertEquals("run(\"HU Window\", \"level=40.0 width=400.0 output=[8-bit 0-255] preset=custom\");", checks.get("recorded"), run.output);
		assertTrue(checks.get("error").contains("width must be > 0"), run.output);
		assertEquals("nothing", checks.get("recorded_after_failure"), run.output);
		assertEquals("ct-batch-window 32", checks.get("batch_macro"), run.output);
		assertTrue(Integer.parseInt(checks.get("dialog_width")) < 700, run.output);
		// Foreground Mask's threshold defaults to NaN (Otsu): OK in Fiji's dialog gives the macro default's mask
		final ij.ImagePlus ct = org.medprep.commands.imagej.ImagePlusVolumes.toImagePlus(
			new org.medprep.core.phantom.CtPhantom(64, 64, 16, new double[] { 1, 1, 2 }, 0, 5).image(), "ct-gui", null);
		try (org.scijava.Context context = new org.scijava.Context()) {
			final org.medprep.commands.imagej.CommandInvocation invocation = new org.medprep.commands.imagej.CommandInvocation(context);
			final ij.ImagePlus mask = (ij.ImagePlus) invocation.run(new org.medprep.commands.engine.CommandCatalog(
				context.service(org.scijava.command.CommandService.class)).byLabel("Foreground Mask"), "", ct).outputs().get("result");
			assertEquals(String.valueOf(new ij.process.StackStatistics(mask).mean), checks.get("foreground_dialog"), run.output);
		}
	}
}

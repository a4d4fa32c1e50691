package org.medprep.commands.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.engine.Failures;
import org.medprep.commands.geometry.ResampleToSpacingCommand;
import org.medprep.commands.intensity.HuWindowCommand;
import org.medprep.commands.intensity.PercentileClipCommand;
import org.medprep.testutil.HeadlessCommandTest;
import org.scijava.Cancelable;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginService;
import org.scijava.widget.InputHarvester;

/**
 * A bad value is refused before the work starts, with the same one line
 * whether the command runs through the module service (as Fiji runs it) or
 * from an options string (the ImageJ 1.x bridge and the CLI).
 */
class InputChecksTest extends HeadlessCommandTest {

	private static ImagePlus ct() {
		final ImagePlus imp = IJ.createImage("ct", "32-bit ramp", 8, 6, 4);
		imp.getCalibration().pixelDepth = 2;
		return imp;
	}

	/** The cancel reason of a run through the module service, with its preprocessors (no dialog). */
	private static String moduleRun(final Class<?> command, final Map<String, Object> inputs) throws Exception {
		final ModuleService modules = context.service(ModuleService.class);
		final List<PreprocessorPlugin> pre = new java.util.ArrayList<>();
		for (final PreprocessorPlugin p : context.service(PluginService.class).createInstancesOfType(PreprocessorPlugin.class))
			if (!(p instanceof InputHarvester) && !(p instanceof org.medprep.commands.host.FijiHostProcessor)) pre.add(p);
		final Module done = modules.run(modules.createModule(commands.getCommand(command.getName())), pre, List.of(), inputs).get();
		return ((Cancelable) done).isCanceled() ? ((Cancelable) done).getCancelReason() : null;
	}

	private static String optionsRun(final Class<?> command, final String options) {
		final CommandInfo info = commands.getCommand(command.getName());
		return assertThrows(CommandFailedException.class, () -> invocation.run(info, options, ct())).getMessage();
	}

	@Test
	void badValuesAreRefusedWithTheSameLineEverywhere() throws Exception {
		assertEquals("width must be > 0, got 0", moduleRun(HuWindowCommand.class, Map.of("image", ct(), "width", 0.0)));
		assertTrue(optionsRun(HuWindowCommand.class, "width=0").endsWith("width must be > 0, got 0"), optionsRun(HuWindowCommand.class, "width=0"));
		assertEquals("spacing_y must be > 0, got -1.5", moduleRun(ResampleToSpacingCommand.class, Map.of("image", ct(), "spacing_y", -1.5)));
		assertTrue(optionsRun(ResampleToSpacingCommand.class, "spacing_y=-1.5").endsWith("spacing_y must be > 0, got -1.5"));
		assertEquals("high must be between 0 and 100, got 150", moduleRun(PercentileClipCommand.class, Map.of("image", ct(), "high", 150.0)));
		assertTrue(optionsRun(PercentileClipCommand.class, "high=150").endsWith("high must be between 0 and 100, got 150"));
	}

	@Test
	void goodValuesPass() throws Exception {
		assertEquals(null, moduleRun(HuWindowCommand.class, Map.of("image", ct(), "width", 80.0)));
	}

	@Test
	void aFailureWithoutAMessageIsNeverShownAsItsClassName() {
		assertEquals("Flip cannot work with these inputs", Failures.reason(new IllegalArgumentException(), "Flip"));
		assertEquals("the cause says why", Failures.reason(new RuntimeException(new IllegalArgumentException("the cause says why")), "Flip"));
		assertEquals("two; lines", Failures.reason(new IllegalArgumentException("two\n  lines"), "Flip"));
	}
}

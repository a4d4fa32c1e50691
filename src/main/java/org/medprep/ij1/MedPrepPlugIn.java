package org.medprep.ij1;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.plugin.frame.Recorder;

import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.commands.imagej.CommandOptions;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.MethodCallException;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

/**
 * Runs a MedPrep SciJava command from plain ImageJ 1.x, with Fiji's
 * conventions: the argument (from plugins.config) names the command class;
 * from a macro, options are read with {@code Macro.getValue} under the
 * parameter names; interactively, a dialog built from the parameters, and
 * each input recorded with {@code Recorder.recordOption(name, value)}, so the
 * Recorder writes the same line Fiji would. Outputs are shown (in batch mode
 * they become batch-mode images).
 */
public class MedPrepPlugIn implements PlugIn {

	@Override
	public void run(final String commandClass) {
		// Plain ImageJ loads this class with its plugin class loader, which the thread's context
		// class loader does not see: SciJava finds its plugins and the command classes through it.
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(MedPrepPlugIn.class.getClassLoader());
		try {
			runCommand(commandClass);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private void runCommand(final String commandClass) {
		final Context context = Ij1Context.get();
		final CommandInfo info = context.service(CommandService.class).getCommand(commandClass);
		if (info == null) {
			IJ.error("MedPrep", "MedPrep command not found: " + commandClass);
			return;
		}
		final String label = CommandCatalog.label(info);
		final ImagePlus imp = WindowManager.getCurrentImage();
		if (CommandOptions.mainImage(info) != null && imp == null) {
			IJ.noImage();
			return;
		}
		final CommandInvocation invocation = new CommandInvocation(context);
		final String macroOptions = Macro.getOptions();
		try {
			final String options = macroOptions != null ? macroOptions : askOptions(context, info, imp, label);
			if (options == null) { // cancelled: nothing ran, nothing to record
				Recorder.setCommand(null);
				return;
			}
			IJ.resetEscape(); // Esc from now on stops this run (CommandProgress)
			IJ.showStatus(label + "...");
			final CommandInvocation.Result result = invocation.run(info, options, imp);
			if (macroOptions == null) record(result.module());
			for (final java.util.Map.Entry<String, Object> out : result.outputs().entrySet()) {
				if (out.getValue() instanceof ImagePlus) show((ImagePlus) out.getValue(), imp);
				else if (out.getValue() instanceof ResultsTable) ((ResultsTable) out.getValue()).show(label + " " + out.getKey());
			}
			IJ.showStatus(label + " done");
		}
		catch (final IllegalArgumentException | CommandFailedException e) {
			Recorder.setCommand(null); // a failed run is not recorded
			IJ.showProgress(1, 1);
			IJ.showStatus("");
			IJ.error(label, e.getMessage());
		}
	}

	/** Shows an output at the input's current slice (same number of slices). */
	private static void show(final ImagePlus out, final ImagePlus input) {
		if (input != null && input.getStackSize() == out.getStackSize()) out.setSliceWithoutUpdate(input.getCurrentSlice());
		out.show();
	}

	/** The interactive path: a dialog with the command's parameters and current defaults. */
	private static String askOptions(final Context context, final CommandInfo info, final ImagePlus imp, final String label) {
		final Module module = context.service(ModuleService.class).createModule(info);
		final ModuleItem<?> main = CommandOptions.mainImage(info);
		if (main != null) module.setInput(main.getName(), imp);
		try {
			module.initialize(); // fills dynamic choices such as open mask images
		}
		catch (final MethodCallException e) {
			throw new CommandFailedException(label + ": " + e.getMessage(), e);
		}
		return new ParameterDialog(label, module).show();
	}

	/** Records every option, as Fiji's MacroRecorderPostprocessor does; Executer writes the line. */
	private static void record(final Module module) {
		if (!Recorder.record) return;
		CommandOptions.recorded(module).forEach(Recorder::recordOption);
	}
}

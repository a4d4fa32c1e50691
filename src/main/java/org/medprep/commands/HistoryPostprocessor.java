package org.medprep.commands;

import ij.ImagePlus;

import org.scijava.Cancelable;
import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPostprocessorPlugin;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.plugin.Plugin;

/**
 * Appends the step that made each image output of a MedPrep command to its
 * history, in every host (Fiji, ImageJ 1.x bridge, CLI), with what a random
 * command drew as a trailing comment. Runs before display and recording so
 * the image is complete when shown.
 */
@Plugin(type = PostprocessorPlugin.class, priority = Priority.VERY_HIGH)
public class HistoryPostprocessor extends AbstractPostprocessorPlugin {

	@Override
	public void process(final Module module) {
		if (!module.getInfo().getDelegateClassName().startsWith("org.medprep.")) return;
		if (module instanceof Cancelable && ((Cancelable) module).isCanceled()) return;
		final String step = new MacroLine(CommandOptions.label(module.getInfo()), CommandOptions.record(module)).toString();
		final Object command = module.getDelegateObject();
		final String drawn = command instanceof DrawnParameters ? ((DrawnParameters) command).drawn() : null;
		final String line = drawn == null || drawn.isEmpty() ? step : step + " // " + drawn.replace('\n', ' ');
		for (final ModuleItem<?> out : module.getInfo().outputs()) {
			final Object value = module.getOutput(out.getName());
			if (value instanceof ImagePlus) History.append((ImagePlus) value, line);
		}
	}
}

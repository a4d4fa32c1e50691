package org.medprep.commands.engine;

import org.scijava.Cancelable;
import org.scijava.module.MethodCallException;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;
import org.scijava.widget.InputHarvester;

/**
 * Runs every input's {@code validater} once all inputs are known (after the
 * dialog, if any) and stops the run when one refused its value: SciJava calls
 * a validater when an input is resolved, but runs the command even if the
 * validater cancelled it, and an input left at its default is never resolved.
 */
@Plugin(type = PreprocessorPlugin.class, priority = InputHarvester.PRIORITY - 1)
public class InputValidation extends AbstractPreprocessorPlugin {

	@Override
	public void process(final Module module) {
		if (!isMedPrep(module)) return;
		for (final ModuleItem<?> item : module.getInfo().inputs()) {
			if (item.getValidater() == null || item.getValidater().isEmpty()) continue;
			try {
				item.validate(module);
			}
			catch (final MethodCallException e) {
				// a validater that threw instead of cancelling: its message is still the one line
				cancel(Failures.message(e.getCause() == null ? e : e.getCause(), CommandCatalog.label(module.getInfo())));
				return;
			}
			if (canceled(module)) break;
		}
		if (canceled(module)) cancel(((Cancelable) module).getCancelReason());
	}

	private static boolean isMedPrep(final Module module) {
		return module.getInfo().getDelegateClassName().startsWith("org.medprep.");
	}

	private static boolean canceled(final Module module) {
		return module instanceof Cancelable && ((Cancelable) module).isCanceled();
	}
}

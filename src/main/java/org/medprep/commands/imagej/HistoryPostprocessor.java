package org.medprep.commands.imagej;

import ij.ImagePlus;

import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.engine.MacroLine;
import org.medprep.commands.engine.RecordsHistory;
import org.medprep.core.History;
import org.scijava.Cancelable;
import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPostprocessorPlugin;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.plugin.Plugin;

/**
 * The history of the image outputs of MedPrep commands that do not record it
 * themselves (imports, previews, plots; see {@link RecordsHistory}): the
 * history of the image the command ran on (or the one the output brought from
 * its file), then the step as it ran, in every host (Fiji, the ImageJ 1.x
 * bridge, the CLI). Runs before display and recording so the image is
 * complete when shown.
 */
@Plugin(type = PostprocessorPlugin.class, priority = Priority.VERY_HIGH)
public class HistoryPostprocessor extends AbstractPostprocessorPlugin {

	@Override
	public void process(final Module module) {
		if (!module.getInfo().getDelegateClassName().startsWith("org.medprep.")) return;
		if (module instanceof Cancelable && ((Cancelable) module).isCanceled()) return;
		if (module instanceof RecordsHistory || module.getDelegateObject() instanceof RecordsHistory) return;
		final History.Step step = History.Step.of(new MacroLine(CommandCatalog.label(module.getInfo()), CommandOptions.record(module)).toString());
		final ModuleItem<?> main = CommandOptions.mainImage(module.getInfo());
		final Object input = main == null ? null : module.getInput(main.getName());
		for (final ModuleItem<?> out : module.getInfo().outputs()) {
			final Object value = module.getOutput(out.getName());
			if (!(value instanceof ImagePlus)) continue;
			final ImagePlus imp = (ImagePlus) value;
			final History before = input instanceof ImagePlus ? HistoryStore.of((ImagePlus) input) : HistoryStore.of(imp);
			HistoryStore.put(imp, before.then(step));
		}
	}
}

package org.medprep.commands.host;

import ij.IJ;
import ij.Macro;

import java.awt.GraphicsEnvironment;

import org.medprep.commands.CommandOptions;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;

/**
 * ImageJ 1.x macro semantics for MedPrep commands in Fiji: an option that
 * {@code run("Label", "options")} leaves out keeps the command's declared
 * default. Without this, imagej-legacy resolves only the keys present, SciJava
 * then loads the value persisted by an earlier dialog for the others, and with
 * a display the harvester opens a dialog in the middle of the macro. Headless
 * (nobody to ask) the same holds for every caller. Interactive dialogs still
 * start from the remembered values.
 * <p>
 * Also refuses to run an image command without an image, with the message
 * ImageJ gives, instead of failing deep inside on an empty image.
 */
@Plugin(type = PreprocessorPlugin.class, priority = MacroDefaultsPreprocessor.PRIORITY)
public class MacroDefaultsPreprocessor extends AbstractPreprocessorPlugin implements FijiHostProcessor {

	/**
	 * After imagej-legacy's MacroPreprocessor (2 x VERY_HIGH), its active-image
	 * preprocessor (VERY_HIGH + 1) and the initializers (InitPreprocessor, 100);
	 * before LoadInputsPreprocessor (-9999) and the input harvester (VERY_LOW).
	 */
	static final double PRIORITY = 50;

	@Parameter(required = false)
	private UIService ui;

	@Parameter(required = false)
	private HostedRuns hosted;

	@Override
	public void process(final Module module) {
		if (!MedPrepModules.isMedPrep(module)) return;
		if (hosted != null) hosted.adopt(module);
		final ModuleItem<?> main = CommandOptions.mainImage(module.getInfo());
		if (main != null && !MedPrepModules.isImage(module.getInput(main.getName()))) {
			cancel(NoImage.message(MedPrepModules.label(module)));
			return;
		}
		if (!macroWithOptions() && !headless()) return;
		for (final ModuleItem<?> item : module.getInfo().inputs())
			if (!module.isInputResolved(item.getName())) module.resolveInput(item.getName());
	}

	/** A macro's {@code run("Label", "options")} with options: ImageJ 1.x then never asks. */
	private static boolean macroWithOptions() {
		if (!IJ.isMacro()) return false;
		final String options = Macro.getOptions();
		return options != null && !options.trim().isEmpty();
	}

	private boolean headless() {
		return ui != null ? ui.isHeadless() : GraphicsEnvironment.isHeadless();
	}
}

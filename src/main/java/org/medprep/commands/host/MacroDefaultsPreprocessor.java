package org.medprep.commands.host;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;

import java.awt.GraphicsEnvironment;

import org.medprep.commands.imagej.CommandOptions;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.thread.ThreadService;
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
 * The image it works on is the calling macro's current image ({@link CallerImage}).
 * It refuses to run an image command without an image, with one line, instead
 * of failing deep inside on an empty image.
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

	@Parameter(required = false)
	private ThreadService threads;

	@Override
	public void process(final Module module) {
		if (!MedPrepModules.isMedPrep(module)) return;
		if (hosted != null) hosted.adopt(module);
		final ModuleItem<?> main = CommandOptions.mainImage(module.getInfo());
		if (main != null) useCallersImage(module, main);
		if (main != null && !MedPrepModules.isImage(module.getInput(main.getName()))) {
			cancel(NoImage.message(MedPrepModules.label(module)));
			return;
		}
		if (!macroWithOptions() && !headless()) return;
		for (final ModuleItem<?> item : module.getInfo().inputs())
			if (!module.isInputResolved(item.getName())) module.resolveInput(item.getName());
	}

	/**
	 * imagej-legacy fills the image input with the pooled thread's current image (the active
	 * window); where the calling macro's thread has its own current image, that one is meant.
	 * An image a script passed explicitly is kept.
	 */
	private void useCallersImage(final Module module, final ModuleItem<?> main) {
		final Thread pooled = Thread.currentThread();
		final Thread parent = threads == null ? null : threads.getParent(pooled);
		if (parent == null || parent == pooled) return;
		final Object given = module.getInput(main.getName());
		if (given != null && given != WindowManager.getCurrentImage()) return;
		final ImagePlus callers = CallerImage.of(parent);
		if (callers != null && callers != given) {
			module.setInput(main.getName(), callers);
			module.resolveInput(main.getName());
		}
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

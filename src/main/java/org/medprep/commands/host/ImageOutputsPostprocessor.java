package org.medprep.commands.host;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;

import java.awt.GraphicsEnvironment;

import org.medprep.commands.imagej.CommandOptions;
import org.scijava.Cancelable;
import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPostprocessorPlugin;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.thread.ThreadService;

/**
 * Hands a MedPrep command's image outputs to ImageJ 1.x the way an ImageJ 1.x
 * plugin's {@code show()} would from the macro's own thread. Fiji runs a
 * command on a pooled SciJava thread while the macro waits; left to SciJava,
 * an output is only logged headless, and in batch mode it is shown on the
 * pooled thread without becoming the macro's current image, so the next
 * {@code run(...)} or {@code saveAs(...)} would work on the input.
 * <p>
 * In a macro, batch mode or headless, each output is registered as a batch-mode
 * image and made the current image of the thread that started the command (the
 * macro's); the last output is current, as in ImageJ. With a display outside batch
 * mode it is shown in a window. The pooled thread keeps no current image of its
 * own. Outputs keep the input's current slice. The outputs handled here are
 * marked resolved, so Fiji's display step does not show them twice.
 */
@Plugin(type = PostprocessorPlugin.class, priority = Priority.LOW)
public class ImageOutputsPostprocessor extends AbstractPostprocessorPlugin implements FijiHostProcessor {

	@Parameter(required = false)
	private ThreadService threads;

	@Parameter(required = false)
	private HostedRuns hosted;

	@Override
	public void process(final Module module) {
		if (!MedPrepModules.isMedPrep(module)) return;
		if (hosted != null) hosted.finished(module);
		if (module instanceof Cancelable && ((Cancelable) module).isCanceled()) return;
		final Thread pooled = Thread.currentThread();
		final Thread caller = caller(pooled);
		final ImagePlus input = mainInput(module);
		for (final ModuleItem<?> out : module.getInfo().outputs()) {
			final Object value = module.getOutput(out.getName());
			if (!(value instanceof ImagePlus)) continue;
			final ImagePlus imp = (ImagePlus) value;
			keepSlice(imp, input);
			show(imp, caller);
			module.resolveOutput(out.getName());
		}
		if (caller != pooled) WindowManager.setTempCurrentImage(pooled, null);
		IJ.showProgress(1, 1);
	}

	/** The thread whose macro started the command: the pooled thread's parent, or itself when run directly. */
	private Thread caller(final Thread pooled) {
		final Thread parent = threads == null ? null : threads.getParent(pooled);
		return parent == null ? pooled : parent;
	}

	private static void show(final ImagePlus imp, final Thread caller) {
		if (Interpreter.isBatchMode() || GraphicsEnvironment.isHeadless()) {
			Interpreter.addBatchModeImage(imp);
			WindowManager.setTempCurrentImage(caller, imp);
			return;
		}
		imp.show();
		// a macro's next statement must see this image even before its window is activated
		if (IJ.isMacro()) WindowManager.setTempCurrentImage(caller, imp);
	}

	private static ImagePlus mainInput(final Module module) {
		final ModuleItem<?> main = CommandOptions.mainImage(module.getInfo());
		final Object value = main == null ? null : module.getInput(main.getName());
		return MedPrepModules.isImage(value) ? (ImagePlus) value : null;
	}

	/** An output with the input's number of slices opens at the input's current slice. */
	private static void keepSlice(final ImagePlus out, final ImagePlus input) {
		if (input == null || input.getStackSize() != out.getStackSize() || input.getCurrentSlice() == out.getCurrentSlice()) return;
		out.setSliceWithoutUpdate(input.getCurrentSlice());
	}
}

package org.medprep.commands.host;

import ij.IJ;
import ij.plugin.frame.Recorder;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import org.medprep.commands.engine.Failures;
import org.scijava.event.EventHandler;
import org.scijava.module.Module;
import org.scijava.module.event.ModuleCanceledEvent;
import org.scijava.module.event.ModuleErroredEvent;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.SciJavaService;
import org.scijava.service.Service;

/**
 * The MedPrep runs Fiji started (not the ImageJ 1.x bridge's or the CLI's,
 * which report their own outcome), and how a failed or cancelled one ends
 * there, as ImageJ 1.x ends a failed plugin: one line naming the problem
 * ({@code IJ.error}, which in a macro aborts it at its line, so no later step
 * runs on the wrong image), nothing recorded, no stack trace.
 */
@Plugin(type = Service.class)
public class HostedRuns extends AbstractService implements SciJavaService {

	private final Set<Module> adopted = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<Module, Boolean>()));

	/** Called by {@link MacroDefaultsPreprocessor}, which only Fiji's runs go through. */
	void adopt(final Module module) {
		adopted.add(module);
	}

	boolean isHosted(final Module module) {
		return adopted.contains(module);
	}

	@EventHandler
	private void onEvent(final ModuleCanceledEvent event) {
		final Module module = event.getModule();
		if (!adopted.remove(module)) return;
		final String reason = event.getReason();
		fail(MedPrepModules.label(module), reason == null || reason.trim().isEmpty() ? "cancelled" : reason);
	}

	@EventHandler
	private void onEvent(final ModuleErroredEvent event) {
		final Module module = event.getModule();
		if (!adopted.remove(module)) return;
		event.consume(); // SciJava would log the stack trace; the message says what went wrong
		final Throwable cause = Failures.meaningful(event.getException());
		fail(MedPrepModules.label(module), cause.getMessage() == null ? cause.toString() : cause.getMessage());
	}

	/** Forgets a run that finished (its outputs are shown). */
	void finished(final Module module) {
		adopted.remove(module);
	}

	private static void fail(final String label, final String message) {
		Recorder.setCommand(null); // a run that did not happen is not recorded
		IJ.showProgress(1, 1);
		IJ.showStatus("");
		try {
			IJ.error(label, message);
		}
		catch (final RuntimeException e) {
			// in a macro, IJ.error aborts the macro at its line by throwing "Macro canceled": the macro is stopped, nothing else to do
			if (!"Macro canceled".equals(e.getMessage())) throw e;
		}
	}

}

package org.medprep.commands.host;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

import org.medprep.commands.engine.CommandCatalog;
import org.scijava.Priority;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.run.AbstractCodeRunner;
import org.scijava.run.CodeRunner;

/**
 * Runs MedPrep commands for Fiji's {@code --run "Label" "key=value,..."} and
 * SciJava's RunService. SciJava's own command runner waits on
 * {@code CommandService.run}, which returns no future for commands that are
 * modules themselves (MedPrep's dynamic commands, whose option choices list the
 * open images), and fails with a NullPointerException; this runner runs the
 * module through the ModuleService and waits for it.
 */
@Plugin(type = CodeRunner.class, priority = Priority.HIGH)
public class MedPrepCodeRunner extends AbstractCodeRunner {

	@Parameter
	private CommandService commandService;

	@Parameter
	private ModuleService moduleService;

	@Override
	public void run(final Object code, final Object... args) throws InvocationTargetException {
		waitFor(moduleService.run(info(code), true, args));
	}

	@Override
	public void run(final Object code, final Map<String, Object> inputMap) throws InvocationTargetException {
		waitFor(moduleService.run(info(code), true, inputMap));
	}

	@Override
	public boolean supports(final Object code) {
		return info(code) != null;
	}

	/** The MedPrep command named by its class, class name or menu label ({@code _} for spaces, as --run allows); null otherwise. */
	private CommandInfo info(final Object code) {
		final String name = code instanceof Class ? ((Class<?>) code).getName() : code instanceof String ? (String) code : null;
		if (name == null) return null;
		for (final CommandInfo info : new CommandCatalog(commandService).all()) {
			if (info.getClassName().equals(name)) return info;
			final String label = CommandCatalog.label(info);
			if (label.equals(name) || label.equals(name.replace('_', ' '))) return info;
		}
		return null;
	}
}

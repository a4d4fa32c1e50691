package org.medprep.cli;

import org.medprep.commands.ImageTitleService;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.ModuleService;
import org.scijava.plugin.PluginService;

/**
 * Creates the SciJava context a CLI run works in: headless, with only the
 * services the CLI and MedPrep's commands use (and those they depend on).
 * A context with every service on the class path starts 42 of them, most
 * for a desktop application (UI, scripting, menus, updates, ...), and takes
 * about twice as long to start as this one, once per run.
 */
final class CliContext {

	/**
	 * What running commands needs: finding them (commands, plugins), running
	 * them as modules with their options converted, image titles for inputs
	 * named by title, and the status and log services that commands take as
	 * optional parameters.
	 */
	private static final Class<?>[] SERVICES = { CommandService.class, ModuleService.class, PluginService.class, ConvertService.class,
		ImageTitleService.class, StatusService.class, LogService.class };

	private CliContext() {}

	/**
	 * The CLI reports each failure in one line itself, so SciJava's own error log
	 * (a stack trace per failed command) is silenced unless -Dmedprep.debug=true.
	 */
	@SuppressWarnings("unchecked")
	static Context create() {
		// (java.awt.headless is set by main(), for the process; not here, so the CLI can run inside a GUI JVM)
		final Context context = new Context((Class<? extends org.scijava.service.Service>[]) SERVICES);
		if (!Boolean.getBoolean("medprep.debug")) context.service(LogService.class).setLevel(LogLevel.NONE);
		return context;
	}
}

package org.medprep.cli;

import org.medprep.commands.ThreadCount;
import org.scijava.Context;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;

/** Creates the SciJava context a CLI run works in (headless, all services on the class path). */
final class CliContext {

	private CliContext() {}

	/**
	 * The CLI reports each failure in one line itself, so SciJava's own error log
	 * (a stack trace per failed command) is silenced unless -Dmedprep.debug=true.
	 */
	static Context create() {
		// (java.awt.headless is set by main(), for the process; not here, so the CLI can run inside a GUI JVM)
		final Context context = new Context();
		if (!Boolean.getBoolean("medprep.debug")) context.service(LogService.class).setLevel(LogLevel.NONE);
		return context;
	}

	/** {@link #create()}, its operations run with {@code threads} threads (null: ImageJ's setting, all cores by default). */
	static Context create(final Integer threads) {
		final Context context = create();
		if (threads != null) context.service(ThreadCount.class).set(threads);
		return context;
	}

	/** Refuses a --threads below 1 before anything runs. */
	static void checkThreads(final Integer threads) {
		if (threads != null && threads < 1) throw new IllegalArgumentException("--threads must be at least 1");
	}
}

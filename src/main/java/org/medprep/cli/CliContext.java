package org.medprep.cli;

import org.scijava.Context;

/** Creates the SciJava context a CLI run works in (headless, all services on the class path). */
final class CliContext {

	private CliContext() {}

	static Context create() {
		System.setProperty("java.awt.headless", "true");
		return new Context();
	}
}

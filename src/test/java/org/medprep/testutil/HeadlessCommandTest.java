package org.medprep.testutil;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.medprep.commands.imagej.CommandInvocation;
import org.scijava.Context;
import org.scijava.command.CommandService;

/**
 * Base of tests that run commands headless through a real SciJava context, as
 * a macro, Fiji or the CLI would: one context per test class, disposed after.
 */
public abstract class HeadlessCommandTest {

	protected static Context context;
	protected static CommandInvocation invocation;
	protected static CommandService commands;

	@BeforeAll
	static void startContext() {
		context = new Context();
		invocation = new CommandInvocation(context);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void disposeContext() {
		context.dispose();
	}
}

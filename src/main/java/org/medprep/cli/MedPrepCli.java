package org.medprep.cli;

import java.io.PrintWriter;

import org.medprep.io.UserMessages;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code medprep} command-line tool: runs MedPrep's Fiji commands headless
 * over files and folders, with the macro vocabulary of Fiji's Recorder.
 * Exit codes: 0 success, 1 some inputs failed, 2 usage error.
 */
@Command(name = "medprep", mixinStandardHelpOptions = true, versionProvider = MedPrepCli.Version.class,
	description = "Prepare CT and MR volumes for deep learning, headless. Steps are Fiji macro lines: run(\"Label\", \"options\");",
	subcommands = { ListCommand.class, RunCommand.class, ExecCommand.class, ConvertCommand.class, InfoCommand.class, AnonymizeCommand.class, DemoCommand.class,
		BenchCommand.class })
public final class MedPrepCli implements Runnable {

	public static final int EXIT_FAILURES = 1;
	public static final int EXIT_USAGE = 2;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	public static void main(final String... args) {
		System.setProperty("java.awt.headless", "true");
		System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
	}

	/** Runs the CLI with the given streams; returns the exit code (used by tests). */
	public static int execute(final PrintWriter out, final PrintWriter err, final String... args) {
		final CommandLine cl = new CommandLine(new MedPrepCli());
		cl.setOut(out);
		cl.setErr(err);
		cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
			commandLine.getErr().println("medprep: " + UserMessages.oneLine(e));
			if (Boolean.getBoolean("medprep.debug")) e.printStackTrace(commandLine.getErr());
			return e instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_FAILURES;
		});
		return cl.execute(args);
	}

	/** The version from the jar manifest, when packaged. */
	static final class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			final String v = MedPrepCli.class.getPackage().getImplementationVersion();
			return new String[] { "medprep " + (v == null ? "(development build)" : v) };
		}
	}
}

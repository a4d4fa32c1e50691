package org.medprep.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import org.medprep.io.UserMessages;
import org.medprep.io.storage.DataStreams;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code medprep} command-line tool: runs MedPrep's Fiji commands headless
 * over files and folders, with the macro vocabulary of Fiji's Recorder.
 * Exit codes: 0 success, 1 some inputs failed, 2 usage error.
 */
@Command(name = "medprep", mixinStandardHelpOptions = true, versionProvider = MedPrepCli.Version.class,
	description = "Prepare CT and MR volumes for deep learning, headless. Steps are Fiji macro lines: run(\"Label\", \"options\");")
public final class MedPrepCli implements Callable<Integer> {

	/**
	 * The subcommands, in the order the usage lists them. Picocli builds a subcommand's model
	 * from its annotations by reflection, about a third of a second of CPU for all of them,
	 * so a run builds only the one it names ({@link #commandLine}).
	 */
	private static final List<Class<?>> SUBCOMMANDS = Arrays.asList(ListCommand.class, RunCommand.class, ExecCommand.class, ConvertCommand.class,
		InfoCommand.class, AnonymizeCommand.class, DemoCommand.class, BenchCommand.class, ExportNnunetCommand.class);

	public static final int EXIT_FAILURES = 1;
	public static final int EXIT_USAGE = 2;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	/** Whether the error stream is a terminal (a progress bar then redraws itself). */
	final boolean errIsTerminal;

	public MedPrepCli() {
		this(false);
	}

	private MedPrepCli(final boolean errIsTerminal) {
		this.errIsTerminal = errIsTerminal;
	}

	/** Without a subcommand: the usage, as for any usage error. */
	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getErr());
		return EXIT_USAGE;
	}

	public static void main(final String... args) {
		System.setProperty("java.awt.headless", "true");
		PhaseTimes.mark("JVM started");
		if (args.length > 0 && CliContext.RUN_IN_A_CONTEXT.contains(args[0])) CliContext.startEarly(CliContext.mayUseGzip(args));
		final int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), Terminal.stderrIsTerminal(), args);
		PhaseTimes.mark("done");
		System.exit(code);
	}

	/** Runs the CLI with the given streams; returns the exit code (used by tests). */
	public static int execute(final PrintWriter out, final PrintWriter err, final String... args) {
		return execute(out, err, false, args);
	}

	static int execute(final PrintWriter out, final PrintWriter err, final boolean errIsTerminal, final String... args) {
		return withManners(commandLine(errIsTerminal, args.length > 0 ? args[0] : null), out, err).execute(args);
	}

	/** The whole command line tool, every subcommand built (for its usage and its models). */
	static CommandLine commandLine() {
		return commandLine(false, null);
	}

	/**
	 * The tool with only the subcommand {@code first} names when it names one (what that
	 * run parses, its usage and its errors are the same), else with all of them (the
	 * tool's usage, "help", a mistyped name and its suggestions).
	 */
	private static CommandLine commandLine(final boolean errIsTerminal, final String first) {
		final CommandLine cl = new CommandLine(new MedPrepCli(errIsTerminal));
		cl.addSubcommand(new CommandLine.HelpCommand());
		Class<?> named = null;
		for (final Class<?> c : SUBCOMMANDS) if (c.getAnnotation(Command.class).name().equals(first)) named = c;
		for (final Class<?> c : named != null ? Collections.<Class<?>> singletonList(named) : SUBCOMMANDS) {
			final CommandLine sub = new CommandLine(c);
			// --help and --version on every subcommand (help is answered before required options are checked)
			sub.getCommandSpec().mixinStandardHelpOptions(true);
			cl.addSubcommand(sub);
		}
		return cl;
	}

	/**
	 * Runs a command of another MedPrep tool (the Spark runner) with this tool's manners:
	 * problems as one line each ("medprep: ..."), exit code 2 for a usage error, 1 for
	 * failures, stack traces only with -Dmedprep.debug=true.
	 */
	public static int executeCommand(final Object command, final PrintWriter out, final PrintWriter err, final String... args) {
		final CommandLine cl = new CommandLine(command);
		cl.getCommandSpec().mixinStandardHelpOptions(true);
		cl.getCommandSpec().versionProvider(new Version());
		return withManners(cl, out, err).execute(args);
	}

	private static CommandLine withManners(final CommandLine cl, final PrintWriter out, final PrintWriter err) {
		cl.setOut(out);
		cl.setErr(err);
		cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
			if (e instanceof PipelineProblems) for (final String line : ((PipelineProblems) e).lines()) commandLine.getErr().println("medprep: " + line);
			else commandLine.getErr().println("medprep: " + UserMessages.oneLine(e));
			if (Boolean.getBoolean("medprep.debug")) e.printStackTrace(commandLine.getErr());
			return e instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_FAILURES;
		});
		return cl;
	}

	/** The version from the jar manifest, when packaged. */
	static final class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			final String v = MedPrepCli.class.getPackage().getImplementationVersion();
			// the deflater, since a .nii.gz's bytes (not its voxels) depend on it
			return new String[] { "medprep " + (v == null ? "(development build)" : v), "gzip output: " + DataStreams.gzipDeflater(),
				"gzip input: " + DataStreams.gzipInflater() };
		}
	}
}

package org.medprep.cli;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.medprep.commands.engine.FailureCauses;
import org.medprep.commands.engine.ThreadCount;
import org.medprep.commands.imagej.ImageTitleService;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.io.storage.DataStreams;
import org.scijava.Context;
import org.scijava.command.Command;
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
	 * named by title, the status and log services that commands take as
	 * optional parameters, the causes of cancelled runs (a bad value is a
	 * usage error, exit code 2, where a failed run is exit code 1), and the
	 * run's thread count (--threads).
	 */
	private static final Class<?>[] SERVICES = { CommandService.class, ModuleService.class, PluginService.class, ConvertService.class,
		ImageTitleService.class, StatusService.class, LogService.class, FailureCauses.class, ThreadCount.class };

	/** The subcommands that run in a context: {@link #startEarly} is worth it for them. */
	static final Set<String> RUN_IN_A_CONTEXT = new HashSet<>(
		Arrays.asList("run", "exec", "demo", "list", "anonymize", "export-nnunet"));

	/** A context being started while the command line is parsed ({@link #startEarly}), until a run takes it. */
	private static FutureTask<Context> early;

	private CliContext() {}

	/**
	 * Starts the first run's context on a thread of its own, so that it starts
	 * while picocli builds the command's model on another core: both are a tenth
	 * of a second of one-time class and annotation work at every start of the
	 * tool. The same thread then loads ISA-L's gzip library (a few hundredths).
	 * The next {@link #create()} takes the context; for a command that ends
	 * before (a usage error, help) it is left to the process's exit.
	 */
	static synchronized void startEarly(final boolean loadNativeGzip) {
		if (early != null) return;
		final FutureTask<Context> context = new FutureTask<>(CliContext::newContext);
		early = context;
		final Thread starter = new Thread(() -> {
			context.run();
			if (!loadNativeGzip) return;
			// then ISA-L's library, which the first .nii.gz read or write would otherwise load on its path
			DataStreams.loadNativeGzip();
			PhaseTimes.mark("native gzip loaded");
		}, "medprep context start");
		starter.setDaemon(true);
		starter.start();
	}

	/**
	 * Whether a command line may read or write gzip: unless its output format is TIFF, NIfTI or MetaImage
	 * uncompressed and no argument names a .gz file (a TIFF run then does not load ISA-L's library for
	 * nothing; a folder of .nii.gz read into TIFF loads it at its first read instead). {@code list} and
	 * {@code anonymize} never do.
	 */
	static boolean mayUseGzip(final String... args) {
		if (args.length > 0 && (args[0].equals("list") || args[0].equals("anonymize"))) return false;
		String format = null;
		for (int i = 0; i < args.length; i++) {
			if (args[i].toLowerCase(Locale.ROOT).endsWith(".gz")) return true;
			if (args[i].equals("--format") && i + 1 < args.length) format = args[i + 1];
			else if (args[i].startsWith("--format=")) format = args[i].substring("--format=".length());
		}
		return format == null || !Arrays.asList("tif", "nii", "mha").contains(format);
	}

	private static synchronized FutureTask<Context> takeEarly() {
		final FutureTask<Context> started = early;
		early = null;
		return started;
	}

	/**
	 * The CLI reports each failure in one line itself, so SciJava's own error log
	 * (a stack trace per failed command) is silenced unless -Dmedprep.debug=true.
	 */
	static Context create() {
		final FutureTask<Context> started = takeEarly();
		if (started != null) {
			try {
				return started.get();
			}
			catch (final ExecutionException e) {
				// started again below, on this thread, where its failure is reported as any other
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		return newContext();
	}

	@SuppressWarnings("unchecked")
	private static Context newContext() {
		// (java.awt.headless is set by main(), for the process; not here, so the CLI can run inside a GUI JVM)
		final Context context = new Context((Class<? extends org.scijava.service.Service>[]) SERVICES);
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

	/**
	 * Runs a MedPrep command in a context of its own with {@code threads} threads. The commands refuse bad
	 * parameters with IllegalArgumentException: that is rethrown as one, a usage error (exit code 2) here too.
	 * @throws CommandFailedException when the command failed for another reason
	 */
	static CommandInvocation.Result runCommand(final Class<? extends Command> command, final Map<String, Object> values, final Integer threads) {
		try (Context context = create(threads)) {
			return new CommandInvocation(context).run(context.service(CommandService.class).getCommand(command), values);
		}
		catch (final CommandFailedException e) {
			for (Throwable t = e.getCause(); t != null; t = t.getCause())
				if (t instanceof IllegalArgumentException) throw new IllegalArgumentException(t.getMessage(), t);
			throw e;
		}
	}
}

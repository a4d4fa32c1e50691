package org.medprep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.medprep.commands.Pipeline;
import org.scijava.Context;

/**
 * Runs a pipeline on cases, one {@link CaseRunner#run} each: a case that
 * fails is reported and skipped, the others go on; a case's outputs are
 * written only when all its steps succeeded.
 */
final class PipelineRunner {

	private final Context context;
	private final PrintWriter err;

	PipelineRunner(final Context context, final PrintWriter err) {
		this.context = context;
		this.err = err;
	}

	/**
	 * @param fuse resample consecutive spatial steps once
	 * @return the inputs that failed, each with its message
	 * @throws IllegalArgumentException before any case runs, for an unknown command or format
	 */
	List<String> run(final Pipeline pipeline, final List<Case> inputs, final List<MemberSource> members, final Path outDir, final String format,
		final boolean fuse)
	{
		final CaseRunner runner = new CaseRunner(context, pipeline, format, fuse);
		final List<String> failures = new ArrayList<>();
		for (final Case input : inputs) {
			try {
				runner.run(input, members, outDir);
			}
			catch (final Exception e) {
				final String message = input + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
				failures.add(message);
				err.println("FAILED " + message);
			}
		}
		return failures;
	}
}

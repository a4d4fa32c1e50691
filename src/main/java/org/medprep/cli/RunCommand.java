package org.medprep.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;


import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.medprep.commands.engine.MacroLine;


/**
 * {@code medprep run (--pipeline FILE | --step LINE...) -i INPUT... -o OUTDIR}:
 * runs recorded macro steps (or a Recorder transcript) on every case of the
 * inputs, resumable and shardable ({@link RunBatch}); exit code 1 if any case
 * failed, 2 for a usage error (nothing run).
 */
@Command(name = "run", description = "Run recorded macro steps (a pipeline file or --step lines) on image files or folders.")
final class RunCommand implements Callable<Integer> {

	@Mixin
	RunOptions run;

	@ParentCommand
	MedPrepCli parent;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		final List<PipelineText.Line> lines = run.lines();
		final String fmt = run.format();
		final Integer threads = run.threads();
		final List<MemberSource> members = run.members();
		return new RunBatch(run.batch, spec.commandLine().getOut(), spec.commandLine().getErr(), parent != null && parent.errIsTerminal, System.getenv())
			.withThreads(threads).run(lines, run.inputs, run.outDir, fmt, context -> new PipelineCaseExecution(context, members, run.outDir, fmt, !run.noFusion));
	}

	static List<MacroLine> parseSteps(final List<String> lines) {
		final List<MacroLine> parsed = new ArrayList<>();
		for (final String l : lines) parsed.add(MacroLine.parse(l));
		return parsed;
	}
}

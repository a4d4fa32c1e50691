package org.medprep.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.engine.Pipeline;
import org.scijava.Context;
import org.scijava.command.CommandService;

/** A case run by {@link CaseRunner}, with the members of {@code --image}, {@code --label} and {@code --ref}. */
final class PipelineCaseExecution implements CaseExecution {

	private final Context context;
	private final List<MemberSource> members;
	private final Path outDir;
	private final String format;
	private final boolean fuse;
	private final CommandCatalog catalog;
	private Pipeline plannedFor;
	private PlannedOutputs planned;

	PipelineCaseExecution(final Context context, final List<MemberSource> members, final Path outDir, final String format, final boolean fuse) {
		this.context = context;
		this.members = members;
		this.outDir = outDir;
		this.format = format;
		this.fuse = fuse;
		this.catalog = new CommandCatalog(context.service(CommandService.class));
	}

	@Override
	public List<String> titles() {
		final List<String> t = new ArrayList<>();
		for (final MemberSource m : members) t.add(m.name);
		return t;
	}

	@Override
	public List<Path> sources() {
		final List<Path> p = new ArrayList<>();
		for (final MemberSource m : members) p.add(m.path);
		return p;
	}

	@Override
	public List<String> inputs(final String caseName) {
		final List<String> files = new ArrayList<>();
		for (final MemberSource m : members) {
			try {
				files.add(m.forCase(caseName).toString());
			}
			catch (final IOException e) {
				// no paired file: the case fails when it runs, and says so
			}
		}
		return files;
	}

	@Override
	public List<String> outputs(final String caseName, final Pipeline steps) {
		if (planned == null || plannedFor != steps) {
			planned = new PlannedOutputs(steps, catalog, members, format);
			plannedFor = steps;
		}
		return planned.forCase(caseName);
	}

	@Override
	public List<Path> run(final Pipeline steps, final Case c) throws IOException {
		// a runner per case: each case's steps carry its own seeds
		return new CaseRunner(context, steps, format, fuse).run(c, members, outDir);
	}

	@Override
	public void release() {
		// CaseRunner frees what a case held (its registered titles) when the case ends
	}
}

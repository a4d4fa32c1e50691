package org.medprep.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.medprep.commands.CommandCatalog;
import org.medprep.commands.ImageTitleService;
import org.medprep.commands.Pipeline;
import org.scijava.Context;
import org.scijava.command.CommandService;

/** A case run by {@link PipelineRunner}, with the secondary images of {@code --image TITLE=PATH}. */
final class PipelineCaseExecution implements CaseExecution {

	private final List<PipelineRunner.SecondaryImage> secondary;
	private final Path outDir;
	private final String format;
	private final PipelineRunner runner;
	private final CommandCatalog catalog;
	private final ImageTitleService registry;

	PipelineCaseExecution(final Context context, final List<PipelineRunner.SecondaryImage> secondary, final Path outDir, final String format) {
		this.secondary = secondary;
		this.outDir = outDir;
		this.format = format;
		this.runner = new PipelineRunner(context);
		this.catalog = new CommandCatalog(context.service(CommandService.class));
		this.registry = context.service(ImageTitleService.class);
	}

	@Override
	public List<String> titles() {
		final List<String> t = new ArrayList<>();
		for (final PipelineRunner.SecondaryImage s : secondary) t.add(s.title);
		return t;
	}

	@Override
	public List<Path> sources() {
		final List<Path> p = new ArrayList<>();
		for (final PipelineRunner.SecondaryImage s : secondary) p.add(s.path);
		return p;
	}

	@Override
	public List<String> inputs(final String caseName) {
		final List<String> files = new ArrayList<>();
		for (final PipelineRunner.SecondaryImage s : secondary) {
			try {
				files.add(s.forCase(caseName).toString());
			}
			catch (final IOException e) {
				// no paired image: the case fails when it runs, and says so
			}
		}
		return files;
	}

	@Override
	public List<String> outputs(final String caseName, final Pipeline steps) {
		if (planned == null || plannedFor != steps) {
			planned = new PlannedOutputs(steps, catalog, format);
			plannedFor = steps;
		}
		return planned.forCase(caseName);
	}

	private Pipeline plannedFor;
	private PlannedOutputs planned;

	@Override
	public List<Path> run(final Pipeline steps, final Case c) throws IOException {
		return runner.runCase(steps, c, secondary, outDir, format);
	}

	@Override
	public void release() {
		registry.clear();
	}
}

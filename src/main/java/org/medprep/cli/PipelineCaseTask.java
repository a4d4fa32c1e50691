package org.medprep.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.medprep.cli.batch.CaseOutput;
import org.medprep.cli.batch.CaseRef;
import org.medprep.cli.batch.CaseTask;

/**
 * The work of {@code medprep run} on one case, wherever it runs (in the CLI's
 * loop, in a cluster task): the case's seeds derived from the run's master
 * seeds, its members read, the steps run, its outputs staged and renamed
 * into place.
 */
final class PipelineCaseTask implements CaseTask {

	private final CaseSeeding seeding;
	private final CaseExecution cases;
	private final CheckedPipeline checked;
	private final Path outDir;

	PipelineCaseTask(final CaseSeeding seeding, final CaseExecution cases, final CheckedPipeline checked, final Path outDir) {
		this.seeding = seeding;
		this.cases = cases;
		this.checked = checked;
		this.outDir = outDir.toAbsolutePath().normalize(); // outputs come back absolute (staged and renamed) where -o may be relative
	}

	/** The same work through another execution of the same members and outputs (one made in another context). */
	PipelineCaseTask in(final CaseExecution other) {
		return new PipelineCaseTask(seeding, other, checked, outDir);
	}

	@Override
	public CaseOutput run(final CaseRef c) throws IOException {
		final CaseSeeding.Seeded seeded = seeding.forCase(c.name());
		final List<String> written = new ArrayList<>();
		for (final Path p : cases.run(seeded.pipeline, Case.of(c, checked.dicom()))) written.add(outDir.relativize(p.toAbsolutePath().normalize()).toString());
		return new CaseOutput(written, seeded.seeds);
	}

	@Override
	public List<String> inputs(final CaseRef c) {
		final List<String> all = new ArrayList<>(c.files());
		all.addAll(cases.inputs(c.name()));
		return all;
	}

	@Override
	public void release(final CaseRef c) {
		cases.release();
	}
}

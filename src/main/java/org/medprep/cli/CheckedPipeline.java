package org.medprep.cli;

import java.util.Collections;
import java.util.List;

import org.medprep.commands.engine.MacroLine;
import org.medprep.commands.engine.Pipeline;
import org.medprep.io.dicom.DicomLoadOptions;

/**
 * A pipeline that passed {@link PipelineCheck}: the steps every case runs
 * (recorded image titles already mapped to the run's), where each came from,
 * the notices about lines that were taken as the case input or skipped, and
 * how DICOM cases are loaded (from a recorded DICOM import).
 */
final class CheckedPipeline {

	private final Pipeline pipeline;
	private final List<String> origins;
	private final List<Boolean> seeded;
	private final List<Boolean> recordedDraws;
	private final List<String> notices;
	private final DicomLoadOptions dicom;

	CheckedPipeline(final Pipeline pipeline, final List<String> origins, final List<Boolean> seeded, final List<Boolean> recordedDraws,
		final List<String> notices, final DicomLoadOptions dicom)
	{
		this.pipeline = pipeline;
		this.origins = Collections.unmodifiableList(origins);
		this.seeded = Collections.unmodifiableList(seeded);
		this.recordedDraws = Collections.unmodifiableList(recordedDraws);
		this.notices = Collections.unmodifiableList(notices);
		this.dicom = dicom;
	}

	Pipeline pipeline() { return pipeline; }
	List<MacroLine> steps() { return pipeline.steps(); }
	/** "ct.ijm, line 3" for each step. */
	List<String> origins() { return origins; }
	/** Whether each step has a seed option (a random command). */
	List<Boolean> seeded() { return seeded; }
	/** Whether each step is a recorded draw of one case (a history's step with its "// drawn:" record): its seed is used as written. */
	List<Boolean> recordedDraws() { return recordedDraws; }
	List<String> notices() { return notices; }
	DicomLoadOptions dicom() { return dicom; }
}

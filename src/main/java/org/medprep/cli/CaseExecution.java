package org.medprep.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.medprep.commands.engine.Pipeline;



/**
 * What the loop over cases ({@link RunBatch}) needs from the way one case
 * runs: the images each case brings besides its own (their titles, for the
 * pipeline check; their files, for output safety and the manifest), the files
 * a case can write, and the run itself. The loop knows nothing else of a case.
 */
interface CaseExecution {

	/** The titles the steps may name images by (a label map, a mask). */
	List<String> titles();

	/** Files and folders the cases' other images are read from: never written into. */
	List<Path> sources();

	/** The files of one case's other images, for the manifest; missing ones are left out (the case then fails and says why). */
	List<String> inputs(String caseName);

	/** Every file (relative to the output folder) a case may write with these steps. */
	List<String> outputs(String caseName, Pipeline steps);

	/** Runs the steps on one case and writes its outputs; returns the files written. */
	List<Path> run(Pipeline steps, Case c) throws IOException;

	/** Frees what the last case held. */
	void release();
}

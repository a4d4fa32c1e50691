package org.medprep.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code medprep run} (a picocli mixin), shared by every host
 * that runs a pipeline over cases: {@code medprep run} in one process, the
 * Spark runner across a cluster. The same options mean the same run.
 */
public final class RunOptions {

	static final class Steps {
		@Option(names = "--pipeline", paramLabel = "FILE", description = "A file of run(\"Label\", \"options\"); lines (// comments allowed).")
		Path pipeline;

		@Option(names = "--step", paramLabel = "LINE", description = "One step, e.g. 'run(\"HU Window\", \"level=40 width=400\");' (repeatable).")
		List<String> steps;
	}

	@ArgGroup(exclusive = true, multiplicity = "1")
	Steps steps;

	@Option(names = { "-i", "--input" }, required = true, arity = "1..*", paramLabel = "INPUT",
		description = "Image files (.nii, .nii.gz, .hdr, .mha, .mhd, .tif), folders of them, DICOM folders (one case per series), "
			+ "or list files (.txt, .list: one file or folder per line).")
	List<Path> inputs;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "OUTDIR", description = "Folder for the outputs (created if needed).")
	Path outDir;

	@Option(names = "--image", paramLabel = "NAME=PATH",
		description = "Another scalar image of each case (a second MR sequence): every step that changes the -i image changes it too; written to OUTDIR/NAME/. A folder pairs its files with the inputs by base name.")
	List<String> images = new ArrayList<>();

	@Option(names = "--label", paramLabel = "NAME=PATH",
		description = "A label map or mask of each case, named NAME in the steps' options (label=NAME, mask=NAME): spatial steps move it with nearest or label interpolation, intensity steps leave it alone; written to OUTDIR/NAME/ if changed.")
	List<String> labels = new ArrayList<>();

	@Option(names = "--ref", paramLabel = "NAME=PATH",
		description = "A reference image of each case, named NAME in the steps' options (Invert Spatial History's reference): read, neither transformed nor written.")
	List<String> refs = new ArrayList<>();

	@Option(names = "--no-fusion", description = "Resample after every spatial step instead of once for consecutive spatial steps.")
	boolean noFusion;

	@Option(names = "--format", defaultValue = "nii.gz", description = "Output format: nii.gz, nii, mha or tif (default: ${DEFAULT-VALUE}).")
	String format;

	@Option(names = "--threads", description = "Threads for the run's operations (default: all cores; several cases run two at once with half "
		+ "of them each; on Spark, spark.task.cpus per case).")
	Integer threads;

	@Mixin
	BatchOptions batch;

	/** The pipeline's lines, from the file or the --step options. @throws IOException if the file cannot be read */
	List<PipelineText.Line> lines() throws IOException {
		return steps.pipeline != null
			? PipelineText.parse(new String(Files.readAllBytes(steps.pipeline), StandardCharsets.UTF_8), steps.pipeline.toString())
			: PipelineText.ofSteps(steps.steps);
	}

	/** The output format without a leading dot. @throws IllegalArgumentException for one MedPrep does not write */
	String format() {
		final String fmt = format.startsWith(".") ? format.substring(1) : format;
		if (!ImageFiles.OUTPUT_FORMATS.contains(fmt))
			throw new IllegalArgumentException("unsupported --format '" + format + "' (supported: " + ImageFiles.OUTPUT_FORMATS + ")");
		return fmt;
	}

	/** --threads, or null when not given. @throws IllegalArgumentException below 1 */
	Integer threads() {
		if (threads != null && threads < 1) throw new IllegalArgumentException("--threads must be at least 1");
		return threads;
	}

	/** The members named on the command line. @throws IllegalArgumentException for a malformed or repeated name */
	List<MemberSource> members() {
		final List<MemberSource> members = new ArrayList<>();
		for (final String spec : images) members.add(MemberSource.parse(spec, MemberSource.Role.IMAGE, "--image"));
		for (final String spec : labels) members.add(MemberSource.parse(spec, MemberSource.Role.LABEL, "--label"));
		for (final String spec : refs) members.add(MemberSource.parse(spec, MemberSource.Role.REFERENCE, "--ref"));
		final Set<String> names = new HashSet<>();
		for (final MemberSource m : members)
			if (!names.add(m.name)) throw new IllegalArgumentException("the name '" + m.name + "' is given twice (--image, --label and --ref names must differ)");
		return members;
	}

	/** The output folder. */
	public Path outDir() {
		return outDir;
	}

	/** Whether only failures and the summary are shown. */
	public boolean quiet() {
		return batch.quiet;
	}
}

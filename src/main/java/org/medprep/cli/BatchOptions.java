package org.medprep.cli;

import java.util.Map;

import org.medprep.cli.batch.Shard;

import picocli.CommandLine.Option;

/** The options of {@code medprep run} that concern the run over many cases (a picocli mixin). */
final class BatchOptions {

	@Option(names = "--shard", paramLabel = "I/N|slurm",
		description = "Run only shard I of N (1-based) of the cases sorted by name, e.g. 2/4; 'slurm' takes it from SLURM_ARRAY_TASK_ID and "
			+ "SLURM_ARRAY_TASK_COUNT. Each shard writes its own manifest into the output folder.")
	String shard;

	@Option(names = "--force", description = "Redo cases the manifest shows done with the same pipeline and inputs (by default they are skipped).")
	boolean force;

	@Option(names = "--seed", paramLabel = "N",
		description = "Master seed for every random step; each case's seed is derived from it, the case's name and the step's number.")
	Long seed;

	@Option(names = { "-q", "--quiet" }, description = "No progress and no notices; failures and the summary only.")
	boolean quiet;

	@Option(names = "--dicom-names", defaultValue = "series", paramLabel = "series|description|folder",
		description = "How DICOM cases are named: series (number, modality, UID digest; default), description (adds the series description), "
			+ "folder (the folder name). Descriptions and folder names can hold patient data.")
	String dicomNames;

	Shard shard(final Map<String, String> env) {
		if (shard == null) return Shard.WHOLE;
		if (shard.trim().equalsIgnoreCase("slurm")) return Shard.fromSlurm(env);
		return Shard.parse(shard);
	}
}

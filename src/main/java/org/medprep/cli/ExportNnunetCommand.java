package org.medprep.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.commands.io.ExportNnunetDatasetCommand;
import org.medprep.io.nnunet.NnUnetCases;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code medprep export-nnunet --id 501 --name Lungs --channel CT=ct/ --labels seg/ --label background=0 --label lung=1 -o nnUNet_raw/}:
 * an nnU-Net v2 raw dataset from folders of cases paired by base name. Runs the "Export nnU-Net Dataset" command,
 * the repeated flags joined into its ';'-separated lists. A bad input is a usage error (exit code 2); a case that
 * cannot be exported stops the export with one line (exit code 1) and leaves no dataset folder.
 */
@Command(name = "export-nnunet", description = "Write an nnU-Net v2 raw dataset (imagesTr/labelsTr/imagesTs, dataset.json) from folders of cases paired "
	+ "by base name, after checking that each case's channels and label map share one space and hold only declared labels.")
final class ExportNnunetCommand implements Callable<Integer> {

	@Option(names = "--id", required = true, description = "Dataset id, 1 to 999 (nnU-Net suggests 500 and up for your own).")
	int id;

	@Option(names = "--name", required = true, description = "Dataset name: letters, digits and '-' (the folder is DatasetXXX_NAME).")
	String name;

	@Option(names = "--channel", required = true, paramLabel = "NAME=FOLDER",
		description = "One input channel: its name in dataset.json (CT selects nnU-Net's CT normalization) and the folder of its images. "
			+ "Repeat for several channels, in order (_0000, _0001, ...).")
	List<String> channels = new ArrayList<>();

	@Option(names = "--labels", required = true, paramLabel = "FOLDER",
		description = "Folder of label maps, one per training case, named as the images (medprep run writes a --label seg member to OUT/seg/).")
	Path labelFolder;

	@Option(names = "--label", required = true, paramLabel = "NAME=VALUE",
		description = "A label of dataset.json, e.g. --label background=0 --label lung=1 (background 0, values consecutive).")
	List<String> labelNames = new ArrayList<>();

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "RAW", description = "The nnUNet_raw folder; the dataset goes into DatasetXXX_NAME inside it.")
	Path out;

	@Option(names = "--threads", description = "Threads for reading and writing (default: all cores).")
	Integer threads;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		CliContext.checkThreads(threads);
		// the flags are checked here first, so that their problems are named as the flags (--channel, --label)
		for (final String c : channels) {
			NnUnetCases.nameAndValue(c, "--channel", "NAME=FOLDER");
			if (c.contains(ExportNnunetDatasetCommand.SEPARATOR))
				throw new IllegalArgumentException("--channel " + c + ": a folder name with '" + ExportNnunetDatasetCommand.SEPARATOR + "' is not supported");
		}
		for (final String l : labelNames)
			if (l.contains(ExportNnunetDatasetCommand.SEPARATOR))
				throw new IllegalArgumentException("--label " + l + ": a name with '" + ExportNnunetDatasetCommand.SEPARATOR + "' is not supported");
		NnUnetCases.labels(labelNames, "--label");
		final Map<String, Object> values = new LinkedHashMap<>();
		values.put("dataset_id", id);
		values.put("dataset_name", name);
		values.put("channels", String.join(ExportNnunetDatasetCommand.SEPARATOR, channels));
		values.put("label_folder", labelFolder.toFile());
		values.put("labels", String.join(ExportNnunetDatasetCommand.SEPARATOR, labelNames));
		values.put("output_folder", out.toFile());
		final CommandInvocation.Result r;
		try {
			r = CliContext.runCommand(ExportNnunetDatasetCommand.class, values, threads);
		}
		catch (final CommandFailedException e) {
			// bad inputs are usage errors (rethrown above); a case that cannot be exported stops the export (exit code 1)
			for (Throwable t = e.getCause(); t != null; t = t.getCause())
				if (t instanceof UncheckedIOException) {
					spec.commandLine().getErr().println("medprep: " + t.getCause().getMessage());
					spec.commandLine().getErr().flush();
					return MedPrepCli.EXIT_FAILURES;
				}
			throw e;
		}
		spec.commandLine().getOut().println(r.outputs().get("summary"));
		spec.commandLine().getOut().flush();
		return 0;
	}
}

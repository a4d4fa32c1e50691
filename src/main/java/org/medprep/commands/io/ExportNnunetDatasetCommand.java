package org.medprep.commands.io;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.io.nnunet.NnUnetCases;
import org.medprep.io.nnunet.NnUnetDataset;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Export nnU-Net Dataset", "dataset_id=501 dataset_name=Chest channels=[CT=/data/ct] label_folder=/data/seg
 * labels=[background=0;lung=1] output_folder=/data/nnUNet_raw")}: an nnU-Net v2 raw dataset ({@link NnUnetDataset})
 * from folders of cases paired by base name. Lists are separated by ';' (folder names may hold commas). A bad case
 * stops the export with one line naming the file and leaves no dataset folder. {@code medprep export-nnunet} runs
 * this command.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Export>Export nnU-Net Dataset",
	description = "Write an nnU-Net v2 raw dataset (imagesTr/labelsTr/imagesTs, dataset.json) from folders of cases paired "
		+ "by base name, after checking that each case's channels and label map share one space and hold only declared labels.")
public class ExportNnunetDatasetCommand extends FileCommand {

	/** Separates the entries of the channel and label lists. */
	public static final String SEPARATOR = ";";

	@Parameter(label = "Dataset id", min = "1", max = "999", description = "Dataset id, 1 to 999 (nnU-Net suggests 500 and up for your own).")
	private int dataset_id = 500;

	@Parameter(label = "Dataset name", description = "Dataset name: letters, digits and '-' (the folder is DatasetXXX_NAME).")
	private String dataset_name = "";

	@Parameter(label = "Channels",
		description = "One NAME=FOLDER per input channel, separated by ';', in order (_0000, _0001, ...): its name in dataset.json "
			+ "(CT selects nnU-Net's CT normalization) and the folder of its images.")
	private String channels = "";

	@Parameter(label = "Label folder", style = "directory", validater = "checkLabelFolder",
		description = "Folder of label maps, one per training case, named as the images (medprep run writes a --label seg member to OUT/seg/).")
	private File label_folder;

	@Parameter(label = "Labels", description = "The labels of dataset.json as NAME=VALUE separated by ';', e.g. background=0;lung=1 (background 0, values consecutive).")
	private String labels = "";

	@Parameter(label = "nnUNet_raw folder", style = "directory", validater = "checkOutputFolder", description = "The nnUNet_raw folder; the dataset goes into DatasetXXX_NAME inside it.")
	private File output_folder;

	/** Refuses a missing label folder before any work, in the words of the other folder commands (not SciJava's "required but unset"). */
	private void checkLabelFolder() {
		InputChecks.refuse(this, InputChecks.existing("label folder", label_folder));
	}

	/** Refuses a run with nowhere to write, before any work. */
	private void checkOutputFolder() {
		InputChecks.refuse(this, InputChecks.given("nnUNet_raw folder", output_folder));
	}

	@Parameter(type = ItemIO.OUTPUT, label = "Dataset folder")
	private File dataset_folder;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	private String summary;

	@Override
	protected void execute() {
		final List<String> channelEntries = entries(channels);
		if (channelEntries.isEmpty()) throw new IllegalArgumentException("give at least one channel (e.g. CT=/data/ct)");
		final List<String> names = new ArrayList<>();
		final List<Path> folders = new ArrayList<>();
		for (final String c : channelEntries) {
			final String[] nv = NnUnetCases.nameAndValue(c, "channels", "NAME=FOLDER entries");
			names.add(nv[0]);
			folders.add(Path.of(nv[1]));
		}
		final NnUnetDataset dataset = new NnUnetDataset(dataset_id, dataset_name, names, NnUnetCases.labels(entries(labels), "labels"));
		if (!CommandOptions.isGiven(label_folder)) throw new IllegalArgumentException("no label folder given");
		if (!CommandOptions.isGiven(output_folder)) throw new IllegalArgumentException("no nnUNet_raw folder given");
		final Path written;
		final List<NnUnetDataset.Case> cases;
		try {
			cases = NnUnetCases.pair(folders, channelEntries, label_folder.toPath());
			written = Threads.call(getContext(), () -> {
				try {
					return dataset.write(cases, output_folder.toPath());
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e.getMessage(), e);
				}
			});
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
		final long training = cases.stream().filter(NnUnetDataset.Case::isTraining).count();
		dataset_folder = written.toFile();
		summary = written + ": " + training + " training case(s), " + (cases.size() - training) + " test case(s), " + names.size() + " channel(s)";
		if (status() != null) status().showStatus(label() + ": " + summary);
	}

	/** The entries of a ';'-separated list, trimmed, empty ones left out. */
	private static List<String> entries(final String text) {
		final List<String> list = new ArrayList<>();
		if (text == null) return list;
		for (final String e : text.split(SEPARATOR)) if (!e.trim().isEmpty()) list.add(e.trim());
		return list;
	}
}

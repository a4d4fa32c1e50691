package org.medprep.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.medprep.commands.engine.Threads;
import org.medprep.io.nnunet.NnUnetDataset;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code medprep export-nnunet --id 501 --name Lungs --channel CT=ct/ --labels seg/ --label background=0 --label lung=1 -o nnUNet_raw/}:
 * an nnU-Net v2 raw dataset from folders of cases paired by base name.
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
	public Integer call() throws IOException {
		CliContext.checkThreads(threads);
		final List<String> channelNames = new ArrayList<>();
		final List<Path> folders = new ArrayList<>();
		for (final String c : channels) {
			final int eq = c.indexOf('=');
			if (eq <= 0 || eq == c.length() - 1) throw new IllegalArgumentException("--channel takes NAME=FOLDER, got '" + c + "'");
			channelNames.add(c.substring(0, eq));
			folders.add(Path.of(c.substring(eq + 1)));
		}
		final Map<String, Integer> labels = new LinkedHashMap<>();
		for (final String l : labelNames) {
			final int eq = l.indexOf('=');
			if (eq <= 0 || eq == l.length() - 1) throw new IllegalArgumentException("--label takes NAME=VALUE, got '" + l + "'");
			final int value;
			try {
				value = Integer.parseInt(l.substring(eq + 1).trim());
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException("--label " + l + ": the value must be a whole number");
			}
			if (labels.put(l.substring(0, eq).trim(), value) != null) throw new IllegalArgumentException("--label " + l.substring(0, eq) + " is given twice");
		}
		final NnUnetDataset dataset = new NnUnetDataset(id, name, channelNames, labels);
		final List<NnUnetDataset.Case> cases = cases(folders);
		final Path written;
		try {
			written = Threads.call(threads == null ? Runtime.getRuntime().availableProcessors() : threads, () -> {
				try {
					return dataset.write(cases, out);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (final UncheckedIOException e) {
			spec.commandLine().getErr().println("medprep: " + e.getCause().getMessage());
			spec.commandLine().getErr().flush();
			return MedPrepCli.EXIT_FAILURES;
		}
		final long training = cases.stream().filter(NnUnetDataset.Case::isTraining).count();
		spec.commandLine().getOut().println(written + ": " + training + " training case(s), " + (cases.size() - training) + " test case(s), "
			+ channelNames.size() + " channel(s)");
		spec.commandLine().getOut().flush();
		return 0;
	}

	/** Cases by base name of the first channel's folder; the other channels and the label map are paired by that name. */
	private List<NnUnetDataset.Case> cases(final List<Path> folders) throws IOException {
		for (final Path f : folders) if (!Files.isDirectory(f)) throw new IllegalArgumentException(f + ": not a folder");
		if (!Files.isDirectory(labelFolder)) throw new IllegalArgumentException(labelFolder + ": not a folder");
		final List<Map<String, Path>> byChannel = new ArrayList<>();
		for (final Path f : folders) byChannel.add(images(f));
		final Map<String, Path> labelFiles = images(labelFolder);
		if (byChannel.get(0).isEmpty()) throw new IllegalArgumentException(folders.get(0) + ": no image files (" + ImageFiles.EXTENSIONS + ")");
		final List<NnUnetDataset.Case> cases = new ArrayList<>();
		for (final String base : byChannel.get(0).keySet()) {
			final List<Path> files = new ArrayList<>();
			for (int k = 0; k < folders.size(); k++) {
				final Path p = byChannel.get(k).get(base);
				if (p == null) throw new IllegalArgumentException(folders.get(k) + ": no image for case '" + base + "' (channel " + channels.get(k) + ")");
				files.add(p);
			}
			cases.add(new NnUnetDataset.Case(base, files, labelFiles.get(base)));
		}
		for (final String base : labelFiles.keySet())
			if (!byChannel.get(0).containsKey(base)) throw new IllegalArgumentException(labelFiles.get(base) + ": a label map without an image in " + folders.get(0));
		return cases;
	}

	/**
	 * The image files of a folder by base name (subfolders, such as the label folders medprep run writes beside
	 * its images, are not cases).
	 * @throws IllegalArgumentException for two files of one case, or a TIFF (nnU-Net's cases here are NIfTI or MetaImage)
	 */
	private static Map<String, Path> images(final Path folder) throws IOException {
		final Map<String, Path> m = new TreeMap<>();
		try (Stream<Path> s = Files.list(folder)) {
			s.filter(ImageFiles::isImageFile).sorted().forEach(p -> {
				if (ImageFiles.isTiff(ImageFiles.extensionOf(p.getFileName().toString())))
					throw new IllegalArgumentException(p + ": export-nnunet reads NIfTI and MetaImage; write the cases as nii.gz (medprep run --format nii.gz)");
				if (m.put(ImageFiles.baseName(p), p) != null)
					throw new IllegalArgumentException(folder + ": two files for case '" + ImageFiles.baseName(p) + "'");
			});
		}
		return m;
	}
}

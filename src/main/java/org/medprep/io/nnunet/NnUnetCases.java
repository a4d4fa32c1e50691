package org.medprep.io.nnunet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.medprep.io.ImageFileNames;

/**
 * The inputs of an nnU-Net export as its hosts take them: {@code NAME=FOLDER} channels and
 * {@code NAME=VALUE} labels, and the cases found in the channel folders, paired by base name with
 * the label maps. The CLI (one flag per entry) and the Fiji command (entries in one text) read
 * them with these, so both refuse the same inputs with the same lines, the option named in each
 * host's own words.
 */
public final class NnUnetCases {

	private NnUnetCases() {}

	/**
	 * Splits {@code NAME=VALUE} at its first '='.
	 * @param option how the host names the option, for the message ("--channel")
	 * @param form what the entry should look like ("NAME=FOLDER")
	 */
	public static String[] nameAndValue(final String entry, final String option, final String form) {
		final int eq = entry.indexOf('=');
		if (eq <= 0 || eq == entry.length() - 1) throw new IllegalArgumentException(option + " takes " + form + ", got '" + entry + "'");
		return new String[] { entry.substring(0, eq), entry.substring(eq + 1) };
	}

	/** {@code background=0}, {@code lung=1}, ... in the given order; names and values trimmed. */
	public static Map<String, Integer> labels(final List<String> entries, final String option) {
		final Map<String, Integer> labels = new LinkedHashMap<>();
		for (final String l : entries) {
			final String[] nv = nameAndValue(l, option, "NAME=VALUE");
			final int value;
			try {
				value = Integer.parseInt(nv[1].trim());
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException(option + " " + l + ": the value must be a whole number");
			}
			if (labels.put(nv[0].trim(), value) != null) throw new IllegalArgumentException(option + " " + nv[0] + " is given twice");
		}
		return labels;
	}

	/**
	 * Cases by base name of the first channel's folder; the other channels and the label map are paired by that name.
	 * @param channels the channels as given (NAME=FOLDER), for the messages
	 * @throws IllegalArgumentException for a missing folder, a case without one of its channels, a label map without an image
	 */
	public static List<NnUnetDataset.Case> pair(final List<Path> folders, final List<String> channels, final Path labelFolder) throws IOException {
		for (final Path f : folders) if (!Files.isDirectory(f)) throw new IllegalArgumentException(f + ": not a folder");
		if (!Files.isDirectory(labelFolder)) throw new IllegalArgumentException(labelFolder + ": not a folder");
		final List<Map<String, Path>> byChannel = new ArrayList<>();
		for (final Path f : folders) byChannel.add(images(f));
		final Map<String, Path> labelFiles = images(labelFolder);
		if (byChannel.get(0).isEmpty()) throw new IllegalArgumentException(folders.get(0) + ": no image files (" + ImageFileNames.EXTENSIONS + ")");
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
			s.filter(ImageFileNames::isImageFile).sorted().forEach(p -> {
				if (ImageFileNames.isTiff(ImageFileNames.extensionOf(p.getFileName().toString())))
					throw new IllegalArgumentException(p + ": a TIFF; the nnU-Net export reads NIfTI and MetaImage cases (save them as .nii.gz)");
				if (m.put(ImageFileNames.baseName(p), p) != null)
					throw new IllegalArgumentException(folder + ": two files for case '" + ImageFileNames.baseName(p) + "'");
			});
		}
		return m;
	}
}

package org.medprep.cli.batch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.medprep.io.ImageFileNames;

/**
 * The files an earlier {@code medprep run} wrote into a folder beside its
 * cases' images: its members ({@code seg/case001.nii.gz}) and the other
 * outputs of its steps ({@code case001_field.nii.gz}), as its manifest lists
 * them. Read back as the input of the next run they are not cases: a label
 * map taken for an image would be windowed, normalized and written as if it
 * were one, with nothing to show it happened.
 */
final class EarlierRunOutputs {

	private EarlierRunOutputs() {}

	/**
	 * Absolute, normalized paths of the outputs the manifests in {@code folder}
	 * name that are not a case's main image ({@code <case>.<ext>} in the folder
	 * itself); empty when the folder holds no manifest.
	 */
	static Set<Path> in(final Path folder) throws IOException {
		final Set<Path> extras = new HashSet<>();
		final Path base = folder.toAbsolutePath().normalize();
		try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, Manifest.FILE_PREFIX + "*" + Manifest.FILE_SUFFIX)) {
			for (final Path manifest : s)
				for (final ManifestRow row : Manifest.read(manifest))
					for (final String output : row.outputs()) {
						final Path p = base.resolve(output).normalize();
						if (!isMainImage(base, p, row.caseName())) extras.add(p);
					}
		}
		return extras;
	}

	private static boolean isMainImage(final Path base, final Path output, final String caseName) {
		if (!base.equals(output.getParent())) return false;
		final String name = output.getFileName().toString();
		final String ext = ImageFileNames.extensionOf(name);
		return ext != null && name.substring(0, name.length() - ext.length()).equals(caseName);
	}
}

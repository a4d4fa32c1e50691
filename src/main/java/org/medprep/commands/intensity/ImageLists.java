package org.medprep.commands.intensity;

import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.ImageTitleService;
import org.medprep.core.Volume;
import org.medprep.io.ImageFileNames;
import org.medprep.io.ImageFormats;
import net.imglib2.type.numeric.RealType;
import ij.ImagePlus;
import ij.io.Opener;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;


/**
 * Sets of images for the cohort commands (Nyul Train, CT Dataset Fingerprint,
 * Intensity Histograms): open images named by a comma-separated list of
 * titles, or every image file of a folder (sorted by name; NIfTI and
 * MetaImage through MedPrep's readers, TIFF through ImageJ; other files, such
 * as a landmarks.txt or a README beside the images, are not images).
 */
final class ImageLists {

	private ImageLists() {}

	/**
	 * @param titles comma-separated titles (used when not blank)
	 * @param folder used when titles is blank; may be null
	 * @param what what the images are, for messages ("training images")
	 * @throws IllegalArgumentException naming what is missing
	 */
	static List<ImagePlus> resolve(final String titles, final File folder, final ImageTitleService titleService, final String what) {
		final List<ImagePlus> images = new ArrayList<>();
		if (titles != null && !titles.isBlank()) {
			if (titleService == null) throw new IllegalArgumentException(what + " cannot be looked up by title here");
			for (final String t : titles.split(",")) {
				if (t.isBlank()) continue;
				images.add(titleService.find(t.trim()));
			}
		}
		else if (folder != null && !folder.getPath().isEmpty()) images.addAll(openFolder(folder.toPath(), what));
		if (images.isEmpty()) throw new IllegalArgumentException("no " + what + ": give image titles or a folder");
		return images;
	}

	/** NIfTI and MetaImage through MedPrep's readers (geometry and scaling kept), TIFF through ImageJ; null if ImageJ cannot read it. */
	@SuppressWarnings("unchecked")
	private static ImagePlus open(final Path p) {
		if (ImageFormats.canRead(p)) {
			try {
				return ImagePlusVolumes.toImagePlus((Volume<? extends RealType<?>>) (Object) ImageFormats.read(p), p.getFileName().toString(), null);
			}
			catch (final IOException e) {
				throw new IllegalArgumentException(e.getMessage(), e);
			}
		}
		return new Opener().openImage(p.toString());
	}

	private static List<ImagePlus> openFolder(final Path folder, final String what) {
		if (!Files.isDirectory(folder)) throw new IllegalArgumentException(what + " folder " + folder + " does not exist");
		final List<Path> files = new ArrayList<>();
		try (Stream<Path> s = Files.list(folder)) {
			s.filter(ImageFileNames::isImageFile).sorted().forEach(files::add); // the one list of image endings: no text or JSON file is an image
		}
		catch (final IOException e) {
			throw new IllegalArgumentException("cannot list " + folder + ": " + e.getMessage(), e);
		}
		final List<ImagePlus> images = new ArrayList<>();
		for (final Path p : files) {
			final ImagePlus imp = open(p);
			if (imp == null) throw new IllegalArgumentException(p + ": not a readable image");
			imp.setTitle(p.getFileName().toString());
			images.add(imp);
		}
		if (images.isEmpty()) throw new IllegalArgumentException("no readable images in the " + what + " folder " + folder);
		return images;
	}
}

package org.medprep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;
import org.medprep.io.ImageFormats;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomLoadOptions;
import org.medprep.io.dicom.DicomSeries;
import org.medprep.io.dicom.DicomSeriesLoader;

import net.imglib2.type.numeric.RealType;

/**
 * One input case of the CLI: an image file (NIfTI, MetaImage, TIFF), or one
 * series of a DICOM folder. Its base name names its outputs; it is read only
 * when processed, so a bad case fails alone.
 */
public final class Case {

	/** Reads the case's volumes (several for a 4D NIfTI). */
	@FunctionalInterface
	interface Reader {
		List<Volume<?>> read() throws IOException;
	}

	final String base;
	final String source;
	private final Reader reader;

	Case(final String base, final String source, final Reader reader) {
		this.base = base;
		this.source = source;
		this.reader = reader;
	}

	List<Volume<?>> volumes() throws IOException {
		return reader.read();
	}

	/** The case's one volume, with the history its file kept in its metadata. @throws IOException if the file holds several (4D) */
	@SuppressWarnings("unchecked")
	Volume<? extends RealType<?>> volume() throws IOException {
		final List<Volume<?>> v = volumes();
		if (v.size() != 1) throw new IOException(source + ": holds " + v.size() + " volumes; pipelines take 3D images (medprep convert splits a 4D file)");
		return (Volume<? extends RealType<?>>) (Object) v.get(0);
	}

	@Override
	public String toString() {
		return source;
	}

	/**
	 * The cases of an input: an image file; a folder's image files (sorted); or, when a
	 * file or folder holds DICOM, one case per series (named after the folder, with the
	 * series number when there are several).
	 *
	 * @throws IOException naming the input when it holds nothing MedPrep reads
	 */
	public static List<Case> of(final Path input, final DicomLoadOptions dicom) throws IOException {
		if (!Files.exists(input)) throw new IOException(input + ": no such file or folder");
		if (Files.isRegularFile(input) && ImageFiles.extensionOf(input.getFileName().toString()) != null)
			return Collections.singletonList(file(input));
		if (Files.isDirectory(input)) {
			final List<Case> files = new ArrayList<>();
			try (java.util.stream.Stream<Path> s = Files.list(input)) {
				s.filter(ImageFiles::isImageFile).sorted().forEach(p -> files.add(file(p)));
			}
			if (!files.isEmpty()) return files;
		}
		final List<DicomSeries> series = DicomFolder.select(DicomFolder.scan(input), dicom);
		if (series.isEmpty()) throw new IOException(input + ": no image files (" + ImageFiles.EXTENSIONS + ") and no DICOM series");
		final String name = ImageFiles.baseName(input);
		final List<Case> cases = new ArrayList<>();
		final Set<String> used = new HashSet<>();
		for (final DicomSeries s : series) {
			String base = series.size() == 1 ? name : name + "_s" + s.seriesNumber();
			for (int k = 2; !used.add(base); k++) base = name + "_s" + s.seriesNumber() + "_" + k;
			cases.add(new Case(base, input + " series " + s.seriesNumber() + " (" + s.uid() + ")",
				() -> Collections.singletonList(DicomSeriesLoader.load(s, dicom, ProgressListener.NONE).volume())));
		}
		return cases;
	}

	private static Case file(final Path p) {
		return new Case(ImageFiles.baseName(p), p.toString(), () -> {
			if (ImageFiles.isTiff(ImageFiles.extensionOf(p.getFileName().toString())))
				return Collections.singletonList(ImageFiles.readVolume(p));
			return ImageFormats.readAll(p);
		});
	}
}

package org.medprep.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.medprep.cli.batch.CaseFinder;
import org.medprep.cli.batch.CaseRef;
import org.medprep.cli.batch.DicomCaseReader;
import org.medprep.cli.batch.DicomNaming;
import org.medprep.core.Volume;
import org.medprep.io.ImageFormats;
import org.medprep.io.dicom.DicomLoadOptions;

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

	/** The case a batch found, read when it runs. */
	static Case of(final CaseRef ref, final DicomLoadOptions dicom) {
		if (ref.kind() == CaseRef.Kind.DICOM_SERIES)
			return new Case(ref.name(), ref.toString(), () -> Collections.singletonList(DicomCaseReader.read(ref, dicom).volume()));
		return file(ref.name(), Path.of(ref.location()));
	}

	/**
	 * The cases of an input: an image file; a folder's image files and DICOM series
	 * (subfolders too, see {@link CaseFinder}).
	 *
	 * @throws IOException naming the input when it holds nothing MedPrep reads
	 */
	public static List<Case> of(final Path input, final DicomLoadOptions dicom) throws IOException {
		final CaseFinder.Found found = CaseFinder.find(Collections.singletonList(input), DicomNaming.SERIES, dicom);
		if (!found.problems().isEmpty()) throw new IOException(found.problems().get(0));
		final List<Case> cases = new ArrayList<>();
		for (final CaseRef ref : found.cases()) cases.add(of(ref, dicom));
		return cases;
	}

	private static Case file(final String name, final Path p) {
		return new Case(name, p.toString(), () -> {
			if (ImageFiles.isTiff(ImageFiles.extensionOf(p.getFileName().toString())))
				return Collections.singletonList(ImageFiles.readVolume(p));
			final List<Volume<?>> volumes = ImageFormats.readAll(p);
			PhaseTimes.mark("read " + p.getFileName());
			return volumes;
		});
	}
}

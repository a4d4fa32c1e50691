package org.medprep.io.dicom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import net.imglib2.parallel.Parallelization;

import org.medprep.core.ProgressListener;
import org.medprep.io.UserMessages;

/**
 * Finds the image series in a folder tree: every file is parsed header-only
 * (in parallel), files that are not DICOM images are skipped and reported,
 * frames are grouped by Series Instance UID. Series come out ordered by
 * Series Number, then UID; a series with several echoes, or with images
 * that do not say where they are, comes out in parts ({@link SeriesParts}).
 * RT Structure Sets and Segmentations are listed as
 * {@link DicomAnnotation}s of the series they refer to.
 */
public final class DicomFolder {

	/**
	 * A file the scan did not use, and why: either it is not an image (not
	 * DICOM, a DICOMDIR, a report, a link to a file already read), or it is a
	 * DICOM image that cannot be used ({@link #isError()}: corrupt, truncated,
	 * absurd geometry, unsupported pixel format), which a command reports as a
	 * failed input.
	 */
	public static final class Skipped {
		private final Path file;
		private final String reason;
		private final boolean error;

		Skipped(final Path file, final String reason) {
			this(file, reason, false);
		}

		Skipped(final Path file, final String reason, final boolean error) {
			this.file = file;
			this.reason = reason;
			this.error = error;
		}

		public Path file() { return file; }
		/** Why, without the file name. */
		public String reason() { return reason; }
		/** True for a file that should have been read but could not be (not for files that are simply not images). */
		public boolean isError() { return error; }

		@Override
		public String toString() {
			return file + ": " + reason;
		}
	}

	/** What a scan found. */
	public static final class Scan {
		private final Path folder;
		private final List<DicomSeries> series;
		private final List<Skipped> skipped;
		private final int filesSeen;

		private final List<DicomAnnotation> annotations;

		Scan(final Path folder, final List<DicomSeries> series, final List<Skipped> skipped, final int filesSeen,
			final List<DicomAnnotation> annotations)
		{
			this.folder = folder;
			this.series = Collections.unmodifiableList(series);
			this.skipped = Collections.unmodifiableList(skipped);
			this.filesSeen = filesSeen;
			this.annotations = Collections.unmodifiableList(annotations);
		}

		public Path folder() { return folder; }
		public List<DicomSeries> series() { return series; }
		/** Files that are not DICOM, not images, or unreadable, with the reason. */
		public List<Skipped> skipped() { return skipped; }
		/** The skipped files that are errors ({@link Skipped#isError()}). */
		public List<Skipped> errors() {
			final List<Skipped> e = new ArrayList<>();
			for (final Skipped s : skipped)
				if (s.isError()) e.add(s);
			return e;
		}
		public int filesSeen() { return filesSeen; }
		/** RT Structure Sets and Segmentations found (they are not image series; each names the series it annotates). */
		public List<DicomAnnotation> annotations() { return annotations; }
		/**
		 * One line on what the scan found, as {@code medprep info} and DICOM Series Info end:
		 * "2 series in 7 files; 1 files skipped (1 unreadable); 1 annotations (RTSTRUCT, SEG)".
		 */
		public String summary() {
			final int unreadable = errors().size();
			return series.size() + " series in " + filesSeen + " files; " + skipped.size() + " files skipped"
				+ (unreadable == 0 ? "" : " (" + unreadable + " unreadable)")
				+ (annotations.isEmpty() ? "" : "; " + annotations.size() + " annotations (RTSTRUCT, SEG)");
		}

		/** The annotations of one series of this scan. */
		public List<DicomAnnotation> annotationsOf(final DicomSeries s) throws DicomException {
			final List<DicomAnnotation> out = new ArrayList<>();
			for (final DicomAnnotation a : annotations)
				if (a.annotates(s)) out.add(a);
			return out;
		}
	}

	private DicomFolder() {}

	public static Scan scan(final Path folder) throws DicomException {
		return scan(folder, ProgressListener.NONE);
	}

	/**
	 * Scans a folder tree, or a single file (e.g. an enhanced multi-frame image).
	 *
	 * @throws DicomException if the folder does not exist or cannot be listed
	 */
	public static Scan scan(final Path folder, final ProgressListener progress) throws DicomException {
		if (!Files.exists(folder)) throw new DicomException(folder + ": no such file or folder");
		final List<Skipped> skipped = new ArrayList<>();
		final List<Path> files = Files.isRegularFile(folder) ? Collections.singletonList(folder) : FolderFiles.list(folder, skipped);
		final int listingProblems = skipped.size();
		final AtomicLong done = new AtomicLong();
		final List<Object> results = Parallelization.getTaskExecutor().forEachApply(files, f -> {
			final Object r = scanFile(f);
			progress.progress(done.incrementAndGet(), files.size(), "scanning DICOM files");
			return r;
		});
		final Map<String, List<DicomFrame>> bySeries = new LinkedHashMap<>();
		final List<DicomAnnotation> annotations = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			final Object r = results.get(i);
			if (r instanceof Skipped) {
				skipped.add((Skipped) r);
				continue;
			}
			if (r instanceof DicomAnnotation) {
				annotations.add((DicomAnnotation) r);
				continue;
			}
			@SuppressWarnings("unchecked")
			final List<DicomFrame> frames = (List<DicomFrame>) r;
			bySeries.computeIfAbsent(frames.get(0).seriesInstanceUid(), k -> new ArrayList<>()).addAll(frames);
		}
		final List<DicomSeries> series = new ArrayList<>();
		for (final Map.Entry<String, List<DicomFrame>> e : bySeries.entrySet()) series.addAll(parts(e.getKey(), e.getValue(), skipped));
		series.sort(Comparator.comparingInt(DicomSeries::seriesNumber).thenComparing(DicomSeries::uid));
		return new Scan(folder, series, skipped, files.size() + listingProblems, annotations);
	}

	/** The parts of one Series Instance UID (echoes, images without geometry: {@link SeriesParts}); the whole series if that fails. */
	private static List<DicomSeries> parts(final String uid, final List<DicomFrame> frames, final List<Skipped> skipped) throws DicomException {
		try {
			return SeriesParts.of(uid, frames);
		}
		catch (final DicomException | RuntimeException e) {
			skipped.add(new Skipped(java.nio.file.Paths.get(frames.get(0).source()), "series " + uid + " not split by echo: " + UserMessages.oneLine(e)));
			return Collections.singletonList(new DicomSeries(uid, frames));
		}
	}

	/**
	 * One file of a scan: its frames, or why it was skipped. Isolated: whatever
	 * is wrong with the file (including a bug its bytes trigger) becomes a
	 * reason naming the file, never an exception that stops the scan.
	 */
	private static Object scanFile(final Path f) {
		try {
			final DicomFile file = DicomParser.readHeader(f);
			final String sopClass = file.dataset().getString(Tags.SOPClassUID, file.meta().getString(Tags.MediaStorageSOPClassUID, ""));
			if ("1.2.840.10008.1.3.10".equals(sopClass)) return new Skipped(f, "DICOMDIR (a media directory, not an image)");
			final DicomAnnotation annotation = DicomAnnotation.of(f, file, sopClass);
			if (annotation != null) return annotation;
			if (!file.pixelData().isPresent()) return new Skipped(f, "DICOM without pixel data (SOP class " + sopClass + ")");
			final List<DicomFrame> frames = DicomFrame.of(file);
			for (final DicomFrame frame : frames) FrameGeometryCheck.check(frame);
			return frames;
		}
		catch (final NotDicomException e) {
			return new Skipped(f, "not DICOM");
		}
		catch (final DicomException e) {
			return new Skipped(f, withoutPath(e.getMessage(), f), true);
		}
		catch (final RuntimeException e) {
			return new Skipped(f, "cannot be read: " + UserMessages.oneLine(e), true);
		}
	}

	/** Reasons name the file once: as the Skipped's file. */
	private static String withoutPath(final String message, final Path f) {
		if (message == null) return "cannot be read";
		final String prefix = f + ": ";
		return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
	}

	/**
	 * Scans and loads every series (or those in the options' plane).
	 *
	 * @throws DicomException if the folder holds no DICOM image (naming it and
	 *           what was skipped), no series in the asked plane, or a series
	 *           cannot be loaded
	 */
	public static List<DicomSeriesVolume> load(final Path folder, final DicomLoadOptions options) throws DicomException {
		final Scan scan = scan(folder);
		final List<DicomSeries> chosen = select(scan, options);
		final List<DicomSeriesVolume> out = new ArrayList<>();
		for (final DicomSeries s : chosen) out.add(DicomSeriesLoader.load(s, options, ProgressListener.NONE));
		return out;
	}

	private static String reasonOnly(final Skipped s) {
		final String prefix = s.file() + ": ";
		return s.reason().startsWith(prefix) ? s.reason().substring(prefix.length()) : s.reason();
	}

	/** The series of a scan that pass the plane filter. @throws DicomException if none */
	public static List<DicomSeries> select(final Scan scan, final DicomLoadOptions options) throws DicomException {
		if (scan.series().isEmpty() && Files.isRegularFile(scan.folder()) && scan.skipped().size() == 1)
			throw new DicomException(scan.skipped().get(0).file() + ": " + reasonOnly(scan.skipped().get(0)));
		if (scan.series().isEmpty()) {
			final StringBuilder why = new StringBuilder();
			for (int i = 0; i < Math.min(3, scan.skipped().size()); i++) why.append("; ").append(scan.skipped().get(i));
			throw new DicomException(scan.folder() + ": no DICOM image files found (" + scan.filesSeen() + " files, "
				+ scan.skipped().size() + " skipped" + why + ")");
		}
		if (!options.planeFilter().isPresent()) return scan.series();
		final SlicePlane want = options.planeFilter().get();
		final List<DicomSeries> chosen = new ArrayList<>();
		final List<String> planes = new ArrayList<>();
		for (final DicomSeries s : scan.series()) {
			final PlaneClassification p;
			try {
				p = SlicePlane.classify(s.frames().get(0).imageOrientationPatient(), options.planeToleranceDegrees());
			}
			catch (final IllegalArgumentException e) {
				planes.add(s.uid() + " unknown plane");
				continue;
			}
			planes.add(s.uid() + " " + p.describe());
			if (p.plane() == want) chosen.add(s);
		}
		if (chosen.isEmpty())
			throw new DicomException(scan.folder() + ": no " + want.label() + " series (found: " + String.join(", ", planes) + ")");
		return chosen;
	}
}

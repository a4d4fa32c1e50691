package org.medprep.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;
import org.medprep.io.storage.AtomicFiles;
import org.medprep.io.ImageFormats;
import org.medprep.io.storage.StoredType;
import org.medprep.io.UserMessages;
import org.medprep.io.dicom.BidsSidecar;
import org.medprep.io.dicom.DicomAnnotation;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomLoadOptions;
import org.medprep.io.dicom.DicomParser;
import org.medprep.io.dicom.DicomSeries;
import org.medprep.io.dicom.DicomSeriesLoader;
import org.medprep.io.dicom.DicomSeriesVolume;
import org.medprep.io.dicom.SeriesVolumes;
import org.medprep.io.dicom.label.DicomLabelMap;
import org.medprep.io.dicom.label.RtStruct;
import org.medprep.io.dicom.label.RtStructLabelMap;
import org.medprep.io.dicom.label.Segmentation;
import org.medprep.io.dicom.label.SegmentationLabelMap;

/**
 * {@code medprep convert} on DICOM: every series of a folder (or file) to one
 * image file, with beside it
 * <ul>
 * <li>a BIDS-style JSON sidecar ({@link BidsSidecar}; patient identifiers
 * only when asked), and for a diffusion series its b-values (.bval);</li>
 * <li>for each RT Structure Set or Segmentation of the series, its label map
 * on the image's grid ({@code _rtstruct}, {@code _seg}) and the label names
 * ({@code _rtstruct_labels.csv}).</li>
 * </ul>
 * Echoes are written as separate series ({@code _e1}, {@code _e2}), time
 * points and b-values as one 4D file, as dcm2niix does. Each file and each
 * series is isolated: a file that cannot be read is reported in one line
 * (SKIPPED file: problem), a series that cannot be converted too (FAILED
 * series: problem) and nothing of it stays on disk; the others are still
 * written, and the exit code then says that some inputs failed.
 */
final class DicomConversion {

	private final Path in;
	private final DicomLoadOptions options;
	private final boolean identifiers;
	private final PrintWriter out;
	private final PrintWriter err;

	DicomConversion(final Path in, final DicomLoadOptions options, final boolean identifiers, final PrintWriter out, final PrintWriter err) {
		this.in = in;
		this.options = options;
		this.identifiers = identifiers;
		this.out = out;
		this.err = err;
	}

	/**
	 * @param target an output file (only for a single series) or null
	 * @param folder the output folder when {@code target} is null
	 * @param format output extension without the dot, for outputs in a folder
	 * @return the number of inputs that failed (unreadable files, series, annotations)
	 * @throws IOException if the input holds no DICOM series at all
	 * @throws IllegalArgumentException if several series are to go into one file
	 */
	int run(final Path target, final Path folder, final String format) throws IOException {
		final DicomFolder.Scan scan = DicomFolder.scan(in);
		int failed = 0;
		for (final DicomFolder.Skipped s : scan.errors()) {
			err.println("SKIPPED " + s);
			failed++;
		}
		final List<DicomSeries> series = DicomFolder.select(scan, options);
		if (target != null && series.size() > 1)
			throw new IllegalArgumentException(in + " holds " + series.size() + " series: give an output folder, not a file");
		final List<String> names = baseNames(series);
		final String ext = target != null ? extension(target) : format;
		final Set<String> labelled = new HashSet<>();
		for (int i = 0; i < series.size(); i++) {
			final DicomSeries s = series.get(i);
			final Path image = target != null ? target : folder.resolve(names.get(i) + "." + ext);
			final String base = image.getFileName().toString().substring(0, image.getFileName().toString().length() - ext.length() - 1);
			final List<Path> written = new ArrayList<>();
			final Volume<?> grid;
			try {
				final List<DicomSeriesVolume> volumes = DicomSeriesLoader.loadAll(s, options, ProgressListener.NONE);
				Files.createDirectories(image.toAbsolutePath().getParent());
				final List<Volume<?>> v = new ArrayList<>();
				for (final DicomSeriesVolume x : volumes) v.add(x.volume());
				grid = v.get(0);
				written.add(image);
				if (v.size() == 1) ImageFormats.write(v.get(0), image, StoredType.KEEP, false);
				else ImageFormats.writeAll(v, image, StoredType.KEEP);
				writeText(written, image.resolveSibling(base + ".json"), BidsSidecar.json(
					BidsSidecar.of(s, identifiers, volumes.get(0).warnings(), "MedPrep", version())));
				if (v.size() > 1) {
					final SeriesVolumes parts = SeriesVolumes.of(s);
					if (parts.kind() == SeriesVolumes.Kind.DIFFUSION) writeText(written, image.resolveSibling(base + ".bval"), bval(parts.bValues()));
				}
				out.println(describe(s) + " -> " + image + (v.size() > 1 ? " (" + v.size() + " volumes)" : ""));
			}
			catch (final IOException | RuntimeException e) {
				removeAll(written);
				err.println("FAILED " + describe(s) + ": " + UserMessages.oneLine(e));
				failed++;
				continue;
			}
			// label maps once per series (its echoes share the grid of the first), each annotation on its own
			if (!labelled.add(s.uid())) continue;
			final Set<String> used = new HashSet<>();
			for (final DicomAnnotation a : scan.annotationsOf(s)) {
				String name = base + "_" + a.kind().suffix();
				for (int k = 2; !used.add(name); k++) name = base + "_" + a.kind().suffix() + "_" + k;
				if (!labelMap(a, grid, image.resolveSibling(name + "." + ext), image.resolveSibling(name + "_labels.csv"))) failed++;
			}
		}
		return failed + orphans(scan);
	}

	/** Writes the label map of one annotation onto the grid of the series' (first) volume; false (reported) if it failed. */
	private boolean labelMap(final DicomAnnotation a, final Volume<?> grid, final Path map, final Path names) {
		final List<Path> written = new ArrayList<>();
		try {
			final DicomLabelMap m = a.kind() == DicomAnnotation.Kind.RTSTRUCT
				? RtStructLabelMap.of(RtStruct.read(DicomParser.read(a.file())), grid.geometry(), grid.dimensions())
				: SegmentationLabelMap.of(Segmentation.read(DicomParser.read(a.file())), grid.geometry(), grid.dimensions());
			written.add(map);
			ImageFormats.write(m.volume(), map, StoredType.KEEP, false);
			written.add(names);
			m.writeNames(names);
			out.println(a.file() + " (" + a.kind() + ", " + m.labels().size() + " labels) -> " + map);
			for (final String w : m.warnings()) out.println("  warning: " + w);
			return true;
		}
		catch (final IOException | RuntimeException e) {
			removeAll(written);
			err.println("FAILED " + a.file() + ": " + UserMessages.oneLine(e));
			return false;
		}
	}

	/** Annotations of series that are not in the input at all (those of series left out by --plane are not errors). */
	private int orphans(final DicomFolder.Scan scan) throws DicomException {
		int n = 0;
		for (final DicomAnnotation a : scan.annotations()) {
			boolean found = false;
			for (final DicomSeries s : scan.series()) found |= a.annotates(s);
			if (found) continue;
			err.println("SKIPPED " + a.file() + ": " + a.kind() + " of series " + (a.referencedSeries().isEmpty() ? "(none named)"
				: String.join(", ", a.referencedSeries())) + ", which is not in " + in);
			n++;
		}
		return n;
	}

	private static void writeText(final List<Path> written, final Path file, final String text) throws IOException {
		written.add(file);
		AtomicFiles.write(file, o -> {
			final Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
			w.write(text);
			w.flush();
		});
	}

	/** FSL's .bval, as dcm2niix writes it: the b-values on one line. */
	private static String bval(final double[] b) {
		final List<String> s = new ArrayList<>();
		for (final double v : b) s.add(v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v));
		return String.join(" ", s) + "\n";
	}

	/** A series' outputs leave together: what was written before a failure is removed. */
	private void removeAll(final List<Path> written) {
		for (final Path p : written) {
			try {
				Files.deleteIfExists(p);
			}
			catch (final IOException e) {
				err.println("cannot remove the incomplete output " + p + ": " + UserMessages.oneLine(e));
			}
		}
	}

	private static String extension(final Path file) {
		final String e = ImageFiles.extensionOf(file.getFileName().toString());
		return e == null ? "" : e.substring(1);
	}

	private static String version() {
		final String v = DicomConversion.class.getPackage().getImplementationVersion();
		return v == null ? "development build" : v;
	}

	private String describe(final DicomSeries s) {
		return in + " series " + s.seriesNumber() + (s.part().isEmpty() ? "" : " " + s.part()) + " (" + s.uid() + ")";
	}

	/**
	 * The input's name; with the series number when there are several series;
	 * with the part of a split series (_e2: echo 2, as dcm2niix); _2, _3... if
	 * names still repeat.
	 */
	private List<String> baseNames(final List<DicomSeries> series) {
		final String name = ImageFiles.baseName(in.toAbsolutePath().normalize());
		final Set<String> uids = new HashSet<>();
		for (final DicomSeries s : series) uids.add(s.uid());
		final List<String> names = new ArrayList<>();
		final Set<String> used = new HashSet<>();
		for (final DicomSeries s : series) {
			final String stem = (uids.size() == 1 ? name : name + "_s" + s.seriesNumber()) + (s.part().isEmpty() ? "" : "_" + s.part());
			String base = stem;
			for (int k = 2; !used.add(base); k++) base = stem + "_" + k;
			names.add(base);
		}
		return names;
	}
}

package org.medprep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;
import org.medprep.io.ImageFormats;
import org.medprep.io.StoredType;
import org.medprep.io.UserMessages;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomLoadOptions;
import org.medprep.io.dicom.DicomSeries;
import org.medprep.io.dicom.DicomSeriesLoader;

/**
 * {@code medprep convert} on DICOM: every series of a folder (or file) to one
 * output file each. Each file and each series is isolated: a file that cannot
 * be read is reported in one line (SKIPPED file: problem) and a series that
 * cannot be loaded (FAILED series: problem), the others are still written, and
 * the exit code then says that some inputs failed.
 */
final class DicomConversion {

	private final Path in;
	private final DicomLoadOptions options;
	private final PrintWriter out;
	private final PrintWriter err;

	DicomConversion(final Path in, final DicomLoadOptions options, final PrintWriter out, final PrintWriter err) {
		this.in = in;
		this.options = options;
		this.out = out;
		this.err = err;
	}

	/**
	 * @param target an output file (only for a single series) or null
	 * @param folder the output folder when {@code target} is null
	 * @param format output extension without the dot, for outputs in a folder
	 * @return the number of inputs that failed (unreadable files and series)
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
		for (int i = 0; i < series.size(); i++) {
			final DicomSeries s = series.get(i);
			final Path file = target != null ? target : folder.resolve(names.get(i) + "." + format);
			try {
				final Volume<?> v = DicomSeriesLoader.load(s, options, ProgressListener.NONE).volume();
				Files.createDirectories(file.toAbsolutePath().getParent());
				ImageFormats.write(v, file, StoredType.KEEP, false);
				out.println(describe(s) + " -> " + file);
			}
			catch (final IOException | RuntimeException e) {
				err.println("FAILED " + describe(s) + ": " + UserMessages.oneLine(e));
				failed++;
			}
		}
		return failed;
	}

	private String describe(final DicomSeries s) {
		return in + " series " + s.seriesNumber() + " (" + s.uid() + ")";
	}

	/** The input's name, with the series number when there are several (then _2, _3... if numbers repeat), as {@code medprep run} names DICOM cases. */
	private List<String> baseNames(final List<DicomSeries> series) {
		final String name = ImageFiles.baseName(in.toAbsolutePath().normalize());
		final List<String> names = new ArrayList<>();
		final Set<String> used = new HashSet<>();
		for (final DicomSeries s : series) {
			String base = series.size() == 1 ? name : name + "_s" + s.seriesNumber();
			for (int k = 2; !used.add(base); k++) base = name + "_s" + s.seriesNumber() + "_" + k;
			names.add(base);
		}
		return names;
	}
}

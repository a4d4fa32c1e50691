package org.medprep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.io.ImageFormats;
import org.medprep.io.dicom.DicomAnnotation;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomSeries;
import org.medprep.io.dicom.DicomSeriesSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code medprep info FILE|DIR [--json]}: an image file's header and geometry,
 * or a DICOM folder's series (UID, modality, description, plane, size, spacing, files).
 */
@Command(name = "info", description = "Show an image file's header and geometry, or the series of a DICOM folder.")
final class InfoCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE|DIR", description = "A .nii/.nii.gz/.hdr/.mha/.mhd file, or a DICOM folder or file.")
	Path input;

	@Option(names = "--json", description = "Machine-readable output.")
	boolean json;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		final PrintWriter out = spec.commandLine().getOut();
		if (!Files.exists(input)) throw new IOException(input + ": no such file or folder");
		if (Files.isRegularFile(input) && ImageFormats.canRead(input)) {
			final Map<String, String> fields = new LinkedHashMap<>(ImageFormats.describe(input));
			final Volume<?> v = ImageFormats.readAll(input).get(0);
			fields.putAll(geometry(v));
			if (json) out.println(object(fields));
			else fields.forEach((k, val) -> out.println(k + ": " + val));
		}
		else {
			final DicomFolder.Scan scan = DicomFolder.scan(input);
			for (final DicomFolder.Skipped s : scan.errors()) spec.commandLine().getErr().println("SKIPPED " + s);
			if (scan.series().isEmpty())
				throw new IOException(input + ": no image file and no DICOM series (" + scan.filesSeen() + " files seen, " + scan.skipped().size() + " skipped)");
			final List<Map<String, String>> rows = new ArrayList<>();
			for (final DicomSeries s : scan.series()) {
				final String[] cols = DicomSeriesSummary.columns(), row = DicomSeriesSummary.of(s).row();
				final Map<String, String> m = new LinkedHashMap<>();
				for (int i = 0; i < cols.length; i++) m.put(cols[i], row[i]);
				rows.add(m);
			}
			if (json) {
				final List<String> items = new ArrayList<>();
				for (final Map<String, String> r : rows) items.add(object(r));
				out.println("[" + String.join(",\n ", items) + "]");
			}
			else {
				out.println(String.join("\t", DicomSeriesSummary.columns()));
				for (final Map<String, String> r : rows) out.println(String.join("\t", r.values()));
				for (final DicomAnnotation a : scan.annotations())
					out.println(a.kind() + " " + a.file() + " of series " + (a.referencedSeries().isEmpty() ? "(none named)" : String.join(", ", a.referencedSeries())));
				out.println(scan.series().size() + " series in " + scan.filesSeen() + " files; " + scan.skipped().size() + " files skipped"
					+ (scan.errors().isEmpty() ? "" : " (" + scan.errors().size() + " unreadable)")
					+ (scan.annotations().isEmpty() ? "" : "; " + scan.annotations().size() + " annotations (RTSTRUCT, SEG)"));
			}
			out.flush();
			// the good series are listed; the unreadable files make the exit code say that some inputs failed
			return scan.errors().isEmpty() ? 0 : MedPrepCli.EXIT_FAILURES;
		}
		out.flush();
		return 0;
	}

	private static Map<String, String> geometry(final Volume<?> v) {
		final Geometry g = v.geometry();
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("size", Arrays.toString(v.dimensions()));
		m.put("spacing (mm)", Arrays.toString(g.spacing()));
		m.put("origin (mm, LPS)", Arrays.toString(g.origin()));
		m.put("direction (LPS, columns = axes)", Arrays.deepToString(g.direction()));
		m.put("value type", v.data().getType().getClass().getSimpleName());
		return m;
	}

	private static String object(final Map<String, String> m) {
		final StringBuilder sb = new StringBuilder("{");
		m.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(Json.str(k)).append(": ").append(Json.str(v)));
		return sb.append('}').toString();
	}
}

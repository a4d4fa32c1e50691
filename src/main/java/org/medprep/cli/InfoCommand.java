package org.medprep.cli;

import ij.io.FileInfo;
import ij.io.Opener;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.medprep.commands.imagej.HistoryStore;
import org.medprep.core.Geometry;
import org.medprep.io.ImageFileNames;
import org.medprep.io.ImageFormat;
import org.medprep.io.ImageFormats;
import org.medprep.io.metaimage.MetaImageHeader;
import org.medprep.io.metaimage.MetaImageReader;
import org.medprep.io.nifti.NiftiHeaderInfo;
import org.medprep.io.dicom.DicomAnnotation;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomSeries;
import org.medprep.io.dicom.DicomSeriesSummary;

import com.google.gson.GsonBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code medprep info FILE|DIR [--json]}: an image file's header, size,
 * geometry and MedPrep history (NIfTI, MetaImage, TIFF), or a DICOM folder's
 * series (UID, modality, description, plane, size, spacing, files). Only
 * headers are read, never the voxels. {@code --json} gives numbers as numbers.
 */
@Command(name = "info", description = "Show an image file's header, geometry and history, or the series of a DICOM folder (headers only).")
final class InfoCommand implements Callable<Integer> {

	/** A finite number (NaN and infinities stay text: JSON has no such numbers). */
	private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

	@Parameters(paramLabel = "FILE|DIR", description = "A .nii/.nii.gz/.hdr/.mha/.mhd/.tif file, or a DICOM folder or file.")
	Path input;

	@Option(names = "--json", description = "Machine-readable output (numbers as numbers).")
	boolean json;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		final PrintWriter out = spec.commandLine().getOut();
		if (!Files.exists(input)) throw new IOException(input + ": no such file or folder");
		final String ext = Files.isRegularFile(input) ? ImageFileNames.extensionOf(input.getFileName().toString()) : null;
		if (ext != null && ImageFileNames.isTiff(ext)) print(out, tiff(input));
		else if (Files.isRegularFile(input) && ImageFormats.canRead(input)) print(out, volumeFile(input));
		else return dicom(out);
		out.flush();
		return 0;
	}

	/** NIfTI or MetaImage: header fields, then shape, geometry and history. */
	private static Map<String, Object> volumeFile(final Path file) throws IOException {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("file", file.toString());
		if (ImageFormat.require(file).isNifti()) {
			final NiftiHeaderInfo h = NiftiHeaderInfo.read(file);
			m.put("header", typed(h.header().fields()));
			m.put("size", h.size());
			m.put("volumes", h.volumes());
			m.put("value_type", h.voxelType().label());
			geometry(m, h.geometry());
			m.put("history", lines(h.history()));
			if (!h.warnings().isEmpty()) m.put("warnings", h.warnings());
		}
		else {
			final MetaImageHeader h = MetaImageReader.readHeader(file);
			final Map<String, String> fields = new LinkedHashMap<>();
			fields.put("format", "MetaImage");
			fields.putAll(h.fields());
			fields.remove(MetaImageHeader.HISTORY_FIELD);
			m.put("header", typed(fields));
			final long[] d = h.dimSize();
			m.put("size", new long[] { d[0], d.length > 1 ? d[1] : 1, d.length > 2 ? d[2] : 1 });
			m.put("volumes", 1);
			m.put("value_type", h.voxelType().label());
			geometry(m, MetaImageReader.geometry(file, h));
			final String history = h.fields().get(MetaImageHeader.HISTORY_FIELD);
			m.put("history", lines(history == null ? null : MetaImageHeader.unescape(history.trim())));
		}
		return m;
	}

	private static void geometry(final Map<String, Object> m, final Geometry g) {
		m.put("spacing", g.spacing());
		m.put("origin", g.origin());
		m.put("direction", g.direction());
	}

	/** An ImageJ TIFF: what its header and ImageJ's description say (size, calibration, properties), no pixels. */
	private static Map<String, Object> tiff(final Path file) throws IOException {
		final FileInfo[] info = Opener.getTiffFileInfo(file.toString());
		if (info == null || info.length == 0) throw new IOException(file + ": not a readable TIFF image");
		final FileInfo fi = info[0];
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("file", file.toString());
		final Map<String, Object> header = new LinkedHashMap<>();
		header.put("format", "TIFF");
		header.put("bits_per_pixel", fi.getBytesPerPixel() * 8);
		header.put("unit", fi.unit == null ? "" : fi.unit);
		if (fi.valueUnit != null) header.put("value_unit", fi.valueUnit);
		m.put("header", header);
		m.put("size", new long[] { fi.width, fi.height, Math.max(fi.nImages, info.length) });
		m.put("spacing", new double[] { fi.pixelWidth, fi.pixelHeight, fi.pixelDepth });
		final Map<String, String> props = new LinkedHashMap<>();
		if (fi.properties != null)
			for (int i = 0; i + 1 < fi.properties.length; i += 2) props.put(fi.properties[i], fi.properties[i + 1]);
		m.put("history", lines(props.remove(HistoryStore.PROPERTY)));
		if (!props.isEmpty()) m.put("properties", props);
		return m;
	}

	private static List<String> lines(final String history) {
		if (history == null || history.trim().isEmpty()) return Collections.emptyList();
		return Arrays.asList(history.trim().split("\n"));
	}

	/** The series table of a DICOM folder; exit code 1 when some DICOM files could not be read (the good series are still listed). */
	private int dicom(final PrintWriter out) throws IOException {
		final DicomFolder.Scan scan = DicomFolder.scan(input);
		for (final DicomFolder.Skipped s : scan.errors()) spec.commandLine().getErr().println("SKIPPED " + s);
		if (scan.series().isEmpty())
			throw new IOException(input + ": no image file and no DICOM series (" + scan.filesSeen() + " files seen, " + scan.skipped().size() + " skipped)");
		final List<DicomSeriesSummary> rows = new ArrayList<>();
		for (final DicomSeries s : scan.series()) rows.add(DicomSeriesSummary.of(s));
		if (json) {
			final List<Map<String, Object>> items = new ArrayList<>();
			for (final DicomSeriesSummary r : rows) {
				final Map<String, Object> m = new LinkedHashMap<>();
				m.put("series_uid", r.uid());
				m.put("series_number", r.seriesNumber());
				m.put("modality", r.modality());
				m.put("description", r.description());
				m.put("plane", r.plane().describe());
				m.put("size", r.size().orElse(null));
				m.put("spacing", r.spacing().orElse(null));
				m.put("files", r.numberOfFiles());
				m.put("notes", r.row()[r.row().length - 1]);
				items.add(m);
			}
			out.println(gson().toJson(items));
		}
		else {
			out.println(String.join("\t", DicomSeriesSummary.columns()));
			for (final DicomSeriesSummary r : rows) out.println(String.join("\t", r.row()));
			for (final DicomAnnotation a : scan.annotations()) out.println(a.describe());
			out.println(scan.summary());
		}
		out.flush();
		return scan.errors().isEmpty() ? 0 : MedPrepCli.EXIT_FAILURES;
	}

	private void print(final PrintWriter out, final Map<String, Object> m) {
		if (json) {
			out.println(gson().toJson(m));
			return;
		}
		for (final Map.Entry<String, Object> e : m.entrySet()) {
			if (e.getKey().equals("history")) continue;
			if (e.getValue() instanceof Map) ((Map<?, ?>) e.getValue()).forEach((k, v) -> out.println(k + ": " + v));
			else out.println(e.getKey().replace('_', ' ') + ": " + text(e.getValue()));
		}
		final List<?> history = (List<?>) m.get("history");
		out.println("history: " + (history.isEmpty() ? "(none)" : ""));
		for (final Object line : history) out.println("  " + line);
	}

	private static String text(final Object v) {
		if (v instanceof long[]) return Arrays.toString((long[]) v);
		if (v instanceof double[]) return Arrays.toString((double[]) v);
		if (v instanceof double[][]) return Arrays.deepToString((double[][]) v);
		return String.valueOf(v);
	}

	private static com.google.gson.Gson gson() {
		return new GsonBuilder().disableHtmlEscaping().serializeNulls().serializeSpecialFloatingPointValues().setPrettyPrinting().create();
	}

	/** Header fields as JSON values: numbers and lists of numbers ("[1, 2]", "1 2 3") as numbers, the rest as text. */
	static Map<String, Object> typed(final Map<String, String> fields) {
		final Map<String, Object> m = new LinkedHashMap<>();
		fields.forEach((k, v) -> m.put(k, typedValue(v)));
		return m;
	}

	static Object typedValue(final String v) {
		if (v == null) return null;
		final String t = v.trim();
		if (NUMBER.matcher(t).matches()) return number(t);
		final String inner = t.startsWith("[") && t.endsWith("]") ? t.substring(1, t.length() - 1).trim() : t;
		final String[] parts = inner.isEmpty() ? new String[0] : inner.split("\\s*,\\s*|\\s+");
		if (parts.length < 2 && !(t.startsWith("[") && parts.length == 1)) return v;
		final List<Object> numbers = new ArrayList<>();
		for (final String p : parts) {
			if (!NUMBER.matcher(p).matches()) return v;
			numbers.add(number(p));
		}
		return numbers;
	}

	private static Object number(final String t) {
		if (t.matches("-?\\d{1,18}")) return Long.parseLong(t);
		return Double.parseDouble(t);
	}
}

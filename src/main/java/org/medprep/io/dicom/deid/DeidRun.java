package org.medprep.io.dicom.deid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.medprep.core.ProgressListener;
import org.medprep.io.storage.AtomicFiles;
import org.medprep.io.storage.CsvText;
import org.medprep.io.UserMessages;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomFile;
import org.medprep.io.dicom.DicomParser;
import org.medprep.io.dicom.NotDicomException;

/**
 * De-identifies every file under an input folder into an output folder.
 * <ul>
 * <li>The output folder must not be the input folder or inside it (checked on real paths), so the
 * input is never written to; inputs are only read.</li>
 * <li>The folder structure is kept with anonymized names: each folder is "D" + 12 hex digits and each
 * file 16 hex digits + ".dcm", from HMAC(key, relative path), so names are stable across runs with the
 * same key and say nothing about patients.</li>
 * <li>Each file is written atomically (temporary file + rename). A file that cannot be read
 * (truncated, corrupt, not DICOM) is reported and the run goes on.</li>
 * <li>Files flagged for possible burned-in PHI ({@link BurnedInRisk}) are not written unless asked;
 * DICOMDIR files are never copied (their references would point at the original names).</li>
 * <li>An audit log {@value #AUDIT_NAME} (CSV) is written to the output folder: one row per input file
 * with its input id (the keyed name its output has or would have), output file, status, reasons and
 * action counts. It holds no attribute values and no input paths (folder and file names are often
 * patient names or record numbers); the mapping from input paths to ids and outputs is written only
 * where the user asks (the path map), never inside the input or output folder, readable by its owner
 * only.</li>
 * <li>Permissions: the de-identified files, their folders and the audit log are created like any new
 * file of the process (its umask decides, as for cp), the same for all of them; only the path map is
 * owner-only (rw-------), since it re-identifies.</li>
 * </ul>
 */
public final class DeidRun {

	/** File name of the audit log in the output folder. */
	public static final String AUDIT_NAME = "deid-audit.csv";

	/** Outcome of one input file. */
	public enum Status {
		WRITTEN("written"), FLAGGED_NOT_WRITTEN("flagged_not_written"), FLAGGED_WRITTEN("flagged_written"),
		/** A DICOMDIR: not copied, its file references would not match the anonymized names. */
		SKIPPED_DICOMDIR("skipped_dicomdir"),
		FAILED("failed"), NOT_DICOM("not_dicom");

		private final String label;

		Status(final String label) {
			this.label = label;
		}

		public String label() { return label; }
	}

	/** One row of the audit log. */
	public static final class FileOutcome {
		private final String input;
		private final String inputId;
		private final String output;
		private final Status status;
		private final String reasons;
		private final Map<DeidCount, Integer> counts;

		FileOutcome(final String input, final String inputId, final String output, final Status status, final String reasons,
			final Map<DeidCount, Integer> counts)
		{
			this.input = input;
			this.inputId = inputId;
			this.output = output;
			this.status = status;
			this.reasons = reasons;
			this.counts = Collections.unmodifiableMap(new EnumMap<>(counts));
		}

		/** Input path relative to the input folder ('/' separated); never written into the output folder. */
		public String input() { return input; }
		/**
		 * The input's keyed identifier (16 hex digits, the name its output file has or would have), which
		 * the audit log uses instead of the path; the path map, where asked for, links the two.
		 */
		public String inputId() { return inputId; }
		/** Output path relative to the output folder, or "" if nothing was written. */
		public String output() { return output; }
		public Status status() { return status; }
		/** Flag reasons or the error message (no attribute values). */
		public String reasons() { return reasons; }
		public Map<DeidCount, Integer> counts() { return counts; }
	}

	/** The outcome of a run. */
	public static final class Report {
		private final List<FileOutcome> files;
		private final Path auditLog;
		private final Path pathMap;

		Report(final List<FileOutcome> files, final Path auditLog, final Path pathMap) {
			this.files = Collections.unmodifiableList(files);
			this.auditLog = auditLog;
			this.pathMap = pathMap;
		}

		public List<FileOutcome> files() { return files; }
		public Path auditLog() { return auditLog; }
		/** The file linking input paths to input ids and output files, if one was asked for. */
		public java.util.Optional<Path> pathMap() { return java.util.Optional.ofNullable(pathMap); }

		public long count(final Status s) {
			return files.stream().filter(f -> f.status() == s).count();
		}

		/** True when every input file was DICOM and read without error (flagged files are not errors). */
		public boolean isClean() {
			return count(Status.FAILED) == 0 && count(Status.NOT_DICOM) == 0;
		}

		@Override
		public String toString() {
			return files.size() + " files: " + count(Status.WRITTEN) + " written, " + count(Status.FLAGGED_NOT_WRITTEN)
				+ " flagged and not written, " + count(Status.FLAGGED_WRITTEN) + " flagged and written, "
				+ (count(Status.SKIPPED_DICOMDIR) > 0 ? count(Status.SKIPPED_DICOMDIR) + " DICOMDIR skipped, " : "") + count(Status.FAILED)
				+ " failed, " + count(Status.NOT_DICOM) + " not DICOM; audit log " + auditLog + (pathMap == null ? "" : "; path map " + pathMap);
		}
	}

	private final Path input;
	private final Path output;
	private final DicomDeidentifier deidentifier;
	private final DeidKey key;
	private final boolean writeFlagged;
	private final int threads;
	private final Path pathMap;

	/**
	 * A run without a path map.
	 *
	 * @param writeFlagged write files flagged for burned-in PHI anyway (still flagged in the log)
	 * @param threads files de-identified in parallel (&gt;= 1)
	 * @throws IllegalArgumentException if the input is not a folder, or the output is the input or inside it
	 */
	public DeidRun(final Path input, final Path output, final DicomDeidentifier deidentifier, final DeidKey key,
		final boolean writeFlagged, final int threads)
	{
		this(input, output, deidentifier, key, writeFlagged, threads, null);
	}

	/**
	 * @param pathMap where to write the CSV linking each input path to its input id and output file
	 *          (owner-only permissions; keep it with the key), or null for none; never inside the input or
	 *          output folder, since the input paths it holds often name patients
	 * @throws IllegalArgumentException also if the path map is inside the input or the output folder
	 */
	public DeidRun(final Path input, final Path output, final DicomDeidentifier deidentifier, final DeidKey key,
		final boolean writeFlagged, final int threads, final Path pathMap)
	{
		if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
		if (!Files.isDirectory(input)) throw new IllegalArgumentException("input folder " + input + " does not exist or is not a folder");
		this.input = realPath(input);
		this.output = resolveAgainstRealAncestor(output);
		if (this.output.equals(this.input))
			throw new IllegalArgumentException("output folder " + output + " is the input folder; choose a folder outside " + input);
		if (this.output.startsWith(this.input))
			throw new IllegalArgumentException("output folder " + output + " is inside the input folder " + input
				+ "; choose a folder outside it (the input is never written to)");
		if (Files.exists(this.output) && !Files.isDirectory(this.output))
			throw new IllegalArgumentException("output " + output + " exists and is not a folder");
		this.deidentifier = deidentifier;
		this.key = key;
		this.writeFlagged = writeFlagged;
		this.threads = threads;
		this.pathMap = pathMap == null ? null : resolveAgainstRealAncestor(pathMap);
		if (this.pathMap != null && (this.pathMap.startsWith(this.output) || this.pathMap.startsWith(this.input)))
			throw new IllegalArgumentException("path map " + pathMap + " is inside the " + (this.pathMap.startsWith(this.output) ? "output" : "input")
				+ " folder; it links the outputs to the input paths (often patient names): keep it elsewhere, with the key");
		if (this.pathMap != null && Files.isDirectory(this.pathMap)) throw new IllegalArgumentException("path map " + pathMap + " is a folder, not a file");
	}

	/**
	 * The run both hosts (the Fiji command and {@code medprep anonymize}) make: the
	 * standard Basic Profile with the chosen options, new UIDs from the key, and
	 * pseudonyms from the key or from a mapping CSV of PatientID,pseudonym.
	 *
	 * @param mappingCsv may be null
	 * @throws IllegalArgumentException for an unreadable mapping CSV, bad folders or options
	 */
	public static DeidRun withStandardProfile(final Path input, final Path output, final Set<DeidOption> options, final String key,
		final Path mappingCsv, final boolean writeFlagged, final int threads)
	{
		return withStandardProfile(input, output, options, key, mappingCsv, writeFlagged, threads, null);
	}

	/** As {@link #withStandardProfile(Path, Path, Set, String, Path, boolean, int)}, with a path map (may be null). */
	public static DeidRun withStandardProfile(final Path input, final Path output, final Set<DeidOption> options, final String key,
		final Path mappingCsv, final boolean writeFlagged, final int threads, final Path pathMap)
	{
		final DeidKey secret = new DeidKey(key);
		final PatientPseudonyms pseudonyms;
		try {
			pseudonyms = mappingCsv == null ? PatientPseudonyms.hashed(secret) : PatientPseudonyms.fromCsv(secret, mappingCsv);
		}
		catch (final IOException e) {
			throw new IllegalArgumentException("cannot read the mapping CSV: " + e.getMessage(), e);
		}
		final DicomDeidentifier deid = new DicomDeidentifier(ConfidentialityProfile.standard(), options, new UidMapper(secret), pseudonyms);
		return new DeidRun(input, output, deid, secret, writeFlagged, threads, pathMap);
	}

	/**
	 * Runs over every regular file under the input folder (sorted, symbolic links not followed).
	 * {@code progress} may be called from the worker threads.
	 *
	 * @throws IOException if the input cannot be listed or the output folder / audit log cannot be written
	 */
	public Report run(final ProgressListener progress) throws IOException {
		final List<Path> files;
		try (Stream<Path> s = Files.walk(input)) {
			files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
		}
		Files.createDirectories(output);
		final List<FileOutcome> outcomes = new ArrayList<>(Collections.nCopies(files.size(), (FileOutcome) null));
		final AtomicLong done = new AtomicLong();
		final ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			final List<Future<FileOutcome>> futures = new ArrayList<>();
			for (final Path f : files)
				futures.add(pool.submit(() -> {
					final FileOutcome o = processOne(f);
					progress.progress(done.incrementAndGet(), files.size(), "de-identifying");
					return o;
				}));
			for (int i = 0; i < futures.size(); i++) outcomes.set(i, futures.get(i).get());
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("de-identification interrupted", e);
		}
		catch (final ExecutionException e) {
			final Throwable c = e.getCause();
			if (c instanceof IOException) throw (IOException) c;
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			if (c instanceof Error) throw (Error) c;
			throw new IOException(c);
		}
		finally {
			pool.shutdownNow();
		}
		final Path audit = output.resolve(AUDIT_NAME);
		writeAudit(outcomes, audit);
		if (pathMap != null) writePathMap(outcomes, pathMap);
		return new Report(outcomes, audit, pathMap);
	}

	private FileOutcome processOne(final Path file) {
		final String rel = relative(input, file);
		final String id = key.hex("file", rel, 8);
		final Map<DeidCount, Integer> none = new EnumMap<>(DeidCount.class);
		final DicomFile parsed;
		try {
			parsed = DicomParser.read(file);
		}
		catch (final NotDicomException e) {
			return new FileOutcome(rel, id, "", Status.NOT_DICOM, stripPath(e.getMessage(), file), none);
		}
		catch (final DicomException e) {
			return new FileOutcome(rel, id, "", Status.FAILED, "unreadable: " + stripPath(e.getMessage(), file), none);
		}
		catch (final RuntimeException e) {
			return new FileOutcome(rel, id, "", Status.FAILED, "unreadable: " + UserMessages.oneLine(e), none);
		}
		if (DICOMDIR_CLASS.equals(mediaStorageClass(parsed)))
			return new FileOutcome(rel, id, "", Status.SKIPPED_DICOMDIR,
				"DICOMDIR not copied: its file references would not match the anonymized names; make a new one from the output", none);
		final DeidentifiedFile d;
		try {
			d = deidentifier.deidentify(parsed);
		}
		catch (final DeidException e) {
			return new FileOutcome(rel, id, "", Status.FAILED, stripPath(e.getMessage(), file), none);
		}
		catch (final RuntimeException e) { // isolate the case: one odd file must not stop the run
			return new FileOutcome(rel, id, "", Status.FAILED, "cannot de-identify: " + UserMessages.oneLine(e), none);
		}
		final String reasons = String.join(";", d.burnedInReasons());
		if (d.isFlagged() && !writeFlagged)
			return new FileOutcome(rel, id, "", Status.FLAGGED_NOT_WRITTEN, "possible burned-in PHI: " + reasons, d.counts());
		final String outRel = outputName(rel);
		final Path target = output.resolve(outRel);
		final Map<DeidCount, Integer> counts = new EnumMap<>(DeidCount.class);
		counts.putAll(d.counts());
		if (!parsed.warnings().isEmpty()) counts.put(DeidCount.PARSER_WARNINGS, parsed.warnings().size());
		try {
			final DicomFileWriter.Result r = DicomFileWriter.writeAtomically(d.meta(), d.transferSyntax(), d.dataset(), target);
			if (r.oddLengthsPadded() > 0) counts.put(DeidCount.ODD_LENGTHS_PADDED, r.oddLengthsPadded());
		}
		catch (final IOException e) {
			return new FileOutcome(rel, id, "", Status.FAILED, "cannot write: " + stripPath(e.getMessage(), file), counts);
		}
		catch (final RuntimeException e) {
			return new FileOutcome(rel, id, "", Status.FAILED, "cannot write: " + UserMessages.oneLine(e), counts);
		}
		return new FileOutcome(rel, id, outRel, d.isFlagged() ? Status.FLAGGED_WRITTEN : Status.WRITTEN,
			d.isFlagged() ? "possible burned-in PHI: " + reasons : "", counts);
	}

	private static final String DICOMDIR_CLASS = "1.2.840.10008.1.3.10";

	private static String mediaStorageClass(final DicomFile f) {
		try {
			return f.meta().getString(0x00020002, "");
		}
		catch (final DicomException e) {
			return "";
		}
	}

	/** Anonymized relative output path: each folder "D" + 12 hex digits, the file 16 hex digits + ".dcm". */
	String outputName(final String relativeInput) {
		final String[] parts = relativeInput.split("/");
		final StringBuilder sb = new StringBuilder();
		final StringBuilder prefix = new StringBuilder();
		for (int i = 0; i < parts.length - 1; i++) {
			prefix.append(parts[i]).append('/');
			sb.append('D').append(key.hex("dir", prefix.toString(), 6)).append('/');
		}
		sb.append(key.hex("file", relativeInput, 8)).append(".dcm");
		return sb.toString();
	}

	/** The audit log: one row per input, by input id (no input paths: folder names often are patient names or MRNs). */
	private static void writeAudit(final List<FileOutcome> outcomes, final Path audit) throws IOException {
		final List<List<String>> rows = new ArrayList<>();
		final List<String> header = new ArrayList<>();
		header.add("input_id");
		header.add("output_file");
		header.add("status");
		header.add("reasons");
		for (final DeidCount c : DeidCount.values()) header.add(c.column());
		rows.add(header);
		for (final FileOutcome o : outcomes) {
			final List<String> row = new ArrayList<>();
			row.add(o.inputId());
			row.add(o.output());
			row.add(o.status().label());
			row.add(o.reasons());
			for (final DeidCount c : DeidCount.values()) row.add(Integer.toString(o.counts().getOrDefault(c, 0)));
			rows.add(row);
		}
		final byte[] bytes = CsvText.write(rows).getBytes(StandardCharsets.UTF_8);
		AtomicFiles.write(audit, out -> out.write(bytes));
	}

	/**
	 * The path map: input path, input id, output file. Written through a temporary file that only its
	 * owner may read (as the key should be), renamed into place.
	 */
	private static void writePathMap(final List<FileOutcome> outcomes, final Path map) throws IOException {
		final List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("input_file", "input_id", "output_file"));
		for (final FileOutcome o : outcomes) rows.add(List.of(o.input(), o.inputId(), o.output()));
		Files.createDirectories(map.toAbsolutePath().getParent());
		final byte[] bytes = CsvText.write(rows).getBytes(StandardCharsets.UTF_8);
		AtomicFiles.writePrivate(map, out -> out.write(bytes));
	}

	/** Messages do not name the file (its id is in the row; its path only in the path map). */
	private static String stripPath(final String message, final Path file) {
		if (message == null) return "";
		final String prefix = file + ": ";
		final String m = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
		return m.replace(file.toString(), "the file");
	}

	private static String relative(final Path root, final Path file) {
		return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
	}

	private static Path realPath(final Path p) {
		try {
			return p.toRealPath();
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot resolve " + p, e);
		}
	}

	/** Absolute normalized path with its deepest existing ancestor resolved to a real path (symbolic links). */
	private static Path resolveAgainstRealAncestor(final Path p) {
		Path abs = p.toAbsolutePath().normalize();
		Path existing = abs;
		final List<String> rest = new ArrayList<>();
		while (existing != null && !Files.exists(existing)) {
			rest.add(0, existing.getFileName().toString());
			existing = existing.getParent();
		}
		if (existing == null) return abs;
		Path r = realPath(existing);
		for (final String s : rest) r = r.resolve(s);
		return r;
	}
}

package org.medprep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.medprep.io.dicom.deid.DeidOption;
import org.medprep.io.dicom.deid.DeidRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code medprep anonymize IN_DIR OUT_DIR [options]}: the "DICOM Anonymize" command over a folder
 * (same options, kebab-case). One line per file that failed; exit code 1 if any input file could not
 * be de-identified (unreadable or not DICOM), 2 for usage errors (output inside input, no key...).
 */
@Command(name = "anonymize", description = "De-identify a folder of DICOM files (PS3.15 Basic Profile + options) into another folder, "
	+ "keeping the folder structure with anonymized names; writes deid-audit.csv there.")
final class AnonymizeCommand implements Callable<Integer> {

	/** Environment variable read for the key when neither --key nor --key-file is given. */
	static final String KEY_ENV = "MEDPREP_DEID_KEY";

	@Parameters(index = "0", paramLabel = "IN_DIR", description = "Folder of DICOM files (read only).")
	Path in;

	@Parameters(index = "1", paramLabel = "OUT_DIR", description = "Output folder, not inside IN_DIR (created if needed).")
	Path out;

	@Option(names = "--key", paramLabel = "SECRET", description = "Secret key (visible to other users in the process list: prefer --key-file or $" + KEY_ENV + ").")
	String key;

	@Option(names = "--key-file", paramLabel = "FILE", description = "File whose first line is the secret key.")
	Path keyFile;

	@Option(names = "--mapping-csv", paramLabel = "CSV", description = "Pseudonyms from a CSV of original PatientID,pseudonym (default: from the key).")
	Path mappingCsv;

	@Option(names = "--retain-full-dates", description = "Retain Longitudinal Temporal Information, Full Dates Option.")
	boolean retainFullDates;

	@Option(names = "--retain-modified-dates", description = "Retain Longitudinal Temporal Information, Modified Dates Option (per-patient shift of 1-365 days).")
	boolean retainModifiedDates;

	@Option(names = "--retain-patient-characteristics", description = "Keep sex, age, size, weight...")
	boolean retainPatientCharacteristics;

	@Option(names = "--retain-device-identity", description = "Keep station names, serial numbers, device UIDs.")
	boolean retainDeviceIdentity;

	@Option(names = "--retain-institution-identity", description = "Keep institution name, address, department.")
	boolean retainInstitutionIdentity;

	@Option(names = "--retain-uids", description = "Keep the original UIDs.")
	boolean retainUids;

	@Option(names = "--retain-safe-private", description = "Keep the allow-listed private elements (b-values, SUV factors).")
	boolean retainSafePrivate;

	@Option(names = "--clean-descriptors", description = "Keep descriptions with identifying words blanked instead of removing them.")
	boolean cleanDescriptors;

	@Option(names = "--write-flagged", description = "Also write files that may carry burned-in PHI (still flagged in the audit log).")
	boolean writeFlagged;

	@Option(names = "--threads", description = "Files processed in parallel (default: all cores).")
	Integer threads;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		final Set<DeidOption> options = EnumSet.noneOf(DeidOption.class);
		if (retainFullDates) options.add(DeidOption.RETAIN_LONG_FULL_DATES);
		if (retainModifiedDates) options.add(DeidOption.RETAIN_LONG_MODIFIED_DATES);
		if (retainPatientCharacteristics) options.add(DeidOption.RETAIN_PATIENT_CHARACTERISTICS);
		if (retainDeviceIdentity) options.add(DeidOption.RETAIN_DEVICE_IDENTITY);
		if (retainInstitutionIdentity) options.add(DeidOption.RETAIN_INSTITUTION_IDENTITY);
		if (retainUids) options.add(DeidOption.RETAIN_UIDS);
		if (retainSafePrivate) options.add(DeidOption.RETAIN_SAFE_PRIVATE);
		if (cleanDescriptors) options.add(DeidOption.CLEAN_DESCRIPTORS);
		final int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
		if (n < 1) throw new IllegalArgumentException("--threads must be at least 1");
		final DeidRun.Report report = DeidRun.withStandardProfile(in, out, options, secret(), mappingCsv, writeFlagged, n).run((done, total, message) -> {});
		final PrintWriter w = spec.commandLine().getOut();
		final PrintWriter err = spec.commandLine().getErr();
		for (final DeidRun.FileOutcome f : report.files())
			if (f.status() == DeidRun.Status.FAILED || f.status() == DeidRun.Status.NOT_DICOM)
				err.println("medprep anonymize: " + f.input() + ": " + f.status().label() + ": " + f.reasons());
			else if (f.status() == DeidRun.Status.FLAGGED_NOT_WRITTEN)
				w.println(f.input() + ": not written: " + f.reasons());
		w.println(report);
		return report.isClean() ? 0 : MedPrepCli.EXIT_FAILURES;
	}

	private String secret() throws IOException {
		final int given = (key != null ? 1 : 0) + (keyFile != null ? 1 : 0);
		if (given > 1) throw new IllegalArgumentException("give the key once: --key or --key-file");
		if (key != null) return key;
		if (keyFile != null) {
			final List<String> lines = Files.readAllLines(keyFile, StandardCharsets.UTF_8);
			if (lines.isEmpty() || lines.get(0).trim().isEmpty()) throw new IllegalArgumentException("key file " + keyFile + " is empty");
			return lines.get(0).trim();
		}
		final String env = System.getenv(KEY_ENV);
		if (env != null && !env.isEmpty()) return env;
		throw new IllegalArgumentException("no key: give --key-file FILE, --key SECRET or set $" + KEY_ENV);
	}
}

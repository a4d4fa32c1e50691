package org.medprep.commands.dicom;

import java.io.File;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import org.medprep.commands.io.FileCommand;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.io.dicom.deid.DeidKeySource;
import org.medprep.io.dicom.deid.DeidOption;
import org.medprep.io.dicom.deid.DeidRun;
import org.medprep.io.dicom.deid.DicomDeidentifier;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("DICOM Anonymize", "input_folder=[...] output_folder=[...] key=[...] retain_modified_dates=true")}:
 * the PS3.15 Basic Application Level Confidentiality Profile over a folder (see
 * {@link org.medprep.io.dicom.deid.DicomDeidentifier} and {@link DeidRun}). Files that cannot be read
 * are reported in the audit log (by input id) and in {@code problems} (by path, one line each) and counted
 * in {@code failed}; the command itself fails only for bad parameters (missing folders, output inside
 * input, no key, unreadable mapping CSV). {@code medprep anonymize} runs this command, its options made
 * from these parameters.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>DICOM>DICOM Anonymize",
	description = "De-identify a folder of DICOM files (PS3.15 Basic Profile + options) into another folder, with an audit log.")
public class DicomAnonymizeCommand extends FileCommand {

	@Parameter(label = "Input folder", validater = "checkInputFolder", style = "directory", description = "Folder of DICOM files (read only; sub-folders included).")
	private File input_folder;

	/** Refuses a missing input before any work. */
	private void checkInputFolder() {
		InputChecks.refuse(this, InputChecks.existing("input folder", input_folder));
	}

	@Parameter(label = "Output folder", validater = "checkOutputFolder", style = "directory",
		description = "Where the de-identified files and deid-audit.csv go; must not be inside the input folder.")
	private File output_folder;

	/** Refuses a run with nowhere to write, before any work. */
	private void checkOutputFolder() {
		InputChecks.refuse(this, InputChecks.given("output folder", output_folder));
	}

	@Parameter(label = "Secret key", style = "password", persist = false, required = false,
		description = "Secret for new UIDs, pseudonyms, date offsets and file names: the same key gives the same results across runs. Keep it secret; "
			+ "empty: the key file, else $" + DeidKeySource.ENV + ".")
	private String key = "";

	@Parameter(label = "Key file", required = false, style = "open",
		description = "File whose first line is the secret key, used when key is empty: keeps the key out of recorded macros.")
	private File key_file;

	@Parameter(label = "Path map", required = false, style = "save",
		description = "Optional CSV linking each input path to its input id and output file, written here (owner-only) and nowhere else: "
			+ "not inside the input or output folder. The audit log names inputs by id only.")
	private File path_map;

	@Parameter(label = "Pseudonym mapping CSV", required = false, style = "open",
		description = "Optional CSV of original PatientID,pseudonym; without it pseudonyms come from the key.")
	private File mapping_csv;

	@Parameter(label = "Retain full dates", description = "Retain Longitudinal Temporal Information, Full Dates Option.")
	private boolean retain_full_dates;

	@Parameter(label = "Retain modified dates", description = "Retain Longitudinal Temporal Information, Modified Dates Option: dates shifted by a per-patient offset of 1-365 days.")
	private boolean retain_modified_dates;

	@Parameter(label = "Retain patient characteristics", description = "Keep sex, age, size, weight and the like.")
	private boolean retain_patient_characteristics;

	@Parameter(label = "Retain device identity", description = "Keep station names, serial numbers and device UIDs.")
	private boolean retain_device_identity;

	@Parameter(label = "Retain institution identity", description = "Keep institution name, address and department.")
	private boolean retain_institution_identity;

	@Parameter(label = "Retain UIDs", description = "Keep the original UIDs (not recommended: they can be traced back).")
	private boolean retain_uids;

	@Parameter(label = "Retain safe private", description = "Keep a short allow-list of private elements (diffusion b-values, PET SUV factors); all other private elements are removed.")
	private boolean retain_safe_private;

	@Parameter(label = "Clean descriptors", description = "Keep study/series/protocol descriptions with identifying words blanked, instead of removing them.")
	private boolean clean_descriptors;

	@Parameter(label = "Write flagged files", description = "Also write files that may carry burned-in PHI (US, secondary capture, Burned In Annotation = YES); they stay flagged in the audit log.")
	private boolean write_flagged;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	private String summary;

	@Parameter(type = ItemIO.OUTPUT, label = "Audit log")
	private String audit_log;

	@Parameter(type = ItemIO.OUTPUT, label = "Files failed")
	private int failed;

	@Parameter(type = ItemIO.OUTPUT, label = "Problems")
	private String problems;

	@Override
	protected void execute() {
		if (!CommandOptions.isGiven(input_folder) || !CommandOptions.isGiven(output_folder)) throw new IllegalArgumentException("input_folder and output_folder are required");
		final Set<DeidOption> options = EnumSet.noneOf(DeidOption.class);
		if (retain_full_dates) options.add(DeidOption.RETAIN_LONG_FULL_DATES);
		if (retain_modified_dates) options.add(DeidOption.RETAIN_LONG_MODIFIED_DATES);
		if (retain_patient_characteristics) options.add(DeidOption.RETAIN_PATIENT_CHARACTERISTICS);
		if (retain_device_identity) options.add(DeidOption.RETAIN_DEVICE_IDENTITY);
		if (retain_institution_identity) options.add(DeidOption.RETAIN_INSTITUTION_IDENTITY);
		if (retain_uids) options.add(DeidOption.RETAIN_UIDS);
		if (retain_safe_private) options.add(DeidOption.RETAIN_SAFE_PRIVATE);
		if (clean_descriptors) options.add(DeidOption.CLEAN_DESCRIPTORS);
		final DeidRun run = DeidRun.withStandardProfile(input_folder.toPath(), output_folder.toPath(), options,
			DeidKeySource.resolve(key, key_file == null ? null : key_file.toPath()), mapping_csv == null ? null : mapping_csv.toPath(), write_flagged,
			Threads.count(getContext()), path_map == null || path_map.getPath().isEmpty() ? null : path_map.toPath());
		final DeidRun.Report report;
		try {
			// progress only: stopping half-way would leave a partly written output folder
			report = run.run(progress().showingOnly());
		}
		catch (final IOException e) {
			throw new CommandFailedException("DICOM Anonymize: " + e.getMessage(), e);
		}
		summary = report.toString();
		audit_log = report.auditLog().toString();
		failed = (int) (report.count(DeidRun.Status.FAILED) + report.count(DeidRun.Status.NOT_DICOM));
		final StringBuilder p = new StringBuilder();
		for (final DeidRun.FileOutcome f : report.files())
			if (f.status() == DeidRun.Status.FAILED || f.status() == DeidRun.Status.NOT_DICOM || f.status() == DeidRun.Status.FLAGGED_NOT_WRITTEN)
				p.append(f.input()).append(": ").append(f.status().label()).append(": ").append(f.reasons()).append('\n');
		problems = p.toString();
		if (status() != null) status().showStatus("DICOM Anonymize: " + summary);
	}
}

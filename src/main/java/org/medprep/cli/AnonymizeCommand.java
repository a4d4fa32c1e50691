package org.medprep.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.medprep.commands.dicom.DicomAnonymizeCommand;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.io.dicom.deid.DeidKeySource;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medprep anonymize IN_DIR OUT_DIR [options]}: runs the "DICOM Anonymize" command itself. Its
 * options are made from that command's {@code @Parameter}s (name {@code retain_full_dates} becomes
 * {@code --retain-full-dates}, with the same description), so the two share one vocabulary and one
 * behaviour, the key included (given, from a file, or from $MEDPREP_DEID_KEY: {@link DeidKeySource}).
 * IN_DIR and OUT_DIR are its input and output folders; {@code --threads} is the CLI's own. One line per
 * file that failed; exit code 1 if any input file could not be de-identified (unreadable or not DICOM),
 * 2 for usage errors (output inside input, no key...).
 */
@Command(name = "anonymize", modelTransformer = AnonymizeCommand.CommandParameters.class,
	description = "De-identify a folder of DICOM files (PS3.15 Basic Profile + options) into another folder, "
		+ "keeping the folder structure with anonymized names; writes deid-audit.csv there (inputs named by id, not by path).")
final class AnonymizeCommand implements Callable<Integer> {

	/** Environment variable read for the key when neither --key nor --key-file is given. */
	static final String KEY_ENV = DeidKeySource.ENV;

	/** Parameters of the command given as positional arguments instead of options. */
	private static final List<String> POSITIONAL = List.of("input_folder", "output_folder");

	@Parameters(index = "0", paramLabel = "IN_DIR", description = "Folder of DICOM files (read only).")
	Path in;

	@Parameters(index = "1", paramLabel = "OUT_DIR", description = "Output folder, not inside IN_DIR (created if needed).")
	Path out;

	@Option(names = "--threads", description = "Files processed in parallel (default: all cores).")
	Integer threads;

	@Spec
	CommandSpec spec;

	/** Adds one option per parameter of the "DICOM Anonymize" command (but the two folders). */
	static final class CommandParameters implements CommandLine.IModelTransformer {
		@Override
		public CommandSpec transform(final CommandSpec spec) {
			for (final ModuleItem<?> item : CommandOptions.optionItems(new CommandInfo(DicomAnonymizeCommand.class))) {
				if (POSITIONAL.contains(item.getName())) continue;
				final OptionSpec.Builder o = OptionSpec.builder(optionName(item.getName()));
				final Class<?> type = item.getType();
				String description = item.getDescription() == null ? item.getLabel() : item.getDescription();
				if (CommandOptions.isSecret(item))
					description += " On a command line it is visible to other users in the process list: prefer --key-file or $" + KEY_ENV + ".";
				if (type == boolean.class || type == Boolean.class) o.type(boolean.class).arity("0");
				else if (type == File.class) o.type(Path.class).paramLabel("FILE");
				else o.type(type).paramLabel(CommandOptions.isSecret(item) ? "SECRET" : item.getName().toUpperCase(java.util.Locale.ROOT));
				spec.addOption(o.description(description).build());
			}
			return spec;
		}
	}

	/** retain_full_dates -> --retain-full-dates. */
	static String optionName(final String parameter) {
		return "--" + parameter.replace('_', '-');
	}

	@Override
	public Integer call() {
		CliContext.checkThreads(threads);
		final Map<String, Object> values = new LinkedHashMap<>();
		values.put("input_folder", in.toFile());
		values.put("output_folder", out.toFile());
		final CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
		for (final ModuleItem<?> item : CommandOptions.optionItems(new CommandInfo(DicomAnonymizeCommand.class))) {
			final String name = optionName(item.getName());
			if (POSITIONAL.contains(item.getName()) || !parsed.hasMatchedOption(name)) continue;
			final Object v = parsed.matchedOptionValue(name, null);
			values.put(item.getName(), v instanceof Path ? ((Path) v).toFile() : v);
		}
		final CommandInvocation.Result r = CliContext.runCommand(DicomAnonymizeCommand.class, values, threads);
		final PrintWriter w = spec.commandLine().getOut();
		final PrintWriter err = spec.commandLine().getErr();
		final String problems = String.valueOf(r.outputs().get("problems"));
		final List<String> notWritten = new ArrayList<>();
		for (final String line : problems.split("\n")) {
			if (line.isEmpty()) continue;
			if (line.contains(": flagged_not_written: ")) notWritten.add(line.replace(": flagged_not_written: ", ": not written: "));
			else err.println("medprep anonymize: " + line);
		}
		for (final String line : notWritten) w.println(line);
		w.println(r.outputs().get("summary"));
		return ((Number) r.outputs().get("failed")).intValue() == 0 ? 0 : MedPrepCli.EXIT_FAILURES;
	}
}

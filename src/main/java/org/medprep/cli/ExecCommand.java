package org.medprep.cli;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.engine.Composition;
import org.medprep.commands.engine.MacroLine;
import org.medprep.commands.engine.Pipeline;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.ImageTitleService;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code medprep exec --step 'run("Nyul Train", "folder=t1/ standard_scale=scale.json");'}:
 * runs, once, the steps that take no input image: cohort and folder commands
 * (Nyul Train, CT Dataset Fingerprint, DICOM Series Info, DICOM Anonymize...).
 * Text outputs are printed; image and table outputs go to {@code -o} when given.
 */
@Command(name = "exec", description = "Run once the steps that take no input image (cohort and folder commands such as Nyul Train).")
final class ExecCommand implements Callable<Integer> {

	@ArgGroup(exclusive = true, multiplicity = "1")
	RunOptions.Steps steps;

	@Option(names = { "-o", "--output" }, paramLabel = "OUTDIR", description = "Folder for image and table outputs (tables are printed without it).")
	Path outDir;

	@Option(names = "--image", paramLabel = "TITLE=PATH", description = "An image the steps name by TITLE (e.g. in images=[a,b]).")
	List<String> images = new ArrayList<>();

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		final Pipeline pipeline = steps.pipeline != null
			? Pipeline.parse(new String(Files.readAllBytes(steps.pipeline), StandardCharsets.UTF_8), steps.pipeline.toString())
			: Pipeline.of(RunCommand.parseSteps(steps.steps));
		final PrintWriter out = spec.commandLine().getOut();
		try (Context context = CliContext.create()) {
			final CommandCatalog catalog = new CommandCatalog(context.service(CommandService.class));
			for (final MacroLine step : pipeline.steps()) {
				if (Composition.isMarker(step.label()))
					throw new IllegalArgumentException("\"" + step.label() + "\" groups image steps: use medprep run -i INPUT");
				final CommandInfo info = catalog.byLabel(step.label());
				if (CommandOptions.mainImage(info) != null)
					throw new IllegalArgumentException("\"" + step.label() + "\" works on an image: use medprep run -i INPUT");
			}
			final ImageTitleService titles = context.service(ImageTitleService.class);
			for (final String spec : images) {
				final MemberSource s = MemberSource.parse(spec, MemberSource.Role.REFERENCE, "--image");
				final ImagePlus imp = ImageFiles.read(s.path);
				imp.setTitle(s.name);
				titles.register(s.name, imp);
			}
			final CommandInvocation invocation = new CommandInvocation(context);
			for (final MacroLine step : pipeline.steps()) {
				final CommandInvocation.Result r = invocation.run(catalog.byLabel(step.label()), step.options(), null);
				out.println(r.recorded());
				for (final Map.Entry<String, Object> o : r.outputs().entrySet()) write(step.label(), o.getKey(), o.getValue(), out);
			}
		}
		out.flush();
		return 0;
	}

	private void write(final String label, final String name, final Object value, final PrintWriter out) throws IOException {
		if (value == null) return;
		final String base = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_" + name;
		if (value instanceof ImagePlus || value instanceof ResultsTable) {
			if (outDir == null) {
				if (value instanceof ResultsTable) out.print(((ResultsTable) value).getColumnHeadings() + "\n" + tableRows((ResultsTable) value));
				else out.println("  " + name + ": image (give -o to write it)");
				return;
			}
			Files.createDirectories(outDir);
			// pictures (plots, previews) as PNG, volumes as NIfTI
			final boolean picture = value instanceof ImagePlus && ImageFiles.isPicture((ImagePlus) value);
			final Path target = outDir.resolve(base + (picture ? ".png" : value instanceof ImagePlus ? ".nii.gz" : ".csv"));
			if (picture) ImageFiles.writePng((ImagePlus) value, target);
			else if (value instanceof ImagePlus) ImageFiles.write((ImagePlus) value, target);
			else TableFiles.writeCsv((ResultsTable) value, target);
			out.println("  " + name + ": " + target);
		}
		else out.println("  " + name + ": " + value);
	}

	private static String tableRows(final ResultsTable t) {
		final StringBuilder sb = new StringBuilder();
		for (int r = 0; r < t.size(); r++) sb.append(t.getRowAsString(r)).append('\n');
		return sb.toString();
	}
}

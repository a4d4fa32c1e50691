package org.medprep.cli;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medprep.commands.CommandCatalog;
import org.medprep.commands.CommandInvocation;
import org.medprep.commands.Composition;
import org.medprep.commands.History;
import org.medprep.commands.ImageTitleService;
import org.medprep.commands.MacroLine;
import org.medprep.commands.MacroOptions;
import org.medprep.commands.Pipeline;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.ModuleService;

/**
 * Runs a pipeline on cases: each input file goes through every step, the main
 * output of one step being the input of the next; secondary images are found
 * by title ({@code --image TITLE=PATH}, a folder pairing files by base name).
 * A case that fails is reported and skipped, the others go on; a case's
 * outputs are written only when all its steps succeeded.
 */
final class PipelineRunner {

	/** A named secondary image source: a file, or a folder of files paired with the cases by base name. */
	static final class SecondaryImage {
		final String title;
		final Path path;

		SecondaryImage(final String title, final Path path) {
			this.title = title;
			this.path = path;
		}

		/** @throws IllegalArgumentException unless the spec is TITLE=PATH */
		static SecondaryImage parse(final String spec) {
			final int eq = spec.indexOf('=');
			if (eq <= 0 || eq == spec.length() - 1) throw new IllegalArgumentException("--image takes TITLE=PATH, got '" + spec + "'");
			return new SecondaryImage(spec.substring(0, eq), Path.of(spec.substring(eq + 1)));
		}

		Path forCase(final String base) throws IOException {
			if (!Files.isDirectory(path)) return path;
			for (final String ext : ImageFiles.EXTENSIONS) {
				final Path p = path.resolve(base + ext);
				if (Files.isRegularFile(p)) return p;
			}
			throw new IOException("no image for case '" + base + "' in " + path + " (for --image " + title + ")");
		}
	}

	private final CommandCatalog catalog;
	private final CommandInvocation invocation;
	private final ImageTitleService titles;
	private final PrintWriter err;

	PipelineRunner(final Context context, final PrintWriter err) {
		this.catalog = new CommandCatalog(context.service(CommandService.class));
		this.titles = context.service(ImageTitleService.class);
		this.invocation = new CommandInvocation(context);
		this.err = err;
	}

	/** Checks every step names a known command (group lines aside) before any case runs. */
	void validate(final Pipeline pipeline) {
		for (final MacroLine step : pipeline.steps()) if (!Composition.isMarker(step.label())) catalog.byLabel(step.label());
	}

	/**
	 * @return the inputs that failed, each with its message
	 */
	List<String> run(final Pipeline pipeline, final List<Case> inputs, final List<SecondaryImage> secondary, final Path outDir,
		final String format)
	{
		validate(pipeline);
		final List<String> failures = new ArrayList<>();
		for (final Case input : inputs) {
			try {
				runCase(pipeline, input, secondary, outDir, format);
			}
			catch (final Exception e) {
				final String message = input + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
				failures.add(message);
				err.println("FAILED " + message);
			}
			finally {
				titles.clear();
			}
		}
		return failures;
	}

	/** Runs all steps on one case and writes its outputs; returns the paths written. */
	List<Path> runCase(final Pipeline pipeline, final Case input, final List<SecondaryImage> secondary, final Path outDir, final String format)
		throws IOException
	{
		final String base = input.base;
		ImagePlus current = input.image();
		for (final SecondaryImage s : secondary) {
			final ImagePlus imp = ImageFiles.read(s.forCase(base));
			imp.setTitle(s.title);
			titles.register(s.title, imp);
		}
		final Map<String, Object> extras = new LinkedHashMap<>();
		// groups (One Of, Some Of) draw their choice per case; their notes go into the history before the steps they chose
		for (final Composition.Item item : Composition.resolve(pipeline.steps())) {
			if (item.note() != null) {
				History.append(current, item.note());
				continue;
			}
			final MacroLine step = item.step();
			final CommandInfo info = catalog.byLabel(step.label());
			final CommandInvocation.Result result = invocation.run(info, step.options(), current);
			ImagePlus main = null;
			final List<ImagePlus> otherImages = new ArrayList<>();
			for (final Map.Entry<String, Object> out : result.outputs().entrySet()) {
				if (main == null && out.getValue() instanceof ImagePlus) main = (ImagePlus) out.getValue();
				else if (out.getValue() != null) {
					extras.put(out.getKey(), out.getValue());
					if (out.getValue() instanceof ImagePlus) otherImages.add((ImagePlus) out.getValue());
				}
			}
			if (main != null) current = main;
			// a step that transformed one named secondary image (a label map getting the image's draw) hands the
			// transformed one to the next steps under the same title, as a subject flows through a TorchIO pipeline
			final List<String> named = secondaryTitlesIn(step, secondary);
			if (named.size() == 1 && otherImages.size() == 1) titles.register(named.get(0), otherImages.get(0));
		}
		// write everything to temporary names first, then move into place: all outputs of a case or none
		final Map<Path, Path> staged = new LinkedHashMap<>();
		try {
			stage(staged, outDir.resolve(base + "." + format), current, outDir);
			for (final Map.Entry<String, Object> e : extras.entrySet()) {
				if (e.getValue() instanceof ImagePlus) stage(staged, outDir.resolve(base + "_" + e.getKey() + "." + format), e.getValue(), outDir);
				else if (e.getValue() instanceof ResultsTable) stage(staged, outDir.resolve(base + "_" + e.getKey() + ".csv"), e.getValue(), outDir);
			}
			for (final Map.Entry<Path, Path> s : staged.entrySet())
				Files.move(s.getValue(), s.getKey(), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return new ArrayList<>(staged.keySet());
		}
		finally {
			for (final Path tmp : staged.values()) Files.deleteIfExists(tmp);
		}
	}

	/** The --image titles that a step's options name. */
	private static List<String> secondaryTitlesIn(final MacroLine step, final List<SecondaryImage> secondary) {
		final List<String> named = new ArrayList<>();
		for (final String key : MacroOptions.keys(step.options())) {
			final String value = MacroOptions.get(step.options(), key);
			for (final SecondaryImage s : secondary)
				if (s.title.equals(value) && !named.contains(value)) named.add(value);
		}
		return named;
	}

	private static void stage(final Map<Path, Path> staged, final Path target, final Object value, final Path outDir) throws IOException {
		Files.createDirectories(outDir);
		final Path tmp = outDir.resolve(".staged-" + target.getFileName()); // same extension, so the same writer
		if (value instanceof ImagePlus) ImageFiles.write((ImagePlus) value, tmp);
		else TableFiles.writeCsv((ResultsTable) value, tmp);
		staged.put(target, tmp);
	}
}

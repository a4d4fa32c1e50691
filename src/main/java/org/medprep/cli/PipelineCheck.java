package org.medprep.cli;

import ij.ImagePlus;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.medprep.commands.engine.ChoiceSpellings;
import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.engine.Composition;
import org.medprep.commands.engine.MacroLine;
import org.medprep.commands.engine.MacroOptionSyntax;
import org.medprep.commands.engine.Pipeline;
import org.medprep.commands.engine.Seeds;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.MacroOptions;
import org.medprep.io.dicom.DicomLoadOptions;
import org.medprep.io.dicom.SlicePlane;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

/**
 * Checks a whole pipeline before any case runs, and reports every problem
 * with its line: unknown commands, unknown or mistyped option keys, values
 * that are not numbers, booleans or one of the choices, and images named by a
 * title the run does not have. A Recorder transcript is understood as a
 * session on one case: its first opened image is the case input, later opened
 * images must be members of each case ({@code --label NAME=PATH}, named by the title
 * the session gave them), a step that worked on a transformed label map names
 * it by the title Fiji gave the result and is mapped back to the label map's
 * title, {@code selectImage} of the current image and view changes are
 * skipped, and going back to an earlier image (a branch) is refused.
 */
final class PipelineCheck {

	private final CommandCatalog catalog;
	private final ModuleService modules;
	private final Set<String> given;

	private final List<String> errors = new ArrayList<>();
	private final List<String> notices = new ArrayList<>();
	private final List<MacroLine> steps = new ArrayList<>();
	private final List<String> origins = new ArrayList<>();
	private final List<Boolean> seeded = new ArrayList<>();
	private final List<Boolean> recorded = new ArrayList<>();
	private DicomLoadOptions dicom;

	// the recorded session's images
	private boolean inputOpened, imageStepsRan;
	private String currentSecondary;
	private String mainTitle;
	private boolean mainTitleSuperseded;

	private PipelineCheck(final CommandCatalog catalog, final ModuleService modules, final Collection<String> givenTitles, final DicomLoadOptions dicom) {
		this.catalog = catalog;
		this.modules = modules;
		this.given = new LinkedHashSet<>(givenTitles);
		this.dicom = dicom;
	}

	/**
	 * @param givenTitles the names of the members given per case ({@code --label}, {@code --image}, {@code --ref NAME=PATH})
	 * @throws IllegalArgumentException with one line per problem, each naming its line
	 */
	static CheckedPipeline check(final List<PipelineText.Line> lines, final CommandCatalog catalog, final ModuleService modules,
		final Collection<String> givenTitles, final DicomLoadOptions dicom)
	{
		final PipelineCheck c = new PipelineCheck(catalog, modules, givenTitles, dicom);
		for (final PipelineText.Line line : lines) {
			switch (line.kind) {
				case VIEW: c.notices.add(line.where + ": " + line.text + " only changes the view; skipped"); break;
				case OPEN: c.open(line); break;
				case SELECT: c.select(line); break;
				default: c.step(line);
			}
		}
		if (!c.errors.isEmpty()) {
			c.errors.add("Nothing was run.");
			throw new PipelineProblems(c.errors);
		}
		if (c.steps.isEmpty()) throw new IllegalArgumentException("the pipeline has no steps besides opening the image");
		final Pipeline pipeline;
		try {
			pipeline = Pipeline.of(c.steps); // groups open and close in order, with valid options
		}
		catch (final IllegalArgumentException e) {
			throw new PipelineProblems(java.util.Arrays.asList(e.getMessage(), "Nothing was run."));
		}
		return new CheckedPipeline(pipeline, c.origins, c.seeded, c.recorded, c.notices, c.dicom);
	}

	private void open(final PipelineText.Line line) {
		if (!inputOpened && !imageStepsRan) {
			inputOpened = true;
			mainTitle = line.openedTitle();
			notices.add(line.where + ": " + describe(line) + " is the case input: each case's own image takes its place");
			if (line.opensDicom()) dicomOptions(line);
			return;
		}
		if (line.opensDicom()) {
			errors.add(line.where + ": a second DICOM import cannot be paired with each case; convert that series (medprep convert) and give it with --label NAME=PATH");
			return;
		}
		final String title = line.openedTitle();
		if (!given.contains(title)) {
			errors.add(line.where + ": opens a second image, '" + title + "'; in a batch each case has its own: give it with --label " + title
				+ "=FILE_OR_FOLDER (--image for a scalar image; a folder pairs its files with the cases by name)");
			return;
		}
		currentSecondary = title;
		notices.add(line.where + ": opens '" + title + "', the member each case brings under that name");
	}

	private static String describe(final PipelineText.Line line) {
		return line.step != null ? "\"" + line.step.label() + "\"" : "open(...)";
	}

	/** A recorded DICOM import's loading options apply to the run's DICOM cases. */
	private void dicomOptions(final PipelineText.Line line) {
		final String options = line.step.options();
		try {
			final String plane = MacroOptions.get(options, "plane");
			if (plane != null && !"all".equals(plane)) dicom = dicom.withPlaneFilter(SlicePlane.fromLabel(plane));
			final String tolerance = MacroOptions.get(options, "plane_tolerance");
			if (tolerance != null) dicom = dicom.withPlaneTolerance(Double.parseDouble(tolerance));
			if ("true".equalsIgnoreCase(MacroOptions.get(options, "replace_padding"))) {
				final String value = MacroOptions.get(options, "padding_value");
				dicom = dicom.withPaddingReplacement(value == null ? -1000 : Double.parseDouble(value));
			}
		}
		catch (final IllegalArgumentException e) {
			errors.add(line.where + ": " + e.getMessage());
		}
		if (MacroOptions.get(options, "series_index") != null)
			notices.add(line.where + ": series_index is not used in a batch: every series found is a case");
	}

	private void select(final PipelineText.Line line) {
		final String title = line.argument;
		final String member = member(title);
		if (member != null) {
			currentSecondary = member;
			notices.add(line.where + ": selects '" + title + "' (the case's " + member + "); skipped");
			return;
		}
		if (mainTitle != null && (mainTitleSuperseded && title.equals(mainTitle) || isAncestor(title, mainTitle))) {
			errors.add(line.where + ": selects '" + title + "', an earlier image of the case; a pipeline runs each step on the result of the step before");
			return;
		}
		currentSecondary = null;
		if (mainTitle == null || !title.equals(mainTitle)) {
			mainTitle = title;
			mainTitleSuperseded = false;
		}
		notices.add(line.where + ": selects the current image; skipped");
	}

	/** True if {@code title} is an image the current one was made from ("ct.nii.gz" before "ct-window"). */
	private static boolean isAncestor(final String title, final String current) {
		return !title.equals(current) && current.startsWith(baseTitle(title) + "-");
	}

	/** The --image title a recorded title stands for: the title itself, or a step's result made from it (Fiji names it "base-suffix"). */
	private String member(final String title) {
		if (given.contains(title)) return title;
		for (final String g : given)
			if (title.startsWith(baseTitle(g) + "-")) return g;
		return null;
	}

	/** A title without its file extension, as MedPrep's commands name their outputs after their input. */
	private static String baseTitle(final String t) {
		final String s = t.toLowerCase(Locale.ROOT).endsWith(".gz") ? t.substring(0, t.length() - 3) : t;
		final int dot = s.lastIndexOf('.');
		return dot > 0 && s.length() - dot <= 5 ? s.substring(0, dot) : s;
	}

	private void step(final PipelineText.Line line) {
		final MacroLine step = line.step;
		if (Composition.isMarker(step.label())) { // One Of / Some Of lines: checked as groups when the pipeline is built
			steps.add(step);
			origins.add(line.where);
			seeded.add(Composition.ONE_OF.equals(step.label()) || Composition.SOME_OF.equals(step.label())); // a group's seed is a master seed too
			recorded.add(line.recordedDraw);
			return;
		}
		final CommandInfo info = command(line);
		if (info == null) return;
		final List<ModuleItem<?>> items = CommandOptions.optionItems(info);
		final Map<String, ModuleItem<?>> byName = new LinkedHashMap<>();
		for (final ModuleItem<?> item : items) byName.put(item.getName(), item);
		List<String> keys;
		try {
			keys = MacroOptionSyntax.keys(step.options());
		}
		catch (final IllegalArgumentException e) {
			errors.add(line.where + ": " + e.getMessage());
			return;
		}
		String options = step.options();
		final Map<String, Set<String>> sentinels = sentinels(info);
		for (final String key : keys) {
			final ModuleItem<?> item = byName.get(key);
			if (item == null) {
				errors.add(line.where + ": unknown option '" + key + "' for \"" + step.label() + "\"" + Suggestions.didYouMean(key, byName.keySet())
					+ "; its options are " + byName.keySet());
				continue;
			}
			final String given = MacroOptions.get(options, key);
			if (given == null) continue;
			final String value = item.getType() == String.class ? ChoiceSpellings.canonical(info, key, given) : given;
			if (sentinels.containsKey(key)) {
				final String title = title(line, step.label(), key, value, sentinels.get(key));
				if (title != null && !title.equals(value)) options = MacroOptionSyntax.with(options, key, title);
				continue;
			}
			final String problem = valueProblem(item, value);
			if (problem != null) errors.add(line.where + ": option '" + key + "' of \"" + step.label() + "\" " + problem);
		}
		if (CommandOptions.mainImage(info) != null) {
			if (currentSecondary != null)
				errors.add(line.where + ": \"" + step.label() + "\" would run on '" + currentSecondary
					+ "' (selected before it), not on the case image; select the case image first");
			imageStepsRan = true;
			mainTitleSuperseded = true;
		}
		steps.add(new MacroLine(step.label(), options));
		origins.add(line.where);
		seeded.add(byName.containsKey("seed"));
		recorded.add(line.recordedDraw);
	}

	private CommandInfo command(final PipelineText.Line line) {
		try {
			return catalog.byLabel(line.step.label());
		}
		catch (final IllegalArgumentException e) {
			final List<String> labels = new ArrayList<>();
			for (final CommandInfo i : catalog.all()) labels.add(CommandCatalog.label(i));
			errors.add(line.where + ": unknown command \"" + line.step.label() + "\"" + Suggestions.didYouMean(line.step.label(), labels)
				+ " (medprep list shows the commands)");
			return null;
		}
	}

	/**
	 * The options that name images by title, each with the values that name no image
	 * ("None", "all voxels", "this image"...): the choices a command offers when no image is open.
	 */
	private Map<String, Set<String>> sentinels(final CommandInfo info) {
		final Map<String, Set<String>> m = new LinkedHashMap<>();
		final ModuleItem<?> main = CommandOptions.mainImage(info);
		Module module = null;
		for (final ModuleItem<?> item : CommandOptions.optionItems(info)) {
			final boolean titled = item.getType() == String.class && item.getInitializer() != null && !item.getInitializer().isEmpty();
			if (!titled && !(ImagePlus.class.isAssignableFrom(item.getType()) && item != main)) continue;
			final Set<String> fixed = new LinkedHashSet<>();
			if (titled) {
				if (module == null) module = initialized(info);
				final Object initial = module.getInput(item.getName());
				if (initial != null) fixed.add(initial.toString());
				final List<?> choices = module.getInfo().getInput(item.getName()).getChoices();
				if (choices != null) for (final Object o : choices) fixed.add(String.valueOf(o));
			}
			m.put(item.getName(), fixed);
		}
		return m;
	}

	private Module initialized(final CommandInfo info) {
		final Module module = modules.createModule(info);
		try {
			module.initialize();
		}
		catch (final Exception | LinkageError e) {
			// a command whose initializers need an open image: its defaults are then the only fixed values
		}
		return module;
	}

	/** The title an option value stands for in the run, or null (and an error) if the run has no such image. */
	private String title(final PipelineText.Line line, final String label, final String key, final String value, final Set<String> fixed) {
		if (fixed.contains(value)) return value;
		final String member = member(value);
		if (member != null) {
			if (!member.equals(value)) notices.add(line.where + ": " + key + "=" + value + " is the transformed '" + member + "'; each case passes on its own");
			return member;
		}
		final String choices = fixed.isEmpty() ? "" : String.join(", ", fixed) + ", or ";
		errors.add(line.where + ": option '" + key + "' of \"" + label + "\" names the image '" + value + "', which this run does not have ("
			+ choices + "a member given with --label, --image or --ref NAME=PATH" + (given.isEmpty() ? "" : "; given: " + String.join(", ", given)) + ")");
		return null;
	}

	/** Why a value does not fit its option, or null; the same rules the commands are filled with. */
	static String valueProblem(final ModuleItem<?> item, final String text) {
		final Class<?> type = item.getType();
		if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
			try {
				Double.parseDouble(text);
				return null;
			}
			catch (final NumberFormatException e) {
				return "must be a number, got '" + text + "'";
			}
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			try {
				final double d = Double.parseDouble(text);
				return d == Math.rint(d) ? null : "must be a whole number, got '" + text + "'";
			}
			catch (final NumberFormatException e) {
				return "must be a whole number, got '" + text + "'";
			}
		}
		if (type == boolean.class || type == Boolean.class)
			return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? null : "must be true or false, got '" + text + "'";
		if (type == String.class) {
			if ("seed".equals(item.getName()) && !Seeds.isEmpty(text)) {
				try {
					Long.parseLong(text.trim());
				}
				catch (final NumberFormatException e) {
					return "must be a whole number (or empty), got '" + text + "'";
				}
			}
			final List<?> choices = item.getChoices();
			if (choices != null && !choices.isEmpty() && !choices.contains(text))
				return "must be one of " + choices + ", got '" + text + "'" + Suggestions.didYouMean(text, stringsOf(choices));
		}
		if (type == File.class && text.isEmpty()) return "needs a path";
		return null;
	}

	private static List<String> stringsOf(final List<?> values) {
		final List<String> s = new ArrayList<>();
		for (final Object o : values) s.add(String.valueOf(o));
		return s;
	}
}

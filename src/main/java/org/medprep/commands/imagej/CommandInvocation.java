package org.medprep.commands.imagej;

import ij.ImagePlus;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.medprep.commands.VolumeCommand;
import org.medprep.commands.engine.ChoiceSpellings;
import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.engine.FailureCauses;
import org.medprep.commands.engine.Failures;
import org.medprep.commands.engine.MacroLine;
import org.medprep.commands.engine.MacroOptionSyntax;
import org.medprep.commands.host.FijiHostProcessor;
import org.medprep.core.Subject;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.display.DisplayPostprocessor;
import org.scijava.module.process.CheckInputsPreprocessor;
import org.scijava.module.process.LoadInputsPreprocessor;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.module.process.SaveInputsPreprocessor;
import org.scijava.plugin.PluginService;
import org.scijava.widget.InputHarvester;
import org.scijava.ItemIO;
import org.scijava.command.CommandInfo;
import org.scijava.convert.ConvertService;
import org.scijava.module.Module;
import org.scijava.module.ModuleInfo;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

/**
 * Runs a MedPrep command from a macro options string, the way Fiji runs a
 * SciJava command from {@code run("Label", "options")}: each option is read
 * with {@code Macro.getValue} and converted to the input's type; an absent
 * option keeps the command's default. Stricter than Fiji where Fiji is silent:
 * unknown keys and non-numeric numbers are errors that name the option.
 * Used by the ImageJ 1.x bridge (macro mode) and the CLI.
 */
public final class CommandInvocation {

	private final ModuleService moduleService;
	private final ConvertService convertService;
	private final ImageTitleService titles;
	private final PluginService pluginService;
	private final FailureCauses causes;

	public CommandInvocation(final Context context) {
		this.moduleService = context.service(ModuleService.class);
		this.convertService = context.service(ConvertService.class);
		this.titles = context.service(ImageTitleService.class);
		this.pluginService = context.service(PluginService.class);
		this.causes = context.getService(FailureCauses.class);
	}

	/** What a run produced: the module (final inputs, e.g. drawn seeds) and its outputs by name. */
	public static final class Result {
		private final Module module;
		private final Map<String, Object> outputs;

		Result(final Module module, final Map<String, Object> outputs) {
			this.module = module;
			this.outputs = outputs;
		}

		public Module module() { return module; }
		public Map<String, Object> outputs() { return outputs; }

		/** The step as the Recorder writes it: every option as given (an empty seed stays empty; the history of the outputs holds the seed drawn). */
		public MacroLine recorded() {
			return new MacroLine(CommandCatalog.label(module.getInfo()), CommandOptions.record(module));
		}
	}

	/**
	 * @param mainImage the image the command works on (the active image in ImageJ), may be null for commands without one
	 * @throws IllegalArgumentException for unknown or malformed options, naming them
	 * @throws CommandFailedException when the command itself fails, with its message
	 */
	public Result run(final CommandInfo info, final String options, final ImagePlus mainImage) {
		final Module module = moduleService.createModule(info);
		return run(info, module, inputs(module, options, mainImage));
	}

	/**
	 * Runs a command without a main image from typed option values (a host that parsed its own
	 * arguments, such as a CLI subcommand made from the command's parameters); options not given keep
	 * their defaults.
	 *
	 * @throws IllegalArgumentException for a name that is not one of the command's options
	 * @throws CommandFailedException when the command itself fails, with its message
	 */
	public Result run(final CommandInfo info, final Map<String, Object> values) {
		final Module module = moduleService.createModule(info);
		final List<String> known = new ArrayList<>();
		for (final ModuleItem<?> item : CommandOptions.optionItems(info)) known.add(item.getName());
		final Map<String, Object> inputs = new LinkedHashMap<>();
		for (final ModuleItem<?> item : CommandOptions.optionItems(info)) inputs.put(item.getName(), module.getInput(item.getName()));
		for (final Map.Entry<String, Object> e : values.entrySet()) {
			if (!known.contains(e.getKey()))
				throw new IllegalArgumentException("unknown option '" + e.getKey() + "' for \"" + CommandCatalog.label(info) + "\"; its options are " + known);
			inputs.put(e.getKey(), e.getValue());
		}
		return run(info, module, inputs);
	}

	private Result run(final CommandInfo info, final Module module, final Map<String, Object> inputs) {
		try {
			final Module done = moduleService.run(module, preprocessors(), postprocessors(), inputs).get();
			if (done instanceof Cancelable && ((Cancelable) done).isCanceled()) {
				// a failure the command turned into a cancel (Failures) keeps its exception as the cause: bad input stays an IllegalArgumentException
				final RuntimeException cause = causes == null ? null : causes.take(done.getDelegateObject());
				throw new CommandFailedException(CommandCatalog.label(info) + ": " + ((Cancelable) done).getCancelReason(), cause);
			}
			final Map<String, Object> outputs = new LinkedHashMap<>();
			for (final ModuleItem<?> out : info.outputs())
				if (out.getIOType() == ItemIO.OUTPUT || out.getIOType() == ItemIO.BOTH) outputs.put(out.getName(), done.getOutput(out.getName()));
			return new Result(done, outputs);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CommandFailedException(CommandCatalog.label(info) + " was interrupted");
		}
		catch (final ExecutionException e) {
			final Throwable cause = Failures.meaningful(e);
			final String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
			throw new CommandFailedException(CommandCatalog.label(info) + ": " + message, cause);
		}
	}

	/** What a run on a case produced: the subject after the step, and the command's other outputs by name (tables, extra images). */
	public static final class SubjectResult {
		private final Subject subject;
		private final Map<String, Object> extras;

		SubjectResult(final Subject subject, final Map<String, Object> extras) {
			this.subject = subject;
			this.extras = extras;
		}

		public Subject subject() { return subject; }
		public Map<String, Object> extras() { return extras; }
	}

	/** True if the command works on a case ({@link VolumeCommand}): pipelines hand it their subject. */
	public static boolean worksOnSubjects(final CommandInfo info) {
		try {
			return VolumeCommand.class.isAssignableFrom(info.loadDelegateClass());
		}
		catch (final ClassNotFoundException e) {
			return false;
		}
	}

	/**
	 * Runs a case command ({@link VolumeCommand}) on a subject, the way a
	 * pipeline does: options parsed and checked as {@link #run} does, the
	 * command's preprocessing (services, initializers) done, then
	 * {@link VolumeCommand#apply} on the subject in the calling thread. No
	 * ImagePlus is made; spatial steps come back pending.
	 *
	 * @throws IllegalArgumentException for unknown or malformed options, naming them
	 * @throws CommandFailedException when the command itself fails, with its message
	 */
	public SubjectResult apply(final CommandInfo info, final String options, final Subject subject) {
		final String label = CommandCatalog.label(info);
		final Module module = moduleService.createModule(info);
		final Object delegate = module instanceof VolumeCommand ? module : module.getDelegateObject();
		if (!(delegate instanceof VolumeCommand)) throw new IllegalArgumentException("\"" + label + "\" does not work on a case");
		final Map<String, Object> inputs = inputs(module, options, null, false);
		for (final Map.Entry<String, Object> e : inputs.entrySet()) {
			module.setInput(e.getKey(), e.getValue());
			module.resolveInput(e.getKey());
		}
		final ModuleItem<?> main = CommandOptions.mainImage(info);
		if (main != null) module.resolveInput(main.getName());
		for (final PreprocessorPlugin p : preprocessors()) {
			if (p instanceof CheckInputsPreprocessor) continue; // the main image is the subject, not an input
			p.process(module);
			if (p.isCanceled()) throw new CommandFailedException(label + ": " + p.getCancelReason());
		}
		final Subject out;
		try {
			out = ((VolumeCommand) delegate).apply(subject);
		}
		catch (final OutOfMemoryError e) {
			// named, as any other failure of the step; pending spatial steps are resampled in the
			// first step that reads voxels after them, so that memory may be theirs
			throw new CommandFailedException(label + (subject.isPending() ? " (with the resampling of the spatial steps before it)" : "") + ": out of memory", e);
		}
		catch (final RuntimeException e) {
			final Throwable cause = Failures.meaningful(e);
			if (cause instanceof java.util.concurrent.CancellationException) throw new CommandFailedException(label + " was cancelled", cause);
			final String reason = Failures.reason(e, label);
			// a defect (no user-facing reason) keeps its kind in the line, and its stack trace as the cause
			throw new CommandFailedException(label + ": " + (reason != null ? reason : cause.getMessage() == null ? cause.toString() : cause.getMessage()), cause);
		}
		final Map<String, Object> extras = new LinkedHashMap<>();
		for (final ModuleItem<?> item : info.outputs()) {
			final Object value = module.getOutput(item.getName());
			if (value != null && !"result".equals(item.getName()) && !"label_result".equals(item.getName())) extras.put(item.getName(), value);
		}
		return new SubjectResult(out, extras);
	}


	/**
	 * All preprocessors but dialogs (every input is given, defaults included, so nothing is asked),
	 * loading and saving remembered values (a macro line, pipeline step or CLI run gives every value,
	 * and its paths, which may name patients, must not end up in the user's preferences) and Fiji's
	 * host adaptations (this caller handles options, outputs and failures itself).
	 */
	private List<PreprocessorPlugin> preprocessors() {
		final List<PreprocessorPlugin> pre = new ArrayList<>();
		for (final PreprocessorPlugin p : pluginService.createInstancesOfType(PreprocessorPlugin.class))
			if (!(p instanceof InputHarvester) && !(p instanceof LoadInputsPreprocessor) && !(p instanceof SaveInputsPreprocessor)
				&& !(p instanceof FijiHostProcessor)) pre.add(p);
		return pre;
	}

	/** All postprocessors but display and Fiji's: the host shows or writes the outputs itself. */
	private List<PostprocessorPlugin> postprocessors() {
		final List<PostprocessorPlugin> post = new ArrayList<>();
		for (final PostprocessorPlugin p : pluginService.createInstancesOfType(PostprocessorPlugin.class))
			if (!(p instanceof DisplayPostprocessor) && !(p instanceof FijiHostProcessor)) post.add(p);
		return post;
	}

	/** The input values for a run: parsed options, defaults for the rest, and the main image. */
	Map<String, Object> inputs(final Module module, final String options, final ImagePlus mainImage) {
		return inputs(module, options, mainImage, true);
	}

	private Map<String, Object> inputs(final Module module, final String options, final ImagePlus mainImage, final boolean needsImage) {
		final ModuleInfo info = module.getInfo();
		final String label = CommandCatalog.label(info);
		final List<ModuleItem<?>> items = CommandOptions.optionItems(info);
		final List<String> known = new ArrayList<>();
		for (final ModuleItem<?> item : items) known.add(item.getName());
		for (final String key : MacroOptionSyntax.keys(options))
			if (!known.contains(key)) throw new IllegalArgumentException("unknown option '" + key + "' for \"" + label + "\"; its options are " + known);
		final Map<String, Object> inputs = new LinkedHashMap<>();
		final ModuleItem<?> main = CommandOptions.mainImage(info);
		if (main != null && needsImage) {
			if (mainImage == null) throw new IllegalArgumentException("\"" + label + "\" needs an image");
			inputs.put(main.getName(), mainImage);
		}
		for (final ModuleItem<?> item : items) {
			final String text = MacroOptions.get(options, item.getName());
			inputs.put(item.getName(), text == null ? module.getInput(item.getName()) : convert(label, item, item.getType() == String.class
				? ChoiceSpellings.canonical(info, item.getName(), text) : text));
		}
		return inputs;
	}

	private Object convert(final String label, final ModuleItem<?> item, final String text) {
		final Class<?> type = item.getType();
		final String name = item.getName();
		try {
			if (type == double.class || type == Double.class) return Double.parseDouble(text);
			if (type == float.class || type == Float.class) return Float.parseFloat(text);
			if (type == int.class || type == Integer.class) return (int) wholeNumber(text);
			if (type == long.class || type == Long.class) return wholeNumber(text);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("option '" + name + "' of \"" + label + "\" must be a number, got '" + text + "'");
		}
		if (type == boolean.class || type == Boolean.class) {
			if (text.equalsIgnoreCase("true")) return true;
			if (text.equalsIgnoreCase("false")) return false;
			throw new IllegalArgumentException("option '" + name + "' of \"" + label + "\" must be true or false, got '" + text + "'");
		}
		if (type == String.class) {
			final List<?> choices = item.getChoices();
			if (choices != null && !choices.isEmpty() && !choices.contains(text))
				throw new IllegalArgumentException("option '" + name + "' of \"" + label + "\" must be one of " + choices + ", got '" + text + "'");
			return text;
		}
		// an empty path is no file (not the working directory, which new File("") would be)
		if (type == File.class) return text.trim().isEmpty() ? null : new File(text.trim());
		if (ImagePlus.class.isAssignableFrom(type)) return titles.find(text);
		final Object converted = convertService.convert(text, type);
		if (converted == null) throw new IllegalArgumentException("option '" + name + "' of \"" + label + "\": cannot read '" + text + "' as " + type.getSimpleName());
		return converted;
	}

	/** Whole numbers may be written as "5" or "5.0" (the Recorder writes doubles as "5.0"). */
	private static long wholeNumber(final String text) {
		try {
			return Long.parseLong(text);
		}
		catch (final NumberFormatException e) {
			final double d = Double.parseDouble(text);
			if (d != Math.rint(d)) throw new NumberFormatException(text);
			return (long) d;
		}
	}
}

package org.medprep.commands.imagej;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.List;

import org.medprep.commands.engine.ChoiceSpellings;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.CommandCatalog;
import org.medprep.core.Labelled;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

/**
 * What every MedPrep command takes, from its {@code @Parameter} metadata: the
 * one source for {@code medprep list}, its JSON form and the command
 * reference (docs/commands.md).
 */
public final class CommandReference {

	/** One option of a command. */
	public static final class Option {
		public final String name, type, label, description, defaultValue;
		public final List<String> choices;
		/** Spellings accepted besides the choices, as "old (= label)"; an image title is also accepted when {@link #orTitle}. */
		public final List<String> alsoAccepted;
		public final boolean orTitle;

		Option(final String name, final String type, final String label, final String description, final String defaultValue,
			final List<String> choices, final List<String> alsoAccepted, final boolean orTitle)
		{
			this.name = name;
			this.type = type;
			this.label = label;
			this.description = description;
			this.defaultValue = defaultValue;
			this.choices = choices;
			this.alsoAccepted = alsoAccepted;
			this.orTitle = orTitle;
		}
	}

	/** One command. */
	public static final class Entry {
		public final String label, menuPath, description;
		public final boolean needsImage;
		public final List<Option> options;

		Entry(final String label, final String menuPath, final String description, final boolean needsImage, final List<Option> options) {
			this.label = label;
			this.menuPath = menuPath;
			this.description = description;
			this.needsImage = needsImage;
			this.options = options;
		}
	}

	private CommandReference() {}

	public static List<Entry> entries(final CommandCatalog catalog, final ModuleService moduleService) {
		final List<Entry> entries = new ArrayList<>();
		for (final CommandInfo info : catalog.all()) {
			final Module module = moduleService.createModule(info);
			final List<Option> options = new ArrayList<>();
			for (final ModuleItem<?> item : CommandOptions.optionItems(info)) {
				final Object def = module.getInput(item.getName());
				final List<String> choices = new ArrayList<>();
				if (item.getChoices() != null) for (final Object c : item.getChoices()) choices.add(String.valueOf(c));
				final ChoicesOf of = ChoiceSpellings.of(info, item.getName()).orElse(null);
				final List<String> also = new ArrayList<>();
				// a list filled when the command starts (the rules, then open images' titles): its fixed part
				final boolean orTitle = of != null && choices.isEmpty();
				if (orTitle) choices.addAll(ChoiceSpellings.labels(of));
				if (of != null)
					for (final Labelled l : ChoiceSpellings.offered(of))
						for (final String old : l.oldSpellings()) also.add(old + " (= " + l.label() + ")");
				options.add(new Option(item.getName(), typeName(item.getType()), item.getLabel(), item.getDescription(),
					def == null ? null : CommandOptions.text(def), choices, also, orTitle));
			}
			entries.add(new Entry(CommandCatalog.label(info), CommandCatalog.menuPathString(info), info.getDescription(),
				CommandOptions.mainImage(info) != null, options));
		}
		return entries;
	}

	static String typeName(final Class<?> t) {
		if (t == double.class || t == Double.class || t == float.class || t == Float.class) return "number";
		if (t == int.class || t == Integer.class || t == long.class || t == Long.class) return "integer";
		if (t == boolean.class || t == Boolean.class) return "boolean";
		if (t == java.io.File.class) return "file";
		if (t == String.class) return "text";
		if (ImagePlus.class.isAssignableFrom(t)) return "image title";
		return t.getSimpleName();
	}

	/** The Markdown reference kept in docs/commands.md between the generated-section markers. */
	public static String markdown(final List<Entry> entries) {
		final StringBuilder sb = new StringBuilder();
		for (final Entry e : entries) {
			sb.append("### ").append(e.label).append("\n\n");
			sb.append('`').append(e.menuPath).append("`");
			if (e.description != null && !e.description.isEmpty()) sb.append(" — ").append(e.description);
			sb.append("\n\n");
			if (e.options.isEmpty()) {
				sb.append("No options.\n\n");
				continue;
			}
			sb.append("| option | type | default | meaning |\n|---|---|---|---|\n");
			for (final Option o : e.options) {
				sb.append("| `").append(o.name).append("` | ").append(o.type).append(" | ");
				sb.append(o.defaultValue == null ? "" : "`" + o.defaultValue + "`").append(" | ");
				sb.append(o.description == null ? "" : o.description.replace("|", "\\|"));
				if (!o.choices.isEmpty()) sb.append(" Choices: ").append(String.join(", ", quoted(o.choices))).append(o.orTitle ? ", or an image title." : ".");
				if (!o.alsoAccepted.isEmpty()) sb.append(" Also accepted: ").append(String.join(", ", quotedSpellings(o.alsoAccepted))).append('.');
				sb.append(" |\n");
			}
			sb.append('\n');
		}
		return sb.toString();
	}

	/** "old (= label)" as "`old` (= `label`)". */
	private static List<String> quotedSpellings(final List<String> s) {
		final List<String> q = new ArrayList<>();
		for (final String x : s) {
			final int at = x.lastIndexOf(" (= ");
			q.add("`" + x.substring(0, at).replace("|", "\\|") + "` (= `" + x.substring(at + 4, x.length() - 1).replace("|", "\\|") + "`)");
		}
		return q;
	}

	private static List<String> quoted(final List<String> s) {
		final List<String> q = new ArrayList<>();
		for (final String x : s) q.add("`" + x + "`");
		return q;
	}
}

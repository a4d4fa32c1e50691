package org.medprep.commands.imagej;

import ij.ImagePlus;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medprep.commands.engine.MacroOptionSyntax;
import org.scijava.Context;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.module.Module;
import org.scijava.module.ModuleInfo;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;
import org.scijava.widget.TextWidget;

/**
 * Which inputs of a command are its macro options, and their text form.
 * <p>
 * As in Fiji's imagej-legacy: every input except services, the context,
 * invisible and message items, and the main image (the first ImagePlus input,
 * which the active image fills and the Recorder leaves out). Values are written
 * with {@code toString()}, and images by their title.
 */
public final class CommandOptions {

	private CommandOptions() {}

	/** The inputs that appear as {@code key=value} in a macro line, in declaration order. */
	public static List<ModuleItem<?>> optionItems(final ModuleInfo info) {
		final List<ModuleItem<?>> items = new ArrayList<>();
		final ModuleItem<?> main = mainImage(info);
		for (final ModuleItem<?> item : info.inputs()) {
			if (item == main) continue;
			if (Service.class.isAssignableFrom(item.getType()) || Context.class.isAssignableFrom(item.getType())) continue;
			if (item.getVisibility() == ItemVisibility.INVISIBLE || item.getVisibility() == ItemVisibility.MESSAGE) continue;
			if (item.getIOType() == ItemIO.OUTPUT) continue;
			items.add(item);
		}
		return items;
	}

	/** The first ImagePlus input, filled from the active (or given) image; null if the command has none. */
	public static ModuleItem<?> mainImage(final ModuleInfo info) {
		for (final ModuleItem<?> item : info.inputs())
			if (ImagePlus.class.isAssignableFrom(item.getType())) return item;
		return null;
	}

	/** A password-style input (a secret key): accepted as an option, never recorded nor kept in a history. */
	public static boolean isSecret(final ModuleItem<?> item) {
		final String style = item.getWidgetStyle();
		if (style == null) return false;
		for (final String s : style.split(","))
			if (s.trim().equals(TextWidget.PASSWORD_STYLE)) return true;
		return false;
	}

	/** The options a module's current inputs record as, name to text, in order (secrets left out, as Fiji does). */
	public static Map<String, String> recorded(final Module module) {
		final Map<String, String> options = new LinkedHashMap<>();
		for (final ModuleItem<?> item : optionItems(module.getInfo())) {
			final Object value = module.getInput(item.getName());
			if (value != null && !isSecret(item)) options.put(item.getName(), text(value));
		}
		return options;
	}

	/** The options string of a module's current inputs, as the Recorder writes it. */
	public static String record(final Module module) {
		final StringBuilder sb = new StringBuilder();
		recorded(module).forEach((name, value) -> sb.append(sb.length() > 0 ? " " : "").append(MacroOptionSyntax.format(name, value)));
		return sb.toString();
	}

	/** The text of one value: an image's title, a file's path, otherwise {@code toString()}. */
	public static String text(final Object value) {
		if (value instanceof ImagePlus) return ((ImagePlus) value).getTitle();
		if (value instanceof File) return ((File) value).getPath();
		return value.toString();
	}

	/** A file option that names a file: not null, not empty (Fiji turns an empty {@code file=} into the working directory). */
	public static boolean isGiven(final File file) {
		return file != null && !file.getPath().trim().isEmpty();
	}
}

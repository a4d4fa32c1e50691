package org.medprep.commands;

import ij.ImagePlus;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.scijava.Context;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.module.Module;
import org.scijava.module.ModuleInfo;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

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

	/** The options string of a module's current inputs, as the Recorder writes it. */
	public static String record(final Module module) {
		final StringBuilder sb = new StringBuilder();
		for (final ModuleItem<?> item : optionItems(module.getInfo())) {
			final Object value = module.getInput(item.getName());
			if (value == null) continue;
			if (sb.length() > 0) sb.append(' ');
			sb.append(MacroOptions.format(item.getName(), text(value)));
		}
		return sb.toString();
	}

	/** The text of one value: an image's title, a file's path, otherwise {@code toString()}. */
	public static String text(final Object value) {
		if (value instanceof ImagePlus) return ((ImagePlus) value).getTitle();
		if (value instanceof File) return ((File) value).getPath();
		return value.toString();
	}

	/** The menu label of a command: the last element of its menu path. */
	public static String label(final ModuleInfo info) {
		return info.getMenuPath() == null || info.getMenuPath().getLeaf() == null ? info.getTitle() : info.getMenuPath().getLeaf().getName();
	}
}

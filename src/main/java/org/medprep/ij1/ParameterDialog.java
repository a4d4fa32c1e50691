package org.medprep.ij1;

import ij.gui.GenericDialog;

import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.TextField;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Vector;

import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.engine.MacroOptionSyntax;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

/**
 * An ImageJ 1.x dialog built from a command's parameters (label, default,
 * choices), producing the options string the macro path then runs. Pressing
 * OK on the defaults runs the command with its defaults: a NaN default ("find
 * it from the data") is shown as {@value #AUTO}, an empty optional file as
 * {@value #NONE}. The command's description is wrapped above the fields, the
 * options' descriptions are the Help text, and x/y/z triples share a row.
 * <p>
 * Values are read from the dialog's fields directly rather than through
 * {@code getNext...()}, because those record keys made from the labels;
 * MedPrep records the parameter names, as Fiji does.
 */
final class ParameterDialog {

	static final String AUTO = "auto";
	static final String NONE = "none";
	/** Characters per line of the wrapped description: keeps the dialog about 500 px wide. */
	static final int WRAP = 72;

	private enum Field { NUMBER, TEXT, CHOICE, CHECKBOX, AUTO_NUMBER, OPTIONAL_FILE }

	private final Module module;
	private final List<ModuleItem<?>> items;
	private final List<Field> fields = new ArrayList<>();
	private final GenericDialog dialog;

	ParameterDialog(final String title, final Module module) {
		this.module = module;
		this.items = CommandOptions.optionItems(module.getInfo());
		this.dialog = new GenericDialog(title);
		final String description = module.getInfo().getDescription();
		if (description != null && !description.isEmpty()) dialog.addMessage(wrap(description, WRAP));
		String previous = null;
		for (final ModuleItem<?> item : items) {
			final boolean sameRow = previous != null && sameTriple(previous, item.getName());
			if (sameRow) dialog.addToSameRow();
			// on a shared row the first field's label names the triple; the others just their axis
			add(item, sameRow ? item.getName().substring(item.getName().lastIndexOf('_') + 1) : labelOf(item));
			previous = item.getName();
		}
		dialog.addHelp(help());
	}

	/** Shows the dialog; the options string on OK, or null when cancelled. */
	String show() {
		dialog.showDialog();
		if (dialog.wasCanceled()) return null;
		return options();
	}

	GenericDialog dialog() {
		return dialog;
	}

	private static String labelOf(final ModuleItem<?> item) {
		return item.getLabel() == null || item.getLabel().isEmpty() ? item.getName() : item.getLabel();
	}

	private void add(final ModuleItem<?> item, final String label) {
		final Object value = module.getInput(item.getName());
		final Class<?> type = item.getType();
		if (isNumber(type) && value instanceof Double && ((Double) value).isNaN()) {
			dialog.addStringField(label, AUTO, 8);
			fields.add(Field.AUTO_NUMBER);
		}
		else if (isNumber(type)) {
			final double v = value == null ? 0 : ((Number) value).doubleValue();
			final boolean whole = type == int.class || type == Integer.class || type == long.class || type == Long.class;
			dialog.addNumericField(label, v, whole ? 0 : decimals(v));
			fields.add(Field.NUMBER);
		}
		else if (type == boolean.class || type == Boolean.class) {
			dialog.addCheckbox(label, Boolean.TRUE.equals(value));
			fields.add(Field.CHECKBOX);
		}
		else if (type == String.class && item.getChoices() != null && !item.getChoices().isEmpty()) {
			final List<?> choices = item.getChoices();
			final String[] labels = new String[choices.size()];
			for (int i = 0; i < labels.length; i++) labels[i] = String.valueOf(choices.get(i));
			dialog.addChoice(label, labels, value == null ? labels[0] : value.toString());
			fields.add(Field.CHOICE);
		}
		else if (type == File.class) {
			final boolean optional = !item.isRequired();
			final String path = value == null ? optional ? NONE : "" : ((File) value).getPath();
			final String style = item.getWidgetStyle() == null ? "" : item.getWidgetStyle();
			if (style.contains("directory")) dialog.addDirectoryField(label, path, 24);
			else dialog.addFileField(label, path, 24);
			fields.add(optional ? Field.OPTIONAL_FILE : Field.TEXT);
		}
		else {
			if (CommandOptions.isSecret(item)) dialog.setEchoChar('*');
			dialog.addStringField(label, value == null ? "" : CommandOptions.text(value), 20);
			fields.add(Field.TEXT);
		}
	}

	private String options() {
		final Vector<?> numbers = dialog.getNumericFields(), strings = dialog.getStringFields(), choices = dialog.getChoices(),
			boxes = dialog.getCheckboxes();
		int n = 0, s = 0, c = 0, b = 0;
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < items.size(); i++) {
			final String text;
			switch (fields.get(i)) {
				case NUMBER: text = ((TextField) numbers.get(n++)).getText().trim(); break;
				case CHECKBOX: text = Boolean.toString(((Checkbox) boxes.get(b++)).getState()); break;
				case CHOICE: text = ((Choice) choices.get(c++)).getSelectedItem(); break;
				case AUTO_NUMBER: {
					final String t = ((TextField) strings.get(s++)).getText().trim();
					text = t.isEmpty() || t.equalsIgnoreCase(AUTO) ? "NaN" : t;
					break;
				}
				case OPTIONAL_FILE: {
					final String t = ((TextField) strings.get(s++)).getText().trim();
					if (t.isEmpty() || t.equalsIgnoreCase(NONE)) continue; // left out: the command's default, no file
					text = t;
					break;
				}
				default: text = ((TextField) strings.get(s++)).getText();
			}
			if (sb.length() > 0) sb.append(' ');
			sb.append(MacroOptionSyntax.format(items.get(i).getName(), text));
		}
		return sb.toString();
	}

	/** The options' descriptions, for the dialog's Help button. */
	private String help() {
		final StringBuilder sb = new StringBuilder("<html><body style='width:420px'>");
		final String description = module.getInfo().getDescription();
		if (description != null) sb.append("<p>").append(escape(description)).append("</p>");
		sb.append("<dl>");
		for (final ModuleItem<?> item : items) {
			sb.append("<dt><b>").append(escape(item.getLabel() == null ? item.getName() : item.getLabel())).append("</b> (macro key <tt>")
				.append(item.getName()).append("</tt>)</dt>");
			if (item.getDescription() != null) sb.append("<dd>").append(escape(item.getDescription())).append("</dd>");
		}
		return sb.append("</dl></body></html>").toString();
	}

	/** spacing_x, spacing_y, spacing_z (or size_..., degrees_...) go on one row. */
	static boolean sameTriple(final String previous, final String name) {
		final int a = previous.lastIndexOf('_'), b = name.lastIndexOf('_');
		if (a < 0 || b < 0 || !previous.substring(0, a).equals(name.substring(0, b))) return false;
		final String sa = previous.substring(a + 1).toLowerCase(Locale.ROOT), sb = name.substring(b + 1).toLowerCase(Locale.ROOT);
		return sa.equals("x") && sb.equals("y") || sa.equals("y") && sb.equals("z");
	}

	/** Breaks text into lines of at most {@code width} characters at spaces. */
	static String wrap(final String text, final int width) {
		final StringBuilder out = new StringBuilder();
		int line = 0;
		for (final String word : text.split(" ")) {
			if (line > 0 && line + 1 + word.length() > width) {
				out.append('\n');
				line = 0;
			}
			else if (line > 0) {
				out.append(' ');
				line++;
			}
			out.append(word);
			line += word.length();
		}
		return out.toString();
	}

	private static String escape(final String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static boolean isNumber(final Class<?> t) {
		return t == double.class || t == Double.class || t == float.class || t == Float.class || t == int.class || t == Integer.class
			|| t == long.class || t == Long.class;
	}

	private static int decimals(final double v) {
		if (v == Math.rint(v)) return 0;
		for (int d = 1; d < 6; d++)
			if (Math.abs(v * Math.pow(10, d) - Math.rint(v * Math.pow(10, d))) < 1e-9) return d;
		return 6;
	}
}

package org.medprep.ij1;

import ij.gui.GenericDialog;

import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.TextField;
import java.io.File;
import java.util.List;
import java.util.Vector;

import org.medprep.commands.CommandOptions;
import org.medprep.commands.MacroOptions;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

/**
 * An ImageJ 1.x dialog built from a command's parameters (label, default,
 * choices), producing the options string the macro path then runs.
 * <p>
 * Values are read from the dialog's fields directly rather than through
 * {@code getNext...()}, because those record keys made from the labels;
 * MedPrep records the parameter names, as Fiji does.
 */
final class ParameterDialog {

	private final Module module;
	private final List<ModuleItem<?>> items;
	private final GenericDialog dialog;

	ParameterDialog(final String title, final Module module) {
		this.module = module;
		this.items = CommandOptions.optionItems(module.getInfo());
		this.dialog = new GenericDialog(title);
		for (final ModuleItem<?> item : items) add(item);
		if (module.getInfo().getDescription() != null) dialog.addMessage(module.getInfo().getDescription());
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

	private void add(final ModuleItem<?> item) {
		final String label = item.getLabel() == null || item.getLabel().isEmpty() ? item.getName() : item.getLabel();
		final Object value = module.getInput(item.getName());
		final Class<?> type = item.getType();
		if (isNumber(type)) {
			final double v = value == null ? 0 : ((Number) value).doubleValue();
			final boolean whole = type == int.class || type == Integer.class || type == long.class || type == Long.class;
			dialog.addNumericField(label, v, whole ? 0 : decimals(v));
		}
		else if (type == boolean.class || type == Boolean.class) dialog.addCheckbox(label, Boolean.TRUE.equals(value));
		else if (type == String.class && item.getChoices() != null && !item.getChoices().isEmpty()) {
			final List<?> choices = item.getChoices();
			final String[] labels = new String[choices.size()];
			for (int i = 0; i < labels.length; i++) labels[i] = String.valueOf(choices.get(i));
			dialog.addChoice(label, labels, value == null ? labels[0] : value.toString());
		}
		else if (type == File.class) dialog.addFileField(label, value == null ? "" : ((File) value).getPath());
		else {
			if (CommandOptions.isSecret(item)) dialog.setEchoChar('*');
			dialog.addStringField(label, value == null ? "" : CommandOptions.text(value), 20);
		}
	}

	private String options() {
		final Vector<?> numbers = dialog.getNumericFields(), strings = dialog.getStringFields(), choices = dialog.getChoices(),
			boxes = dialog.getCheckboxes();
		int n = 0, s = 0, c = 0, b = 0;
		final StringBuilder sb = new StringBuilder();
		for (final ModuleItem<?> item : items) {
			final Class<?> type = item.getType();
			final String text;
			if (isNumber(type)) text = ((TextField) numbers.get(n++)).getText().trim();
			else if (type == boolean.class || type == Boolean.class) text = Boolean.toString(((Checkbox) boxes.get(b++)).getState());
			else if (type == String.class && item.getChoices() != null && !item.getChoices().isEmpty()) text = ((Choice) choices.get(c++)).getSelectedItem();
			else text = ((TextField) strings.get(s++)).getText();
			if (sb.length() > 0) sb.append(' ');
			sb.append(MacroOptions.format(item.getName(), text));
		}
		return sb.toString();
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

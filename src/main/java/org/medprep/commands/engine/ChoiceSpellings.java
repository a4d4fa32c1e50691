package org.medprep.commands.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medprep.core.Labelled;
import org.scijava.module.ModuleInfo;

/**
 * Maps a value typed for a choice parameter to the label it stands for: the
 * label in another case, the enum name, or an old spelling that recorded
 * macros and pipelines still use ({@link Labelled#oldSpellings()}). Any other
 * text (an image title) is returned as it is.
 */
public final class ChoiceSpellings {

	private ChoiceSpellings() {}

	/** The {@link ChoicesOf} of parameter {@code name}, if the command declares one. */
	public static Optional<ChoicesOf> of(final ModuleInfo info, final String name) {
		final Class<?> type;
		try {
			type = info.loadDelegateClass();
		}
		catch (final ClassNotFoundException e) {
			return Optional.empty();
		}
		return of(type, name);
	}

	/** The {@link ChoicesOf} of field {@code name} of {@code command} or its superclasses. */
	public static Optional<ChoicesOf> of(final Class<?> command, final String name) {
		for (Class<?> c = command; c != null; c = c.getSuperclass())
			for (final Field f : c.getDeclaredFields())
				if (f.getName().equals(name)) return Optional.ofNullable(f.getAnnotation(ChoicesOf.class));
		return Optional.empty();
	}

	/** The constants a declaration offers, in the order shown. */
	public static List<Labelled> offered(final ChoicesOf choices) {
		final List<Labelled> offered = new ArrayList<>();
		final Labelled[] all = choices.value().getEnumConstants();
		if (choices.only().length == 0) {
			for (final Labelled l : all) offered.add(l);
			return offered;
		}
		for (final String name : choices.only()) {
			Labelled found = null;
			for (final Labelled l : all)
				if (((Enum<?>) l).name().equals(name)) found = l;
			if (found == null) throw new IllegalStateException(choices.value().getSimpleName() + " has no constant " + name);
			offered.add(found);
		}
		return offered;
	}

	/** The labels a declaration offers, in the order shown. */
	public static List<String> labels(final ChoicesOf choices) {
		final List<String> labels = new ArrayList<>();
		for (final Labelled l : offered(choices)) labels.add(l.label());
		return labels;
	}

	/** The offered label {@code text} names, or {@code text} itself when it names none. */
	public static String canonical(final ChoicesOf choices, final String text) {
		if (text == null) return null;
		final String t = text.trim();
		for (final Labelled l : offered(choices)) {
			if (l.label().equalsIgnoreCase(t) || ((Enum<?>) l).name().equalsIgnoreCase(t)) return l.label();
			for (final String old : l.oldSpellings())
				if (old.equalsIgnoreCase(t)) return l.label();
		}
		return text;
	}

	/** {@link #canonical(ChoicesOf, String)} for parameter {@code name} of a command; {@code text} where it declares no enum. */
	public static String canonical(final ModuleInfo info, final String name, final String text) {
		final Optional<ChoicesOf> c = of(info, name);
		return c.isPresent() ? canonical(c.get(), text) : text;
	}
}

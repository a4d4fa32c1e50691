package org.medprep.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The labels of a {@link Labelled} enum and the choice a text names. */
public final class Labels {

	private Labels() {}

	/** The labels of all constants, in declaration order. */
	public static <E extends Enum<E> & Labelled> List<String> of(final Class<E> type) {
		final List<String> labels = new ArrayList<>();
		for (final E e : type.getEnumConstants()) labels.add(e.label());
		return labels;
	}

	/**
	 * The constant {@code text} names: its label or an old spelling (ignoring
	 * case and surrounding blanks), or its enum name.
	 */
	public static <E extends Enum<E> & Labelled> Optional<E> find(final Class<E> type, final String text) {
		if (text == null) return Optional.empty();
		final String t = text.trim();
		for (final E e : type.getEnumConstants()) {
			if (e.label().equalsIgnoreCase(t) || e.name().equalsIgnoreCase(t)) return Optional.of(e);
			for (final String old : e.oldSpellings())
				if (old.equalsIgnoreCase(t)) return Optional.of(e);
		}
		return Optional.empty();
	}

	/**
	 * {@link #find}, or a one-line error naming what was given and the labels.
	 *
	 * @param what what the choice is, for the message ("interpolation")
	 * @throws IllegalArgumentException if no constant has that label
	 */
	public static <E extends Enum<E> & Labelled> E parse(final Class<E> type, final String text, final String what) {
		return find(type, text).orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + text + "'; choose one of " + of(type)));
	}
}

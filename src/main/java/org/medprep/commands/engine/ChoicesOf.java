package org.medprep.commands.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.medprep.core.Labelled;

/**
 * The enum whose labels a {@code String} parameter's {@code choices} are. A
 * Java annotation can only hold a literal list, and Fiji's dialogs, the
 * ImageJ 1.x bridge and the generated reference read that list; this names
 * its one source, so a test holds every literal list equal to its enum, and
 * old spellings are mapped to the label wherever a value is read
 * ({@link ChoiceSpellings}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ChoicesOf {

	/** An enum implementing {@link Labelled}. */
	Class<? extends Labelled> value();

	/** The names of the constants offered, in the order shown; empty for all of them in declaration order. */
	String[] only() default {};
}

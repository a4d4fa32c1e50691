package org.medprep.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.ChoiceSpellings;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.spatial.Interpolation;
import org.medprep.testutil.HeadlessCommandTest;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;

/**
 * Every choice list of every command is the labels of one enum: a literal
 * {@code choices} list must equal the labels its {@link ChoicesOf} names, and
 * no literal list stands without one.
 */
class ChoiceVocabularyTest extends HeadlessCommandTest {

	@Test
	void everyLiteralChoiceListIsItsEnumsLabels() {
		final List<String> problems = new ArrayList<>();
		int lists = 0;
		for (final CommandInfo info : new CommandCatalog(commands).all())
			for (final ModuleItem<?> item : info.inputs()) {
				final List<?> choices = item.getChoices();
				if (choices == null || choices.isEmpty()) continue;
				lists++;
				final String where = CommandCatalog.label(info) + " " + item.getName();
				final Optional<ChoicesOf> of = ChoiceSpellings.of(info, item.getName());
				if (!of.isPresent()) problems.add(where + ": literal choices without @ChoicesOf");
				else if (!ChoiceSpellings.labels(of.get()).equals(choices))
					problems.add(where + ": " + choices + " but " + of.get().value().getSimpleName() + " says " + ChoiceSpellings.labels(of.get()));
			}
		assertEquals(List.of(), problems);
		assertTrue(lists >= 50, lists + " literal lists");
	}

	@Test
	void aDeclaredDefaultIsOneOfItsChoices() {
		final List<String> problems = new ArrayList<>();
		for (final CommandInfo info : new CommandCatalog(commands).all())
			for (final ModuleItem<?> item : info.inputs()) {
				final Optional<ChoicesOf> of = ChoiceSpellings.of(info, item.getName());
				if (!of.isPresent() || item.getChoices() == null || item.getChoices().isEmpty()) continue;
				final Object initial = defaultOf(info, item.getName());
				if (initial != null && !item.getChoices().contains(initial)) problems.add(CommandCatalog.label(info) + " " + item.getName() + " = " + initial);
			}
		assertEquals(List.of(), problems);
	}

	@Test
	void oldSpellingsAndOtherCasesMapToTheLabel() {
		final CommandInfo resize = new CommandCatalog(commands).byLabel("Resize by Scale");
		assertEquals(Interpolation.CUBIC.label(), ChoiceSpellings.canonical(resize, "interpolation", "Cubic B-Spline"));
		assertEquals(Interpolation.LINEAR.label(), ChoiceSpellings.canonical(resize, "interpolation", "LINEAR"));
		assertEquals(Interpolation.CUBIC.label(), ChoiceSpellings.canonical(resize, "interpolation", "3"));
		assertEquals("no such choice", ChoiceSpellings.canonical(resize, "interpolation", "no such choice"));
	}

	@Test
	void aMacroWithAnOldSpellingRunsAsWithTheLabel() {
		// before the spellings were mapped, "interpolation=3" was refused as not one of the choices
		final CommandInfo resize = new CommandCatalog(commands).byLabel("Resize by Scale");
		final ij.ImagePlus in = ij.IJ.createImage("ct", "32-bit ramp", 8, 6, 4);
		final ij.ImagePlus a = (ij.ImagePlus) invocation.run(resize, "scale_x=0.5 scale_y=0.5 scale_z=0.5 interpolation=3", in).outputs().get("result");
		final ij.ImagePlus b = (ij.ImagePlus) invocation.run(resize, "scale_x=0.5 scale_y=0.5 scale_z=0.5 interpolation=[cubic B-spline]", in).outputs().get("result");
		org.junit.jupiter.api.Assertions.assertArrayEquals(org.medprep.testutil.TestVolumes.values(ImagePlusVolumes.toVolume(b).data()),
			org.medprep.testutil.TestVolumes.values(ImagePlusVolumes.toVolume(a).data()), 0);
	}

	private static Object defaultOf(final CommandInfo info, final String name) {
		try {
			final Object instance = info.loadDelegateClass().getDeclaredConstructor().newInstance();
			for (Class<?> c = instance.getClass(); c != null; c = c.getSuperclass())
				for (final java.lang.reflect.Field f : c.getDeclaredFields())
					if (f.getName().equals(name)) {
						f.setAccessible(true);
						return f.get(instance);
					}
			return null;
		}
		catch (final ReflectiveOperationException e) {
			throw new AssertionError(CommandCatalog.label(info) + ": " + e);
		}
	}
}

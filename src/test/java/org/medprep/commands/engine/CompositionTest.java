package org.medprep.commands.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.medprep.core.augment.Selection;

/** One Of / Some Of groups: their syntax checked with line numbers, their draws reproducible and weighted. */
class CompositionTest {

	private static final String A = "run(\"Random Gamma\", \"seed=1\");", B = "run(\"Random Noise\", \"seed=2\");", C = "run(\"Random Blur\", \"seed=3\");";

	private static List<String> ran(final String pipeline) {
		final List<String> labels = new ArrayList<>();
		for (final Composition.Item i : Composition.resolve(Pipeline.parse(pipeline, "test.ijm").steps()))
			labels.add(i.step() == null ? "note" : i.step().label());
		return labels;
	}

	private static String group(final String open, final String close, final String... steps) {
		return open + "\n" + String.join("\n", steps) + "\n" + close + "\n";
	}

	@Test
	void oneOfRunsOneStepAfterItsNoteAndTheSeedFixesTheChoice() {
		final String p = group("run(\"One Of\", \"weights=[1 1 1] seed=17\");", "run(\"End One Of\");", A, B, C) + "run(\"Flip\");";
		final List<String> first = ran(p);
		assertEquals(3, first.size());
		assertEquals("note", first.get(0));
		assertEquals("Flip", first.get(2));
		for (int i = 0; i < 5; i++) assertEquals(first, ran(p), "same seed, same choice");
		final Composition.Item note = Composition.resolve(Pipeline.parse(p, "t").steps()).get(0);
		assertTrue(note.note().startsWith("// One Of seed=17: ran ") && note.note().endsWith(" of 3"), note.note());
		assertNull(note.step());
	}

	@Test
	void weightsShapeTheChoice() {
		final int[] count = new int[3];
		for (long s = 0; s < 3000; s++) count[Selection.oneOf(new double[] { 1, 2, 0 }, new SplittableRandom(s))]++;
		assertEquals(0, count[2], "weight 0 is never chosen");
		assertEquals(2.0, count[1] / (double) count[0], 0.2);
		// MONAI's SomeOf: a count in [n_min, n_max], distinct picks in the order drawn
		for (long s = 0; s < 200; s++) {
			final List<Integer> some = Selection.someOf(new double[] { 1, 1, 1, 1 }, 1, 3, false, new SplittableRandom(s));
			assertTrue(some.size() >= 1 && some.size() <= 3 && some.stream().distinct().count() == some.size(), some.toString());
		}
		boolean reordered = false;
		for (long s = 0; s < 50 && !reordered; s++) {
			final List<Integer> all = Selection.someOf(new double[] { 1, 1, 1 }, 3, 3, false, new SplittableRandom(s));
			reordered = !all.equals(List.of(0, 1, 2));
		}
		assertTrue(reordered, "all of them, in a random order (MONAI's default)");
	}

	@Test
	void someOfDefaultsToAllStepsAndProbabilityCanSkipTheGroup() {
		final List<String> all = ran(group("run(\"Some Of\", \"seed=4\");", "run(\"End Some Of\");", A, B, C));
		assertEquals(4, all.size());
		assertTrue(all.containsAll(List.of("Random Gamma", "Random Noise", "Random Blur")));
		int skipped = 0;
		for (int s = 0; s < 20; s++) {
			final List<String> r = ran(group("run(\"Some Of\", \"n_min=1 n_max=2 p=0.5 seed=" + s + "\");", "run(\"End Some Of\");", A, B, C));
			if (r.size() == 1) skipped++;
			else assertTrue(r.size() == 2 || r.size() == 3, r.toString());
		}
		assertTrue(skipped > 0 && skipped < 20, skipped + " of 20 skipped");
	}

	@Test
	void groupsNest() {
		final String inner = group("run(\"One Of\", \"seed=8\");", "run(\"End One Of\");", B, C);
		final List<String> r = ran(group("run(\"Some Of\", \"n_min=2 n_max=2 seed=9\");", "run(\"End Some Of\");", A, inner));
		assertEquals(List.of("note"), r.subList(0, 1));
		assertTrue(r.contains("Random Gamma") && (r.contains("Random Noise") || r.contains("Random Blur")), r.toString());
		assertEquals(4, r.size()); // outer note, Gamma, inner note, one of Noise/Blur
	}

	@Test
	void anEmptySeedIsDrawnAndWrittenInTheNote() {
		final String note = Composition.resolve(Pipeline.parse(group("run(\"One Of\");", "run(\"End One Of\");", A, B), "t").steps()).get(0).note();
		assertTrue(note.matches("// One Of seed=\\d+: ran [12] \\(Random (Gamma|Noise)\\) of 2"), note);
	}

	@Test
	void malformedGroupsAreRefusedWithTheirLine() {
		assertMessage(group("run(\"One Of\");", "run(\"End Some Of\");", A), "t.ijm, line 3: End Some Of closes One Of (line 1)");
		assertMessage("run(\"One Of\");\n" + A + "\n", "t.ijm, line 1: One Of is not closed by End One Of");
		assertMessage(A + "\nrun(\"End One Of\");\n", "t.ijm, line 2: End One Of without an open group");
		assertMessage("run(\"One Of\");\nrun(\"End One Of\");\n", "holds no steps");
		assertMessage(group("run(\"One Of\", \"weights=[1 2 3]\");", "run(\"End One Of\");", A, B), "t.ijm, line 1: weights has 3 numbers for 2 steps");
		assertMessage(group("run(\"One Of\", \"n_max=2\");", "run(\"End One Of\");", A, B), "unknown option 'n_max' of One Of");
		assertMessage(group("run(\"Some Of\", \"n_min=1 n_max=3\");", "run(\"End Some Of\");", A, B), "n_max = 3 without replacement");
		assertMessage(group("run(\"Some Of\", \"p=2\");", "run(\"End Some Of\");", A, B), "p must be a probability");
		assertMessage(group("run(\"One Of\", \"seed=x\");", "run(\"End One Of\");", A, B), "seed must be a whole number");
	}

	private static void assertMessage(final String pipeline, final String expected) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pipeline.parse(pipeline, "t.ijm"));
		assertTrue(e.getMessage().contains(expected), e.getMessage());
	}

	@Test
	void withOptionReplacesOrAddsOneOption() {
		final MacroLine line = MacroLine.parse("run(\"Random Gamma\", \"gamma_min=0.7 sampling=[halves around 1 (nnU-Net)] seed=3 invert\");");
		assertEquals("gamma_min=0.7 sampling=[halves around 1 (nnU-Net)] seed=99 invert", Composition.withOption(line, "seed", "99").options());
		assertEquals("gamma_min=0.7 sampling=[halves around 1 (nnU-Net)] seed=3 invert p=0.5", Composition.withOption(line, "p", "0.5").options());
	}
}

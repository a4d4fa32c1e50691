package org.medprep.cli.batch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class OutputCollisionsTest {

	private static List<String> outputs(final CaseRef c) {
		return Arrays.asList(c.name() + ".nii.gz", c.name() + "_label_result.nii.gz");
	}

	@Test
	void casesWritingTheSameFileAreFoundBeforeAnyRuns() {
		final List<CaseRef> cases = Arrays.asList(CaseRef.imageFile("a", "in/a.nii"), CaseRef.imageFile("a", "in/a.nii.gz"), CaseRef.imageFile("b", "in/b.nii"),
			CaseRef.imageFile("B", "in/B.mha"));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputCollisions.check(cases, OutputCollisionsTest::outputs));
		assertTrue(e.getMessage().startsWith("2 output name collisions (nothing was run): in/a.nii and in/a.nii.gz would both write a.nii.gz; "
			+ "in/b.nii and in/B.mha would both write B.nii.gz"), e.getMessage());
	}

	@Test
	void anOutputOfOneCaseCanCollideWithAnotherCasesMainOutput() {
		final List<CaseRef> cases = Arrays.asList(CaseRef.imageFile("a", "a.nii"), CaseRef.imageFile("a_label_result", "a_label_result.nii"));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputCollisions.check(cases, OutputCollisionsTest::outputs));
		assertTrue(e.getMessage().contains("would both write a_label_result.nii.gz"), e.getMessage());
	}

	@Test
	void distinctNamesPass() {
		assertDoesNotThrow(() -> OutputCollisions.check(Arrays.asList(CaseRef.imageFile("a", "a.nii"), CaseRef.imageFile("b", "b.nii")),
			OutputCollisionsTest::outputs));
		assertDoesNotThrow(() -> OutputCollisions.check(Collections.emptyList(), OutputCollisionsTest::outputs));
		assertEquals(2, outputs(CaseRef.imageFile("x", "x")).size());
	}
}

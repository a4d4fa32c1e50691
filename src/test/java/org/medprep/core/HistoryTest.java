package org.medprep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medprep.core.spatial.CropOrPad;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.ResampleToSpacing;
import org.medprep.core.spatial.SpatialPlan;

class HistoryTest {

	private static final double A = Math.toRadians(20);
	/** Oblique, anisotropic, off the origin: a plan's numbers must survive the text exactly. */
	private static final Grid GRID = Grid.of(new long[] { 23, 17, 9 }, Geometry.of(new double[] { 0.7, 0.9, 3.3 }, new double[] { -101.3, 47.25, 12.125 },
		new double[][] { { Math.cos(A), -Math.sin(A), 0 }, { Math.sin(A), Math.cos(A), 0 }, { 0, 0, 1 } }));

	private static History preprocessing() {
		final SpatialPlan resample = new ResampleToSpacing(new double[] { 1.1, 1.3, 2.9 }, true).plan(GRID);
		final SpatialPlan crop = new CropOrPad(new long[] { 12, 14, 8 }).plan(resample.target());
		return History.empty()
			.then(History.Step.of("run(\"Replace Padding\", \"padding=-2000.0 value=-1000.0\");"))
			.then(History.Step.of("run(\"Resample to Spacing\", \"spacing_x=1.1 spacing_y=1.3 spacing_z=2.9\");").withPlan(resample))
			.then(History.Step.of("run(\"Random Flip\", \"probability_x=0.5 seed=42\");").withDrawn("flip", "[true,false,false]"))
			.then(History.Step.of("run(\"Crop or Pad\", \"size_x=12 size_y=14 size_z=8\");").withPlan(crop))
			.then(History.Step.of("run(\"HU Window\", \"level=40.0 width=400.0\");"));
	}

	@Test
	void textRoundTripsEveryRecordExactly() {
		final History h = preprocessing().then(History.Step.of("run(\"Random Elastic\", \"seed=7\");").withDrawn("field_seed", "-12345")
			.withField("Random Elastic dense sigma=3.0 alpha=2.0 field_seed=-12345").withPlan(SpatialPlan.identity(GRID)));
		final History back = History.parse(h.toText());
		assertEquals(h, back);
		assertEquals(h.toText(), back.toText());
		assertEquals(Map.of("field_seed", "-12345"), back.steps().get(5).drawn());
		assertEquals("Random Elastic dense sigma=3.0 alpha=2.0 field_seed=-12345", back.steps().get(5).field());
		// the plan's numbers are exact, not rounded
		assertEquals(h.steps().get(1).plan().target(), back.steps().get(1).plan().target());
		assertEquals(h.steps().get(1).plan().pullBack(), back.steps().get(1).plan().pullBack());
	}

	@Test
	void theTextIsAPipelineFile() {
		final String text = preprocessing().toText();
		final String[] lines = text.split("\n");
		for (final String line : lines) assertTrue(line.startsWith("run(\"") || line.startsWith("// "), line);
		assertEquals(5, preprocessing().lines().size());
		assertEquals("run(\"Random Flip\", \"probability_x=0.5 seed=42\");", preprocessing().lines().get(2));
		assertTrue(text.contains("run(\"Random Flip\", \"probability_x=0.5 seed=42\");\n// drawn: flip=[true,false,false]\n"), text);
	}

	@Test
	void olderHistoriesOfStepLinesOnlyAndPlainCommentsRead() {
		final History h = History.parse("run(\"Clip Intensity\", \"min=0 max=1\");\n\n// a note of the user\nrun(\"HU Window\");\n");
		assertEquals(List.of("run(\"Clip Intensity\", \"min=0 max=1\");", "run(\"HU Window\");"), h.lines());
		assertNull(h.steps().get(0).plan());
		assertTrue(History.parse(null).isEmpty());
		assertTrue(History.parse("  \n").isEmpty());
	}

	@Test
	void theSpatialChainSkipsIntensityStepsAndEndsOnTheLastGrid() {
		final History h = preprocessing();
		assertEquals(2, h.spatialChain().plans().size());
		assertEquals(GRID, h.spatialChain().composed().source());
		assertEquals(h.steps().get(3).plan().target(), h.spatialChain().composed().target());
	}

	@Test
	void aChainBrokenOutsideMedPrepRestartsAfterTheBreak() {
		// the crop reads a grid the resampling did not write (the image was changed in between)
		final SpatialPlan resample = new ResampleToSpacing(new double[] { 1.1, 1.3, 2.9 }, true).plan(GRID);
		final SpatialPlan crop = new CropOrPad(new long[] { 12, 14, 8 }).plan(GRID);
		final History h = History.empty().then(History.Step.of("run(\"Resample to Spacing\");").withPlan(resample))
			.then(History.Step.of("run(\"Crop or Pad\");").withPlan(crop));
		assertEquals(1, h.spatialChain().plans().size());
		assertEquals(GRID, h.spatialChain().composed().source());
	}

	@Test
	void aDisplacementFieldInTheChainCannotBeInverted() {
		final History h = preprocessing().then(History.Step.of("run(\"Random Elastic\", \"seed=3\");").withField("dense field")
			.withPlan(SpatialPlan.identity(preprocessing().steps().get(3).plan().target())));
		final IllegalStateException e = assertThrows(IllegalStateException.class, h::spatialChain);
		assertTrue(e.getMessage().contains("run(\"Random Elastic\", \"seed=3\");") && e.getMessage().contains("no exact inverse"), e.getMessage());
	}

	@Test
	void badRecordsGetClearMessages() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> History.parse("// drawn: a=1\nrun(\"X\");"));
		assertEquals("history line 1 records a step but follows none: // drawn: a=1", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> History.parse("run(\"X\");\n// plan: source 1 2 3"));
		assertTrue(e.getMessage().startsWith("history line 2 is malformed: expected 'source <18 numbers>"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> History.parse("run(\"X\");\n// drawn: novalue"));
		assertEquals("history line 2 is malformed: expected key=value, got 'novalue'", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> History.Step.of("run(\"X\");").withDrawn("a", "1 2"));
		assertEquals("drawn parameter a needs a value without spaces, got '1 2'", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> History.Step.of("run(\"X\");\nrun(\"Y\");"));
		assertThrows(IllegalArgumentException.class, () -> History.Step.of("// a comment"));
	}

	@Test
	void notesKeepTheirPlaceAndAReplaySkipsThem() {
		final History h = History.empty().then(History.Step.note("// One Of seed=17: ran 2 (Random Noise) of 2"))
			.then(History.Step.of("run(\"Random Noise\", \"seed=3\");").withDrawn("sigma", 0.5).withDrawn("flair.sigma", 0.25));
		final String text = h.toText();
		assertEquals("// One Of seed=17: ran 2 (Random Noise) of 2\nrun(\"Random Noise\", \"seed=3\");\n// drawn: sigma=0.5 flair.sigma=0.25\n", text);
		final History back = History.parse(text);
		assertEquals(h, back);
		assertTrue(back.steps().get(0).isNote() && !back.steps().get(1).isNote());
		assertEquals(List.of("run(\"Random Noise\", \"seed=3\");"), back.lines(), "the pipeline that replays it has no notes");
		assertThrows(IllegalStateException.class, () -> History.Step.note("// a note").withDrawn("a", "1"));
		assertThrows(IllegalArgumentException.class, () -> History.Step.note("run(\"X\");"));
		assertThrows(IllegalArgumentException.class, () -> History.Step.note("// drawn: a=1"));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> History.parse("run(\"X\");\n// a note\n// drawn: a=1"));
		assertEquals("history line 3 records a step but follows a note: // drawn: a=1", e.getMessage());
	}
}

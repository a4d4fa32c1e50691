package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandCatalog;
import org.medprep.io.dicom.DicomLoadOptions;
import org.medprep.io.dicom.SlicePlane;
import org.medprep.testutil.HeadlessCommandTest;
import org.scijava.module.ModuleService;

/** What a transcript's lines become: steps, notices, DICOM loading; and what is refused. */
class PipelineCheckTest extends HeadlessCommandTest {

	private static CheckedPipeline check(final String text, final List<String> titles) {
		return PipelineCheck.check(PipelineText.parse(text, "t.ijm"), new CommandCatalog(commands), context.service(ModuleService.class), titles,
			DicomLoadOptions.defaults());
	}

	@Test
	void aRecordedDicomImportSetsHowTheRunLoadsDicom() {
		final CheckedPipeline c = check("run(\"Import DICOM Series\", \"folder=/data/knee plane=sagittal plane_tolerance=12.5 series_index=2 "
			+ "replace_padding=true padding_value=-1024\");\nrun(\"Clip Intensity\", \"min=-1000 max=400\");\n", Collections.emptyList());
		assertEquals(1, c.steps().size());
		assertEquals(SlicePlane.fromLabel("sagittal"), c.dicom().planeFilter().get());
		assertEquals(12.5, c.dicom().planeToleranceDegrees(), 0);
		assertEquals(-1024, c.dicom().paddingReplacement().get(), 0);
		assertTrue(c.notices().contains("t.ijm, line 1: series_index is not used in a batch: every series found is a case"), c.notices().toString());
		assertEquals("t.ijm, line 2", c.origins().get(0));
	}

	@Test
	void titlesOfTransformedLabelMapsMapBackAndRandomStepsAreMarked() {
		final CheckedPipeline c = check("run(\"Flip\", \"label=seg.nii.gz flip_x=true\");\n"
			+ "run(\"Random Flip\", \"label=seg-flipped probability_x=0.5 seed=3\");\n", Collections.singletonList("seg.nii.gz"));
		assertTrue(c.steps().get(1).options().startsWith("label=seg.nii.gz "), c.steps().get(1).options());
		assertEquals(List.of(false, true), c.seeded());
	}

	@Test
	void aHistoryReplaysItsCasesDrawsWhileARecordedSeedIsAMaster() {
		final String history = "run(\"Random Flip\", \"probability_x=0.5 seed=77\");\n// drawn: flip=[true,false,false]\n"
			+ "run(\"Random Flip\", \"probability_x=0.5 seed=78\");\n";
		final CheckedPipeline c = check(history, Collections.emptyList());
		assertEquals(List.of(true, false), c.recordedDraws());
		final CaseSeeding.Seeded a = new CaseSeeding(c, null).forCase("a");
		assertTrue(a.pipeline.steps().get(0).options().contains("seed=77"), a.pipeline.steps().get(0).options());
		assertTrue(a.pipeline.steps().get(1).options().contains("seed=" + org.medprep.cli.batch.CaseSeeds.derive(78, "a", 2)));
		assertEquals(Long.valueOf(77), a.seeds.get(1));
		// --seed is a new master seed for every random step, replayed or not
		final CaseSeeding.Seeded b = new CaseSeeding(c, 5L).forCase("a");
		assertTrue(b.pipeline.steps().get(0).options().contains("seed=" + org.medprep.cli.batch.CaseSeeds.derive(5, "a", 1)));
	}

	@Test
	void aStepOnASelectedLabelMapIsRefused() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> check("open(\"/d/ct.tif\");\n"
			+ "open(\"/d/seg.tif\");\n" + "run(\"Clip Intensity\", \"min=0 max=1\");\n", Collections.singletonList("seg.tif")));
		assertTrue(e.getMessage().startsWith("t.ijm, line 3: \"Clip Intensity\" would run on 'seg.tif' (selected before it), not on the case image"),
			e.getMessage());
		final CheckedPipeline ok = check("open(\"/d/ct.tif\");\n" + "open(\"/d/seg.tif\");\n" + "selectImage(\"ct.tif\");\n"
			+ "run(\"Clip Intensity\", \"min=0 max=1\");\n", Collections.singletonList("seg.tif"));
		assertEquals(1, ok.steps().size());
	}

	@Test
	void aPipelineOfOnlyAnImportHasNoSteps() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> check("run(\"Import NIfTI/MetaImage\", \"file=/a.nii\");\n", Collections.emptyList()));
		assertTrue(e.getMessage().contains("no run(...) steps"), e.getMessage());
	}
}

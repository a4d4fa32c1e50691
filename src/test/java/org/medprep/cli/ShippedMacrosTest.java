package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.commands.engine.MacroLine;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.History;
import org.medprep.core.phantom.BrainPhantom;
import org.medprep.io.ImageFormats;
import org.medprep.testutil.TestVolumes;

/** The augmentation recipes shipped in macros/ run through medprep run on image + label pairs. */
class ShippedMacrosTest {

	@TempDir
	Path dir;

	private static final Set<String> SPATIAL = Set.of("Random Rotate 3D", "Random Zoom", "Random Flip", "Random Affine", "Random Elastic");

	private void cases(final String... names) throws IOException {
		Files.createDirectories(dir.resolve("images"));
		Files.createDirectories(dir.resolve("labels"));
		long seed = 1;
		for (final String name : names) {
			final BrainPhantom p = BrainPhantom.standard().withSize(28, 26, 18).withSeed(seed++);
			ImageFormats.write(p.image(), dir.resolve("images/" + name + ".nii.gz"));
			ImageFormats.write(p.labels(), dir.resolve("labels/" + name + ".nii.gz"));
		}
	}

	private static History history(final Path p) throws IOException {
		return HistoryStore.of(ImageFiles.read(p));
	}

	private static double[] values(final Path p) throws IOException {
		return TestVolumes.values(ImagePlusVolumes.toVolume(ImageFiles.read(p)).data());
	}

	@Test
	void nnUNetsDefaultAugmentationDrawsPerCaseAndLeavesLabelsToTheSpatialSteps() throws IOException {
		cases("a", "b");
		final Path recipe = Path.of("macros", "nnunet_v2_default_augmentation.ijm");
		final CliTest.Run r = CliTest.cli("run", "--pipeline", recipe.toString(), "-i", dir.resolve("images").toString(), "--label",
			"seg=" + dir.resolve("labels"), "-o", dir.resolve("out").toString());
		assertEquals(0, r.code, r.err);
		final History caseA = history(dir.resolve("out/a.nii.gz"));
		final List<String> a = caseA.lines(), b = history(dir.resolve("out/b.nii.gz")).lines();
		assertEquals(11, a.size(), a.toString()); // z-score and the ten augmentation steps
		assertNotEquals(a, b, "each case draws its own seeds");
		for (final String line : a) assertTrue(line.contains("seed=") || line.startsWith("run(\"Z-Score Normalize\""), line);
		// the label map (one case with the image: one history) was touched by the steps that moved voxels, the spatial ones only,
		// and has only label values it had
		assertEquals(caseA, history(dir.resolve("out/seg/a.nii.gz")));
		final List<String> labelHistory = new ArrayList<>();
		for (final History.Step step : caseA.steps()) if (step.plan() != null) labelHistory.add(step.line());
		assertEquals(3, labelHistory.size(), labelHistory.toString());
		for (final String line : labelHistory) assertTrue(SPATIAL.contains(MacroLine.parse(line).label()), line);
		final Set<Double> values = new TreeSet<>();
		for (final double v : values(dir.resolve("out/seg/a.nii.gz"))) values.add(v);
		assertTrue(Set.of(0.0, 1.0, 2.0, 3.0).containsAll(values), values.toString());
		// replaying the image's spatial lines on the label alone gives the same label map: it got those draws and nothing else
		final List<String> spatial = new ArrayList<>();
		for (final String line : a) if (SPATIAL.contains(MacroLine.parse(line).label())) spatial.add(line);
		assertEquals(labelHistory, spatial);
		// with their "// drawn:" records, so a batch run takes their seeds as used, not as master seeds
		final List<History.Step> spatialSteps = new ArrayList<>();
		for (final History.Step step : caseA.steps()) if (SPATIAL.contains(MacroLine.parse(step.line()).label())) spatialSteps.add(step);
		Files.write(dir.resolve("spatial.ijm"), History.of(spatialSteps).toText().getBytes(StandardCharsets.UTF_8));
		Files.createDirectories(dir.resolve("only_a"));
		Files.copy(dir.resolve("labels/a.nii.gz"), dir.resolve("only_a/a.nii.gz"));
		final CliTest.Run replay = CliTest.cli("run", "--pipeline", dir.resolve("spatial.ijm").toString(), "-i", dir.resolve("only_a").toString(), "--label",
			"seg=" + dir.resolve("labels"), "-o", dir.resolve("replay").toString());
		assertEquals(0, replay.code, replay.err);
		assertArrayEquals(values(dir.resolve("out/seg/a.nii.gz")), values(dir.resolve("replay/seg/a.nii.gz")), 0);
		// and the whole history replays the image bit for bit
		Files.write(dir.resolve("history.ijm"), caseA.toText().getBytes(StandardCharsets.UTF_8));
		Files.copy(dir.resolve("images/a.nii.gz"), dir.resolve("only_a/a.nii.gz"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		final CliTest.Run image = CliTest.cli("run", "--pipeline", dir.resolve("history.ijm").toString(), "-i", dir.resolve("only_a").toString(), "--label",
			"seg=" + dir.resolve("labels"), "-o", dir.resolve("image").toString());
		assertEquals(0, image.code, image.err);
		assertArrayEquals(values(dir.resolve("out/a.nii.gz")), values(dir.resolve("image/a.nii.gz")), 0);
		assertArrayEquals(values(dir.resolve("out/seg/a.nii.gz")), values(dir.resolve("image/seg/a.nii.gz")), 0);
	}

	@Test
	void theRecipesHistoryReplaysTheSameBitsAtAnotherThreadCount() throws IOException {
		cases("d");
		// every step applied: each one's work on the path (the rotation and the scaling fused, the flip copied after them)
		final Path recipe = dir.resolve("all_applied.ijm");
		Files.write(recipe, new String(Files.readAllBytes(Path.of("macros", "nnunet_v2_default_augmentation.ijm")), StandardCharsets.UTF_8)
			.replaceAll(" p=0\\.\\d+", " p=1").getBytes(StandardCharsets.UTF_8));
		final CliTest.Run r = CliTest.cli("run", "--pipeline", recipe.toString(), "-i", dir.resolve("images").toString(), "--label",
			"seg=" + dir.resolve("labels"), "-o", dir.resolve("one").toString(), "--threads", "1");
		assertEquals(0, r.code, r.err);
		final History h = history(dir.resolve("one/d.nii.gz"));
		for (final History.Step step : h.steps()) assertTrue(!step.drawn().isEmpty() || step.line().startsWith("run(\"Z-Score"), step.line());
		Files.write(dir.resolve("history.ijm"), h.toText().getBytes(StandardCharsets.UTF_8));
		final CliTest.Run again = CliTest.cli("run", "--pipeline", dir.resolve("history.ijm").toString(), "-i", dir.resolve("images").toString(), "--label",
			"seg=" + dir.resolve("labels"), "-o", dir.resolve("four").toString(), "--threads", "4");
		assertEquals(0, again.code, again.err);
		assertArrayEquals(values(dir.resolve("one/d.nii.gz")), values(dir.resolve("four/d.nii.gz")), 0);
		assertArrayEquals(values(dir.resolve("one/seg/d.nii.gz")), values(dir.resolve("four/seg/d.nii.gz")), 0);
	}

	@Test
	void theTorchIOAndMonaiStyleRecipesRun() throws IOException {
		cases("c");
		for (final String recipe : new String[] { "torchio_style_augmentation.ijm", "monai_style_augmentation.ijm" }) {
			final Path out = dir.resolve(recipe.replace(".ijm", ""));
			final CliTest.Run r = CliTest.cli("run", "--pipeline", Path.of("macros", recipe).toString(), "-i", dir.resolve("images").toString(), "--label",
				"seg=" + dir.resolve("labels"), "-o", out.toString());
			assertEquals(0, r.code, recipe + ": " + r.err);
			final List<String> history = new ArrayList<>();
			for (final History.Step step : history(out.resolve("c.nii.gz")).steps()) history.add(step.line());
			assertTrue(history.stream().anyMatch(l -> l.startsWith("// One Of seed=") || l.startsWith("// Some Of seed=")), history.toString());
			assertFalse(java.util.Arrays.equals(values(dir.resolve("images/c.nii.gz")), values(out.resolve("c.nii.gz"))), recipe + " changed nothing");
		}
	}
}

package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.core.phantom.BrainPhantom;
import org.medprep.io.ImageFormats;

/** medprep exec: cohort commands that take no input image, run once. */
class ExecCommandTest {

	@TempDir
	Path dir;

	@Test
	void nyulTrainOverAFolderWritesTheStandardScale() throws IOException {
		Files.createDirectories(dir.resolve("t1"));
		ImageFormats.write(BrainPhantom.standard().withSize(32, 32, 24).image(), dir.resolve("t1/a.nii.gz"));
		ImageFormats.write(BrainPhantom.standard().withSize(32, 32, 24).withBias(0.2).image(), dir.resolve("t1/b.nii.gz"));
		final Path scale = dir.resolve("scale.json");
		final CliTest.Run r = CliTest.cli("exec", "--step", "run(\"Nyul Train\", \"folder=" + dir.resolve("t1") + " standard_scale=" + scale + "\");");
		assertEquals(0, r.code, r.err);
		assertTrue(r.out.startsWith("run(\"Nyul Train\", \"images= folder="), r.out);
		assertTrue(r.out.contains("scale: Nyul standard scale [1.0, "), r.out);
		final java.util.Map<?, ?> json = (java.util.Map<?, ?>) org.medprep.testutil.Json.parse(new String(Files.readAllBytes(scale), StandardCharsets.UTF_8));
		// the standard scale: 11 landmarks from output_min 1 to output_max 100
		assertTrue(json.values().stream().anyMatch(v -> v instanceof java.util.List && ((java.util.List<?>) v).size() == 11
			&& ((Number) ((java.util.List<?>) v).get(0)).doubleValue() == 1 && ((Number) ((java.util.List<?>) v).get(10)).doubleValue() == 100), json.toString());
	}

	@Test
	void textFilesBesideTheImagesOfACohortAreNotImages() throws IOException {
		Files.createDirectories(dir.resolve("t1"));
		ImageFormats.write(BrainPhantom.standard().withSize(32, 32, 24).image(), dir.resolve("t1/a.nii.gz"));
		ImageFormats.write(BrainPhantom.standard().withSize(32, 32, 24).withBias(0.2).image(), dir.resolve("t1/b.nii.gz"));
		final Path clean = dir.resolve("clean.json");
		assertEquals(0, CliTest.cli("exec", "--step", "run(\"Nyul Train\", \"folder=" + dir.resolve("t1") + " standard_scale=" + clean + "\");").code);
		// a numeric text file (ImageJ's opener reads it as a text image) and a README beside the images
		Files.write(dir.resolve("t1/landmarks.txt"), "1 2 3\n4 5 6\n".getBytes(StandardCharsets.UTF_8));
		Files.write(dir.resolve("t1/README.txt"), "T1 images of the cohort\n".getBytes(StandardCharsets.UTF_8));
		final Path withText = dir.resolve("with-text.json");
		final CliTest.Run r = CliTest.cli("exec", "--step", "run(\"Nyul Train\", \"folder=" + dir.resolve("t1") + " standard_scale=" + withText + "\");");
		assertEquals(0, r.code, r.err);
		assertEquals(new String(Files.readAllBytes(clean), StandardCharsets.UTF_8), new String(Files.readAllBytes(withText), StandardCharsets.UTF_8));
	}

	@Test
	void imageStepsAreSentToRun() {
		final CliTest.Run r = CliTest.cli("exec", "--step", "run(\"HU Window\", \"level=40 width=400\");");
		assertEquals(2, r.code);
		assertTrue(r.err.contains("works on an image: use medprep run"), r.err);
	}
}

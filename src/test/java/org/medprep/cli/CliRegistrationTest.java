package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.bench.RegistrationCase;
import org.medprep.bench.RegistrationCases;
import org.medprep.core.phantom.HeadPhantom;
import org.medprep.core.spatial.Grid;
import org.medprep.io.ImageFormats;
import org.medprep.io.transform.TransformFiles;

/**
 * Registration in CLI pipelines: every case registered to one atlas (a cohort
 * step), its label map following, every case's transform written beside its
 * image; and every case's FLAIR registered to its own T1 (paired by name).
 */
class CliRegistrationTest {

	@TempDir
	Path dir;

	private static final String STEP = "run(\"Register Images\", \"fixed=atlas transform=rigid levels=3 iterations=100 seed=5 label=seg\");";

	@Test
	void everyCaseRegisteredToAnAtlasWithItsLabelAndTransform() throws IOException {
		final RegistrationCase c = RegistrationCases.rigid(4);
		ImageFormats.write(c.fixed(), dir.resolve("atlas.nii.gz"));
		Files.createDirectories(dir.resolve("t2"));
		Files.createDirectories(dir.resolve("seg"));
		for (final String name : new String[] { "case1", "case2" }) {
			ImageFormats.write(c.moving(), dir.resolve("t2/" + name + ".nii.gz"));
			ImageFormats.write(HeadPhantom.foreground(c.movingGrid(), c.truth().inverse()), dir.resolve("seg/" + name + ".nii.gz"));
		}
		final CliTest.Run r = CliTest.cli("run", "--step", STEP, "-i", dir.resolve("t2").toString(), "--image", "atlas=" + dir.resolve("atlas.nii.gz"),
			"--image", "seg=" + dir.resolve("seg"), "-o", dir.resolve("out").toString(), "--threads", "2");
		assertEquals(0, r.code, r.err);
		assertEquals(List.of("case1.nii.gz", "case1_label_result.nii.gz", "case1_preview_image.nii.gz", "case1_registration.tfm", "case2.nii.gz",
			"case2_label_result.nii.gz", "case2_preview_image.nii.gz", "case2_registration.tfm"), listing(dir.resolve("out")));
		assertTrue(Grid.of(ImageFormats.read(dir.resolve("out/case1.nii.gz"))).sameSpace(c.fixedGrid(), 1e-4), "on the atlas grid");
		final double tre = c.meanTargetRegistrationError(TransformFiles.read(dir.resolve("out/case2_registration.tfm")).transform());
		assertTrue(tre < 2.4, "mean TRE " + tre + " mm (4.8 mm voxels)");
	}

	@Test
	void everyCasesFlairRegisteredToItsOwnT1() throws IOException {
		final RegistrationCase c = RegistrationCases.rigid(5);
		Files.createDirectories(dir.resolve("t1"));
		Files.createDirectories(dir.resolve("flair"));
		// case b's T1 lies elsewhere in the scanner (another origin): its FLAIR must land on that grid
		final Grid shifted = Grid.of(c.fixedGrid().size(), c.fixedGrid().geometry().withOrigin(new double[] { -50, -60, -40 }));
		ImageFormats.write(c.fixed(), dir.resolve("t1/a.nii.gz"));
		ImageFormats.write(HeadPhantom.standard().image(shifted, HeadPhantom.Contrast.T1, org.medprep.core.spatial.PhysicalAffine.translation(new double[] { 10, 5, 3 })),
			dir.resolve("t1/b.nii.gz"));
		ImageFormats.write(c.moving(), dir.resolve("flair/a.nii.gz"));
		ImageFormats.write(c.moving(), dir.resolve("flair/b.nii.gz"));
		final CliTest.Run r = CliTest.cli("run", "--step", "run(\"Register Images\", \"fixed=t1 transform=rigid levels=3 iterations=60 seed=2 preview=none\");",
			"-i", dir.resolve("flair").toString(), "--image", "t1=" + dir.resolve("t1"), "-o", dir.resolve("out").toString());
		assertEquals(0, r.code, r.err);
		assertEquals(List.of("a.nii.gz", "a_registration.tfm", "b.nii.gz", "b_registration.tfm"), listing(dir.resolve("out")));
		assertTrue(Grid.of(ImageFormats.read(dir.resolve("out/a.nii.gz"))).sameSpace(c.fixedGrid(), 1e-4));
		assertTrue(Grid.of(ImageFormats.read(dir.resolve("out/b.nii.gz"))).sameSpace(shifted, 1e-4));
	}

	private static List<String> listing(final Path d) throws IOException {
		try (Stream<Path> s = Files.list(d)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}

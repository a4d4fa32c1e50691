package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.core.History;
import org.medprep.core.Volume;
import org.medprep.core.phantom.MultimodalHeadPhantom;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.io.ImageFormats;
import org.medprep.io.transform.TransformFiles;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.RealType;

/**
 * Registration in CLI pipelines with named members: every case's FLAIR to its
 * own T1 (a --ref paired by name), the case's T2 and label map following;
 * the transform applied again in a later run from the registered files'
 * history and undone by Invert Spatial History; and a cohort step registering
 * every case to one atlas, each case's transform written beside its image.
 */
class CliRegistrationTest {

	@TempDir
	Path dir;

	/** 6 mm voxels: seconds per case. */
	private static final RegistrationCase CASE = RegistrationCases.rigid(5);

	private Path write(final Volume<?> v, final String name) throws IOException {
		final Path p = dir.resolve(name);
		Files.createDirectories(p.getParent());
		ImageFormats.write(v, p);
		return p;
	}

	private static Volume<? extends RealType<?>> read(final Path p) throws IOException {
		return ImageFiles.readVolume(p);
	}

	private static double[] values(final Path p) throws IOException {
		return TestVolumes.values(read(p).data());
	}

	private static List<String> listing(final Path d) throws IOException {
		try (Stream<Path> s = Files.list(d)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	private static void ok(final String... args) {
		final CliTest.Run r = CliTest.cli(args);
		assertEquals(0, r.code, r.err);
	}

	@Test
	void everyCasesFlairRegisteredToItsOwnT1WithItsT2AndLabelsFollowingThenAppliedAgainAndInvertedInLaterRuns() throws IOException {
		// case b's T1 lies elsewhere in the scanner (another origin): its FLAIR and everything with it must land on that grid
		final Grid shifted = Grid.of(CASE.fixedGrid().size(), CASE.fixedGrid().geometry().withOrigin(new double[] { -50, -60, -40 }));
		final PhysicalAffine headOfB = PhysicalAffine.translation(new double[] { 10, 5, 3 });
		write(CASE.fixed(), "t1/a.nii.gz");
		write(MultimodalHeadPhantom.standard().image(shifted, MultimodalHeadPhantom.Contrast.T1, headOfB), "t1/b.nii.gz");
		for (final String c : new String[] { "a", "b" }) {
			write(CASE.moving(), "flair/" + c + ".nii.gz");
			// a T2 of the same session on the FLAIR's grid (another contrast), and the label map drawn on the FLAIR
			write(MultimodalHeadPhantom.standard().image(CASE.movingGrid(), MultimodalHeadPhantom.Contrast.T1, CASE.truth().inverse()), "t2/" + c + ".nii.gz");
			write(MultimodalHeadPhantom.foreground(CASE.movingGrid(), CASE.truth().inverse()), "seg/" + c + ".nii.gz");
		}
		ok("run", "--step", "run(\"Register Images\", \"fixed=t1 moving=flair transform=rigid levels=3 iterations=150 seed=2 preview=none\");", "-i",
			dir.resolve("flair").toString(), "--image", "t2=" + dir.resolve("t2"), "--label", "seg=" + dir.resolve("seg"), "--ref", "t1=" + dir.resolve("t1"),
			"-o", dir.resolve("out").toString(), "--threads", "2");
		assertEquals(List.of("a.nii.gz", "a_registration.tfm", "b.nii.gz", "b_registration.tfm", "manifest.jsonl", "seg", "t2"), listing(dir.resolve("out")));
		assertEquals(List.of("a.nii.gz", "b.nii.gz"), listing(dir.resolve("out/seg")));
		assertEquals(List.of("a.nii.gz", "b.nii.gz"), listing(dir.resolve("out/t2")));
		for (final String member : new String[] { "", "seg/", "t2/" }) {
			assertTrue(Grid.of(read(dir.resolve("out/" + member + "a.nii.gz"))).sameSpace(CASE.fixedGrid()), member + "a on a's T1 grid");
			assertTrue(Grid.of(read(dir.resolve("out/" + member + "b.nii.gz"))).sameSpace(shifted), member + "b on b's T1 grid");
		}
		final PhysicalAffine a = TransformFiles.read(dir.resolve("out/a_registration.tfm")).transform();
		assertTrue(CASE.meanTargetRegistrationError(a) < 3, "mean TRE " + CASE.meanTargetRegistrationError(a) + " mm (6 mm voxels)");
		// b's FLAIR lies where b's head is: the truth followed by b's head offset
		final PhysicalAffine b = TransformFiles.read(dir.resolve("out/b_registration.tfm")).transform();
		final double[] centreOfB = b.apply(headOfB.inverse().apply(new double[3])), expected = CASE.truth().apply(new double[3]);
		for (int d = 0; d < 3; d++) assertEquals(expected[d], centreOfB[d], 3, "b's head centre, axis " + d);
		// the label map moved with the file's transform, nearest, so only its own values
		final double[] seg = values(dir.resolve("out/seg/a.nii.gz"));
		final Volume<? extends RealType<?>> segIn = read(dir.resolve("seg/a.nii.gz"));
		assertArrayEquals(TestVolumes.values(SpatialPlan.of(CASE.movingGrid(), CASE.fixedGrid(), a).apply(segIn, Sampling.labels()).data()), seg, 0);
		// every output carries the step with its plan: the history is what the next runs read
		final History history = HistoryStore.of(read(dir.resolve("out/t2/a.nii.gz")));
		assertEquals(1, history.spatialChain().plans().size());
		assertTrue(history.lines().get(0).contains("seed=2"), history.lines().toString());

		// a later run: the T2 and the label map again, with each case's transform read from its registered FLAIR (--ref, paired by name)
		ok("run", "--step", "run(\"Apply Transform\", \"registered=flair_reg interpolation=linear\");", "-i", dir.resolve("t2").toString(), "--label",
			"seg=" + dir.resolve("seg"), "--ref", "flair_reg=" + dir.resolve("out"), "-o", dir.resolve("again").toString());
		for (final String c : new String[] { "a", "b" }) {
			assertArrayEquals(values(dir.resolve("out/t2/" + c + ".nii.gz")), values(dir.resolve("again/" + c + ".nii.gz")), 0, c + ": the same T2");
			assertArrayEquals(values(dir.resolve("out/seg/" + c + ".nii.gz")), values(dir.resolve("again/seg/" + c + ".nii.gz")), 0, c + ": the same labels");
		}

		// and back: a label map predicted on the T1 grid goes onto the FLAIR grid, with the registered FLAIR's history
		ok("run", "--step", "run(\"Invert Spatial History\", \"reference=flair_reg interpolation=nearest\");", "-i", dir.resolve("out/seg").toString(), "--ref",
			"flair_reg=" + dir.resolve("out"), "-o", dir.resolve("back").toString());
		final Volume<? extends RealType<?>> back = read(dir.resolve("back/a.nii.gz"));
		assertTrue(Grid.of(back).sameSpace(CASE.movingGrid()), "on the FLAIR grid");
		final double[] original = TestVolumes.values(segIn.data()), restored = TestVolumes.values(back.data());
		int inside = 0, agree = 0;
		for (int i = 0; i < original.length; i++) {
			assertTrue(restored[i] == 0 || restored[i] == 1, "label value " + restored[i]);
			if (original[i] == 0) continue;
			inside++;
			if (restored[i] == original[i]) agree++;
		}
		assertTrue(inside > 500 && agree > 0.9 * inside, agree + " of " + inside + " head voxels back");
	}

	@Test
	void everyCaseRegisteredToOneAtlasWithItsLabelAndTransformAndABadCaseFailingAlone() throws IOException {
		write(CASE.fixed(), "atlas.nii.gz");
		// two cases moved differently (the second 6 mm further), and a constant one
		final PhysicalAffine[] truths = { CASE.truth(), PhysicalAffine.translation(new double[] { 6, -4, 3 }).after(CASE.truth()) };
		for (int k = 0; k < truths.length; k++) {
			write(MultimodalHeadPhantom.standard().image(CASE.movingGrid(), MultimodalHeadPhantom.Contrast.T2, truths[k].inverse()), "cases/case" + (k + 1) + ".nii.gz");
			write(MultimodalHeadPhantom.foreground(CASE.movingGrid(), truths[k].inverse()), "seg/case" + (k + 1) + ".nii.gz");
		}
		write(Volume.of(net.imglib2.img.array.ArrayImgs.floats(CASE.movingGrid().size()), CASE.movingGrid().geometry()), "cases/case3.nii.gz");
		write(MultimodalHeadPhantom.foreground(CASE.movingGrid(), CASE.truth().inverse()), "seg/case3.nii.gz");
		final CliTest.Run r = CliTest.cli("run", "--step", "run(\"Register Images\", \"fixed=atlas transform=rigid levels=3 iterations=200 seed=5\");", "-i",
			dir.resolve("cases").toString(), "--ref", "atlas=" + dir.resolve("atlas.nii.gz"), "--label", "seg=" + dir.resolve("seg"), "-o",
			dir.resolve("out").toString(), "--threads", "2");
		assertEquals(1, r.code, r.err);
		assertTrue(r.err.contains("FAILED " + dir.resolve("cases/case3.nii.gz") + ": Register Images: the moving image is constant"), r.err);
		assertEquals(List.of("case1.nii.gz", "case1_preview_image.nii.gz", "case1_registration.tfm", "case2.nii.gz", "case2_preview_image.nii.gz",
			"case2_registration.tfm", "manifest.jsonl", "seg"), listing(dir.resolve("out")));
		assertEquals(List.of("case1.nii.gz", "case2.nii.gz"), listing(dir.resolve("out/seg")));
		for (int k = 0; k < truths.length; k++) {
			final String c = "case" + (k + 1);
			assertTrue(Grid.of(read(dir.resolve("out/" + c + ".nii.gz"))).sameSpace(CASE.fixedGrid()), c + " on the atlas grid");
			assertTrue(Grid.of(read(dir.resolve("out/seg/" + c + ".nii.gz"))).sameSpace(CASE.fixedGrid()), c + "'s labels on the atlas grid");
			assertTrue(Grid.of(read(dir.resolve("out/" + c + "_preview_image.nii.gz"))).sameSpace(CASE.fixedGrid()), c + "'s preview on the atlas grid");
			final RegistrationCase truth = new RegistrationCase(c, CASE.fixedGrid(), CASE.movingGrid(), truths[k], MultimodalHeadPhantom.standard());
			final double tre = truth.meanTargetRegistrationError(TransformFiles.read(dir.resolve("out/" + c + "_registration.tfm")).transform());
			assertTrue(tre < 3, c + ": mean TRE " + tre + " mm (6 mm voxels)");
		}
		assertFalse(Files.exists(dir.resolve("out/case3.nii.gz")));
	}
	@Test
	void aRegistrationFusesWithTheNextSpatialStepAndItsHistoryReplaysBitForBit() throws IOException {
		write(CASE.fixed(), "t1/a.nii.gz");
		write(CASE.moving(), "flair/a.nii.gz");
		write(MultimodalHeadPhantom.foreground(CASE.movingGrid(), CASE.truth().inverse()), "seg/a.nii.gz");
		final String[] steps = { "--step", "run(\"Register Images\", \"fixed=t1 transform=rigid levels=3 iterations=150 seed=4 preview=none label_method=[label (one-hot linear)]\");",
			"--step", "run(\"Resample to Spacing\", \"spacing_x=4 spacing_y=4 spacing_z=4 interpolation=linear\");" };
		final String[] members = { "-i", dir.resolve("flair").toString(), "--label", "seg=" + dir.resolve("seg"), "--ref", "t1=" + dir.resolve("t1") };
		ok(concat(concat(new String[] { "run" }, steps), concat(members, new String[] { "-o", dir.resolve("fused").toString() })));
		ok(concat(concat(new String[] { "run", "--no-fusion" }, steps), concat(members, new String[] { "-o", dir.resolve("steps").toString() })));
		// one resampling or two: the same grid and history, the same labels but at boundaries, the image within interpolation error
		final Volume<? extends RealType<?>> fused = read(dir.resolve("fused/a.nii.gz")), stepwise = read(dir.resolve("steps/a.nii.gz"));
		assertTrue(Grid.of(fused).sameSpace(Grid.of(stepwise)));
		assertEquals(HistoryStore.of(fused), HistoryStore.of(stepwise));
		assertEquals(2, HistoryStore.of(fused).spatialChain().plans().size());
		final double[] f = TestVolumes.values(fused.data()), s = TestVolumes.values(stepwise.data());
		double max = 0, diff = 0;
		for (int i = 0; i < f.length; i++) {
			max = Math.max(max, Math.abs(f[i]));
			diff += Math.abs(f[i] - s[i]);
		}
		assertTrue(diff / f.length < 0.05 * max, "mean difference " + diff / f.length + " of values up to " + max);
		final double[] fl = values(dir.resolve("fused/seg/a.nii.gz")), sl = values(dir.resolve("steps/seg/a.nii.gz"));
		int same = 0, head = 0;
		for (int i = 0; i < fl.length; i++) {
			assertTrue(fl[i] == 0 || fl[i] == 1, "label value " + fl[i]);
			if (fl[i] != 0 || sl[i] != 0) head++;
			if (fl[i] == sl[i] && fl[i] != 0) same++;
		}
		assertTrue(head > 300 && same > 0.85 * head, same + " of " + head + " label voxels agree");
		// the history is a pipeline: replayed on the same inputs, the same voxels
		final Path replay = dir.resolve("replay.ijm");
		Files.write(replay, HistoryStore.of(fused).toText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		ok(concat(new String[] { "run", "--pipeline", replay.toString() }, concat(members, new String[] { "-o", dir.resolve("replayed").toString() })));
		assertArrayEquals(f, values(dir.resolve("replayed/a.nii.gz")), 0);
		assertArrayEquals(fl, values(dir.resolve("replayed/seg/a.nii.gz")), 0);
	}

	@Test
	void aTransformFileNamedTxtMakesEveryCaseWriteElastixParametersBesideItsImageNeverAtThatPath() throws IOException {
		write(CASE.fixed(), "t1/a.nii.gz");
		write(CASE.moving(), "flair/a.nii.gz");
		final Path named = dir.resolve("TransformParameters.txt");
		ok("run", "--step", "run(\"Register Images\", \"fixed=t1 transform=rigid levels=2 iterations=30 seed=3 preview=none transform_file=[" + named + "]\");",
			"-i", dir.resolve("flair").toString(), "--ref", "t1=" + dir.resolve("t1"), "-o", dir.resolve("out").toString());
		assertEquals(List.of("a.nii.gz", "a_registration.txt", "manifest.jsonl"), listing(dir.resolve("out")));
		assertFalse(Files.exists(named), "cases do not overwrite one file");
		// elastix parameters name the fixed grid, so Apply Transform needs no fixed image with them
		assertTrue(TransformFiles.read(dir.resolve("out/a_registration.txt")).fixedGrid().sameSpace(CASE.fixedGrid()));
	}

	private static String[] concat(final String[] a, final String[] b) {
		return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
	}
}

package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.core.Geometry;
import org.medprep.core.History;
import org.medprep.core.Volume;
import org.medprep.core.spatial.Grid;
import org.medprep.io.ImageFormats;
import org.medprep.testutil.TestVolumes;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/** Cases as units through medprep run: several members per case, the history in the files, inversion in a later run, replay. */
class CasePipelineTest {

	@TempDir
	Path dir;

	private static final double A = Math.toRadians(17), B = Math.toRadians(-9);
	/** Oblique (rotated about z and y), anisotropic, far from the origin. */
	private static final Geometry ORIGINAL = Geometry.of(new double[] { 0.8, 0.75, 2.5 }, new double[] { -87.3, 41.9, -212.5 },
		new double[][] { { Math.cos(A) * Math.cos(B), -Math.sin(A), Math.cos(A) * Math.sin(B) },
			{ Math.sin(A) * Math.cos(B), Math.cos(A), Math.sin(A) * Math.sin(B) }, { -Math.sin(B), 0, Math.cos(B) } });
	private static final long[] SIZE = { 30, 28, 12 };

	/** Linear in the physical point, so linear interpolation reproduces it in the interior. */
	private static double linear(final double[] p) {
		return 3 * p[0] - 2 * p[1] + 5 * p[2] + 1000;
	}

	/** Four labels cut by two planes. */
	private static double label(final double[] p) {
		return (p[0] + 0.5 * p[1] > -54 ? 1 : 0) + (p[2] - 0.3 * p[0] > -171 ? 2 : 0);
	}

	private static Volume<? extends RealType<?>> floats(final ToDoubleFunction<double[]> f) {
		final ArrayImg<net.imglib2.type.numeric.real.FloatType, ?> img = ArrayImgs.floats(SIZE);
		final float[] v = ((net.imglib2.img.basictypeaccess.array.FloatArray) img.update(null)).getCurrentStorageArray();
		fill(v, f);
		return Volume.of(img, ORIGINAL);
	}

	private static Volume<? extends RealType<?>> bytes(final ToDoubleFunction<double[]> f) {
		final float[] v = new float[(int) (SIZE[0] * SIZE[1] * SIZE[2])];
		fill(v, f);
		final byte[] b = new byte[v.length];
		for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
		return Volume.of(ArrayImgs.unsignedBytes(b, SIZE), ORIGINAL);
	}

	private static void fill(final float[] v, final ToDoubleFunction<double[]> f) {
		int i = 0;
		for (int z = 0; z < SIZE[2]; z++)
			for (int y = 0; y < SIZE[1]; y++)
				for (int x = 0; x < SIZE[0]; x++) v[i++] = (float) f.applyAsDouble(ORIGINAL.indexToPhysical(new double[] { x, y, z }));
	}

	private Path write(final Volume<?> v, final String name) throws IOException {
		final Path p = dir.resolve(name);
		Files.createDirectories(p.getParent());
		ImageFormats.write(v, p);
		return p;
	}

	private Path pipeline(final String name, final String... lines) throws IOException {
		final Path p = dir.resolve(name);
		Files.write(p, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
		return p;
	}

	private static Volume<? extends RealType<?>> read(final Path p) throws IOException {
		return ImageFiles.readVolume(p);
	}

	private static double[] values(final Path p) throws IOException {
		return TestVolumes.values(read(p).data());
	}

	private static Set<Double> distinct(final double[] v) {
		final Set<Double> s = new TreeSet<>();
		for (final double x : v) s.add(x);
		return s;
	}

	private static void run(final String... args) {
		final CliTest.Run r = CliTest.cli(args);
		assertEquals(0, r.code, r.err);
	}

	@Test
	void aSecondRunOverTheFirstRunsOutputTakesItsImagesOnlyNotItsLabelMapsAsCases() throws IOException {
		write(floats(CasePipelineTest::linear), "img/a.nii.gz");
		write(floats(CasePipelineTest::linear), "img/b.nii.gz");
		write(bytes(CasePipelineTest::label), "labels/a.nii.gz");
		write(bytes(CasePipelineTest::label), "labels/b.nii.gz");
		run("run", "--step", "run(\"Flip\", \"flip_x=true flip_y=false flip_z=false\");", "-i", dir.resolve("img").toString(), "--label",
			"seg=" + dir.resolve("labels"), "-o", dir.resolve("one").toString());
		assertTrue(Files.isRegularFile(dir.resolve("one/seg/a.nii.gz")));
		final CliTest.Run r = CliTest.cli("run", "--step", "run(\"Z-Score Normalize\", \"\");", "-i", dir.resolve("one").toString(), "-o",
			dir.resolve("two").toString());
		assertEquals(0, r.code, r.err);
		// the cases are a and b; one/seg/a and one/seg/b are the first run's label maps, not cases "seg_a" and "seg_b"
		assertTrue(Files.isRegularFile(dir.resolve("two/a.nii.gz")));
		assertTrue(Files.isRegularFile(dir.resolve("two/b.nii.gz")));
		try (java.util.stream.Stream<Path> s = Files.list(dir.resolve("two"))) {
			assertEquals(Set.of("a.nii.gz", "b.nii.gz"), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".nii.gz"))
				.collect(java.util.stream.Collectors.toSet()));
		}
		assertTrue(r.err.contains(dir.resolve("one/seg") + ": 2 files an earlier run wrote beside its cases"), r.err);
	}

	@Test
	void aPredictionOnThePreprocessedGridGoesBackOntoTheOriginalGridInALaterRun() throws IOException {
		write(floats(CasePipelineTest::linear), "img/case.nii.gz");
		write(bytes(CasePipelineTest::label), "labels/case.nii.gz");
		// run 1: preprocess to a finer isotropic grid, crop one axis and pad the others, flip
		final Path pre = pipeline("pre.ijm", "run(\"Resample to Spacing\", \"spacing_x=0.5 spacing_y=0.5 spacing_z=0.6 interpolation=linear\");",
			"run(\"Crop or Pad\", \"size_x=40 size_y=48 size_z=56\");", "run(\"Flip\", \"flip_x=false flip_y=true flip_z=false\");");
		run("run", "--pipeline", pre.toString(), "-i", dir.resolve("img").toString(), "--label", "seg=" + dir.resolve("labels"), "-o",
			dir.resolve("pre").toString());
		final Volume<? extends RealType<?>> preprocessed = read(dir.resolve("pre/case.nii.gz"));
		assertArrayEquals(new long[] { 40, 48, 56 }, preprocessed.dimensions());
		assertEquals(3, HistoryStore.of(preprocessed).spatialChain().plans().size());
		// elsewhere, a network predicts the label map on the preprocessed grid and writes it without geometry or history
		final Volume<? extends RealType<?>> seg = read(dir.resolve("pre/seg/case.nii.gz"));
		write(HistoryStore.without(seg).withGeometry(Geometry.identity()), "pred/case.nii.gz");
		// run 2: bring the prediction back, with the preprocessed image as the reference
		run("run", "--step", "run(\"Invert Spatial History\", \"reference=pre interpolation=nearest\");", "-i", dir.resolve("pred").toString(), "--ref",
			"pre=" + dir.resolve("pre"), "-o", dir.resolve("back").toString());
		final Volume<? extends RealType<?>> back = read(dir.resolve("back/case.nii.gz"));
		assertArrayEquals(SIZE, back.dimensions());
		assertTrue(back.geometry().sameSpace(ORIGINAL), back.geometry().toString());
		// nearest there and back on a finer grid: every label the crop kept is exact, what it removed is 0
		final double[] original = TestVolumes.values(bytes(CasePipelineTest::label).data()), restored = TestVolumes.values(back.data());
		final Grid cropped = HistoryStore.of(preprocessed).spatialChain().plans().get(1).target();
		int kept = 0;
		for (int z = 0, i = 0; z < SIZE[2]; z++)
			for (int y = 0; y < SIZE[1]; y++)
				for (int x = 0; x < SIZE[0]; x++, i++) {
					final double[] c = cropped.geometry().physicalToIndex(ORIGINAL.indexToPhysical(new double[] { x, y, z }));
					final boolean inside = c[0] >= 0 && c[1] >= 0 && c[2] >= 0 && c[0] <= cropped.size(0) - 1 && c[1] <= cropped.size(1) - 1
						&& c[2] <= cropped.size(2) - 1;
					if (inside) kept++;
					if (inside && Math.abs(c[0] - Math.rint(c[0])) != 0.5) assertEquals(original[i], restored[i], 0, "label at " + x + "," + y + "," + z);
					if (!inside && (c[0] < -1 || c[0] > cropped.size(0))) assertEquals(0, restored[i], 0, "cropped away at " + x + "," + y + "," + z);
				}
		assertTrue(kept > original.length / 2 && kept < original.length, kept + " of " + original.length + " kept by the crop");
		// the preprocessed image itself goes back with its own history (this image): linear data, linear error only from float32 storage
		run("run", "--step", "run(\"Invert Spatial History\", \"interpolation=linear\");", "-i", dir.resolve("pre").toString(), "-o",
			dir.resolve("back-image").toString());
		final Volume<? extends RealType<?>> image = read(dir.resolve("back-image/case.nii.gz"));
		final double[] v = TestVolumes.values(image.data());
		double worst = 0;
		int interior = 0;
		for (int z = 2, i; z < SIZE[2] - 2; z++)
			for (int y = 2; y < SIZE[1] - 2; y++)
				for (int x = 2; x < SIZE[0] - 2; x++) {
					final double[] c = cropped.geometry().physicalToIndex(ORIGINAL.indexToPhysical(new double[] { x, y, z }));
					if (c[0] < 1 || c[0] > cropped.size(0) - 2) continue;
					i = (int) ((z * SIZE[1] + y) * SIZE[0] + x);
					worst = Math.max(worst, Math.abs(v[i] - linear(ORIGINAL.indexToPhysical(new double[] { x, y, z }))));
					interior++;
				}
		assertTrue(interior > 1000, interior + " interior voxels");
		assertTrue(worst < 0.01, "largest interior error of linear data " + worst);
	}

	@Test
	void invertingNeedsTheGridTheHistoryEndsOnAndAnInvertibleHistory() throws IOException {
		write(floats(CasePipelineTest::linear), "img/case.nii.gz");
		final Path pre = pipeline("pre.ijm", "run(\"Resample to Spacing\", \"spacing_x=1 spacing_y=1 spacing_z=1\");");
		run("run", "--pipeline", pre.toString(), "-i", dir.resolve("img").toString(), "-o", dir.resolve("pre").toString());
		write(floats(CasePipelineTest::linear), "wrong/case.nii.gz");
		CliTest.Run r = CliTest.cli("run", "--step", "run(\"Invert Spatial History\", \"reference=pre\");", "-i", dir.resolve("wrong").toString(), "--ref",
			"pre=" + dir.resolve("pre"), "-o", dir.resolve("back").toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains("Invert Spatial History: 'image' is 30x28x12 but the spatial history of 'pre' ends on a "), r.err);
		final Path elastic = pipeline("el.ijm", "run(\"Random Elastic\", \"mode=[control grid] seed=3\");");
		run("run", "--pipeline", elastic.toString(), "-i", dir.resolve("img").toString(), "-o", dir.resolve("el").toString());
		r = CliTest.cli("run", "--step", "run(\"Invert Spatial History\");", "-i", dir.resolve("el").toString(), "-o", dir.resolve("back2").toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains("deformed the grid with a displacement field"), r.err);
		// nothing written for the failed case; the manifest records it
		assertEquals(List.of("manifest.jsonl"), java.util.Arrays.asList(dir.resolve("back2").toFile().list()));
	}

	@Test
	void twoScalarImagesAndTwoLabelMapsMoveAsOneCase() throws IOException {
		write(floats(CasePipelineTest::linear), "t1/case.nii.gz");
		// the second image is twice the first (so the fill value 0 is twice 0 too): after the same transform it still is
		write(floats(p -> 2 * linear(p)), "flair/case.nii.gz");
		write(bytes(CasePipelineTest::label), "seg/case.nii.gz");
		write(bytes(p -> label(p) == 3 ? 1 : 0), "brain/case.nii.gz");
		final Path aug = pipeline("aug.ijm", "run(\"Random Affine\", \"scale_min=0.9 scale_max=1.1 degrees_z=20 translation_x=4 seed=11\");",
			"run(\"Random Elastic\", \"mode=[control grid] control_points=5 max_displacement=4 seed=12\");",
			"run(\"Min-Max Normalize\", \"min=0 max=1\");");
		run("run", "--pipeline", aug.toString(), "-i", dir.resolve("t1").toString(), "--image", "flair=" + dir.resolve("flair"), "--label",
			"seg=" + dir.resolve("seg"), "--label", "brain=" + dir.resolve("brain"), "-o", dir.resolve("out").toString());
		final Path t1 = dir.resolve("out/case.nii.gz"), flair = dir.resolve("out/flair/case.nii.gz"), seg = dir.resolve("out/seg/case.nii.gz"),
			brain = dir.resolve("out/brain/case.nii.gz");
		final Grid grid = Grid.of(read(t1));
		for (final Path p : List.of(flair, seg, brain)) assertTrue(Grid.of(read(p)).sameSpace(grid), p + " on the case's grid");
		// one draw for all: min-max normalized, the two images agree voxel for voxel
		final double[] a = values(t1), b = values(flair);
		double worst = 0;
		for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
		assertTrue(worst < 1e-4, "t1 and flair differ by " + worst);
		// label maps: never interpolated, never normalized
		assertTrue(Set.of(0.0, 1.0, 2.0, 3.0).containsAll(distinct(values(seg))), distinct(values(seg)).toString());
		assertEquals(Set.of(0.0, 1.0), distinct(values(brain)));
		final double[] s = values(seg), m = values(brain);
		for (int i = 0; i < s.length; i++) assertEquals(s[i] == 3 ? 1 : 0, m[i], 0, "brain follows seg at " + i);
		final Set<Double> labelsIn = distinct(TestVolumes.values(bytes(CasePipelineTest::label).data()));
		assertTrue(labelsIn.size() >= 3, labelsIn.toString());
		assertEquals(labelsIn, distinct(values(seg)));
		// one history in every member
		final History h = HistoryStore.of(read(t1));
		assertEquals(3, h.size());
		for (final Path p : List.of(flair, seg, brain)) assertEquals(h, HistoryStore.of(read(p)), p.toString());
		assertNotNull(h.steps().get(0).plan());
		assertNotNull(h.steps().get(1).field());
		assertNull(h.steps().get(2).plan());
	}

	@Test
	void replayingARecordedHistoryReproducesTheOutputBitForBit() throws IOException {
		write(floats(CasePipelineTest::linear), "img/case.nii.gz");
		write(bytes(CasePipelineTest::label), "seg/case.nii.gz");
		// empty seeds: drawn, then recorded in the history
		final Path aug = pipeline("aug.ijm", "run(\"Resample to Spacing\", \"spacing_x=1 spacing_y=1 spacing_z=1.5\");",
			"run(\"Random Flip\", \"probability_x=0.5 probability_y=0.5\");", "run(\"Random Affine\", \"degrees_z=15 translation_y=3\");",
			"run(\"Random Elastic\", \"sigma=3 alpha=40\");", "run(\"Z-Score Normalize\", \"mask=seg\");");
		run("run", "--pipeline", aug.toString(), "-i", dir.resolve("img").toString(), "--label", "seg=" + dir.resolve("seg"), "-o",
			dir.resolve("first").toString());
		final History recorded = HistoryStore.of(read(dir.resolve("first/case.nii.gz")));
		assertTrue(recorded.lines().get(2).matches(".*seed=\\d+.*"), recorded.lines().get(2));
		// the history, copied out of the file, is the pipeline
		final Path replay = dir.resolve("replay.ijm");
		Files.write(replay, recorded.toText().getBytes(StandardCharsets.UTF_8));
		run("run", "--pipeline", replay.toString(), "-i", dir.resolve("img").toString(), "--label", "seg=" + dir.resolve("seg"), "-o",
			dir.resolve("second").toString());
		assertArrayEquals(values(dir.resolve("first/case.nii.gz")), values(dir.resolve("second/case.nii.gz")), 0);
		assertArrayEquals(values(dir.resolve("first/seg/case.nii.gz")), values(dir.resolve("second/seg/case.nii.gz")), 0);
		assertEquals(recorded, HistoryStore.of(read(dir.resolve("second/case.nii.gz"))));
	}

	@Test
	void fusionIsOnByDefaultAndOffOnRequest() throws IOException {
		write(floats(CasePipelineTest::linear), "img/case.nii.gz");
		final Path p = pipeline("p.ijm", "run(\"Resample to Spacing\", \"spacing_x=1.1 spacing_y=1.1 spacing_z=1.3 anti_alias=false\");",
			"run(\"Rotate\", \"angle_z=10 interpolation=[cubic B-spline]\");", "run(\"Zoom\", \"zoom_x=1.1 zoom_y=1.1 zoom_z=1\");");
		run("run", "--pipeline", p.toString(), "-i", dir.resolve("img").toString(), "-o", dir.resolve("fused").toString());
		run("run", "--pipeline", p.toString(), "-i", dir.resolve("img").toString(), "-o", dir.resolve("steps").toString(), "--no-fusion");
		final double[] a = values(dir.resolve("fused/case.nii.gz")), b = values(dir.resolve("steps/case.nii.gz"));
		assertEquals(a.length, b.length);
		int differ = 0;
		for (int i = 0; i < a.length; i++) if (a[i] != b[i]) differ++;
		assertTrue(differ > a.length / 10, "fused and step by step are different resamplings (" + differ + " voxels differ)");
		assertEquals(HistoryStore.of(read(dir.resolve("fused/case.nii.gz"))), HistoryStore.of(read(dir.resolve("steps/case.nii.gz"))));
	}

	@Test
	void aRandomSpatialStepDrawnNotToApplyStillWritesEveryLabelMapUnchanged() throws IOException {
		write(floats(CasePipelineTest::linear), "img/case.nii.gz");
		write(bytes(CasePipelineTest::label), "seg/case.nii.gz");
		final Path p = pipeline("p.ijm", "run(\"Random Affine\", \"degrees_z=20 p=0 seed=5 label=seg\");");
		run("run", "--pipeline", p.toString(), "-i", dir.resolve("img").toString(), "--label", "seg=" + dir.resolve("seg"), "-o", dir.resolve("out").toString());
		// an identity step: every case of an augmentation run has its label map, with its voxels and type
		assertArrayEquals(values(dir.resolve("seg/case.nii.gz")), values(dir.resolve("out/seg/case.nii.gz")), 0);
		assertArrayEquals(values(dir.resolve("img/case.nii.gz")), values(dir.resolve("out/case.nii.gz")), 0);
		final History.Step step = HistoryStore.of(read(dir.resolve("out/seg/case.nii.gz"))).steps().get(0);
		assertEquals("false", step.drawn().get("applied"));
		assertTrue(step.plan().pullBack().isIdentity(0), step.plan().toText());
	}

	@Test
	void picturesArePngWhateverTheVolumeFormatAndLeaveTheCaseAlone() throws IOException {
		write(floats(CasePipelineTest::linear), "img/case.nii.gz");
		write(bytes(CasePipelineTest::label), "seg/case.nii.gz");
		final Path p = pipeline("p.ijm", "run(\"Orthogonal Mid-Slices\");", "run(\"Augmentation Preview\", \"count=4 seed=3 label=seg\");",
			"run(\"Clip Intensity\", \"min=0 max=2000\");");
		for (final String format : List.of("nii.gz", "mha")) {
			run("run", "--pipeline", p.toString(), "-i", dir.resolve("img").toString(), "--label", "seg=" + dir.resolve("seg"), "-o",
				dir.resolve(format).toString(), "--format", format);
			for (final String png : List.of("case_midslices.png", "case_preview.png")) {
				final byte[] head = Files.readAllBytes(dir.resolve(format).resolve(png));
				assertEquals((byte) 0x89, head[0], png);
				assertEquals('P', head[1], png);
			}
			// the mid-slices did not become the case: the last step clipped the 3D image
			assertArrayEquals(SIZE, read(dir.resolve(format).resolve("case." + format)).dimensions());
		}
	}

	@Test
	void badMembersAreReportedClearly() throws IOException {
		write(floats(CasePipelineTest::linear), "img/case.nii.gz");
		write(bytes(CasePipelineTest::label).withGeometry(ORIGINAL.withOrigin(new double[] { 0, 0, 0 })), "elsewhere/case.nii.gz");
		CliTest.Run r = CliTest.cli("run", "--step", "run(\"Flip\");", "-i", dir.resolve("img").toString(), "--label", "seg=" + dir.resolve("elsewhere"),
			"-o", dir.resolve("out").toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains(dir.resolve("elsewhere/case.nii.gz") + ": not on the grid of " + dir.resolve("img/case.nii.gz")), r.err);
		assertFalse(Files.exists(dir.resolve("out/case.nii.gz")));
		r = CliTest.cli("run", "--step", "run(\"Flip\");", "-i", dir.resolve("img").toString(), "--label", "seg=" + dir.resolve("nowhere"), "-o",
			dir.resolve("out").toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains("no such file or folder (for --label seg)"), r.err);
		r = CliTest.cli("run", "--step", "run(\"Flip\");", "-i", dir.resolve("img").toString(), "--image", "image=" + dir.resolve("img"), "-o",
			dir.resolve("out").toString());
		assertEquals(2, r.code);
		assertTrue(r.err.contains("'image' is the name of the -i input"), r.err);
		r = CliTest.cli("run", "--step", "run(\"Flip\");", "-i", dir.resolve("img").toString(), "--label", "a=x", "--ref", "a=y", "-o",
			dir.resolve("out").toString());
		assertEquals(2, r.code);
		assertTrue(r.err.contains("the name 'a' is given twice"), r.err);
		// a label map no member provides is found before any case runs
		r = CliTest.cli("run", "--step", "run(\"Flip\", \"label=seg\");", "-i", dir.resolve("img").toString(), "-o", dir.resolve("out").toString());
		assertEquals(2, r.code);
		assertTrue(r.err.contains("option 'label' of \"Flip\" names the image 'seg', which this run does not have"), r.err);
	}
}

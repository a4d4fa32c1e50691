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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.cli.batch.CaseSeeds;
import org.medprep.cli.batch.Manifest;
import org.medprep.cli.batch.ManifestRow;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.core.Volume;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.io.ImageFormats;
import org.medprep.testutil.TestFiles;
import org.medprep.testutil.TestVolumes;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/** The failures a new user met on the way from a Fiji session to many cases, each now a test through the CLI. */
class BatchCliTest {

	@TempDir
	Path dir;

	private static final String WINDOW = "run(\"HU Window\", \"level=40 width=400 output=[float 0-1]\");";

	/** A small CT phantom case; the seed makes each case's noise (and so its values) its own. */
	private Path ct(final String name, final long seed) throws IOException {
		final Path p = dir.resolve("cases").resolve(name);
		Files.createDirectories(p.getParent());
		ImageFormats.write(new CtPhantom(16, 12, 4, new double[] { 1, 1, 2 }, 20, seed).image(), p);
		return p;
	}

	private Path pipeline(final String name, final String text) throws IOException {
		return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
	}

	@SuppressWarnings("unchecked")
	private static double[] values(final Path p) throws IOException {
		return TestVolumes.values((RandomAccessibleInterval<? extends RealType<?>>) (Object) ImageFormats.read(p).data());
	}

	private static Map<String, String> hashes(final Path folder) throws IOException {
		final Map<String, String> m = new TreeMap<>();
		try (Stream<Path> s = Files.walk(folder)) {
			for (final Path p : s.filter(Files::isRegularFile).collect(Collectors.toList())) m.put(folder.relativize(p).toString(), sha256(p));
		}
		return m;
	}

	private static String sha256(final Path p) throws IOException {
		try {
			final byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
			final StringBuilder sb = new StringBuilder();
			for (final byte b : d) sb.append(String.format("%02x", b));
			return sb.toString();
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<String> listing(final Path d) throws IOException {
		try (Stream<Path> s = Files.list(d)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	@Test
	void outputsEqualToOrInsideTheInputsAreRefusedAndInputsAreNeverModified() throws IOException {
		final Path a = ct("a.nii.gz", 1);
		ct("b.nii.gz", 2);
		final Path cases = dir.resolve("cases");
		final Map<String, String> before = hashes(cases);
		final CliTest.Run same = CliTest.cli("run", "--step", WINDOW, "-i", cases.toString(), "-o", cases.toString());
		assertEquals(2, same.code);
		assertTrue(same.err.contains("the output " + cases + " is the input " + cases), same.err);
		final CliTest.Run inside = CliTest.cli("run", "--step", WINDOW, "-i", cases.toString(), "-o", cases.resolve("out").toString());
		assertEquals(2, inside.code);
		assertTrue(inside.err.contains("lies inside the input"), inside.err);
		final CliTest.Run convert = CliTest.cli("convert", a.toString(), a.toString());
		assertEquals(2, convert.code);
		assertTrue(convert.err.contains("is the input"), convert.err);
		final CliTest.Run convertInside = CliTest.cli("convert", cases.toString(), cases.resolve("nifti").toString());
		assertEquals(2, convertInside.code);
		assertEquals(before, hashes(cases));
		// a real run reads them and leaves them as they were
		final CliTest.Run ok = CliTest.cli("run", "--step", "run(\"Replace Padding\", \"padding=-2000 value=-1000\");", "--step", WINDOW, "-i",
			cases.toString(), "-o", dir.resolve("out").toString());
		assertEquals(0, ok.code, ok.err);
		assertEquals(before, hashes(cases));
	}

	@Test
	void casesWhoseOutputsWouldCollideAreFoundBeforeTheFirstCase() throws IOException {
		ct("a.nii", 1);
		ct("a.nii.gz", 2);
		ct("b.nii.gz", 3);
		final CliTest.Run r = CliTest.cli("run", "--step", WINDOW, "-i", dir.resolve("cases").toString(), "-o", dir.resolve("out").toString());
		assertEquals(2, r.code);
		assertTrue(r.err.contains("1 output name collision (nothing was run): " + dir.resolve("cases/a.nii") + " and " + dir.resolve("cases/a.nii.gz")
			+ " would both write a.nii.gz"), r.err);
		assertFalse(Files.exists(dir.resolve("out")));
	}

	@Test
	void aRecorderTranscriptRunsOnEachCasesOwnImage() throws IOException {
		final Path a = ct("a.nii.gz", 1), b = ct("b.nii.gz", 2);
		// the Recorder's text of a session on a file that no batch case is
		final Path session = pipeline("session.ijm", "run(\"Import NIfTI/MetaImage\", \"file=/data/elsewhere/recorded.nii.gz volume_index=-1\");\n"
			+ "selectImage(\"recorded.nii.gz\");\n" + "setTool(\"rectangle\");\n" + "run(\"Next Slice [>]\");\n" + "setSlice(2);\n"
			+ "run(\"Replace Padding\", \"padding=-2000 value=-1000\");\n" + "selectImage(\"recorded-padfix\");\n" + WINDOW + "\n");
		final CliTest.Run r = CliTest.cli("run", "--pipeline", session.toString(), "-i", dir.resolve("cases").toString(), "-o", dir.resolve("out").toString());
		assertEquals(0, r.code, r.err);
		assertTrue(r.err.contains("note: " + session + ", line 1: \"Import NIfTI/MetaImage\" is the case input"), r.err);
		assertTrue(r.err.contains("line 3: setTool(\"rectangle\"); only changes the view; skipped"), r.err);
		assertTrue(r.err.contains("line 7: selects the current image; skipped"), r.err);
		// each output is its own input windowed: (HU + 160) / 400 clipped to 0..1, padding -2000 as air first
		for (final Path in : new Path[] { a, b }) {
			final double[] hu = values(in), w = values(dir.resolve("out").resolve(in.getFileName()));
			for (int i = 0; i < hu.length; i++)
				assertEquals(Math.max(0, Math.min(1, ((hu[i] == -2000 ? -1000 : hu[i]) + 160) / 400)), w[i], 1e-6, in + " voxel " + i);
		}
		assertFalse(Arrays.equals(values(dir.resolve("out/a.nii.gz")), values(dir.resolve("out/b.nii.gz"))));
	}

	@Test
	void transcriptLinesThatCannotBeBatchedAreRefusedWithTheirLineNumbers() throws IOException {
		ct("a.nii.gz", 1);
		final Path session = pipeline("session.ijm", "open(\"/data/ct/recorded.nii.gz\");\n" + WINDOW + "\n"
			+ "selectImage(\"recorded.nii.gz\");\n" + "run(\"Import NIfTI/MetaImage\", \"file=/data/seg/recorded_seg.nii.gz\");\n"
			+ "selectImage(5);\n" + "print(\"done\");\n");
		final CliTest.Run r = CliTest.cli("run", "--pipeline", session.toString(), "-i", dir.resolve("cases").toString(), "-o", dir.resolve("out").toString());
		assertEquals(2, r.code);
		assertTrue(r.err.contains(session + ", line 5: selectImage by image ID (5) cannot name an image in another run"), r.err);
		assertTrue(r.err.contains(session + ", line 6: not a pipeline line: 'print(\"done\");'"), r.err);
		final Path fixed = pipeline("session2.ijm", "open(\"/data/ct/recorded.nii.gz\");\n" + WINDOW + "\n" + "selectImage(\"recorded.nii.gz\");\n"
			+ "run(\"Import NIfTI/MetaImage\", \"file=/data/seg/recorded_seg.nii.gz\");\n");
		final CliTest.Run r2 = CliTest.cli("run", "--pipeline", fixed.toString(), "-i", dir.resolve("cases").toString(), "-o", dir.resolve("out").toString());
		assertEquals(2, r2.code);
		assertTrue(r2.err.contains(fixed + ", line 3: selects 'recorded.nii.gz', an earlier image of the case"), r2.err);
		assertTrue(r2.err.contains(fixed + ", line 4: opens a second image, 'recorded_seg.nii.gz'; in a batch each case has its own: give it with --label "
			+ "recorded_seg.nii.gz=FILE_OR_FOLDER"), r2.err);
		assertFalse(Files.exists(dir.resolve("out")));
	}

	@Test
	void aRecordedSeedIsTheMasterSeedAndEachCaseGetsItsOwnDraw() throws IOException {
		// two cases with identical voxels: only their seeds can make them differ
		ct("a.nii.gz", 5);
		Files.copy(dir.resolve("cases/a.nii.gz"), dir.resolve("cases/b.nii.gz"));
		final Path p = pipeline("aug.ijm", "run(\"Random Affine\", \"seed=1234 scale_min=1 scale_max=1 degrees_x=0 degrees_y=0 degrees_z=30 fill=-1000\");\n");
		final CliTest.Run r = CliTest.cli("run", "--pipeline", p.toString(), "-i", dir.resolve("cases").toString(), "-o", dir.resolve("out").toString());
		assertEquals(0, r.code, r.err);
		final double[] a = values(dir.resolve("out/a.nii.gz")), b = values(dir.resolve("out/b.nii.gz"));
		assertFalse(Arrays.equals(a, b), "the cases got the same draw");
		// the history and the manifest record each case's derived seed
		final long seedA = CaseSeeds.derive(1234, "a", 1);
		final List<String> history = HistoryStore.of(ImageFiles.read(dir.resolve("out/a.nii.gz"))).lines();
		assertTrue(history.get(0).startsWith("run(\"Random Affine\"") && history.get(0).contains("seed=" + seedA), history.toString());
		final List<ManifestRow> rows = Manifest.read(dir.resolve("out/manifest.jsonl"));
		assertEquals(Long.valueOf(seedA), rows.get(0).seeds().get("step 1"));
		assertEquals(Long.valueOf(CaseSeeds.derive(1234, "b", 1)), rows.get(1).seeds().get("step 1"));
		// the same run again gives the same bits; --seed sets another master seed
		final CliTest.Run again = CliTest.cli("run", "--pipeline", p.toString(), "-i", dir.resolve("cases").toString(), "-o", dir.resolve("out2").toString());
		assertEquals(0, again.code, again.err);
		assertArrayEquals(a, values(dir.resolve("out2/a.nii.gz")), 0);
		final CliTest.Run other = CliTest.cli("run", "--pipeline", p.toString(), "--seed", "99", "-i", dir.resolve("cases").toString(), "-o",
			dir.resolve("out3").toString());
		assertEquals(0, other.code, other.err);
		assertFalse(Arrays.equals(a, values(dir.resolve("out3/a.nii.gz"))));
		assertTrue(HistoryStore.of(ImageFiles.read(dir.resolve("out3/a.nii.gz"))).lines().toString().contains("seed=" + CaseSeeds.derive(99, "a", 1)));
	}

	@Test
	void everyProblemOfThePipelineIsFoundBeforeAnyCaseRuns() throws IOException {
		ct("a.nii.gz", 1);
		final Path p = pipeline("p.ijm", "run(\"Replace Padding\", \"padding=-2000 value=-1000\");\n" + "run(\"HU Window\", \"levle=40 width=400\");\n"
			+ "run(\"HU Window\", \"output=[float 0-2]\");\n" + "run(\"Random Affine\", \"label=seg seed=abc\");\n" + "run(\"Clip Intensity\", \"min=low\");\n"
			+ "run(\"Sharpen Everthing\");\n" + "run(\"Z-Score Normalise\");\n");
		final CliTest.Run r = CliTest.cli("run", "--pipeline", p.toString(), "-i", dir.resolve("cases").toString(), "-o", dir.resolve("out").toString());
		assertEquals(2, r.code);
		assertTrue(r.err.contains(p + ", line 2: unknown option 'levle' for \"HU Window\" (did you mean 'level'?)"), r.err);
		assertTrue(r.err.contains(p + ", line 3: option 'output' of \"HU Window\" must be one of [float 0-1, 8-bit 0-255, HU clipped], got 'float 0-2'"
			+ " (did you mean 'float 0-1'?)"), r.err);
		assertTrue(r.err.contains(p + ", line 4: option 'label' of \"Random Affine\" names the image 'seg', which this run does not have (None, or a member "
			+ "given with --label, --image or --ref NAME=PATH)"), r.err);
		assertTrue(r.err.contains(p + ", line 4: option 'seed' of \"Random Affine\" must be a whole number (or empty), got 'abc'"), r.err);
		assertTrue(r.err.contains(p + ", line 5: option 'min' of \"Clip Intensity\" must be a number, got 'low'"), r.err);
		assertTrue(r.err.contains(p + ", line 6: unknown command \"Sharpen Everthing\""), r.err);
		assertTrue(r.err.contains(p + ", line 7: unknown command \"Z-Score Normalise\" (did you mean 'Z-Score Normalize'?)"), r.err);
		assertTrue(r.err.contains("Nothing was run."), r.err);
		assertFalse(Files.exists(dir.resolve("out")));
	}

	@Test
	void dicomSeriesBesideNiftiFilesAreCasesToo() throws IOException {
		ct("a.nii.gz", 1);
		TestFiles.copyTree(TestFiles.DICOM_FIXTURES.resolve("ct_axial"), dir.resolve("cases/dicom/axial"));
		final CliTest.Run r = CliTest.cli("run", "--step", "run(\"Clip Intensity\", \"min=-1000 max=400\");", "-i", dir.resolve("cases").toString(), "-o",
			dir.resolve("out").toString());
		assertEquals(0, r.code, r.err);
		assertTrue(r.out.startsWith("2 case(s), 0 failed"), r.out);
		final List<String> out = listing(dir.resolve("out"));
		assertEquals(3, out.size(), out.toString());
		assertTrue(out.get(2).startsWith("s001_CT_"), out.toString());
	}

	@Test
	void progressLinesStaleStagingAndResume() throws IOException {
		ct("a.nii.gz", 1);
		ct("b.nii.gz", 2);
		final Path out = Files.createDirectories(dir.resolve("out"));
		// left by a killed run: a's staging files go; another run's (c) stay
		for (final String f : new String[] { ".staged-a.nii.gz", ".a.nii.gz.3f2a.part", ".c.nii.gz.77.part" }) Files.write(out.resolve(f), new byte[] { 1 });
		final String[] run = { "run", "--step", WINDOW, "-i", dir.resolve("cases").toString(), "-o", out.toString() };
		final CliTest.Run first = CliTest.cli(run);
		assertEquals(0, first.code, first.err);
		assertTrue(first.err.contains("note: removed 2 staging file(s) an interrupted run left in " + out), first.err);
		assertTrue(first.err.matches("(?s).*\\[1/2\\] done a  \\d+\\.\\d\\d s\n\\[2/2\\] done b  \\d+\\.\\d\\d s\n.*"), first.err);
		assertEquals(Arrays.asList(".c.nii.gz.77.part", "a.nii.gz", "b.nii.gz", "manifest.jsonl"), listing(out));
		final long modified = Files.getLastModifiedTime(out.resolve("a.nii.gz")).toMillis();
		// again: nothing to do
		final CliTest.Run second = CliTest.cli(run);
		assertEquals(0, second.code, second.err);
		assertTrue(second.err.contains("2 of 2 case(s) done in an earlier run with the same pipeline and inputs: skipped"), second.err);
		assertTrue(second.out.startsWith("2 case(s), 0 failed (0 done, 2 done earlier)"), second.out);
		assertEquals(modified, Files.getLastModifiedTime(out.resolve("a.nii.gz")).toMillis());
		// another pipeline in the same folder redoes them; --quiet shows no progress
		final CliTest.Run quiet = CliTest.cli("run", "--step", "run(\"HU Window\", \"level=50 width=400 output=[float 0-1]\");", "--quiet", "-i",
			dir.resolve("cases").toString(), "-o", out.toString());
		assertEquals(0, quiet.code, quiet.err);
		assertEquals("", quiet.err);
		assertTrue(quiet.out.startsWith("2 case(s), 0 failed (2 done, 0 done earlier)"), quiet.out);
		assertEquals(4, Manifest.read(out.resolve("manifest.jsonl")).size());
	}

	@Test
	void failedCasesAreListedAndTheExitCodeIsOne() throws IOException {
		ct("a.nii.gz", 1);
		Files.write(dir.resolve("cases/broken.nii"), new byte[] { 1, 2, 3 });
		ct("c.nii.gz", 3);
		final CliTest.Run r = CliTest.cli("run", "--step", WINDOW, "-i", dir.resolve("cases").toString(), "-o", dir.resolve("out").toString());
		assertEquals(1, r.code);
		assertTrue(r.out.startsWith("3 case(s), 1 failed (2 done, 0 done earlier)"), r.out);
		assertTrue(r.err.contains("failed cases:\n  " + dir.resolve("cases/broken.nii") + ": "), r.err);
		assertFalse(r.err.contains("Exception"), r.err);
		final List<ManifestRow> rows = Manifest.read(dir.resolve("out/manifest.jsonl"));
		assertEquals("failed", rows.get(1).status());
		assertTrue(rows.get(1).error().startsWith(dir.resolve("cases/broken.nii").toString()), rows.get(1).error());
	}

	@Test
	void shardsEachTakeTheirPartWithTheirOwnManifest() throws IOException {
		for (final String n : new String[] { "a", "b", "c" }) ct(n + ".nii.gz", n.charAt(0));
		final String cases = dir.resolve("cases").toString(), out = dir.resolve("out").toString();
		final CliTest.Run one = CliTest.cli("run", "--step", WINDOW, "--shard", "1/2", "-i", cases, "-o", out);
		final CliTest.Run two = CliTest.cli("run", "--step", WINDOW, "--shard", "2/2", "-i", cases, "-o", out);
		assertEquals(0, one.code, one.err);
		assertEquals(0, two.code, two.err);
		assertTrue(one.out.startsWith("2 case(s) in shard 1/2 of 3"), one.out);
		assertEquals(Arrays.asList("a", "c"), Manifest.read(dir.resolve("out/manifest-shard-1-of-2.jsonl")).stream().map(ManifestRow::caseName)
			.collect(Collectors.toList()));
		assertEquals(Arrays.asList("a.nii.gz", "b.nii.gz", "c.nii.gz", "manifest-shard-1-of-2.jsonl", "manifest-shard-2-of-2.jsonl"), listing(dir.resolve("out")));
		final CliTest.Run bad = CliTest.cli("run", "--step", WINDOW, "--shard", "3/2", "-i", cases, "-o", out);
		assertEquals(2, bad.code);
		assertTrue(bad.err.contains("a shard is I/N with 1 <= I <= N, got 3/2"), bad.err);
		assertNotEquals(0, CliTest.cli("run", "--step", WINDOW, "--shard", "slurm", "-i", cases, "-o", out).code);
	}

	static double[] valuesOf(final Volume<?> v) {
		@SuppressWarnings("unchecked")
		final RandomAccessibleInterval<? extends RealType<?>> d = (RandomAccessibleInterval<? extends RealType<?>>) (Object) v.data();
		return TestVolumes.values(d);
	}
}

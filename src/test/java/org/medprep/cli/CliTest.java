package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.testutil.TestVolumes;

/** The medprep CLI end to end: pipeline files in, files out, exit codes. */
class CliTest {

	@TempDir
	Path dir;

	/** Captured run of the CLI. */
	static final class Run {
		final int code;
		final String out, err;

		Run(final int code, final String out, final String err) {
			this.code = code;
			this.out = out;
			this.err = err;
		}
	}

	static Run cli(final String... args) {
		final StringWriter out = new StringWriter(), err = new StringWriter();
		final int code = MedPrepCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new Run(code, out.toString(), err.toString());
	}

	/** A calibrated signed CT with HU -2000 -1000 -160 40 | 240 3000 0 100, as a TIFF. */
	private Path ct(final String name) throws IOException {
		final ImagePlus imp = ImagePlusVolumes.toImagePlus(TestVolumes.shorts(new long[] { 2, 2, 2 }, new double[] { -2000, -1000, -160, 40, 240, 3000, 0, 100 }),
			name, null);
		final Path p = dir.resolve("in").resolve(name);
		ImageFiles.write(imp, p);
		return p;
	}

	private static double[] values(final Path p) throws IOException {
		return TestVolumes.values(ImagePlusVolumes.toVolume(ImageFiles.read(p)).data());
	}

	@Test
	void pipelineFileOverAFolder() throws IOException {
		ct("a.tif");
		ct("b.tif");
		final Path pipeline = dir.resolve("ct.ijm");
		Files.write(pipeline, ("// pad, then window\n\nrun(\"Replace Padding\", \"padding=-2000 value=-1000\");\n"
			+ "run(\"HU Window\", \"level=40 width=400 output=[float 0-1]\");\n").getBytes(StandardCharsets.UTF_8));
		final Run r = cli("run", "--pipeline", pipeline.toString(), "-i", dir.resolve("in").toString(), "-o", dir.resolve("out").toString(), "--threads", "2", "--format", "tif");
		assertEquals(0, r.code, r.err);
		assertTrue(r.out.contains("2 case(s), 0 failed"), r.out);
		assertEquals(List.of("a.tif", "b.tif", "manifest.jsonl"), listing(dir.resolve("out")));
		assertArrayEquals(new double[] { 0, 0, 0, 0.5, 1, 1, 0.4, 0.65 }, values(dir.resolve("out/a.tif")), 1e-7);
		final ImagePlus out = ImageFiles.read(dir.resolve("out/b.tif"));
		assertEquals(List.of("run(\"Replace Padding\", \"padding=-2000.0 value=-1000.0\");",
			"run(\"HU Window\", \"level=40.0 width=400.0 output=[float 0-1] preset=custom\");"), HistoryStore.of(out).lines());
		assertEquals(0.8, out.getCalibration().pixelWidth, 1e-6);
	}

	/**
	 * A CLI run gives every value itself: it leaves nothing in the user's preferences (where
	 * SciJava remembers a dialog's values), so no path or value of a case stays behind.
	 */
	@Test
	void aRunRemembersNoValues() throws Exception {
		ct("a.tif");
		final String node = "org/medprep/commands/intensity/ReplacePaddingCommand";
		final java.util.prefs.Preferences root = java.util.prefs.Preferences.userRoot();
		if (root.nodeExists(node)) root.node(node).removeNode();
		final Run r = cli("run", "--step", "run(\"Replace Padding\", \"padding=-2000 value=-999\");", "-i", dir.resolve("in/a.tif").toString(), "-o",
			dir.resolve("out").toString(), "--format", "tif");
		assertEquals(0, r.code, r.err);
		assertEquals(-999, values(dir.resolve("out/a.tif"))[0], 0);
		assertTrue(!root.nodeExists(node) || root.node(node).keys().length == 0, "remembered " + (root.nodeExists(node) ? List.of(root.node(node).keys()) : ""));
	}

	/** Input and output folders given relative to the working directory, as a user types them. */
	@Test
	void relativeFolders() throws IOException {
		ct("a.tif");
		final Path here = Path.of("").toAbsolutePath();
		final Path in = here.relativize(dir.resolve("in")), out = here.relativize(dir.resolve("out"));
		assertFalse(in.isAbsolute());
		final Run r = cli("run", "--step", "run(\"Replace Padding\", \"padding=-2000 value=-999\");", "-i", in.toString(), "-o", out.toString(), "--format", "tif");
		assertEquals(0, r.code, r.err);
		assertTrue(r.out.contains("1 case(s), 0 failed"), r.out);
		assertEquals(-999, values(dir.resolve("out/a.tif"))[0], 0);
		assertTrue(Files.readString(dir.resolve("out/manifest.jsonl")).contains("a.tif"));
	}

	@Test
	void stepsWithAMaskImagePairedByBaseName() throws IOException {
		ct("a.tif");
		// a mask on the image's grid, a label map of the case
		final ImagePlus mask = ImagePlusVolumes.toImagePlus(TestVolumes.shorts(new long[] { 2, 2, 2 }, new double[] { 0, 0, 0, 1, 1, 0, 0, 0 }), "a.tif", null);
		ImageFiles.write(mask, dir.resolve("masks/a.tif"));
		final Run r = cli("run", "--step", "run(\"Z-Score Normalize\", \"mask=body\");", "-i", dir.resolve("in/a.tif").toString(), "--label",
			"body=" + dir.resolve("masks"), "-o", dir.resolve("out").toString());
		assertEquals(0, r.code, r.err);
		// NIfTI (.nii.gz) is the default output format
		final double[] z = values(dir.resolve("out/a.nii.gz"));
		assertEquals(-1, z[3], 1e-6);
		assertEquals(1, z[4], 1e-6);
		// an intensity step leaves the mask alone, so it is not written again
		assertEquals(List.of("a.nii.gz", "manifest.jsonl"), listing(dir.resolve("out")));
	}

	@Test
	void aLabelMapFollowsTheImageThroughRandomSteps() throws IOException {
		// the label map is both the image and the --image label: after the same draws both must be equal
		final org.medprep.core.Volume<?> labels = new org.medprep.core.phantom.CtPhantom(24, 20, 6, new double[] { 1, 1, 2 }, 0, 1).labels();
		Files.createDirectories(dir.resolve("in"));
		Files.createDirectories(dir.resolve("labels"));
		org.medprep.io.ImageFormats.write(labels, dir.resolve("in/case.nii.gz"));
		org.medprep.io.ImageFormats.write(labels, dir.resolve("labels/case.nii.gz"));
		final Path pipeline = dir.resolve("aug.ijm");
		Files.write(pipeline, ("run(\"Random Flip\", \"probability_x=1 probability_y=1 label=seg interpolation=nearest seed=7\");\n"
			+ "run(\"Random Flip\", \"probability_x=0.5 probability_z=0.5 label=seg interpolation=nearest seed=11\");\n").getBytes(StandardCharsets.UTF_8));
		final Run r = cli("run", "--pipeline", pipeline.toString(), "-i", dir.resolve("in").toString(), "--label", "seg=" + dir.resolve("labels"), "-o",
			dir.resolve("out").toString());
		assertEquals(0, r.code, r.err);
		final double[] image = values(dir.resolve("out/case.nii.gz"));
		final double[] label = values(dir.resolve("out/seg/case.nii.gz"));
		assertArrayEquals(image, label, 0);
		// the first draw flips x and y, so the result differs from the input
		assertTrue(!java.util.Arrays.equals(image, TestVolumes.values((net.imglib2.RandomAccessibleInterval) labels.data())));
	}

	@Test
	void groupsDrawPerCaseAndTheHistoryReplaysWhatRan() throws IOException {
		final org.medprep.core.Volume<?> t1 = org.medprep.core.phantom.BrainPhantom.standard().withSize(20, 18, 10).image();
		Files.createDirectories(dir.resolve("in"));
		org.medprep.io.ImageFormats.write(t1, dir.resolve("in/case.nii.gz"));
		final Path pipeline = dir.resolve("groups.ijm");
		Files.write(pipeline, ("run(\"One Of\", \"weights=[1 1] seed=21\");\n"
			+ "run(\"Random Gamma\", \"seed=5\");\n"
			+ "run(\"Random Noise\", \"sigma_max=20 seed=6\");\n"
			+ "run(\"End One Of\");\n"
			+ "run(\"Random Brightness\", \"p=0.5 seed=7\");\n").getBytes(StandardCharsets.UTF_8));
		final Run r = cli("run", "--pipeline", pipeline.toString(), "-i", dir.resolve("in").toString(), "-o", dir.resolve("out").toString());
		assertEquals(0, r.code, r.err);
		final org.medprep.core.History recorded = HistoryStore.of(ImageFiles.read(dir.resolve("out/case.nii.gz")));
		final List<String> history = recorded.steps().stream().map(org.medprep.core.History.Step::line).collect(Collectors.toList());
		assertEquals(3, history.size(), history.toString());
		// the group's seed is a master seed, as any step's: the case ran with the seed derived for it (case "case", step 1)
		final long groupSeed = org.medprep.cli.batch.CaseSeeds.derive(21, "case", 1);
		assertTrue(history.get(0).startsWith("// One Of seed=" + groupSeed + ": ran ") && recorded.steps().get(0).isNote(), history.get(0));
		assertTrue(history.get(1).startsWith("run(\"Random Gamma\"") || history.get(1).startsWith("run(\"Random Noise\""), history.get(1));
		// what p drew is the step's record: its // drawn: line
		final java.util.Map<String, String> drawn = recorded.steps().get(2).drawn();
		assertTrue(history.get(2).startsWith("run(\"Random Brightness\"") && history.get(2).contains("p=0.5") && drawn.containsKey("p_draw")
			&& drawn.containsKey("applied"), history.get(2) + " " + drawn);
		// the history is itself a pipeline that gives the same voxels
		Files.write(dir.resolve("replay.ijm"), recorded.toText().getBytes(StandardCharsets.UTF_8));
		final Run again = cli("run", "--pipeline", dir.resolve("replay.ijm").toString(), "-i", dir.resolve("in").toString(), "-o", dir.resolve("again").toString());
		assertEquals(0, again.code, again.err);
		assertArrayEquals(values(dir.resolve("out/case.nii.gz")), values(dir.resolve("again/case.nii.gz")), 0);
		final Path bad = dir.resolve("bad.ijm");
		Files.write(bad, "run(\"One Of\");\nrun(\"Random Gamma\");\n".getBytes(StandardCharsets.UTF_8));
		final Run refused = cli("run", "--pipeline", bad.toString(), "-i", dir.resolve("in").toString(), "-o", dir.resolve("never").toString());
		assertEquals(2, refused.code);
		assertTrue(refused.err.contains("line 1: One Of is not closed by End One Of"), refused.err);
	}

	@Test
	void twoDSlicesForEveryCase() throws IOException {
		ct("a.tif");
		ct("b.tif");
		Files.createDirectories(dir.resolve("slices"));
		final Run r = cli("run", "--step", "run(\"Export 2D Slices\", \"folder=" + dir.resolve("slices") + " from_percent=50 to_percent=100\");", "-i",
			dir.resolve("in").toString(), "-o", dir.resolve("out").toString());
		assertEquals(0, r.code, r.err);
		assertEquals(List.of("a_axial001.tif", "b_axial001.tif"), listing(dir.resolve("slices")));
		assertTrue(listing(dir.resolve("out")).contains("a_slices.csv"), listing(dir.resolve("out")).toString());
	}

	@Test
	void aFailingCaseIsReportedAndTheOthersGoOn() throws IOException {
		ct("a.tif");
		Files.write(dir.resolve("in/broken.tif"), new byte[] { 'M', 'M', 0, 42, 1, 2 });
		final Run r = cli("run", "--step", "run(\"Clip Intensity\", \"min=-1000 max=400\");", "-i", dir.resolve("in").toString(), "-o",
			dir.resolve("out").toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains("FAILED " + dir.resolve("in/broken.tif")), r.err);
		assertEquals(List.of("a.nii.gz", "manifest.jsonl"), listing(dir.resolve("out")));
	}

	/** A pipeline whose last spatial step cannot be resampled in the heap: one line that says where, no output. */
	@Test
	void runningOutOfMemoryInTheLastResamplingIsNamed() throws IOException {
		ct("a.tif");
		final Run r = cli("run", "--step", "run(\"Resize to Shape\", \"size_x=46000 size_y=46000 size_z=1\");", "-i", dir.resolve("in").toString(), "-o",
			dir.resolve("out").toString());
		assertEquals(1, r.code, r.err);
		assertTrue(r.err.contains("FAILED " + dir.resolve("in/a.tif") + ": the resampling of the spatial steps the pipeline ends with: out of memory (the Java heap holds at most"),
			r.err);
		assertEquals(List.of("manifest.jsonl"), listing(dir.resolve("out")));
	}

	@Test
	void threadsReachTheRunWithoutChangingImageJsPreference() throws IOException {
		ct("a.tif");
		final int before = ij.Prefs.getThreads();
		final String step = "run(\"Resample to Spacing\", \"spacing_x=0.5 spacing_y=0.7 spacing_z=0.5 interpolation=[cubic B-spline]\");";
		final Run one = cli("run", "--threads", "1", "--step", step, "-i", dir.resolve("in").toString(), "-o", dir.resolve("one").toString());
		assertEquals(0, one.code, one.err + one.out + java.util.Arrays.toString(dir.resolve("one").toFile().list()));
		assertEquals(0, cli("run", "--threads", "3", "--step", step, "-i", dir.resolve("in").toString(), "-o", dir.resolve("three").toString()).code);
		org.junit.jupiter.api.Assertions.assertArrayEquals(values(dir.resolve("one/a.nii.gz")), values(dir.resolve("three/a.nii.gz")), 0);
		assertEquals(before, ij.Prefs.getThreads());
		final Run zero = cli("run", "--threads", "0", "--step", step, "-i", dir.resolve("in").toString(), "-o", dir.resolve("zero").toString());
		assertTrue(zero.code != 0 && zero.err.contains("--threads must be at least 1"), zero.err);
	}

	@Test
	void badOptionsFailEveryCaseWithNoOutput() throws IOException {
		ct("a.tif");
		final Run r = cli("run", "--step", "run(\"HU Window\", \"level=40 width=0\");", "-i", dir.resolve("in").toString(), "-o", dir.resolve("out").toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains("HU Window: width must be > 0, got 0"), r.err);
		assertFalse(Files.exists(dir.resolve("out/a.tif")));
		// a misspelt option is found before any case runs
		final Run typo = cli("run", "--step", "run(\"HU Window\", \"levle=40\");", "-i", dir.resolve("in").toString(), "-o", dir.resolve("out2").toString());
		assertEquals(2, typo.code);
		assertTrue(typo.err.contains("--step 1: unknown option 'levle' for \"HU Window\" (did you mean 'level'?)"), typo.err);
		assertFalse(Files.exists(dir.resolve("out2")));
	}

	@Test
	void malformedPipelinesAndUnknownCommandsAreUsageErrors() throws IOException {
		ct("a.tif");
		final Path pipeline = dir.resolve("bad.ijm");
		Files.write(pipeline, "run(\"Clip Intensity\", \"min=0 max=1\");\nprint(\"hello\");\n".getBytes(StandardCharsets.UTF_8));
		final Run r = cli("run", "--pipeline", pipeline.toString(), "-i", dir.resolve("in").toString(), "-o", dir.resolve("out").toString());
		assertEquals(2, r.code);
		assertTrue(r.err.contains("bad.ijm, line 2: not a pipeline line: 'print(\"hello\");'"), r.err);
		final Run unknown = cli("run", "--step", "run(\"Sharpen Everything\");", "-i", dir.resolve("in").toString(), "-o", dir.resolve("out").toString());
		assertEquals(2, unknown.code);
		assertTrue(unknown.err.contains("unknown command \"Sharpen Everything\""), unknown.err);
		assertFalse(Files.exists(dir.resolve("out")));
	}

	@Test
	void missingInputIsReported() {
		final Run r = cli("run", "--step", "run(\"Clip Intensity\");", "-i", dir.resolve("nope.tif").toString(), "-o", dir.resolve("out").toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains("nope.tif: no such file or folder"), r.err);
	}

	@Test
	void listShowsEveryCommandWithOptions() {
		final Run text = cli("list");
		assertEquals(0, text.code);
		assertTrue(text.out.contains("HU Window    (Plugins>MedPrep>Intensity>HU Window)"), text.out);
		assertTrue(text.out.contains("    width : number = 400.0"), text.out);
		final Run json = cli("list", "--json");
		assertEquals(0, json.code);
		final List<?> commands = (List<?>) org.medprep.testutil.Json.parse(json.out);
		assertTrue(commands.size() >= 6);
		assertTrue(json.out.contains("{\"name\": \"output\", \"type\": \"text\", \"label\": \"Output\", \"default\": \"float 0-1\", \"choices\": [\"float 0-1\", \"8-bit 0-255\", \"HU clipped\"]"), json.out);
	}

	@Test
	void demoWritesOutputsAndPreviews() throws IOException {
		final Run r = cli("demo", "-o", dir.resolve("demo").toString());
		assertEquals(0, r.code, r.err);
		assertTrue(Files.size(dir.resolve("demo/previews/ct_phantom_before.png")) > 1000);
		assertTrue(Files.size(dir.resolve("demo/previews/ct_phantom_after.png")) > 1000);
		final double[] v = values(dir.resolve("demo/output/ct_phantom.nii.gz"));
		double min = 1, max = 0;
		for (final double x : v) {
			min = Math.min(min, x);
			max = Math.max(max, x);
		}
		assertEquals(0, min, 0);
		assertEquals(1, max, 0);
		assertTrue(r.out.contains("run(\"HU Window\""), r.out);
		assertTrue(r.out.contains("run(\"Random Affine\", \"label=labels label_method=nearest seed=42"), r.out);
		// the label map followed the image through resampling and rotation, never interpolated
		final double[] labels = values(dir.resolve("demo/output/labels/ct_phantom.nii.gz"));
		assertEquals(v.length, labels.length);
		final java.util.Set<Double> seen = new java.util.TreeSet<>();
		for (final double l : labels) seen.add(l);
		assertEquals(java.util.Set.of(0.0, 1.0, 2.0, 3.0, 4.0), seen);
		assertTrue(Files.size(dir.resolve("demo/previews/ct_phantom_labels_after.png")) > 500);
	}

	private static List<String> listing(final Path d) throws IOException {
		try (Stream<Path> s = Files.list(d)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}

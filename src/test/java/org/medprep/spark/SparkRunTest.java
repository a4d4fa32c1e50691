package org.medprep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.cli.MedPrepCli;
import org.medprep.cli.batch.CaseSeeds;
import org.medprep.cli.batch.Manifest;
import org.medprep.cli.batch.ManifestRow;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.io.ImageFormats;

/**
 * The Spark runner in Spark's local mode with two executor threads (one
 * context for the class): the same outputs as medprep run, bit for bit; a
 * failing case reported while the others finish; a re-run that skips what is done.
 */
class SparkRunTest {

	private static JavaSparkContext sc;

	@TempDir
	Path dir;

	/** Replace Padding, a seeded Random Affine that moves the label map too, HU Window: per-case seeds, a member, fused resampling. */
	private static final String PIPELINE = "run(\"Replace Padding\", \"padding=-2000 value=-1000\");\n"
		+ "run(\"Random Affine\", \"label=seg seed=7 scale_min=0.95 scale_max=1.05 degrees_x=0 degrees_y=0 degrees_z=20 fill=-1000\");\n"
		+ "run(\"HU Window\", \"level=40 width=400 output=[float 0-1]\");\n";

	@BeforeAll
	static void start() {
		sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("MedPrep SparkRunTest").set("spark.ui.enabled", "false")
			.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"));
	}

	@AfterAll
	static void stop() {
		sc.stop();
	}

	private static final class Result {
		final int code;
		final String out, err;

		Result(final int code, final String out, final String err) {
			this.code = code;
			this.out = out;
			this.err = err;
		}
	}

	private static Result spark(final String... args) {
		final StringWriter out = new StringWriter(), err = new StringWriter();
		final int code = SparkRun.execute(sc, new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new Result(code, out.toString(), err.toString());
	}

	private static Result medprep(final String... args) {
		final StringWriter out = new StringWriter(), err = new StringWriter();
		final int code = MedPrepCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new Result(code, out.toString(), err.toString());
	}

	/** Cases with their label maps, each with noise of its own. */
	private void cases(final String... names) throws IOException {
		long seed = 11;
		for (final String name : names) {
			final CtPhantom ct = new CtPhantom(16, 12, 4, new double[] { 1, 1, 2 }, 20, seed++);
			ImageFormats.write(ct.image(), Files.createDirectories(dir.resolve("cases")).resolve(name + ".nii.gz"));
			ImageFormats.write(ct.labels(), Files.createDirectories(dir.resolve("labels")).resolve(name + ".nii.gz"));
		}
	}

	private Path pipeline() throws IOException {
		return Files.write(dir.resolve("aug.ijm"), PIPELINE.getBytes(StandardCharsets.UTF_8));
	}

	private String[] args(final String out, final String... more) throws IOException {
		final List<String> a = new ArrayList<>(Arrays.asList("--pipeline", pipeline().toString(), "-i", dir.resolve("cases").toString(), "--label",
			"seg=" + dir.resolve("labels"), "-o", dir.resolve(out).toString()));
		a.addAll(Arrays.asList(more));
		return a.toArray(new String[0]);
	}

	/** SHA-256 of every output file, by path in the folder; manifests (which hold times) left out. */
	private static Map<String, String> outputs(final Path folder) throws IOException {
		final Map<String, String> m = new TreeMap<>();
		try (Stream<Path> s = Files.walk(folder)) {
			for (final Path p : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
				final String rel = folder.relativize(p).toString();
				if (!rel.startsWith(Manifest.FILE_PREFIX)) m.put(rel, sha256(p));
			}
		}
		return m;
	}

	private static String sha256(final Path p) throws IOException {
		try {
			final StringBuilder sb = new StringBuilder();
			for (final byte b : MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))) sb.append(String.format("%02x", b));
			return sb.toString();
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Map<String, ManifestRow> rows(final Path manifest) throws IOException {
		final Map<String, ManifestRow> m = new TreeMap<>();
		for (final ManifestRow r : Manifest.read(manifest)) m.put(r.caseName(), r);
		return m;
	}

	private static List<String> manifests(final Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(Manifest.FILE_PREFIX)).sorted().collect(Collectors.toList());
		}
	}

	@Test
	void aLocalRunGivesTheOutputsOfMedprepRunBitForBit() throws IOException {
		cases("case1", "case2", "case3", "case4", "case5");
		final Result local = medprep(prepend("run", args("local")));
		assertEquals(0, local.code, local.err);
		final Result spark = spark(args("spark"));
		assertEquals(0, spark.code, spark.err);
		assertTrue(spark.out.contains("5 case(s), 0 failed (5 done, 0 done earlier)"), spark.out);

		final Map<String, String> expected = outputs(dir.resolve("local"));
		assertEquals(10, expected.size(), expected.toString());
		assertTrue(expected.containsKey("case3.nii.gz") && expected.containsKey("seg/case3.nii.gz"), expected.toString());
		assertEquals(expected, outputs(dir.resolve("spark")));

		// the same manifest as medprep run's, with every case's own derived seed; the tasks' own manifests merged into it and gone
		assertEquals(Arrays.asList("manifest.jsonl"), manifests(dir.resolve("spark")));
		final Map<String, ManifestRow> a = rows(dir.resolve("local/manifest.jsonl")), b = rows(dir.resolve("spark/manifest.jsonl"));
		assertEquals(a.keySet(), b.keySet());
		for (final String c : a.keySet()) {
			assertEquals("done", b.get(c).status());
			assertEquals(Long.valueOf(CaseSeeds.derive(7, c, 2)), b.get(c).seeds().get("step 2"));
			assertEquals(a.get(c).seeds(), b.get(c).seeds());
			assertEquals(a.get(c).outputs(), b.get(c).outputs());
			assertEquals(a.get(c).pipeline(), b.get(c).pipeline());
			assertEquals(a.get(c).inputDigest(), b.get(c).inputDigest());
		}
		assertNotEquals(b.get("case1").seeds(), b.get("case2").seeds());
	}

	@Test
	void aFailingCaseIsReportedAndTheOthersFinish() throws IOException {
		cases("case1", "case2", "case3", "case4");
		Files.delete(dir.resolve("labels/case3.nii.gz"));
		final Result r = spark(args("out"));
		assertEquals(MedPrepCli.EXIT_FAILURES, r.code, r.err);
		assertTrue(r.out.contains("4 case(s), 1 failed (3 done, 0 done earlier)"), r.out);
		final String reason = "no image for case 'case3' in " + dir.resolve("labels") + " (for --label seg)";
		assertTrue(r.err.contains("failed cases:\n  " + dir.resolve("cases/case3.nii.gz") + ": " + reason), r.err);

		final Map<String, ManifestRow> rows = rows(dir.resolve("out/manifest.jsonl"));
		assertEquals("failed", rows.get("case3").status());
		assertEquals(reason, rows.get("case3").error());
		for (final String c : new String[] { "case1", "case2", "case4" }) {
			assertEquals("done", rows.get(c).status());
			assertNull(rows.get(c).error());
		}
		final Map<String, String> written = outputs(dir.resolve("out"));
		assertEquals(6, written.size(), written.toString());
		assertFalse(written.containsKey("case3.nii.gz"), written.toString());
		for (final String f : written.keySet()) assertFalse(Path.of(f).getFileName().toString().startsWith("."), f);
	}

	@Test
	void aRerunSkipsFinishedCasesAndRedoesChangedOnes() throws IOException {
		cases("case1", "case2", "case3");
		assertEquals(0, spark(args("out")).code);
		final Map<String, String> first = outputs(dir.resolve("out"));

		final Result again = spark(args("out"));
		assertEquals(0, again.code, again.err);
		assertTrue(again.out.contains("3 case(s), 0 failed (0 done, 3 done earlier)"), again.out);
		assertTrue(again.err.contains("3 of 3 case(s) done in an earlier run with the same pipeline and inputs: skipped"), again.err);
		assertEquals(3, Manifest.read(dir.resolve("out/manifest.jsonl")).size());

		// a changed input runs again, alone
		ImageFormats.write(new CtPhantom(16, 12, 4, new double[] { 1, 1, 2 }, 20, 99).image(), dir.resolve("cases/case2.nii.gz"));
		final Result changed = spark(args("out"));
		assertEquals(0, changed.code, changed.err);
		assertTrue(changed.out.contains("3 case(s), 0 failed (1 done, 2 done earlier)"), changed.out);
		final Map<String, String> now = outputs(dir.resolve("out"));
		assertEquals(first.get("case1.nii.gz"), now.get("case1.nii.gz"));
		assertNotEquals(first.get("case2.nii.gz"), now.get("case2.nii.gz"));

		// medprep run resumes from what Spark recorded, and --force redoes everything with the same bits
		final Result local = medprep(prepend("run", args("out")));
		assertEquals(0, local.code, local.err);
		assertTrue(local.out.contains("3 case(s), 0 failed (0 done, 3 done earlier)"), local.out);
		final Result forced = spark(args("out", "--force"));
		assertTrue(forced.out.contains("3 case(s), 0 failed (3 done, 0 done earlier)"), forced.out);
		assertEquals(now, outputs(dir.resolve("out")));
		assertEquals(Arrays.asList("manifest.jsonl"), manifests(dir.resolve("out")));
	}

	@Test
	void usageErrorsAreReportedBeforeAnyTaskRuns() throws IOException {
		cases("case1");
		final Result r = spark("--step", "run(\"HU Windw\", \"level=40\");", "-i", dir.resolve("cases").toString(), "-o", dir.resolve("out").toString());
		assertEquals(MedPrepCli.EXIT_USAGE, r.code);
		assertTrue(r.err.contains("unknown command \"HU Windw\""), r.err);
		assertFalse(Files.exists(dir.resolve("out")));
		final Result master = spark(args("out", "--master", "local[1]"));
		assertEquals(MedPrepCli.EXIT_USAGE, master.code);
		assertTrue(master.err.contains("medprep: --master cannot change the master of a running Spark context"), master.err);
	}

	private static String[] prepend(final String first, final String[] rest) {
		final String[] a = new String[rest.length + 1];
		a[0] = first;
		System.arraycopy(rest, 0, a, 1, rest.length);
		return a;
	}
}

package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.cli.batch.CaseRef;
import org.medprep.cli.batch.Manifest;
import org.medprep.cli.batch.ManifestRow;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.io.ImageFormats;

import picocli.CommandLine;

/**
 * A run whose cases run elsewhere, without a cluster: what a task leaves (its
 * own manifest, staged outputs) is safe to repeat, and the driver reads it back.
 */
class DistributedRunTest {

	@TempDir
	Path dir;

	private final StringWriter out = new StringWriter(), err = new StringWriter();

	private RunOptions options(final String output) throws IOException {
		for (int i = 1; i <= 3; i++)
			ImageFormats.write(new CtPhantom(16, 12, 4, new double[] { 1, 1, 2 }, 20, i).image(),
				Files.createDirectories(dir.resolve("cases")).resolve("case" + i + ".nii.gz"));
		final Path p = Files.write(dir.resolve("p.ijm"), ("run(\"Random Affine\", \"seed=3 degrees_z=15 fill=-1000\");\n"
			+ "run(\"HU Window\", \"level=40 width=400 output=[float 0-1]\");\n").getBytes(StandardCharsets.UTF_8));
		final RunOptions o = new RunOptions();
		new CommandLine(o).parseArgs("--pipeline", p.toString(), "-i", dir.resolve("cases").toString(), "-o", dir.resolve(output).toString());
		return o;
	}

	private DistributedRun prepare(final RunOptions o) throws IOException {
		return DistributedRun.prepare(o, new PrintWriter(out, true), new PrintWriter(err, true), Collections.emptyMap(), 1);
	}

	private static Map<String, byte[]> images(final Path folder) throws IOException {
		final Map<String, byte[]> m = new TreeMap<>();
		try (Stream<Path> s = Files.list(folder)) {
			for (final Path p : s.filter(f -> f.toString().endsWith(".nii.gz")).collect(Collectors.toList())) m.put(p.getFileName().toString(), Files.readAllBytes(p));
		}
		return m;
	}

	private static List<String> files(final Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	@Test
	void aRetriedTaskLeavesOneRowPerCaseAndTheOutputsOfMedprepRun() throws IOException {
		final RunOptions o = options("dist");
		assertEquals(0, MedPrepCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run", "--pipeline",
			dir.resolve("p.ijm").toString(), "-i", dir.resolve("cases").toString(), "-o", dir.resolve("local").toString()));
		try (DistributedRun run = prepare(o)) {
			final List<CaseRef> cases = run.pending();
			assertEquals(Arrays.asList("case1", "case2", "case3"), cases.stream().map(CaseRef::name).collect(Collectors.toList()));
			final CaseJob job = run.job();
			// the first task runs twice (its first attempt's executor was lost after the case was done), the others once
			final List<String> returned = new ArrayList<>();
			job.run(cases.get(0), 0, 0);
			for (int t = 0; t < 3; t++) returned.add(job.run(cases.get(t), t, t == 0 ? 1 : 0));
			job.closeWorkers();
			assertEquals(4, files(dir.resolve("dist")).stream().filter(f -> f.startsWith("manifest-task-" + job.runId() + "-")).count());

			assertEquals(0, run.finish(returned, null), err.toString());
		}
		assertTrue(out.toString().contains("3 case(s), 0 failed (3 done, 0 done earlier)"), out.toString());
		assertEquals(Arrays.asList("case1.nii.gz", "case2.nii.gz", "case3.nii.gz", "manifest.jsonl"), files(dir.resolve("dist")));
		final List<ManifestRow> rows = Manifest.read(dir.resolve("dist/manifest.jsonl"));
		assertEquals(Arrays.asList("case1", "case2", "case3"), rows.stream().map(ManifestRow::caseName).collect(Collectors.toList()));
		final Map<String, byte[]> local = images(dir.resolve("local")), dist = images(dir.resolve("dist"));
		assertEquals(local.keySet(), dist.keySet());
		for (final String f : local.keySet()) assertTrue(Arrays.equals(local.get(f), dist.get(f)), f);
	}

	@Test
	void casesAStoppedJobLeftWithoutARowFailAndRunNextTime() throws IOException {
		final RunOptions o = options("dist");
		try (DistributedRun run = prepare(o)) {
			final List<CaseRef> cases = run.pending();
			run.job().run(cases.get(1), 1, 0);
			run.job().closeWorkers();
			assertEquals(MedPrepCli.EXIT_FAILURES, run.finish(null, "the Spark job stopped (Task 0 in stage 0.0 failed 4 times)"));
		}
		assertTrue(out.toString().contains("3 case(s), 2 failed (1 done, 0 done earlier)"), out.toString());
		assertTrue(err.toString().contains("  " + dir.resolve("cases/case1.nii.gz") + ": did not finish: the Spark job stopped (Task 0 in stage 0.0 failed 4 times)"),
			err.toString());
		assertEquals(1, Manifest.read(dir.resolve("dist/manifest.jsonl")).size());
		try (DistributedRun next = prepare(o)) {
			assertEquals(Arrays.asList("case1", "case3"), next.pending().stream().map(CaseRef::name).collect(Collectors.toList()));
		}
	}

	@Test
	void aRowItsTaskCouldNotKeepComesBackWithTheTaskResult() throws IOException {
		final RunOptions o = options("dist");
		try (DistributedRun run = prepare(o)) {
			final CaseJob job = run.job();
			final CaseRef first = run.pending().get(0);
			final String row = job.run(first, 0, 0);
			job.closeWorkers();
			Files.delete(dir.resolve("dist").resolve(job.taskManifest(0, 0)));
			assertEquals(MedPrepCli.EXIT_FAILURES, run.finish(Collections.singletonList(row), null));
		}
		assertTrue(out.toString().contains("3 case(s), 2 failed (1 done, 0 done earlier)"), out.toString());
		assertTrue(err.toString().contains(dir.resolve("cases/case2.nii.gz") + ": did not finish: its task ended without a record"), err.toString());
		assertEquals("case1", Manifest.read(dir.resolve("dist/manifest.jsonl")).get(0).caseName());
	}
}

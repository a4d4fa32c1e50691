package org.medprep.cli.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop over cases: failure isolation, the manifest, resume, force and shards, with a task that copies files. */
class BatchRunTest {

	@TempDir
	Path dir;

	private Path in, out;
	private final List<String> ran = new ArrayList<>();
	private final List<String> released = new ArrayList<>();

	@BeforeEach
	void cases() throws IOException {
		in = Files.createDirectories(dir.resolve("in"));
		out = dir.resolve("out");
		for (final String n : new String[] { "a", "b", "c", "d" }) Files.write(in.resolve(n + ".nii"), n.getBytes(StandardCharsets.UTF_8));
	}

	private List<CaseRef> refs() {
		return CaseFinder.find(Collections.singletonList(in), DicomNaming.SERIES, org.medprep.io.dicom.DicomLoadOptions.defaults()).cases();
	}

	/** Copies the case's file to out/NAME.txt, failing as its content says. */
	private final CaseTask copy = new CaseTask() {
		@Override
		public CaseOutput run(final CaseRef c) throws IOException {
			ran.add(c.name());
			final String content = new String(Files.readAllBytes(Path.of(c.location())), StandardCharsets.UTF_8);
			// thrown as the JVM throws it (a real one is in BatchProcessTest, in a JVM with a small heap)
			if (content.equals("oom")) throw new OutOfMemoryError("Java heap space");
			// as a step's failure reaches the batch: the step's label, then the Error as the cause
			if (content.equals("step-oom")) throw new IllegalStateException("HU Window (with the resampling of the spatial steps before it): out of memory",
				new OutOfMemoryError("Java heap space"));
			if (content.equals("io")) throw new IOException(c.location() + ": truncated after 12 bytes");
			if (content.equals("npe")) throw new NullPointerException("Cannot invoke \"ij.ImagePlus.getTitle()\"");
			if (content.equals("wrapped")) throw new UncheckedIOException("HU Window: java.io.IOException: disk full", new IOException("disk full"));
			Files.createDirectories(out);
			Files.write(out.resolve(c.name() + ".txt"), content.getBytes(StandardCharsets.UTF_8));
			return new CaseOutput(Collections.singletonList(c.name() + ".txt"), Collections.singletonMap(2, 99L));
		}

		@Override
		public void release(final CaseRef c) {
			released.add(c.name());
		}
	};

	private BatchSummary run(final String pipeline, final boolean force, final Shard shard) throws IOException {
		final Manifest m = Manifest.open(out, shard.manifestName());
		return new BatchRun(copy, m, pipeline, shard, force, BatchListener.NONE).run(shard.select(refs()));
	}

	private List<ManifestRow> rows(final String file) throws IOException {
		return Manifest.read(out.resolve(file));
	}

	@Test
	void aFailingCaseEvenOutOfMemoryEndsOnlyItself() throws IOException {
		Files.write(in.resolve("b.nii"), "oom".getBytes(StandardCharsets.UTF_8));
		Files.write(in.resolve("c.nii"), "io".getBytes(StandardCharsets.UTF_8));
		final BatchSummary s = run("p1", false, Shard.WHOLE);
		assertEquals(Arrays.asList("a", "b", "c", "d"), ran);
		assertEquals(ran, released);
		assertEquals(2, s.done());
		assertEquals(Arrays.asList("b", "c"), s.failed().stream().map(r -> r.ref().name()).collect(Collectors.toList()));
		assertTrue(s.failed().get(0).error().startsWith("out of memory (the Java heap holds at most"), s.failed().get(0).error());
		assertEquals(in.resolve("c.nii") + ": truncated after 12 bytes", s.failed().get(1).error());
		final List<ManifestRow> rows = rows("manifest.jsonl");
		assertEquals(Arrays.asList("done", "failed", "failed", "done"), rows.stream().map(ManifestRow::status).collect(Collectors.toList()));
		assertEquals(s.failed().get(1).error(), rows.get(2).error());
		assertNull(rows.get(0).error());
		assertEquals(Collections.singletonList("a.txt"), rows.get(0).outputs());
		assertEquals(Collections.singletonMap("step 2", 99L), rows.get(0).seeds());
		assertEquals("p1", rows.get(0).pipeline());
		assertTrue(rows.get(0).seconds() >= 0);
	}

	@Test
	void errorsAreOneLineWithoutClassNames() throws IOException {
		Files.write(in.resolve("a.nii"), "npe".getBytes(StandardCharsets.UTF_8));
		Files.write(in.resolve("b.nii"), "wrapped".getBytes(StandardCharsets.UTF_8));
		final BatchSummary s = run("p1", false, Shard.WHOLE);
		assertEquals("internal error (null pointer); run with -Dmedprep.debug=true for details", s.failed().get(0).error());
		assertEquals("HU Window: disk full", s.failed().get(1).error());
	}

	/** A step that ran out of memory is named in the case's line, before the heap figures. */
	@Test
	void aStepThatRunsOutOfMemoryIsNamedInTheCaseLine() throws IOException {
		Files.write(in.resolve("b.nii"), "step-oom".getBytes(StandardCharsets.UTF_8));
		final BatchSummary s = run("p1", false, Shard.WHOLE);
		assertEquals("HU Window (with the resampling of the spatial steps before it): out of memory (the Java heap holds at most "
			+ Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB: give Java more, e.g. JAVA_OPTS=-Xmx8g, or use fewer --threads)", s.failed().get(0).error());
	}

	@Test
	void aResumedRunSkipsDoneCasesAndRedoesFailedChangedOrMissingOnes() throws IOException {
		Files.write(in.resolve("b.nii"), "io".getBytes(StandardCharsets.UTF_8));
		run("p1", false, Shard.WHOLE);
		ran.clear();
		// b is fixed; c's input changes; d's output is deleted
		Files.write(in.resolve("b.nii"), "b".getBytes(StandardCharsets.UTF_8));
		Files.write(in.resolve("c.nii"), "c2".getBytes(StandardCharsets.UTF_8));
		Files.setLastModifiedTime(in.resolve("c.nii"), FileTime.fromMillis(Files.getLastModifiedTime(in.resolve("c.nii")).toMillis() + 5000));
		Files.delete(out.resolve("d.txt"));
		final BatchSummary s = run("p1", false, Shard.WHOLE);
		assertEquals(Arrays.asList("b", "c", "d"), ran);
		assertEquals(1, s.skipped());
		assertEquals(3, s.done());
		ran.clear();
		run("p1", false, Shard.WHOLE);
		assertEquals(Collections.emptyList(), ran);
		// another pipeline redoes everything, and so does --force
		run("p2", false, Shard.WHOLE);
		assertEquals(Arrays.asList("a", "b", "c", "d"), ran);
		ran.clear();
		run("p2", true, Shard.WHOLE);
		assertEquals(Arrays.asList("a", "b", "c", "d"), ran);
	}

	@Test
	void aRowCutShortByAKillIsIgnoredAndTheNextRowStartsOnItsOwnLine() throws IOException {
		run("p1", false, Shard.WHOLE);
		final Path manifest = out.resolve("manifest.jsonl");
		final List<String> lines = Files.readAllLines(manifest);
		// keep a and b; c's row is cut in the middle, d's is gone
		Files.write(manifest, (lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2).substring(0, 40)).getBytes(StandardCharsets.UTF_8));
		ran.clear();
		run("p1", false, Shard.WHOLE);
		assertEquals(Arrays.asList("c", "d"), ran);
		final List<ManifestRow> rows = rows("manifest.jsonl");
		assertEquals(Arrays.asList("a", "b", "c", "d"), rows.stream().map(ManifestRow::caseName).collect(Collectors.toList()));
		assertEquals(5, Files.readAllLines(manifest).size());
	}

	@Test
	void shardsWriteTheirOwnManifestsAndResumeReadsThemAll() throws IOException {
		run("p1", false, Shard.parse("1/2"));
		run("p1", false, Shard.parse("2/2"));
		assertEquals(Arrays.asList("a", "c", "b", "d"), ran);
		assertEquals(Arrays.asList("a", "c"), rows("manifest-shard-1-of-2.jsonl").stream().map(ManifestRow::caseName).collect(Collectors.toList()));
		assertEquals("2/2", rows("manifest-shard-2-of-2.jsonl").get(0).shard());
		ran.clear();
		// the whole run afterwards (or any other split) finds everything done
		final BatchSummary s = run("p1", false, Shard.WHOLE);
		assertEquals(Collections.emptyList(), ran);
		assertEquals(4, s.skipped());
		assertFalse(Files.exists(out.resolve("manifest.jsonl")));
	}

	@Test
	void inputsAreStampedWithSizeAndTime() throws IOException {
		run("p1", false, Shard.WHOLE);
		final String line = Files.readAllLines(out.resolve("manifest.jsonl"), StandardCharsets.UTF_8).get(0);
		final Map<?, ?> row = (Map<?, ?>) org.medprep.testutil.Json.parse(line);
		final Map<?, ?> input = (Map<?, ?>) ((List<?>) row.get("inputs")).get(0);
		assertEquals(in.resolve("a.nii").toAbsolutePath().toString(), input.get("path"));
		assertEquals(1.0, ((Number) input.get("size")).doubleValue());
		assertTrue(String.valueOf(input.get("mtime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), String.valueOf(input.get("mtime")));
		assertEquals("a", row.get("case_name"));
		assertTrue(row.containsKey("error"));
		Files.write(out.resolve("manifest.jsonl"), new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
	}

	/**
	 * Two cases at once: case b waits until case c has finished (so the test fails unless they
	 * overlap), yet the listener hears every case start and finish in case order, the manifest's
	 * rows are in case order, a failure ends only its case, a case done earlier keeps its place,
	 * and never more than two cases run.
	 */
	@Test
	void twoCasesAtOnceKeepTheOrderOfOneAtATime() throws Exception {
		Files.write(in.resolve("c.nii"), "io".getBytes(StandardCharsets.UTF_8));
		run("p1", false, Shard.WHOLE);
		Files.write(in.resolve("c.nii"), "c".getBytes(StandardCharsets.UTF_8));
		Files.setLastModifiedTime(in.resolve("c.nii"), FileTime.fromMillis(Files.getLastModifiedTime(in.resolve("c.nii")).toMillis() + 5000));
		for (final String n : new String[] { "e", "f" }) Files.write(in.resolve(n + ".nii"), n.getBytes(StandardCharsets.UTF_8));
		Files.write(in.resolve("f.nii"), "io".getBytes(StandardCharsets.UTF_8));
		Files.delete(out.resolve("b.txt"));
		ran.clear();
		// b waits for c to finish, and c for b to have started: the two run at the same time whichever thread comes first
		final java.util.concurrent.CountDownLatch bStarted = new java.util.concurrent.CountDownLatch(1), bDone = new java.util.concurrent.CountDownLatch(1);
		final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger(), most = new java.util.concurrent.atomic.AtomicInteger();
		final CaseTask overlapping = new CaseTask() {
			@Override
			public CaseOutput run(final CaseRef c) throws Exception {
				most.accumulateAndGet(running.incrementAndGet(), Math::max);
				try {
					if (c.name().equals("b")) bStarted.countDown();
					if (c.name().equals("c") && !bStarted.await(20, java.util.concurrent.TimeUnit.SECONDS)) throw new IllegalStateException("b never started beside c");
					if (c.name().equals("b") && !bDone.await(20, java.util.concurrent.TimeUnit.SECONDS)) throw new IllegalStateException("c never ran beside b");
					synchronized (ran) {
						return copy.run(c);
					}
				}
				finally {
					if (c.name().equals("c")) bDone.countDown();
					running.decrementAndGet();
				}
			}
		};
		final List<String> heard = Collections.synchronizedList(new ArrayList<>());
		final BatchListener listener = new BatchListener() {
			@Override
			public void caseStarted(final CaseRef c) {
				heard.add("start " + c.name());
			}

			@Override
			public void caseFinished(final CaseResult r) {
				heard.add(r.status().name().toLowerCase(java.util.Locale.ROOT) + " " + r.ref().name());
			}
		};
		final BatchSummary s = new BatchRun(overlapping, Manifest.open(out, Shard.WHOLE.manifestName()), "p1", Shard.WHOLE, false, listener).casesAtOnce(2)
			.run(refs());
		// a and d were done; b lost its output, c changed, e and f are new (f fails)
		assertEquals(Arrays.asList("skipped a", "start b", "start c", "done b", "start e", "done c", "skipped d", "start f", "done e", "failed f"), heard);
		assertEquals(Arrays.asList("c", "b", "e", "f"), ran);
		assertEquals(2, most.get());
		assertEquals(3, s.done());
		assertEquals(2, s.skipped());
		assertEquals(in.resolve("f.nii") + ": truncated after 12 bytes", s.failed().get(0).error());
		assertEquals(Arrays.asList("a", "b", "c", "d", "b", "c", "e", "f"), rows("manifest.jsonl").stream().map(ManifestRow::caseName).collect(Collectors.toList()));
		assertEquals("c", Files.readString(out.resolve("c.txt")));
	}
}

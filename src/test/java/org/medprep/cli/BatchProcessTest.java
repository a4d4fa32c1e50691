package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.cli.batch.Manifest;
import org.medprep.cli.batch.ManifestRow;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.io.ImageFormats;

/**
 * medprep run in a JVM of its own, as on a cluster: a case that really runs
 * out of memory ends only itself, and a run killed twice (SIGKILL) and resumed
 * ends with every case done exactly once and every output readable.
 */
class BatchProcessTest {

	@TempDir
	Path dir;

	private Process start(final Path log, final String maxHeap, final String... args) throws IOException {
		final List<String> cmd = new ArrayList<>(Arrays.asList(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap,
			"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), MedPrepCli.class.getName()));
		cmd.addAll(Arrays.asList(args));
		return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static int finish(final Process p) throws InterruptedException {
		if (!p.waitFor(10, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new IllegalStateException("the child run did not finish");
		}
		return p.exitValue();
	}

	private void phantom(final Path file, final long seed) throws IOException {
		ImageFormats.write(new CtPhantom(40, 32, 12, new double[] { 1, 1, 2 }, 10, seed).image(), file);
	}

	/** A valid NIfTI whose 512x512x256 int16 voxels (128 MiB) are zeros, written without holding them in memory. */
	private static void hugeNifti(final Path file) throws IOException {
		final ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
		h.putInt(0, 348);
		final short[] dim = { 3, 512, 512, 256, 1, 1, 1, 1 };
		for (int i = 0; i < 8; i++) h.putShort(40 + 2 * i, dim[i]);
		h.putShort(70, (short) 4).putShort(72, (short) 16);
		for (int i = 0; i < 8; i++) h.putFloat(76 + 4 * i, 1);
		h.putFloat(108, 352).putFloat(112, 1);
		h.put(123, (byte) 2);
		h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
			out.write(h.array());
			final byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 128; i++) out.write(zeros);
		}
	}

	@Test
	void aCaseThatRunsOutOfMemoryEndsOnlyItself() throws Exception {
		final Path cases = Files.createDirectories(dir.resolve("cases"));
		phantom(cases.resolve("a.nii.gz"), 1);
		hugeNifti(cases.resolve("b_huge.nii.gz"));
		phantom(cases.resolve("c.nii.gz"), 3);
		final Path log = dir.resolve("log.txt");
		final int code = finish(start(log, "100m", "run", "--threads", "1", "--step", "run(\"HU Window\", \"level=40 width=400 output=[float 0-1]\");", "-i",
			cases.toString(), "-o", dir.resolve("out").toString()));
		final String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		assertEquals(1, code, text);
		assertTrue(text.contains("FAILED " + cases.resolve("b_huge.nii.gz") + ": out of memory (the Java heap holds at most"), text);
		assertTrue(text.contains("3 case(s), 1 failed (2 done, 0 done earlier)"), text);
		assertFalse(text.contains("Exception") || text.contains("\tat "), text);
		final List<String> statuses = Manifest.read(dir.resolve("out/manifest.jsonl")).stream().map(r -> r.caseName() + " " + r.status())
			.collect(Collectors.toList());
		assertEquals(Arrays.asList("a done", "b_huge failed", "c done"), statuses);
		ImageFormats.read(dir.resolve("out/c.nii.gz"));
	}

	@Test
	void aRunKilledTwiceAndResumedDoesEveryCaseExactlyOnce() throws Exception {
		final Path cases = Files.createDirectories(dir.resolve("cases"));
		final int n = 14;
		for (int i = 0; i < n; i++) phantom(cases.resolve(String.format("case%02d.nii.gz", i)), i);
		final Path out = dir.resolve("out");
		final String[] args = { "run", "--threads", "1", "--step", "run(\"Resample to Spacing\", \"spacing_x=0.4 spacing_y=0.4 spacing_z=0.8\");", "--step",
			"run(\"HU Window\", \"level=40 width=400 output=[float 0-1]\");", "-i", cases.toString(), "-o", out.toString() };
		final Path manifest = out.resolve("manifest.jsonl");
		for (int attempt = 0; attempt < 2; attempt++) {
			final int before = rows(manifest);
			final Process p = start(dir.resolve("log" + attempt + ".txt"), "512m", args);
			// kill it (SIGKILL: no shutdown hooks, no cleanup) once it has finished two more cases
			while (p.isAlive() && rows(manifest) < before + 2) Thread.sleep(20);
			p.destroyForcibly().waitFor();
		}
		final int code = finish(start(dir.resolve("log2.txt"), "512m", args));
		final String last = new String(Files.readAllBytes(dir.resolve("log2.txt")), StandardCharsets.UTF_8);
		assertEquals(0, code, last);
		final Map<String, Integer> done = new HashMap<>();
		for (final ManifestRow r : Manifest.read(manifest))
			if (r.status().equals("done")) done.merge(r.caseName(), 1, Integer::sum);
		assertEquals(n, done.size(), done.toString());
		for (final Map.Entry<String, Integer> e : done.entrySet()) assertEquals(1, e.getValue(), "done rows of " + e.getKey() + ": " + done);
		try (Stream<Path> s = Files.list(out)) {
			final List<String> files = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
			assertEquals(n + 1, files.size(), "no staging files are left: " + files);
		}
		for (int i = 0; i < n; i++) assertEquals(100 * 80 * 30, ImageFormats.read(out.resolve(String.format("case%02d.nii.gz", i))).data().size());
		assertTrue(last.contains("done in an earlier run"), last);
		// both earlier runs were really cut off before their summary
		for (int attempt = 0; attempt < 2; attempt++)
			assertFalse(new String(Files.readAllBytes(dir.resolve("log" + attempt + ".txt")), StandardCharsets.UTF_8).contains("case(s), "));
	}

	private static int rows(final Path manifest) throws IOException {
		return Files.exists(manifest) ? Manifest.read(manifest).size() : 0;
	}
}

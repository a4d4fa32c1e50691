package org.medprep.spark;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.cli.batch.Manifest;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.io.ImageFormats;

/**
 * medprep spark in a JVM of its own, started as the launcher starts it
 * ({@link SparkRun#main} with Spark's Java options): a case that really runs
 * out of memory inside its Spark task is recorded as failed for that case, and
 * the other cases and the job go on (Spark never sees the error, so it neither
 * retries the task nor ends the executor).
 */
class SparkProcessTest {

	@TempDir
	Path dir;

	/**
	 * A valid NIfTI whose 512x512x128 int16 voxels (64 MiB, 1 mm) are zeros: read, they fit a 160 MiB heap;
	 * resampled to 0.9 mm as floats (175 MiB) beside them they cannot. (An element-wise step would not
	 * do: its result is computed plane by plane as it is written, never held whole.)
	 */
	private static void hugeNifti(final Path file) throws IOException {
		final ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
		h.putInt(0, 348);
		final short[] dim = { 3, 512, 512, 128, 1, 1, 1, 1 };
		for (int i = 0; i < 8; i++) h.putShort(40 + 2 * i, dim[i]);
		h.putShort(70, (short) 4).putShort(72, (short) 16);
		for (int i = 0; i < 8; i++) h.putFloat(76 + 4 * i, 1);
		h.putFloat(108, 352).putFloat(112, 1);
		h.put(123, (byte) 2);
		h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
		try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			out.write(h.array());
			final byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 64; i++) out.write(zeros);
		}
	}

	@Test
	void aCaseThatRunsOutOfMemoryInItsTaskEndsOnlyItself() throws Exception {
		final Path cases = Files.createDirectories(dir.resolve("cases"));
		ImageFormats.write(new CtPhantom(40, 32, 12, new double[] { 1, 1, 2 }, 10, 1).image(), cases.resolve("a.nii.gz"));
		hugeNifti(cases.resolve("b_huge.nii"));
		ImageFormats.write(new CtPhantom(40, 32, 12, new double[] { 1, 1, 2 }, 10, 3).image(), cases.resolve("c.nii.gz"));
		final Path log = dir.resolve("log.txt");
		final List<String> cmd = new ArrayList<>(Arrays.asList(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx160m",
			"-XX:+UseSerialGC", "-Dspark.testing.memory=536870912"));
		// Spark refuses a heap under 450 MiB unless told the memory to plan with (its own tests' setting): a small heap runs out fast
		cmd.addAll(Arrays.asList(SparkJava.options().split(" ")));
		// one core: the small cases then never run while the huge one holds the heap, so only it can run out of memory
		cmd.addAll(Arrays.asList("-cp", System.getProperty("java.class.path"), SparkRun.class.getName(), "--master", "local[1]", "--step",
			"run(\"Resample to Spacing\", \"spacing_x=0.9 spacing_y=0.9 spacing_z=0.9 interpolation=linear\");", "-i", cases.toString(), "-o", dir.resolve("out").toString()));
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(5, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new IllegalStateException("the child run did not finish");
		}
		final String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		assertEquals(1, p.exitValue(), text);
		assertTrue(text.contains("FAILED " + cases.resolve("b_huge.nii") + ": out of memory (the Java heap holds at most"), text);
		assertTrue(text.contains("3 case(s), 1 failed (2 done, 0 done earlier)"), text);
		assertFalse(text.contains("OutOfMemoryError") || text.contains("\tat "), text);
		final List<String> statuses = Manifest.read(dir.resolve("out/manifest.jsonl")).stream().map(r -> r.caseName() + " " + r.status()).sorted()
			.collect(Collectors.toList());
		assertEquals(Arrays.asList("a done", "b_huge failed", "c done"), statuses);
		ImageFormats.read(dir.resolve("out/c.nii.gz"));
		assertFalse(Files.exists(dir.resolve("out/b_huge.nii.gz")));
	}
}

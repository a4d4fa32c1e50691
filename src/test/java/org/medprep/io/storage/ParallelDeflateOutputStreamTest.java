package org.medprep.io.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.imglib2.parallel.Parallelization;

class ParallelDeflateOutputStreamTest {

	/** Half random, half smooth (like CT: noise over a slowly varying body). */
	private static byte[] data(final int n) {
		final byte[] d = new byte[n];
		final Random r = new Random(42);
		for (int i = 0; i < n; i++) d[i] = (byte) (i % 2 == 0 ? r.nextInt(8) : (i / 5000) & 0xff);
		return d;
	}

	private static byte[] compress(final byte[] d, final ParallelDeflateOutputStream.Wrapper w, final int threads) throws Exception {
		return compress(d, w, threads, false);
	}

	private static byte[] compress(final byte[] d, final ParallelDeflateOutputStream.Wrapper w, final int threads, final boolean nativeDeflate)
		throws Exception
	{
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Parallelization.runWithNumThreads(threads, () -> {
			try (OutputStream z = new ParallelDeflateOutputStream(bytes, w, 1, nativeDeflate)) {
				// odd write sizes cross the block boundaries
				for (int off = 0; off < d.length; off += 77777) z.write(d, off, Math.min(77777, d.length - off));
			}
			return null;
		});
		return bytes.toByteArray();
	}

	private static byte[] readAll(final InputStream in) throws Exception {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toByteArray();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 2_200_000 })
	void standardReadersReadItAndThreadsDoNotChangeTheBytes(final int n) throws Exception {
		final byte[] d = data(n);
		final byte[] gz1 = compress(d, ParallelDeflateOutputStream.Wrapper.GZIP, 1);
		final byte[] gz4 = compress(d, ParallelDeflateOutputStream.Wrapper.GZIP, 4);
		assertArrayEquals(gz1, gz4, "same bytes whatever the thread count");
		assertArrayEquals(d, readAll(new GZIPInputStream(new ByteArrayInputStream(gz4))));
		final byte[] z = compress(d, ParallelDeflateOutputStream.Wrapper.ZLIB, 3);
		assertArrayEquals(d, readAll(new InflaterInputStream(new ByteArrayInputStream(z))));
		assertEquals(1, gzipMembers(gz1), "zlib's stream: one member");
	}

	@Test
	void isalLoadsOnLinuxX86() {
		// the machines the project is built and benchmarked on: the fast path must not fall away unnoticed
		assumeTrue("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch")));
		assertTrue(NativeGzip.deflaterAvailable(), "ISA-L's deflate loads here");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 2_200_000 })
	void isalMembersReadBackAndThreadsDoNotChangeTheBytes(final int n) throws Exception {
		assumeTrue(NativeGzip.deflaterAvailable());
		final byte[] d = data(n);
		final byte[] gz1 = compress(d, ParallelDeflateOutputStream.Wrapper.GZIP, 1, true);
		final byte[] gz4 = compress(d, ParallelDeflateOutputStream.Wrapper.GZIP, 4, true);
		assertArrayEquals(gz1, gz4, "same bytes whatever the thread count");
		assertArrayEquals(d, readAll(new GZIPInputStream(new ByteArrayInputStream(gz4))));
		assertEquals(Math.max(1, (n + (1 << 20) - 1) >> 20), gzipMembers(gz1), "one member per MiB block");
		// incompressible input: over zlib's usual worst case for ISA-L too, still read back
		final byte[] noise = new byte[n];
		new Random(7).nextBytes(noise);
		assertArrayEquals(noise, readAll(new GZIPInputStream(new ByteArrayInputStream(compress(noise, ParallelDeflateOutputStream.Wrapper.GZIP, 2, true)))));
	}

	/** Counts the gzip members by inflating them one after another, each from where the last one's trailer ends. */
	private static int gzipMembers(final byte[] gz) throws Exception {
		int members = 0;
		int at = 0;
		while (at < gz.length) {
			assertEquals(0x1f, gz[at] & 0xff);
			assertEquals(0x8b, gz[at + 1] & 0xff);
			// MedPrep's members carry an extra field, zlib's stream none
			final int data = at + WholeGzip.dataStart(java.util.Arrays.copyOfRange(gz, at, gz.length));
			final Inflater inflater = new Inflater(true);
			inflater.setInput(gz, data, gz.length - data);
			final byte[] sink = new byte[1 << 16];
			while (!inflater.finished()) inflater.inflate(sink);
			at = gz.length - inflater.getRemaining() + 8;
			inflater.end();
			members++;
		}
		assertEquals(gz.length, at, "the last member ends the file");
		return members;
	}
}

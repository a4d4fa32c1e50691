package org.medprep.io.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

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
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Parallelization.runWithNumThreads(threads, () -> {
			try (OutputStream z = new ParallelDeflateOutputStream(bytes, w, 1)) {
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
	}
}

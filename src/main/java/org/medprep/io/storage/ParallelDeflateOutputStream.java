package org.medprep.io.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Checksum;
import java.util.zip.Deflater;

import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;

/**
 * A gzip (or zlib) stream compressed on several threads, the way pigz does
 * it: the data are cut into fixed blocks, each block is deflated on its own
 * (primed with the previous 32 KiB as dictionary, ending on a byte-aligned
 * sync flush), and the blocks are written in order as ONE ordinary deflate
 * stream with one header and trailer, so any gzip/zlib reader reads it.
 * Block boundaries do not depend on the thread count, so the output bytes
 * are the same whatever the number of threads. Threads come from ImgLib2's
 * current {@link Parallelization} executor.
 * <p>
 * {@link #close()} writes the trailer and flushes, but does not close the
 * stream below (its owner does).
 */
public final class ParallelDeflateOutputStream extends OutputStream {

	/** Container around the deflate data. */
	public enum Wrapper { GZIP, ZLIB }

	private static final int BLOCK = 1 << 20;
	private static final int DICTIONARY = 1 << 15;
	/** Room for a deflated full block: deflate's worst case is a little over the input. */
	private static final int OUTPUT = BLOCK + (BLOCK >> 6) + 128;

	private final OutputStream out;
	private final Wrapper wrapper;
	private final int level;
	private final Checksum checksum;
	private final TaskExecutor executor;
	private final int batch;
	private final List<byte[]> pending = new ArrayList<>();
	/**
	 * Full input blocks, output buffers and deflaters are reused from one batch to
	 * the next: a float CT of 300 MiB would otherwise leave 600 MiB of garbage
	 * (and as many zlib states set up and torn down) behind, which the JVM
	 * collects late, growing the process's memory. Blocks are only touched by the
	 * writing thread; buffers and deflaters by the compressing threads too.
	 */
	private final ArrayDeque<byte[]> freeBlocks = new ArrayDeque<>();
	private final ConcurrentLinkedQueue<byte[]> freeOutputs = new ConcurrentLinkedQueue<>();
	private final ConcurrentLinkedQueue<Deflater> deflaters = new ConcurrentLinkedQueue<>();
	private byte[] current = new byte[BLOCK];
	private int fill;
	private long total;
	/** The last bytes of the previous batch's last block: the next block's dictionary. */
	private byte[] previousTail;
	private boolean closed;

	public ParallelDeflateOutputStream(final OutputStream out, final Wrapper wrapper, final int level) throws IOException {
		this.out = out;
		this.wrapper = wrapper;
		this.level = level;
		this.checksum = wrapper == Wrapper.GZIP ? new CRC32() : new Adler32();
		this.executor = Parallelization.getTaskExecutor();
		this.batch = Math.max(2, 4 * executor.getParallelism());
		if (wrapper == Wrapper.GZIP) out.write(new byte[] { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff });
		else out.write(new byte[] { 0x78, 0x01 });
	}

	@Override
	public void write(final int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(final byte[] b, int off, int len) throws IOException {
		if (closed) throw new IOException("stream closed");
		checksum.update(b, off, len);
		total += len;
		while (len > 0) {
			final int n = Math.min(len, BLOCK - fill);
			System.arraycopy(b, off, current, fill, n);
			fill += n;
			off += n;
			len -= n;
			if (fill == BLOCK) {
				pending.add(current);
				current = freeBlocks.isEmpty() ? new byte[BLOCK] : freeBlocks.pop();
				fill = 0;
				if (pending.size() == batch) compressPending(false);
			}
		}
	}

	@Override
	public void close() throws IOException {
		if (closed) return;
		if (fill > 0) pending.add(Arrays.copyOf(current, fill));
		compressPending(true);
		closed = true;
		for (Deflater d; (d = deflaters.poll()) != null;) d.end();
		final long sum = checksum.getValue();
		if (wrapper == Wrapper.GZIP) {
			out.write(littleEndian(sum));
			out.write(littleEndian(total & 0xffffffffL));
		}
		else out.write(new byte[] { (byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum });
		out.flush();
	}

	/** Deflates the pending blocks in parallel and writes them in order; the very last one finishes the stream. */
	private void compressPending(final boolean last) throws IOException {
		final int n = pending.size();
		final List<Integer> indices = new ArrayList<>(n);
		for (int i = 0; i < n; i++) indices.add(i);
		final byte[] firstDictionary = previousTail;
		final List<byte[]> blocks = new ArrayList<>(pending);
		final List<Chunk> compressed = executor.forEachApply(indices, i -> {
			final byte[] dict = i == 0 ? firstDictionary : tail(blocks.get(i - 1));
			return deflate(blocks.get(i), dict, last && i == n - 1);
		});
		for (final Chunk c : compressed) {
			out.write(c.bytes, 0, c.length);
			if (c.bytes.length == OUTPUT) freeOutputs.offer(c.bytes);
		}
		if (n > 0) previousTail = tail(blocks.get(n - 1));
		for (final byte[] b : blocks) if (b.length == BLOCK) freeBlocks.push(b);
		if (last && n == 0) {
			final Chunk end = deflate(new byte[0], previousTail, true);
			out.write(end.bytes, 0, end.length);
		}
		pending.clear();
	}

	/** Deflated bytes: {@code length} bytes of {@code bytes}. */
	private static final class Chunk {
		byte[] bytes;
		int length;
	}

	private Chunk deflate(final byte[] block, final byte[] dictionary, final boolean finish) {
		Deflater d = deflaters.poll();
		if (d == null) d = new Deflater(level, true);
		else d.reset();
		try {
			if (dictionary != null) d.setDictionary(dictionary);
			d.setInput(block);
			if (finish) d.finish();
			// deflate's worst case is a little over the input; start there so one call usually does it
			final Chunk c = new Chunk();
			final byte[] reused = block.length == BLOCK ? freeOutputs.poll() : null;
			c.bytes = reused != null ? reused : new byte[block.length + (block.length >> 6) + 128];
			while (true) {
				final int room = c.bytes.length - c.length;
				final int k = finish ? d.deflate(c.bytes, c.length, room) : d.deflate(c.bytes, c.length, room, Deflater.SYNC_FLUSH);
				c.length += k;
				if (finish ? d.finished() : k < room && d.needsInput()) break;
				if (c.length == c.bytes.length) c.bytes = Arrays.copyOf(c.bytes, c.bytes.length * 2);
			}
			return c;
		}
		finally {
			deflaters.offer(d);
		}
	}

	private static byte[] tail(final byte[] block) {
		return block.length <= DICTIONARY ? block : Arrays.copyOfRange(block, block.length - DICTIONARY, block.length);
	}

	private static byte[] littleEndian(final long v) {
		return new byte[] { (byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24) };
	}
}

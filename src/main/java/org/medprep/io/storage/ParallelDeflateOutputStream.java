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
 * Where ISA-L's native deflate is {@linkplain NativeGzip#deflaterAvailable() available}, a level-1 gzip
 * stream is instead written as one gzip member per block, each deflated on its own (ISA-L takes no
 * dictionary and no sync flush). Concatenated members are one gzip file to every gzip reader (RFC 1952,
 * section 2.2; zlib's gzread, Python's gzip, Java's GZIPInputStream, BGZF's readers all read them). The
 * blocks are the same, so these bytes do not depend on the thread count either. Each member's header
 * names the member's length in an extra field ({@link GzipMembers}), which every gzip reader skips and
 * MedPrep's reader uses to inflate the members on all threads.
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
	/** A gzip stream's header: deflate, no flags, no time, unknown system. */
	private static final byte[] GZIP_HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };
	private static final int GZIP_TRAILER = 8;

	private final OutputStream out;
	private final Wrapper wrapper;
	private final int level;
	private final Checksum checksum;
	/** One gzip member per block, deflated by ISA-L; else one zlib-deflated stream. */
	private final boolean members;
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
		this(out, wrapper, level, NativeGzip.deflaterAvailable());
	}

	/** {@code nativeDeflate}: whether ISA-L may be used (tests pass false to get zlib's stream where ISA-L loads). */
	ParallelDeflateOutputStream(final OutputStream out, final Wrapper wrapper, final int level, final boolean nativeDeflate) throws IOException {
		this.out = out;
		this.wrapper = wrapper;
		this.level = level;
		this.checksum = wrapper == Wrapper.GZIP ? new CRC32() : new Adler32();
		this.members = wrapper == Wrapper.GZIP && level == 1 && nativeDeflate && NativeGzip.deflaterAvailable();
		this.executor = Parallelization.getTaskExecutor();
		this.batch = Math.max(2, 4 * executor.getParallelism());
		if (members) return;
		if (wrapper == Wrapper.GZIP) out.write(GZIP_HEADER);
		else out.write(new byte[] { 0x78, 0x01 });
	}

	@Override
	public void write(final int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(final byte[] b, int off, int len) throws IOException {
		if (closed) throw new IOException("stream closed");
		if (!members) checksum.update(b, off, len);
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
		if (members) {
			out.flush();
			return;
		}
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
			if (members) return member(blocks.get(i));
			final byte[] dict = i == 0 ? firstDictionary : tail(blocks.get(i - 1));
			return deflate(blocks.get(i), dict, last && i == n - 1);
		});
		for (final Chunk c : compressed) {
			c.writeTo(out);
			if (c.bytes.length == OUTPUT) freeOutputs.offer(c.bytes);
		}
		if (n > 0) previousTail = tail(blocks.get(n - 1));
		for (final byte[] b : blocks) if (b.length == BLOCK) freeBlocks.push(b);
		if (last && n == 0 && !(members && total > 0)) {
			// nothing left to finish the stream with (or, in members, no member at all): an empty last block or member
			final Chunk end = members ? member(new byte[0]) : deflate(new byte[0], previousTail, true);
			end.writeTo(out);
		}
		pending.clear();
	}

	/** Deflated bytes: {@code length} bytes of {@code bytes}, inside a gzip member's header and trailer where it is one. */
	private static final class Chunk {
		byte[] bytes;
		int length;
		byte[] header;
		byte[] trailer;

		void writeTo(final OutputStream out) throws IOException {
			if (header != null) out.write(header);
			out.write(bytes, 0, length);
			if (trailer != null) out.write(trailer);
		}
	}

	private Chunk deflate(final byte[] block, final byte[] dictionary, final boolean finish) {
		Deflater d = deflaters.poll();
		if (d == null) d = new Deflater(level, true);
		else d.reset();
		try {
			return zlib(d, block, dictionary, finish, outputFor(block));
		}
		finally {
			deflaters.offer(d);
		}
	}

	/** A whole gzip member of {@code block}: its header, ISA-L's deflate of it, and its CRC-32 and length. */
	private Chunk member(final byte[] block) {
		final byte[] buffer = outputFor(block);
		Deflater d = deflaters.poll();
		if (d == null) d = NativeGzip.deflater();
		int n;
		try {
			// ISA-L's deflater writes only from the start of a buffer
			n = NativeGzip.deflate(d, block, block.length, buffer);
		}
		finally {
			deflaters.offer(d);
		}
		Chunk c;
		if (n >= 0) {
			c = new Chunk();
			c.bytes = buffer;
			c.length = n;
		}
		else {
			// over the room deflate's worst case leaves: zlib, which can go on in a grown buffer
			final Deflater z = new Deflater(level, true);
			try {
				c = zlib(z, block, null, true, buffer);
			}
			finally {
				z.end();
			}
		}
		final CRC32 crc = new CRC32();
		crc.update(block);
		c.header = GzipMembers.header(GzipMembers.HEADER + c.length + GZIP_TRAILER);
		c.trailer = new byte[GZIP_TRAILER];
		System.arraycopy(littleEndian(crc.getValue()), 0, c.trailer, 0, 4);
		System.arraycopy(littleEndian(block.length), 0, c.trailer, 4, 4);
		return c;
	}

	/** A free output buffer for a full block, or a new one with room for deflate's usual worst case. */
	private byte[] outputFor(final byte[] block) {
		final byte[] reused = block.length == BLOCK ? freeOutputs.poll() : null;
		return reused != null ? reused : new byte[block.length + (block.length >> 6) + 128];
	}

	/** Deflates {@code block} with zlib into {@code buffer}, growing the buffer as needed. */
	private static Chunk zlib(final Deflater d, final byte[] block, final byte[] dictionary, final boolean finish, final byte[] buffer) {
		if (dictionary != null) d.setDictionary(dictionary);
		d.setInput(block);
		if (finish) d.finish();
		// deflate's worst case is a little over the input; the buffer starts there so one call usually does it
		final Chunk c = new Chunk();
		c.bytes = buffer;
		while (true) {
			final int room = c.bytes.length - c.length;
			final int k = finish ? d.deflate(c.bytes, c.length, room) : d.deflate(c.bytes, c.length, room, Deflater.SYNC_FLUSH);
			c.length += k;
			if (finish ? d.finished() : k < room && d.needsInput()) break;
			if (c.length == c.bytes.length) c.bytes = Arrays.copyOf(c.bytes, c.bytes.length * 2);
		}
		return c;
	}

	private static byte[] tail(final byte[] block) {
		return block.length <= DICTIONARY ? block : Arrays.copyOfRange(block, block.length - DICTIONARY, block.length);
	}

	private static byte[] littleEndian(final long v) {
		return new byte[] { (byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24) };
	}
}

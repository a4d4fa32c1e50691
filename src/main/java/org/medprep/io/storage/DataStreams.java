package org.medprep.io.storage;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opening image files as streams: gzip recognised by its magic bytes (not the
 * file name), read errors turned into {@link ImageFormatException}s that name
 * the file, and gzip writing at nibabel's default level (1: fast, nearly as
 * small as the default 6 for medical images).
 */
public final class DataStreams {

	private static final int BUFFER = 1 << 16;
	public static final int GZIP_LEVEL = 1;

	private DataStreams() {}

	/** An open file: its stream (decompressed if gzip), whether it was gzip, and its length on disk. */
	public static final class Opened {
		public final InputStream in;
		public final boolean gzip;
		public final long length;

		Opened(final InputStream in, final boolean gzip, final long length) {
			this.in = in;
			this.gzip = gzip;
			this.length = length;
		}

		/**
		 * Fails unless the file can hold {@code needed} bytes (after
		 * decompression): its length, or the most its gzip data can inflate to.
		 */
		public void requireBytes(final Path file, final long needed, final String what) throws ImageFormatException {
			if (!gzip) {
				RawVolumes.requireAvailable(file, needed, length, what);
				return;
			}
			final long max = RawVolumes.maxInflatedSize(length);
			if (needed > max)
				throw new ImageFormatException(file, "truncated or wrong dimensions: " + what + " needs " + needed
					+ " bytes, more than " + length + " bytes of gzip data can hold (" + max + ")");
		}

		/**
		 * Reads a gzip stream to its end so that its CRC and length are checked
		 * (a cut or corrupt file is then noticed even when the voxels came out).
		 */
		public void verifyRest(final Path file) throws IOException {
			if (!gzip) return;
			final byte[] scratch = new byte[1 << 16];
			while (in.read(scratch) >= 0) {
				// drain
			}
		}
	}

	/**
	 * Opens a file that will be read to its end, like {@link #open}; a gzip file is then inflated whole
	 * where that is faster ({@link WholeGzip}): one member in one call of ISA-L's inflater where it is
	 * {@linkplain NativeGzip#inflaterAvailable() available} (1.8 times zlib's speed), MedPrep's members on
	 * all threads, each checked against its trailer's CRC-32 and length. Anything else (another writer's
	 * members, corrupt data, a file too large to hold twice) is streamed through zlib as by {@link #open},
	 * which also names what is wrong with a bad file.
	 */
	public static Opened openWhole(final Path file) throws IOException {
		return openWhole(file, null);
	}

	/** {@link #openWhole(Path)}, with the planes {@code prefetch} plans allocated while ISA-L inflates. */
	public static Opened openWhole(final Path file, final PlanePrefetch prefetch) throws IOException {
		final WholeContent inflated = WholeGzip.inflate(file, prefetch);
		if (inflated == null) return open(file);
		return new Opened(inflated, true, Files.size(file));
	}

	/** Opens a file, decompressing it if it starts with the gzip magic. */
	public static Opened open(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			if (Files.isDirectory(file)) throw new ImageFormatException(file, "is a folder, not an image file");
			throw new ImageFormatException(file, "file not found", new NoSuchFileException(file.toString()));
		}
		final long length = Files.size(file);
		final BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
		raw.mark(2);
		final int b0 = raw.read();
		final int b1 = raw.read();
		raw.reset();
		if (b0 == 0x1f && b1 == 0x8b) {
			try {
				return new Opened(new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER), true, length);
			}
			catch (final IOException e) {
				raw.close();
				throw new ImageFormatException(file, e instanceof EOFException ? "truncated gzip data: the file ends inside the gzip header"
					: "corrupt gzip data: " + detail(e, "the gzip header is not valid"), e);
			}
		}
		return new Opened(raw, false, length);
	}

	/**
	 * Reads exactly {@code n} bytes, or fails naming the file and what was
	 * being read. Also turns zlib errors into messages about the file.
	 */
	public static void readFully(final InputStream in, final Path file, final byte[] buf, final int off, final int n, final String what) throws IOException {
		int got = 0;
		while (got < n) {
			final int r = in.read(buf, off + got, n - got);
			if (r < 0) throw new ImageFormatException(file, "truncated: the file ends inside the " + what + " (" + got + " of " + n + " bytes)");
			got += r;
		}
	}

	/**
	 * Runs a read and turns the stream's own failures (corrupt or truncated
	 * gzip data) into exceptions naming the file.
	 */
	public static <R> R reading(final Path file, final IoSupplier<R> body) throws IOException {
		try {
			return body.get();
		}
		catch (final ImageFormatException e) {
			throw e;
		}
		catch (final ZipException e) {
			throw new ImageFormatException(file, "corrupt compressed data: " + detail(e, "the data do not decompress"), e);
		}
		catch (final EOFException e) {
			throw new ImageFormatException(file, "truncated compressed data: the file ends before the compressed data do", e);
		}
	}

	/** The zlib message (e.g. "invalid distance too far back"), or a plain description when the JDK gives none. */
	private static String detail(final IOException e, final String otherwise) {
		final String m = e.getMessage();
		return m == null || m.trim().isEmpty() ? otherwise : m;
	}

	/** A read that may fail with an IOException. */
	@FunctionalInterface
	public interface IoSupplier<R> {
		R get() throws IOException;
	}

	/**
	 * Loads and self-tests ISA-L's inflater and deflater now (a tenth of a second, once per process), so
	 * that the first gzip read or write does not wait for it; a thread that reads or writes gzip meanwhile
	 * waits for the load to end. Nothing happens where they do not load.
	 */
	public static void loadNativeGzip() {
		NativeGzip.inflaterAvailable();
		NativeGzip.deflaterAvailable();
	}

	/** Which deflater writes gzip here: ISA-L where it loaded, else zlib (for {@code medprep --version}). */
	public static String gzipDeflater() {
		return NativeGzip.deflaterAvailable() ? "ISA-L (Intel GKL), level " + GZIP_LEVEL : "zlib, level " + GZIP_LEVEL;
	}

	/** How gzip files are inflated here (for {@code medprep --version}). */
	public static String gzipInflater() {
		return NativeGzip.inflaterAvailable() ? "ISA-L (Intel GKL) for one-member files, MedPrep's members on all threads"
			: "zlib, MedPrep's members on all threads";
	}

	/**
	 * A gzip stream at {@link #GZIP_LEVEL}, compressed on ImgLib2's current
	 * threads; close it to write the trailer (the stream below stays open).
	 */
	public static OutputStream gzip(final OutputStream out) throws IOException {
		return new ParallelDeflateOutputStream(out, ParallelDeflateOutputStream.Wrapper.GZIP, GZIP_LEVEL);
	}

	/** A zlib stream (MetaImage CompressedData), like {@link #gzip}. */
	public static OutputStream zlib(final OutputStream out) throws IOException {
		return new ParallelDeflateOutputStream(out, ParallelDeflateOutputStream.Wrapper.ZLIB, GZIP_LEVEL);
	}

	/** At most {@code limit} bytes of a stream (e.g. CompressedDataSize); closing it does not close the stream. */
	public static InputStream limited(final InputStream in, final long limit) {
		return new java.io.FilterInputStream(in) {
			private long left = limit;

			@Override
			public int read() throws IOException {
				if (left <= 0) return -1;
				final int b = in.read();
				if (b >= 0) left--;
				return b;
			}

			@Override
			public int read(final byte[] b, final int off, final int len) throws IOException {
				if (left <= 0) return -1;
				final int r = in.read(b, off, (int) Math.min(len, left));
				if (r > 0) left -= r;
				return r;
			}

			@Override
			public long skip(final long n) throws IOException {
				final long s = in.skip(Math.min(n, left));
				if (s > 0) left -= s;
				return s;
			}

			@Override
			public int available() throws IOException {
				return (int) Math.min(in.available(), left);
			}

			@Override
			public boolean markSupported() {
				return false;
			}

			@Override
			public void close() {
				// the underlying stream belongs to the caller
			}
		};
	}

}

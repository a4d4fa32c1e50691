package org.medprep.io.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;

/**
 * Writes a grayscale stack as an uncompressed little-endian TIFF that ImageJ
 * and tifffile open as the stack it is: one strip per plane, the planes one
 * after the other, an ImageJ description and ImageJ's metadata (info, slice
 * labels, properties). The planes are encoded and written in parallel, straight
 * from their arrays to their place in the file, and their value range is
 * gathered on the way; the directories follow the planes, so the description
 * can carry that range (ImageJ's display range) without a pass of its own.
 * <p>
 * Use: {@link #writePlanes} once, then {@link #finish} once, then close.
 * Threads come from ImgLib2's current {@link Parallelization} executor; the
 * bytes do not depend on their number.
 */
public final class TiffStackWriter implements AutoCloseable {

	/** ImageJ's metadata tags and block types (the four letters of each as a big-endian int). */
	private static final int META_DATA_BYTE_COUNTS = 50838, META_DATA = 50839;
	private static final int MAGIC = 0x494a494a, INFO = 0x696e666f, LABELS = 0x6c61626c, PROPERTIES = 0x70726f70;
	private static final int HEADER = 8;

	private final FileChannel ch;
	private final int width, height, depth;
	private final TiffPlaneWriter.Sample sample;
	private final long planeBytes, pixelsEnd;

	/**
	 * @throws IllegalArgumentException when the stack would not fit the 4 GiB that 32-bit TIFF offsets reach
	 */
	public TiffStackWriter(final Path file, final int width, final int height, final int depth, final TiffPlaneWriter.Sample sample) throws IOException {
		this.width = width;
		this.height = height;
		this.depth = depth;
		this.sample = sample;
		this.planeBytes = (long) width * height * sample.bytes();
		this.pixelsEnd = HEADER + planeBytes * depth;
		if (!fits(width, height, depth, sample)) throw new IllegalArgumentException(file + ": a stack of " + pixelsEnd + " bytes does not fit a TIFF");
		this.ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
	}

	/** Whether a stack of this size fits 32-bit TIFF offsets, with room for its directories. */
	public static boolean fits(final int width, final int height, final int depth, final TiffPlaneWriter.Sample sample) {
		return HEADER + (long) width * height * sample.bytes() * depth + 200L * depth + (1 << 26) < 0xffffffffL;
	}

	/** The source of plane {@code z} (0-based): a {@code byte[]}, {@code short[]} or {@code float[]} of width * height samples. */
	@FunctionalInterface
	public interface Planes {
		Object plane(int z);
	}

	/**
	 * Writes every plane; returns {min, max} of the samples as stored (unsigned for
	 * 8 and 16 bits; NaN left out, {+inf, -inf} when every sample is NaN).
	 */
	public double[] writePlanes(final Planes planes) throws IOException {
		final TaskExecutor executor = Parallelization.getTaskExecutor();
		final List<int[]> ranges = TiffPlaneRuns.split(depth, executor.getParallelism());
		final List<Object> results = executor.forEachApply(ranges, r -> {
			final ByteBuffer buf = ByteBuffer.allocateDirect((int) planeBytes).order(ByteOrder.LITTLE_ENDIAN);
			double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
			try {
				for (int z = r[0]; z < r[1]; z++) {
					buf.clear();
					final double[] mm = encode(planes.plane(z), buf);
					min = Math.min(min, mm[0]);
					max = Math.max(max, mm[1]);
					buf.flip();
					final long at = HEADER + z * planeBytes;
					while (buf.hasRemaining()) ch.write(buf, at + buf.position());
				}
				return new double[] { min, max };
			}
			catch (final IOException e) {
				return e;
			}
		});
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (final Object o : results) {
			if (o instanceof IOException) throw (IOException) o;
			min = Math.min(min, ((double[]) o)[0]);
			max = Math.max(max, ((double[]) o)[1]);
		}
		return new double[] { min, max };
	}

	private double[] encode(final Object plane, final ByteBuffer buf) {
		final int n = width * height;
		switch (sample) {
			case UINT8: {
				final byte[] p = (byte[]) plane;
				buf.put(p, 0, n);
				return unsignedRange(i -> p[i] & 0xff, n, 255);
			}
			case UINT16:
			case INT16: {
				final short[] p = (short[]) plane;
				buf.asShortBuffer().put(p, 0, n);
				buf.position(2 * n);
				return unsignedRange(i -> p[i] & 0xffff, n, 65535);
			}
			default: {
				final float[] p = (float[]) plane;
				buf.asFloatBuffer().put(p, 0, n);
				buf.position(4 * n);
				float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
				for (int i = 0; i < n; i++) {
					final float v = p[i];
					// comparisons are false for NaN, so NaNs stay out of the range
					if (v < lo) lo = v;
					if (v > hi) hi = v;
				}
				return new double[] { lo, hi };
			}
		}
	}

	/**
	 * {min, max} of {@code n} unsigned samples, 8- or 16-bit alike: {largest, 0}
	 * for none. Only the two plane types call it, so the JIT inlines the sample
	 * read (within a few percent of a loop per type, measured).
	 */
	private static double[] unsignedRange(final IntUnaryOperator sample, final int n, final int largest) {
		int lo = largest, hi = 0;
		for (int i = 0; i < n; i++) {
			final int v = sample.applyAsInt(i);
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		return new double[] { lo, hi };
	}

	/**
	 * Writes the header and the directories after the planes.
	 *
	 * @param description ImageJ's description ("ImageJ=...\nimages=...\n...")
	 * @param info ImageJ's "Info" text, or null
	 * @param labels the slice labels (null entries for none), or null
	 * @param properties ImageJ's properties as key, value, key, value, ..., or null
	 * @param xResolution pixels per unit along x (1 / pixel width)
	 * @param resolutionUnit TIFF's ResolutionUnit: 1 none (the unit is in the description), 2 inch, 3 cm
	 */
	public void finish(final String description, final String info, final String[] labels, final String[] properties, final double xResolution,
		final double yResolution, final int resolutionUnit) throws IOException
	{
		final byte[] desc = (description.endsWith("\0") ? description : description + "\0").getBytes(StandardCharsets.ISO_8859_1);
		final List<String> entries = new ArrayList<>();
		final List<Integer> types = new ArrayList<>(), counts = new ArrayList<>();
		if (info != null && !info.isEmpty()) block(types, counts, entries, INFO, new String[] { info });
		int lastLabel = -1;
		if (labels != null) for (int i = 0; i < Math.min(labels.length, depth); i++) if (labels[i] != null && !labels[i].isEmpty()) lastLabel = i;
		if (lastLabel >= 0) {
			final String[] l = new String[lastLabel + 1];
			for (int i = 0; i <= lastLabel; i++) l[i] = labels[i] == null ? "" : labels[i];
			block(types, counts, entries, LABELS, l);
		}
		if (properties != null && properties.length > 0) block(types, counts, entries, PROPERTIES, properties);
		final int metaHeader = 4 + 8 * types.size();
		int metaBytes = metaHeader;
		for (final String e : entries) metaBytes += 2 * e.length();
		final boolean meta = !entries.isEmpty();

		final long first = pixelsEnd + (pixelsEnd & 1);
		final int firstEntries = TiffEntries.GRAYSCALE_PLANE + (meta ? 2 : 0);
		final long firstEnd = first + 2 + 12L * firstEntries + 4;
		final long descAt = firstEnd;
		final long resAt = descAt + desc.length + (desc.length & 1);
		final long countsAt = resAt + 16;
		final long metaAt = countsAt + 4L * (entries.size() + 1);
		final long firstDataEnd = meta ? metaAt + metaBytes + (metaBytes & 1) : countsAt;
		final int laterEntries = 10;
		final int laterSize = 2 + 12 * laterEntries + 4;
		final long total = firstDataEnd + (long) laterSize * (depth - 1);
		if (total >= 0xffffffffL) throw new IOException("the stack's directories do not fit a TIFF");
		final ByteBuffer b = ByteBuffer.allocate((int) (total - first)).order(ByteOrder.LITTLE_ENDIAN);

		b.putShort((short) firstEntries);
		TiffEntries.grayscalePlane(b, width, height, sample, desc.length, descAt, HEADER, planeBytes, resAt, resolutionUnit);
		if (meta) {
			TiffEntries.entry(b, META_DATA_BYTE_COUNTS, 4, entries.size() + 1, countsAt);
			TiffEntries.entry(b, META_DATA, 1, metaBytes, metaAt);
		}
		b.putInt(depth > 1 ? (int) firstDataEnd : 0);
		b.put(desc);
		if ((desc.length & 1) == 1) b.put((byte) 0);
		TiffEntries.rational(b, xResolution);
		TiffEntries.rational(b, yResolution);
		if (meta) {
			b.putInt(metaHeader);
			for (final String e : entries) b.putInt(2 * e.length());
			// in the file's byte order, as ImageJ reads it (tifffile tells the order by the magic)
			b.putInt(MAGIC);
			for (int i = 0; i < types.size(); i++) b.putInt(types.get(i)).putInt(counts.get(i));
			for (final String e : entries) for (int i = 0; i < e.length(); i++) b.putChar(e.charAt(i));
			if ((metaBytes & 1) == 1) b.put((byte) 0);
		}
		for (int z = 1; z < depth; z++) {
			final long at = first + b.position();
			b.putShort((short) laterEntries);
			TiffEntries.entry(b, 254, 4, 1, 0);
			TiffEntries.entry(b, 256, 4, 1, width);
			TiffEntries.entry(b, 257, 4, 1, height);
			TiffEntries.entry(b, 258, 3, 1, sample.bits);
			TiffEntries.entry(b, 259, 3, 1, 1);
			TiffEntries.entry(b, 262, 3, 1, 1);
			TiffEntries.entry(b, 273, 4, 1, HEADER + z * planeBytes);
			TiffEntries.entry(b, 277, 3, 1, 1);
			TiffEntries.entry(b, 278, 4, 1, height);
			TiffEntries.entry(b, 279, 4, 1, planeBytes);
			// SampleFormat is left to its default on later planes, as ImageJ does; readers take it from the first
			b.putInt(z + 1 < depth ? (int) (at + laterSize) : 0);
		}
		b.flip();
		write(b, first);
		final ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
		header.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) first).flip();
		write(header, 0);
		if ((pixelsEnd & 1) == 1) write(ByteBuffer.allocate(1), pixelsEnd);
	}

	private static void block(final List<Integer> types, final List<Integer> counts, final List<String> entries, final int type, final String[] values) {
		types.add(type);
		counts.add(values.length);
		for (final String v : values) entries.add(v);
	}

	private void write(final ByteBuffer b, final long at) throws IOException {
		while (b.hasRemaining()) ch.write(b, at + b.position());
	}

	@Override
	public void close() throws IOException {
		ch.close();
	}
}

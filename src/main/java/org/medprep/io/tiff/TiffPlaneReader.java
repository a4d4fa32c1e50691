package org.medprep.io.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.medprep.io.storage.ImageFormatException;

import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;

/**
 * Reads the planes of an uncompressed grayscale TIFF in parallel, each plane
 * straight from the file at its offset into its own pixel array (no stream, no
 * intermediate copy of the volume). Where the planes are is the caller's
 * business (the TIFF's directories); this class only checks that the file
 * holds them. Threads come from ImgLib2's current {@link Parallelization}
 * executor; the values do not depend on their number.
 */
public final class TiffPlaneReader {

	private TiffPlaneReader() {}

	/**
	 * @param offsets where each plane's {@code width * height} samples start, one per plane
	 * @param order the file's byte order
	 * @param signedAsOffsetUnsigned for {@link TiffPlaneWriter.Sample#INT16}: store value + 32768 as
	 *        unsigned (ImageJ's form of signed 16-bit data) instead of the value itself
	 * @return per plane a {@code byte[]}, {@code short[]} or {@code float[]} of {@code width * height} samples
	 * @throws ImageFormatException naming the file when it ends before a plane does
	 */
	public static List<Object> read(final Path file, final long[] offsets, final int width, final int height, final TiffPlaneWriter.Sample sample,
		final ByteOrder order, final boolean signedAsOffsetUnsigned) throws IOException
	{
		final int voxels = Math.multiplyExact(width, height);
		final int planeBytes = Math.multiplyExact(voxels, sample.bytes());
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			final long size = ch.size();
			for (int z = 0; z < offsets.length; z++)
				if (offsets[z] < 0 || offsets[z] + planeBytes > size)
					throw new ImageFormatException(file, "truncated: plane " + (z + 1) + " of " + offsets.length + " needs bytes " + offsets[z] + " to "
						+ (offsets[z] + planeBytes) + " but the file holds " + size);
			final Object[] planes = new Object[offsets.length];
			final TaskExecutor executor = Parallelization.getTaskExecutor();
			final List<int[]> ranges = TiffPlaneRuns.split(offsets.length, executor.getParallelism());
			final List<IOException> failures = executor.forEachApply(ranges, r -> {
				// a direct buffer: the file's bytes are copied once, into it, not through a hidden one
				final ByteBuffer buf = ByteBuffer.allocateDirect(planeBytes).order(order);
				try {
					for (int z = r[0]; z < r[1]; z++) {
						buf.clear();
						while (buf.hasRemaining())
							if (ch.read(buf, offsets[z] + buf.position()) < 0)
								throw new ImageFormatException(file, "truncated: the file ends inside plane " + (z + 1));
						buf.flip();
						planes[z] = decode(buf, voxels, sample, signedAsOffsetUnsigned);
					}
					return null;
				}
				catch (final IOException e) {
					return e;
				}
			});
			for (final IOException e : failures) if (e != null) throw e;
			final List<Object> list = new ArrayList<>(planes.length);
			for (final Object p : planes) list.add(p);
			return list;
		}
	}

	private static Object decode(final ByteBuffer buf, final int voxels, final TiffPlaneWriter.Sample sample, final boolean signedAsOffsetUnsigned) {
		switch (sample) {
			case UINT8: {
				final byte[] b = new byte[voxels];
				buf.get(b);
				return b;
			}
			case UINT16:
			case INT16: {
				final short[] s = new short[voxels];
				buf.asShortBuffer().get(s);
				// value + 32768 in 16 bits is the value with its sign bit flipped
				if (sample == TiffPlaneWriter.Sample.INT16 && signedAsOffsetUnsigned) for (int i = 0; i < voxels; i++) s[i] ^= (short) 0x8000;
				return s;
			}
			default: {
				final float[] f = new float[voxels];
				buf.asFloatBuffer().get(f);
				return f;
			}
		}
	}
}

package org.medprep.io.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.medprep.core.ComputedPlanes;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.converter.RealTypeConverters;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

/**
 * Raw voxel data in files: checked sizes, and planes read from or written to
 * streams in a given type and byte order.
 * <p>
 * Reading never trusts a size from a header: callers check the total against
 * the file length ({@link #requireAvailable}) or, for compressed data, against
 * what the compressed bytes can possibly hold ({@link #maxInflatedSize}); and
 * planes are allocated one at a time as their bytes arrive, so a lying header
 * fails with "truncated" long before memory runs out.
 */
public final class RawVolumes {

	/** Bytes decoded or encoded at a time. */
	private static final int CHUNK = 1 << 22;

	/**
	 * zlib's deflate cannot compress better than about 1032:1; a little margin
	 * for headers. Larger claimed sizes are certainly lies.
	 */
	private static final long MAX_DEFLATE_RATIO = 1100;

	private RawVolumes() {}

	/** The product of the factors, or an exception naming the file if it overflows a long. */
	public static long checkedProduct(final Path file, final String what, final long... factors) throws ImageFormatException {
		long p = 1;
		for (final long f : factors) {
			if (f < 0) throw new ImageFormatException(file, what + ": negative size " + f);
			try {
				p = Math.multiplyExact(p, f);
			}
			catch (final ArithmeticException e) {
				throw new ImageFormatException(file, what + " overflows: " + describe(factors));
			}
		}
		return p;
	}

	/** Fails unless {@code needed} bytes fit in the {@code available} ones. */
	public static void requireAvailable(final Path file, final long needed, final long available, final String what) throws ImageFormatException {
		if (needed > available)
			throw new ImageFormatException(file, "truncated or wrong dimensions: " + what + " needs " + needed + " bytes but the file holds " + available);
	}

	/** The most bytes that {@code compressedLength} bytes of zlib/gzip data can inflate to. */
	public static long maxInflatedSize(final long compressedLength) {
		if (compressedLength > Long.MAX_VALUE / MAX_DEFLATE_RATIO) return Long.MAX_VALUE;
		return compressedLength * MAX_DEFLATE_RATIO + 4096;
	}

	/** The number of voxels in one z plane as an int, or an exception if a plane cannot be one Java array. */
	public static int planeVoxels(final Path file, final long nx, final long ny) throws ImageFormatException {
		final long n = checkedProduct(file, "plane size", nx, ny);
		if (n > Integer.MAX_VALUE - 8) throw new ImageFormatException(file, "a z plane of " + nx + " x " + ny + " voxels is too large to hold");
		return (int) n;
	}

	/** Skips exactly {@code n} bytes, or fails naming the file if the stream ends first. */
	public static void skipFully(final InputStream in, final Path file, final long n, final String what) throws IOException {
		long left = n;
		final byte[] scratch = new byte[(int) Math.min(Math.max(n, 1), CHUNK)];
		while (left > 0) {
			long s = in.skip(left);
			if (s <= 0) {
				// skip may return 0 before the end; a read tells the end apart
				final int r = in.read(scratch, 0, (int) Math.min(left, scratch.length));
				if (r < 0) throw new ImageFormatException(file, "truncated: file ends " + left + " bytes before " + what);
				s = r;
			}
			left -= s;
		}
	}

	/**
	 * Reads {@code nz} planes of {@code nx * ny} voxels from the stream's
	 * current position into a new planar image of the given type.
	 *
	 * @throws ImageFormatException naming the file if the stream ends early
	 */
	public static PlanarImg<?, ?> read(final InputStream in, final Path file, final VoxelType type, final ByteOrder order,
		final long nx, final long ny, final long nz) throws IOException
	{
		final int planeVoxels = planeVoxels(file, nx, ny);
		final long total = checkedProduct(file, "data size", nx, ny, nz, type.bytes());
		if (nz > Integer.MAX_VALUE - 8) throw new ImageFormatException(file, "too many z planes: " + nz);
		if (in instanceof WholeContent) return type.planarImg(new long[] { nx, ny, nz }, Arrays.asList(((WholeContent) in).planes(type, order, planeVoxels, (int) nz, file)));
		final int chunkVoxels = (int) Math.min(planeVoxels, CHUNK / type.bytes());
		final byte[] buf = new byte[chunkVoxels * type.bytes()];
		final List<Object> planes = new ArrayList<>((int) Math.min(nz, 4096));
		long done = 0;
		for (long z = 0; z < nz; z++) {
			final Object plane = type.newArray(planeVoxels);
			for (int off = 0; off < planeVoxels; off += chunkVoxels) {
				final int count = Math.min(chunkVoxels, planeVoxels - off);
				final int nBytes = count * type.bytes();
				readFully(in, file, buf, nBytes, done, total);
				type.decode(ByteBuffer.wrap(buf, 0, nBytes).order(order), plane, off, count);
				done += nBytes;
			}
			planes.add(plane);
		}
		return type.planarImg(new long[] { nx, ny, nz }, planes);
	}

	private static void readFully(final InputStream in, final Path file, final byte[] buf, final int n, final long done, final long total) throws IOException {
		int got = 0;
		while (got < n) {
			final int r = in.read(buf, got, n - got);
			if (r < 0) throw WholeContent.truncated(file, done + got, total);
			got += r;
		}
	}

	/**
	 * Writes a 3D image plane by plane as {@code type} in {@code order},
	 * converting the values if the image is of another type (rounding, as
	 * ImgLib2's {@code setReal} does).
	 */
	public static void write(final RandomAccessibleInterval<? extends RealType<?>> data, final VoxelType type, final ByteOrder order,
		final OutputStream out) throws IOException
	{
		final int nx = (int) data.dimension(0);
		final int ny = (int) data.dimension(1);
		final long nz = data.dimension(2);
		final int planeVoxels = Math.multiplyExact(nx, ny);
		final long[] min = data.minAsLongArray();
		final Object plane = type.newArray(planeVoxels);
		final int chunkVoxels = Math.min(planeVoxels, CHUNK / type.bytes());
		final ByteBuffer buf = ByteBuffer.allocate(chunkVoxels * type.bytes()).order(order);
		// planes of a planar image of the right type are written straight from their arrays
		final PlanarImg<?, ?> planar = data instanceof PlanarImg && VoxelType.of(data.getType()).orElse(null) == type ? (PlanarImg<?, ?>) data : null;
		// (ImgLib2's block reader opens a cursor, which would compute a pending result whole)
		final PrimitiveBlocks<?> blocks = planar == null ? blocks(data, type) : null;
		// a float result not computed yet is computed plane by plane into the one buffer, never held whole
		final ComputedPlanes.Pending pending = planar != null && plane instanceof float[] ? ComputedPlanes.pending(data).orElse(null) : null;
		for (long z = 0; z < nz; z++) {
			final Object source;
			if (pending != null) {
				pending.fill((int) z, (float[]) plane);
				source = plane;
			}
			else if (planar != null) source = ((ArrayDataAccess<?>) planar.getPlane((int) z)).getCurrentStorageArray();
			else {
				blocks.copy(new long[] { min[0], min[1], min[2] + z }, plane, new int[] { nx, ny, 1 });
				source = plane;
			}
			for (int off = 0; off < planeVoxels; off += chunkVoxels) {
				final int count = Math.min(chunkVoxels, planeVoxels - off);
				buf.clear();
				type.encode(source, off, count, buf);
				out.write(buf.array(), 0, count * type.bytes());
			}
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static PrimitiveBlocks<?> blocks(final RandomAccessibleInterval<? extends RealType<?>> data, final VoxelType type) {
		final Object t = data.getType();
		final RandomAccessibleInterval source;
		if (VoxelType.of(t).orElse(null) == type) source = data;
		else source = RealTypeConverters.convert((RandomAccessibleInterval) data, (RealType) type.newType());
		return PrimitiveBlocks.of((RandomAccessibleInterval<? extends NativeType>) source, PrimitiveBlocks.OnFallback.ACCEPT);
	}

	private static String describe(final long[] factors) {
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < factors.length; i++) sb.append(i == 0 ? "" : " x ").append(factors[i]);
		return sb.toString();
	}
}

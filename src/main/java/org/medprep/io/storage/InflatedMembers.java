package org.medprep.io.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;

import net.imglib2.parallel.Parallelization;

/**
 * The content of a file of MedPrep's gzip members ({@link GzipMembers}), inflated as it is needed: the few
 * bytes a header takes, one member at a time; the voxels ({@link #planes}) member by member on all threads,
 * each member into a buffer of its thread's and from there straight into the planes. So the content is
 * never held whole: a float CT of 315 MB is read with the planes and two buffers of a MiB, not with a
 * second 315 MB of inflated bytes (that copy cost as much fresh memory as the planes, 0.15 s and its peak).
 * Every member inflated is checked against its own trailer; one that fails makes the read fail, naming it.
 */
final class InflatedMembers extends WholeContent {

	private final byte[] gz;
	private final List<GzipMembers.Member> members;
	/** Where each member's content starts, and the content's length last. */
	private final long[] starts;
	private final boolean isal;
	/** The member a stream read inflated last, and its content. */
	private int cached = -1;
	private byte[] cache;

	/**
	 * @param members as {@link GzipMembers#index} found them in {@code gz}; every one but the last must hold
	 *        at least 8 bytes, so that no voxel spans more than two
	 */
	InflatedMembers(final byte[] gz, final List<GzipMembers.Member> members, final boolean isal) {
		this.gz = gz;
		this.members = members;
		this.isal = isal;
		starts = new long[members.size() + 1];
		for (int i = 0; i < members.size(); i++) {
			if (i < members.size() - 1 && members.get(i).size < 8) throw new IllegalArgumentException("member " + i + " holds " + members.get(i).size + " bytes");
			starts[i + 1] = starts[i] + members.get(i).size;
		}
	}

	@Override
	long end() {
		return starts[members.size()];
	}

	@Override
	void copy(final long from, final byte[] to, final int off, final int n) throws IOException {
		long at = from;
		int done = 0;
		while (done < n) {
			final int m = memberOf(at);
			final byte[] content = content(m);
			final int offset = (int) (at - starts[m]);
			final int k = Math.min(n - done, members.get(m).size - offset);
			System.arraycopy(content, offset, to, off + done, k);
			done += k;
			at += k;
		}
	}

	/** Skipped members are inflated and checked too, as a streamed read would. */
	@Override
	void skipped(final long from, final long n) throws IOException {
		if (n == 0) return;
		for (int m = memberOf(from), last = memberOf(from + n - 1); m <= last; m++) content(m);
	}

	/** A member's content for stream reads: the last one is kept, as reads go on where they stopped. */
	private byte[] content(final int m) throws ZipException {
		if (m != cached) {
			final byte[] c = WholeGzip.member(gz, members.get(m), isal);
			if (c == null) throw damaged(m);
			cache = c;
			cached = m;
		}
		return cache;
	}

	private ZipException damaged(final int m) {
		return new ZipException("gzip member " + (m + 1) + " of " + members.size() + " does not inflate to the length and CRC-32 its trailer gives");
	}

	@Override
	Object[] planes(final VoxelType type, final ByteOrder order, final int planeVoxels, final int nz, final Path file) throws IOException {
		final long total = requireVoxelBytes(type, planeVoxels, nz, file);
		final Object[] planes = new Object[nz];
		final List<Integer> zs = new ArrayList<>(nz);
		for (int z = 0; z < nz; z++) zs.add(z);
		// the planes first, on all threads (their fresh memory is most of the read's cost)
		Parallelization.getTaskExecutor().forEach(zs, z -> planes[z] = type.newArray(planeVoxels));
		if (total == 0) return planes;
		final long from = position(), to = from + total;
		final int first = memberOf(from), last = memberOf(to - 1);
		final int size = type.bytes();
		// a voxel that begins in member m and ends in m + 1: its bytes from m, and the first bytes of m + 1
		final byte[][] tails = new byte[members.size()][], heads = new byte[members.size()][];
		final boolean[] failed = new boolean[members.size()];
		final List<Integer> ms = new ArrayList<>(last - first + 1);
		for (int m = first; m <= last; m++) ms.add(m);
		final ThreadLocal<byte[]> buffers = new ThreadLocal<>();
		Parallelization.getTaskExecutor().forEach(ms, m -> {
			final GzipMembers.Member member = members.get(m);
			byte[] buffer = buffers.get();
			if (buffer == null || buffer.length < member.size + 1) buffers.set(buffer = new byte[member.size + 1]);
			if (!WholeGzip.member(gz, member, isal, buffer)) {
				failed[m] = true;
				return;
			}
			final long s = Math.max(from, starts[m]), e = Math.min(to, starts[m + 1]);
			heads[m] = Arrays.copyOf(buffer, Math.min(size, member.size));
			// the voxels whose first byte is in this member and whose last byte is too
			long voxel = ceilDiv(s - from, size);
			final long whole = (e - from) / size;
			while (voxel < whole) {
				final int z = (int) (voxel / planeVoxels), inPlane = (int) (voxel % planeVoxels);
				final int n = (int) Math.min(whole - voxel, planeVoxels - inPlane);
				final int offset = (int) (from + voxel * size - starts[m]);
				type.decode(ByteBuffer.wrap(buffer, offset, n * size).order(order), planes[z], inPlane, n);
				voxel += n;
			}
			// one that begins here and ends in the next member
			if (from + whole * size < e) tails[m] = Arrays.copyOfRange(buffer, (int) (from + whole * size - starts[m]), (int) (e - starts[m]));
		});
		for (int m = first; m <= last; m++)
			if (failed[m]) throw new ImageFormatException(file, "corrupt compressed data: " + damaged(m).getMessage());
		for (int m = first; m < last; m++) {
			if (tails[m] == null) continue;
			final byte[] voxel = Arrays.copyOf(tails[m], size);
			System.arraycopy(heads[m + 1], 0, voxel, tails[m].length, size - tails[m].length);
			final long index = (starts[m + 1] - tails[m].length - from) / size;
			type.decode(ByteBuffer.wrap(voxel).order(order), planes[(int) (index / planeVoxels)], (int) (index % planeVoxels), 1);
		}
		advance(total);
		return planes;
	}

	private static long ceilDiv(final long a, final long b) {
		return (a + b - 1) / b;
	}

	/** The member that holds byte {@code at} of the content (the last one for its end). */
	private int memberOf(final long at) {
		int lo = 0, hi = members.size() - 1;
		while (lo < hi) {
			final int mid = (lo + hi + 1) >>> 1;
			if (starts[mid] <= at) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}
}

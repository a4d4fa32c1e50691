package org.medprep.io.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The fragments of encapsulated Pixel Data (PS3.5 A.4) and which of them make
 * each frame. Built once per file from the item headers alone (values stay in
 * the file until a frame is read); every length is checked against the file.
 * <p>
 * Frames are found, in order of trust: the Extended Offset Table (7FE0,0001);
 * the Basic Offset Table when it has one entry per frame and they point at
 * fragments; one fragment per
 * frame; all fragments for a single frame (a codestream split over fragments
 * without NumberOfFrames, dcm2niix #1017, or an offset table that lists
 * fragments rather than frames, #995); else the fragments that start a
 * codestream (JPEG SOI, JPEG 2000 SOC or JP2 signature).
 */
final class EncapsulatedPixelData {

	private static final int EXTENDED_OFFSET_TABLE = 0x7FE00001;
	private static final int EXTENDED_OFFSET_TABLE_LENGTHS = 0x7FE00002;
	private static final int ITEM = 0xFFFEE000;
	private static final int SEQUENCE_DELIMITER = 0xFFFEE0DD;

	private final String source;
	/** The file holding the fragment values, or null when {@link #values} holds them. */
	private final Path file;
	private final List<byte[]> values;
	private final long[] valueOffsets;
	private final int[] lengths;
	/** Fragment i's values for frame k are fragments frameStart[k] .. frameStart[k + 1] - 1. */
	private final int[] frameStart;

	private EncapsulatedPixelData(final String source, final Path file, final List<byte[]> values, final long[] valueOffsets,
		final int[] lengths, final int[] frameStart)
	{
		this.source = source;
		this.file = file;
		this.values = values;
		this.valueOffsets = valueOffsets;
		this.lengths = lengths;
		this.frameStart = frameStart;
	}

	/** Reads the fragment structure of a file's pixel data and assigns fragments to its {@code frames} frames. */
	static EncapsulatedPixelData of(final DicomFile dicom, final int frames) throws DicomException {
		final String src = dicom.source();
		final DicomElement e = dicom.pixelData().orElseThrow(() -> new DicomException(src + ": has no pixel data"));
		final Fragments f;
		if (e.isEncapsulated()) f = Fragments.inMemory(e.fragments());
		else if (e.valueOffset() >= 0 && !dicom.transferSyntax().isDeflated() && dicom.path().isPresent())
			f = Fragments.scan(src, dicom.path().get(), e.valueOffset());
		else {
			// deflated (offsets are in the inflated stream): parse the whole file with its fragments in memory
			final Path path = dicom.path().orElseThrow(() -> new DicomException(src + ": pixel data was not read"));
			final DicomFile full = DicomParser.read(path, DicomReadOptions.full().withLazyThreshold(Integer.MAX_VALUE));
			final DicomElement px = full.pixelData().orElseThrow(() -> new DicomException(src + ": pixel data vanished on re-reading"));
			if (!px.isEncapsulated()) throw new DicomException(src + ": pixel data is not encapsulated on re-reading");
			f = Fragments.inMemory(px.fragments());
		}
		final long[] eot = longs(dicom.dataset(), EXTENDED_OFFSET_TABLE);
		final long[] eotLengths = longs(dicom.dataset(), EXTENDED_OFFSET_TABLE_LENGTHS);
		final int[] start = assign(src, f, frames, dicom.transferSyntax(), eot, eotLengths);
		return new EncapsulatedPixelData(src, f.file, f.values, f.valueOffsets, f.lengths, start);
	}

	int frames() {
		return frameStart.length - 1;
	}

	int fragments() {
		return lengths.length;
	}

	/** The concatenated fragments of frame {@code k}. */
	byte[] frame(final int k) throws DicomException {
		final int a = frameStart[k];
		final int b = frameStart[k + 1];
		long total = 0;
		for (int i = a; i < b; i++) total += lengths[i];
		if (total > Integer.MAX_VALUE - 8) throw new DicomException(source + ": frame " + (k + 1) + " has " + total + " bytes, too many for one array");
		final byte[] out = new byte[(int) total];
		if (file == null) {
			int pos = 0;
			for (int i = a; i < b; i++) {
				System.arraycopy(values.get(i), 0, out, pos, lengths[i]);
				pos += lengths[i];
			}
			return out;
		}
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			int pos = 0;
			for (int i = a; i < b; i++) {
				final ByteBuffer buf = ByteBuffer.wrap(out, pos, lengths[i]);
				long at = valueOffsets[i];
				while (buf.hasRemaining()) {
					final int r = ch.read(buf, at);
					if (r < 0) throw new DicomException(source + ": file is shorter than when it was scanned (fragment " + (i + 1) + " ends early)");
					at += r;
				}
				pos += lengths[i];
			}
		}
		catch (final IOException ex) {
			throw new DicomException(source + ": cannot read pixel data: " + ex.getMessage(), ex);
		}
		return out;
	}

	private static int[] assign(final String src, final Fragments f, final int frames, final TransferSyntax ts, final long[] eot,
		final long[] eotLengths) throws DicomException
	{
		final int n = f.lengths.length;
		if (n == 0) throw new DicomException(src + ": encapsulated pixel data has no fragments (only the offset table)");
		if (frames > n)
			throw new DicomException(src + ": NumberOfFrames is " + frames + " but the encapsulated pixel data has only " + n + " fragment"
				+ (n == 1 ? "" : "s") + " (each frame needs at least one)");
		if (eot.length > 0) {
			if (eot.length != frames || eotLengths.length != frames)
				throw new DicomException(src + ": Extended Offset Table has " + eot.length + " offsets and " + eotLengths.length
					+ " lengths for " + frames + " frames");
			return byOffsets(src, f, eot, "Extended Offset Table");
		}
		if (f.basicOffsets.length == frames && frames > 1) {
			try {
				return byOffsets(src, f, f.basicOffsets, "Basic Offset Table");
			}
			catch (final DicomException wrongTable) {
				// a Basic Offset Table left stale by an editor: the fragments themselves may still tell the frames apart
			}
		}
		final int[] start = new int[frames + 1];
		start[frames] = n;
		if (n == frames) {
			for (int k = 0; k < frames; k++) start[k] = k;
			return start;
		}
		if (frames == 1) return start; // start[0] = 0: every fragment is part of the one frame
		if (ts.uid().equals("1.2.840.10008.1.2.5"))
			throw new DicomException(src + ": RLE pixel data needs one fragment per frame, found " + n + " fragments for " + frames + " frames");
		int k = 0;
		for (int i = 0; i < n; i++) {
			if (!f.startsCodestream[i]) continue;
			if (k == frames) {
				k++;
				break;
			}
			start[k++] = i;
		}
		if (k != frames || start[0] != 0)
			throw new DicomException(src + ": cannot tell which of the " + n + " fragments make each of the " + frames
				+ " frames (no offset table, and " + (k > frames ? "more" : "fewer") + " codestream starts than frames)");
		return start;
	}

	/** Offsets from the first item after the Basic Offset Table to each frame's first fragment item. */
	private static int[] byOffsets(final String src, final Fragments f, final long[] offsets, final String table) throws DicomException {
		final int n = f.lengths.length;
		final int[] start = new int[offsets.length + 1];
		start[offsets.length] = n;
		int i = 0;
		for (int k = 0; k < offsets.length; k++) {
			while (i < n && f.itemOffsets[i] < offsets[k]) i++;
			if (i == n || f.itemOffsets[i] != offsets[k] || (k > 0 && i <= start[k - 1]) || (k == 0 && i != 0))
				throw new DicomException(src + ": " + table + " offset " + offsets[k] + " of frame " + (k + 1)
					+ " does not point at a fragment item in order");
			start[k] = i;
		}
		return start;
	}

	private static long[] longs(final DicomDataset ds, final int tag) throws DicomException {
		final java.util.Optional<DicomElement> e = ds.find(tag);
		if (!e.isPresent() || e.get().isEncapsulated() || e.get().isSequence()) return new long[0];
		final byte[] b = e.get().bytes();
		final ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		final long[] out = new long[b.length / 8];
		for (int i = 0; i < out.length; i++) out[i] = buf.getLong(8 * i);
		return out;
	}

	/** Item headers of the fragments: where each value is, how long, where its item starts, whether it starts a codestream. */
	private static final class Fragments {
		Path file;
		List<byte[]> values;
		long[] basicOffsets = new long[0];
		long[] valueOffsets;
		int[] lengths;
		long[] itemOffsets;
		boolean[] startsCodestream;

		static Fragments inMemory(final List<byte[]> items) {
			final Fragments f = new Fragments();
			final int n = Math.max(0, items.size() - 1);
			f.values = new ArrayList<>(items.subList(Math.min(1, items.size()), items.size()));
			if (!items.isEmpty()) f.basicOffsets = u32s(items.get(0));
			f.lengths = new int[n];
			f.itemOffsets = new long[n];
			f.startsCodestream = new boolean[n];
			long pos = 0;
			for (int i = 0; i < n; i++) {
				final byte[] v = f.values.get(i);
				f.lengths[i] = v.length;
				f.itemOffsets[i] = pos;
				f.startsCodestream[i] = startsCodestream(v, v.length);
				pos += 8 + v.length;
			}
			return f;
		}

		/** Walks the items from {@code valueOffset} (the first item tag of the pixel data value) to the sequence delimiter. */
		static Fragments scan(final String src, final Path path, final long valueOffset) throws DicomException {
			final Fragments f = new Fragments();
			f.file = path;
			final List<long[]> items = new ArrayList<>();
			final List<Boolean> starts = new ArrayList<>();
			try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
				final long size = ch.size();
				final ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
				long pos = valueOffset;
				boolean first = true;
				long firstItem = -1;
				while (true) {
					if (pos + 8 > size)
						throw new DicomException(src + ": file is truncated inside the encapsulated pixel data (no sequence delimiter at byte " + pos + ")");
					head.clear();
					head.limit((int) Math.min(12, size - pos));
					readFully(ch, head, pos, src);
					final int tag = (head.getShort(0) & 0xFFFF) << 16 | (head.getShort(2) & 0xFFFF);
					final long len = head.getInt(4) & 0xFFFFFFFFL;
					if (tag == SEQUENCE_DELIMITER) break;
					if (tag != ITEM)
						throw new DicomException(src + ": expected a fragment item (FFFE,E000) at byte " + pos + ", found " + Tags.toString(tag));
					if (len > size - pos - 8)
						throw new DicomException(src + ": fragment at byte " + pos + " has length " + len + ", more than the " + (size - pos - 8)
							+ " bytes left in the file");
					if (first) {
						if (len % 4 != 0) throw new DicomException(src + ": Basic Offset Table length " + len + " is not a multiple of 4");
						final ByteBuffer bot = ByteBuffer.allocate((int) len);
						readFully(ch, bot, pos + 8, src);
						f.basicOffsets = u32s(bot.array());
						first = false;
						firstItem = pos + 8 + len;
					}
					else {
						final byte[] b = new byte[Math.max(0, head.limit() - 8)];
						for (int i = 0; i < b.length; i++) b[i] = head.get(8 + i);
						items.add(new long[] { pos + 8, len, pos - firstItem });
						starts.add(startsCodestream(b, (int) Math.min(len, b.length)));
					}
					pos += 8 + len;
				}
			}
			catch (final IOException ex) {
				throw new DicomException(src + ": cannot read pixel data: " + ex.getMessage(), ex);
			}
			final int n = items.size();
			f.valueOffsets = new long[n];
			f.lengths = new int[n];
			f.itemOffsets = new long[n];
			f.startsCodestream = new boolean[n];
			for (int i = 0; i < n; i++) {
				f.valueOffsets[i] = items.get(i)[0];
				if (items.get(i)[1] > Integer.MAX_VALUE - 8) throw new DicomException(src + ": fragment " + (i + 1) + " is too large");
				f.lengths[i] = (int) items.get(i)[1];
				f.itemOffsets[i] = items.get(i)[2];
				f.startsCodestream[i] = starts.get(i);
			}
			return f;
		}

		private static void readFully(final FileChannel ch, final ByteBuffer buf, final long at, final String src) throws IOException, DicomException {
			long pos = at;
			while (buf.hasRemaining()) {
				final int r = ch.read(buf, pos);
				if (r < 0) throw new DicomException(src + ": file ends inside the encapsulated pixel data");
				pos += r;
			}
		}

		private static long[] u32s(final byte[] b) {
			final long[] out = new long[b.length / 4];
			for (int i = 0; i < out.length; i++)
				out[i] = (b[4 * i] & 0xFFL) | (b[4 * i + 1] & 0xFFL) << 8 | (b[4 * i + 2] & 0xFFL) << 16 | (b[4 * i + 3] & 0xFFL) << 24;
			return out;
		}

		/** JPEG / JPEG-LS SOI (FFD8), JPEG 2000 codestream SOC (FF4F) or the JP2 signature box. */
		private static boolean startsCodestream(final byte[] b, final int n) {
			if (n < 2 || (b[0] & 0xFF) != 0xFF) return n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0x0C;
			return (b[1] & 0xFF) == 0xD8 || (b[1] & 0xFF) == 0x4F;
		}
	}
}

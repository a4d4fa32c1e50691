package org.medprep.io.dicom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads DICOM Part 10 files (PS3.10 7.1, PS3.5 7): preamble, "DICM", file meta
 * information in explicit VR little endian, then the data set in implicit VR
 * little endian, explicit VR little or big endian, or deflated explicit VR
 * little endian. Also reads bare data sets without preamble and meta
 * information when they plainly start like DICOM (the first element is in
 * group 0008, or a meta group 0002), guessing the encoding from the first
 * bytes as pydicom does with {@code force=True}.
 * <p>
 * Tolerated, as real files need: UN of undefined length (read as an implicit
 * VR little endian sequence, PS3.5 6.2.2), explicit VR files that switch to
 * implicit VR inside (private) sequences, meta information coded in implicit
 * VR, wrong group lengths, odd value lengths, stray delimiters at the top level.
 * Every length is checked against the file before anything is allocated.
 */
public final class DicomParser {

	/** Deeper nesting than this is taken as a corrupt file (and keeps the recursion bounded). */
	private static final int MAX_DEPTH = 64;

	private final DicomReadOptions options;
	private final String source;
	private final Path path;
	private final List<String> warnings = new ArrayList<>();
	/** True while reading from the file itself (offsets are file offsets and values may stay in the file). */
	private boolean fileBacked;
	/** For the deflated data set of a file: the file offset where the compressed stream starts; else -1. */
	private long deflatedStart = -1;
	/** For a deflated data set: the most bytes its compressed data can inflate to; else -1. */
	private long inflatedBound = -1;

	/** Deflate codes at most about 1032 output bytes per input byte (RFC 1951 length 258 in about 2 bits). */
	private static final long MAX_DEFLATE_RATIO = 1032;

	private DicomParser(final DicomReadOptions options, final String source, final Path path) {
		this.options = options;
		this.source = source;
		this.path = path;
	}

	/** Parses a whole file; values larger than 64 KiB stay in the file until asked for. */
	public static DicomFile read(final Path file) throws DicomException {
		return read(file, DicomReadOptions.full());
	}

	/** Parses up to the pixel data (its header is kept, its value is not read). */
	public static DicomFile readHeader(final Path file) throws DicomException {
		return read(file, DicomReadOptions.headerOnly());
	}

	public static DicomFile read(final Path file, final DicomReadOptions options) throws DicomException {
		final long size;
		try {
			if (Files.isDirectory(file)) throw new DicomException(file + ": is a folder, not a DICOM file");
			size = Files.size(file);
		}
		catch (final NoSuchFileException e) {
			throw new DicomException(file + ": no such file", e);
		}
		catch (final DicomException e) {
			throw e;
		}
		catch (final IOException e) {
			throw new DicomException(file + ": cannot read: " + e.getMessage(), e);
		}
		try (InputStream in = Files.newInputStream(file)) {
			return new DicomParser(options, file.toString(), file).parse(in, size);
		}
		catch (final DicomException e) {
			throw e;
		}
		catch (final IOException e) {
			throw new DicomException(file + ": cannot read: " + e.getMessage(), e);
		}
	}

	/** Parses bytes in memory; {@code name} is used in messages. Nothing is left lazy. */
	public static DicomFile read(final byte[] bytes, final String name, final DicomReadOptions options) throws DicomException {
		return new DicomParser(options, name, null).parse(new ByteArrayInputStream(bytes), bytes.length);
	}

	// ---- file structure ----

	private DicomFile parse(final InputStream raw, final long size) throws DicomException {
		fileBacked = path != null;
		final DicomInput in = new DicomInput(raw, source, 0, size);
		final byte[] head = in.peek(8);
		byte[] preamble = null;
		if (size >= 132) {
			// peek cannot look 132 bytes ahead; read the preamble and the marker, then decide
			final byte[] first = in.read(132, "the preamble");
			if (first[128] == 'D' && first[129] == 'I' && first[130] == 'C' && first[131] == 'M') {
				preamble = new byte[128];
				System.arraycopy(first, 0, preamble, 0, 128);
				return parseAfterMarker(in, preamble, size);
			}
			// no marker: start again from byte 0 on a fresh stream built from what we have
			return parseBare(head, first, in, size);
		}
		return parseBare(head, null, in, size);
	}

	private DicomFile parseBare(final byte[] head, final byte[] consumed, final DicomInput rest, final long size) throws DicomException {
		final Encoding guess = guessBareEncoding(head, size);
		final InputStream again = consumed == null ? new InputStreamAdapter(rest)
			: new SequenceInputStream(new ByteArrayInputStream(consumed), new InputStreamAdapter(rest));
		final DicomInput in = new DicomInput(again, source, 0, size);
		final int group = head[0] & 0xFF | (head[1] & 0xFF) << 8;
		if (group == 0x0002) {
			warnings.add("no preamble and no DICM marker; the file starts with the meta information");
			return parseMetaAndDataset(in, null, size);
		}
		warnings.add("no preamble, no DICM marker and no meta information; encoding guessed as " + guess);
		final TransferSyntax ts = guess == Encoding.IMPLICIT_LITTLE ? TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN
			: guess == Encoding.EXPLICIT_BIG ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
		final DicomDataset meta = new DicomDataset(source, Encoding.EXPLICIT_LITTLE, null);
		final DicomDataset ds = readTopLevel(in, guess);
		return new DicomFile(source, path, null, meta, ts, true, 0, ds, options.stopBeforePixelData(), warnings);
	}

	/**
	 * PS3.10 has no marker without the preamble, so accept only what plainly
	 * looks like DICOM: a first element in group 0002 (meta) or 0008 with a
	 * small element number, and a length that fits the file (pydicom's guess:
	 * bytes 4-5 a VR means explicit VR; a group that reads as &ge; 1024 little
	 * endian means big endian).
	 */
	private Encoding guessBareEncoding(final byte[] h, final long size) throws DicomException {
		if (h.length < 8) throw new NotDicomException(source + ": not a DICOM file (only " + size + " bytes, no DICM marker)");
		final int gLe = (h[0] & 0xFF) | (h[1] & 0xFF) << 8;
		final int eLe = (h[2] & 0xFF) | (h[3] & 0xFF) << 8;
		final int gBe = (h[0] & 0xFF) << 8 | (h[1] & 0xFF);
		final int eBe = (h[2] & 0xFF) << 8 | (h[3] & 0xFF);
		final boolean explicit = isUpper(h[4]) && isUpper(h[5]) && Vr.ofCode((char) h[4], (char) h[5]) != null;
		if (explicit && gLe >= 1024 && (gBe == 0x0008 || gBe == 0x0002) && eBe < 0x0100) return Encoding.EXPLICIT_BIG;
		if ((gLe == 0x0008 || gLe == 0x0002) && eLe < 0x0100) {
			if (explicit) return Encoding.EXPLICIT_LITTLE;
			final long len = (h[4] & 0xFFL) | (h[5] & 0xFFL) << 8 | (h[6] & 0xFFL) << 16 | (h[7] & 0xFFL) << 24;
			if (len <= size - 8) return Encoding.IMPLICIT_LITTLE;
		}
		throw new NotDicomException(source + ": not a DICOM file (no DICM marker at byte 128 and the first bytes are not a DICOM data set)");
	}

	private DicomFile parseAfterMarker(final DicomInput in, final byte[] preamble, final long size) throws DicomException {
		final byte[] g = in.peek(2);
		if (g.length < 2 || ((g[0] & 0xFF) | (g[1] & 0xFF) << 8) != 0x0002)
			warnings.add("DICM marker but no file meta information group");
		return parseMetaAndDataset(in, preamble, size);
	}

	private DicomFile parseMetaAndDataset(final DicomInput in, final byte[] preamble, final long size) throws DicomException {
		// The meta group is always explicit VR little endian (an implicit-coded one is detected per element).
		// Read elements while the group is 0002 rather than trusting (0002,0000), which may be wrong.
		final DicomDataset meta = new DicomDataset(source, Encoding.EXPLICIT_LITTLE, null);
		while (true) {
			final byte[] g = in.peek(2);
			if (g.length < 2 || ((g[0] & 0xFF) | (g[1] & 0xFF) << 8) != 0x0002) break;
			final Object e = readElement(in, Encoding.EXPLICIT_LITTLE, meta.charset(), 0, false);
			if (e instanceof DicomElement) meta.add((DicomElement) e);
		}
		checkMetaGroupLength(meta, in);
		final long datasetOffset = in.position();
		final String tsUid = meta.getString(Tags.TransferSyntaxUID, "");
		TransferSyntax ts;
		boolean guessed = false;
		if (tsUid.isEmpty()) {
			final Encoding guess = guessDatasetEncoding(in);
			ts = guess == Encoding.IMPLICIT_LITTLE ? TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN
				: guess == Encoding.EXPLICIT_BIG ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
			guessed = true;
			warnings.add("no Transfer Syntax UID in the meta information; guessed " + ts.name());
		}
		else {
			ts = TransferSyntax.ofUid(tsUid);
			if (!TransferSyntax.isKnown(tsUid)) warnings.add("unknown transfer syntax " + tsUid + ", read as explicit VR little endian");
		}
		final DicomDataset ds;
		if (ts.isDeflated()) {
			// raw RFC 1951 stream (no zlib header); the extra byte keeps Inflater(nowrap) happy at the end
			final InputStream inflated = new InflaterInputStream(
				new SequenceInputStream(new InputStreamAdapter(in), new ByteArrayInputStream(new byte[1])), new Inflater(true), 1 << 16);
			fileBacked = false;
			if (path != null) deflatedStart = datasetOffset;
			inflatedBound = (size - datasetOffset + 1) * MAX_DEFLATE_RATIO + 64;
			ds = readTopLevel(new DicomInput(inflated, source, 0, -1), ts.encoding());
		}
		else {
			ds = readTopLevel(in, ts.encoding());
		}
		return new DicomFile(source, path, preamble, meta, ts, guessed, datasetOffset, ds, options.stopBeforePixelData(), warnings);
	}

	private void checkMetaGroupLength(final DicomDataset meta, final DicomInput in) throws DicomException {
		final java.util.Optional<DicomElement> gl = meta.find(Tags.FileMetaInformationGroupLength);
		if (!gl.isPresent() || meta.elements().isEmpty()) return;
		final double[] v = gl.get().doubles();
		final DicomElement first = meta.elements().get(0);
		if (v.length == 1 && first.tag() == Tags.FileMetaInformationGroupLength) {
			final long expectedEnd = first.valueOffset() + 4 + (long) v[0];
			if (expectedEnd != in.position())
				warnings.add("File Meta Information Group Length says the meta group ends at byte " + expectedEnd + " but it ends at " + in.position());
		}
	}

	private Encoding guessDatasetEncoding(final DicomInput in) throws DicomException {
		final byte[] h = in.peek(6);
		if (h.length < 6) return Encoding.EXPLICIT_LITTLE;
		final boolean explicit = isUpper(h[4]) && isUpper(h[5]) && Vr.ofCode((char) h[4], (char) h[5]) != null;
		if (!explicit) return Encoding.IMPLICIT_LITTLE;
		final int gLe = (h[0] & 0xFF) | (h[1] & 0xFF) << 8;
		return gLe >= 1024 ? Encoding.EXPLICIT_BIG : Encoding.EXPLICIT_LITTLE;
	}

	// ---- data sets ----

	private DicomDataset readTopLevel(final DicomInput in, final Encoding enc) throws DicomException {
		final DicomDataset ds = new DicomDataset(source, enc, null);
		while (!in.atEnd()) {
			final Object e = readElement(in, enc, ds.charset(), 0, true);
			if (e == STOP) break;
			if (e instanceof DicomElement) {
				ds.add((DicomElement) e);
				if (options.stopBeforePixelData() && Tags.isPixelData(((DicomElement) e).tag())) break;
			}
		}
		return ds;
	}

	/** Markers returned by readElement instead of an element. */
	private static final Object ITEM_END = new Object();
	private static final Object SEQUENCE_END = new Object();
	private static final Object SKIPPED = new Object();
	private static final Object STOP = new Object();

	/**
	 * Reads the elements of one item: up to {@code end} (defined length) or to
	 * the Item Delimitation Item (undefined length, {@code end} = -1).
	 */
	private DicomDataset readItem(final DicomInput in, final Encoding enc, final long end, final Charset cs, final int depth,
		final int seqTag) throws DicomException
	{
		final DicomDataset ds = new DicomDataset(source, enc, cs);
		while (true) {
			if (end >= 0) {
				if (in.position() == end) return ds;
				if (in.position() > end)
					throw new DicomException(source + ": an element in an item of " + DicomDictionary.describe(seqTag)
						+ " runs past the item's end (byte " + end + ")");
			}
			final Object e = readElement(in, enc, ds.charset(), depth, false);
			if (e == ITEM_END) {
				if (end < 0) return ds;
				warnings.add("Item Delimitation Item inside a defined-length item of " + DicomDictionary.describe(seqTag));
				continue;
			}
			if (e == SEQUENCE_END)
				throw new DicomException(source + ": Sequence Delimitation Item inside an item of " + DicomDictionary.describe(seqTag)
					+ " at byte " + (in.position() - 8));
			if (e instanceof DicomElement) ds.add((DicomElement) e);
		}
	}

	private Object readElement(final DicomInput in, final Encoding enc, final Charset cs, final int depth, final boolean topLevel)
		throws DicomException
	{
		final boolean be = enc.isBigEndian();
		final long tagPos = in.position();
		final int group = in.u16(be, "an element tag");
		final int element = in.u16(be, "an element tag");
		final int tag = (group << 16) | element;
		if (group == 0xFFFE) {
			final long len = in.u32(be, "the length of " + Tags.toString(tag));
			if (tag == Tags.ItemDelimitationItem) {
				if (topLevel) {
					warnings.add("stray Item Delimitation Item at byte " + tagPos + " ignored");
					return SKIPPED;
				}
				return ITEM_END;
			}
			if (tag == Tags.SequenceDelimitationItem) {
				if (topLevel) {
					warnings.add("stray Sequence Delimitation Item at byte " + tagPos + " ignored");
					return SKIPPED;
				}
				return SEQUENCE_END;
			}
			throw new DicomException(source + ": unexpected " + Tags.toString(tag) + " (length " + len + ") outside a sequence at byte " + tagPos);
		}
		if (topLevel && options.stopBeforePixelData() && Tags.isPixelData(tag) && depth == 0) {
			// header-only: record where the pixel data is, do not read it
			return readPixelHeader(in, enc, tag);
		}
		// VR and length
		Vr vr;
		String vrCode;
		boolean explicit = false;
		long len;
		if (enc.isExplicitVr() && looksLikeVr(in.peek(2))) {
			final byte[] v = in.read(2, "the VR of " + Tags.toString(tag));
			explicit = true;
			vrCode = new String(v, StandardCharsets.US_ASCII);
			vr = Vr.ofCode((char) v[0], (char) v[1]);
			final boolean longForm = vr == null || vr.hasLongLength(); // PS3.5: every new VR uses the 32-bit length form
			if (vr == null) {
				warnings.add("unknown VR '" + vrCode + "' for " + Tags.toString(tag) + " read with a 32-bit length as UN");
				vr = Vr.UN;
			}
			if (longForm) {
				in.u16(be, "the reserved bytes of " + Tags.toString(tag));
				len = in.u32(be, "the length of " + Tags.toString(tag));
			}
			else {
				len = in.u16(be, "the length of " + Tags.toString(tag));
			}
		}
		else {
			if (enc.isExplicitVr())
				warnings.add(DicomDictionary.describe(tag) + " at byte " + tagPos + " is coded in implicit VR inside an explicit VR data set");
			vr = DicomDictionary.vrOf(tag);
			vrCode = vr.name();
			len = in.u32(be, "the length of " + Tags.toString(tag));
		}
		final long valueOffset = in.position();
		final boolean undefined = len == DicomElement.UNDEFINED_LENGTH;
		final String what = "the value of " + Tags.toString(tag);

		// sequences: SQ; UN of undefined length (always implicit VR LE inside, PS3.5 6.2.2);
		// unknown implicit element of undefined length whose value starts with an item tag
		if (vr == Vr.SQ || (undefined && vr == Vr.UN && !Tags.isPixelData(tag))) {
			if (depth >= MAX_DEPTH) throw new DicomException(source + ": sequences nested more than " + MAX_DEPTH + " deep at byte " + tagPos);
			final Encoding itemEnc = vr == Vr.UN ? Encoding.IMPLICIT_LITTLE : enc;
			if (vr == Vr.UN) {
				final byte[] p = in.peek(4);
				if (!isItemTag(p, itemEnc.isBigEndian()))
					throw new DicomException(source + ": " + DicomDictionary.describe(tag) + " at byte " + tagPos
						+ " has undefined length but its value does not start with an item");
				if (explicit) warnings.add(DicomDictionary.describe(tag) + " is UN of undefined length, read as an implicit VR little endian sequence");
			}
			checkFits(in, undefined ? 0 : len, tag, tagPos);
			final List<DicomDataset> items = readItems(in, itemEnc, undefined ? -1 : len, cs, depth + 1, tag);
			return DicomElement.ofItems(tag, vr, vrCode, explicit, be, len, valueOffset, items);
		}
		if (undefined) {
			if (!vr.allowsUndefinedLength() && explicit)
				throw new DicomException(source + ": " + DicomDictionary.describe(tag) + " (" + vrCode + ") at byte " + tagPos
					+ " has undefined length, which only SQ, UN, OB, OW, OD, OF, OL and OV may have");
			// encapsulated pixel data (or another OB/OW with items)
			if (!isItemTag(in.peek(4), be))
				throw new DicomException(source + ": " + DicomDictionary.describe(tag) + " at byte " + tagPos
					+ " has undefined length but its value does not start with an item");
			return DicomElement.ofFragments(tag, vr, vrCode, explicit, be, valueOffset, readFragments(in, be, tag));
		}
		checkFits(in, len, tag, tagPos);
		if (fileBacked && len > options.lazyThreshold() && !vr.isText()) {
			in.skip(len, what);
			return DicomElement.inFile(tag, vr, vrCode, explicit, be && vr.wordSize() > 1, len, valueOffset, path);
		}
		if (deflatedStart >= 0 && len > options.lazyThreshold()) {
			// a large value of a deflated file (however well it compressed) is inflated past, not kept: read again when asked
			in.skip(len, what);
			return DicomElement.inDeflatedStream(tag, vr, vrCode, explicit, be && vr.wordSize() > 1, len, valueOffset, path, deflatedStart);
		}
		final byte[] value = in.read(len, what);
		return DicomElement.ofBytes(tag, vr, vrCode, explicit, be && vr.wordSize() > 1, valueOffset, value);
	}

	private Object readPixelHeader(final DicomInput in, final Encoding enc, final int tag) throws DicomException {
		final boolean be = enc.isBigEndian();
		Vr vr;
		String vrCode;
		boolean explicit = false;
		long len;
		if (enc.isExplicitVr() && looksLikeVr(in.peek(2))) {
			final byte[] v = in.read(2, "the VR of the pixel data");
			explicit = true;
			vrCode = new String(v, StandardCharsets.US_ASCII);
			vr = Vr.ofCode((char) v[0], (char) v[1]);
			if (vr == null) vr = Vr.UN;
			if (vr.hasLongLength()) {
				in.u16(be, "the reserved bytes of the pixel data");
				len = in.u32(be, "the length of the pixel data");
			}
			else len = in.u16(be, "the length of the pixel data");
		}
		else {
			vr = tag == Tags.PixelData ? Vr.OW : DicomDictionary.vrOf(tag);
			vrCode = vr.name();
			len = in.u32(be, "the length of the pixel data");
		}
		final long valueOffset = in.position();
		if (len != DicomElement.UNDEFINED_LENGTH) checkFits(in, len, tag, valueOffset);
		if (fileBacked && len != DicomElement.UNDEFINED_LENGTH)
			return DicomElement.inFile(tag, vr, vrCode, explicit, be && vr.wordSize() > 1, len, valueOffset, path);
		if (deflatedStart >= 0 && len != DicomElement.UNDEFINED_LENGTH)
			return DicomElement.inDeflatedStream(tag, vr, vrCode, explicit, be && vr.wordSize() > 1, len, valueOffset, path, deflatedStart);
		return DicomElement.unread(tag, vr, vrCode, explicit, be && vr.wordSize() > 1, len, valueOffset);
	}

	private void checkFits(final DicomInput in, final long len, final int tag, final long tagPos) throws DicomException {
		if (inflatedBound >= 0 && in.position() + len > inflatedBound)
			throw new DicomException(source + ": length " + len + " of " + DicomDictionary.describe(tag) + " (element at byte " + tagPos
				+ " of the inflated data set) is more than the file's compressed data can hold (truncated or corrupt file)");
		if (len > in.remaining())
			throw new DicomException(source + ": length " + len + " of " + DicomDictionary.describe(tag) + " (element at byte " + tagPos
				+ ") exceeds the file: only " + in.remaining() + " bytes are left (truncated or corrupt file)");
	}

	private List<DicomDataset> readItems(final DicomInput in, final Encoding enc, final long len, final Charset cs, final int depth,
		final int seqTag) throws DicomException
	{
		final boolean be = enc.isBigEndian();
		final long end = len < 0 ? -1 : in.position() + len;
		final List<DicomDataset> items = new ArrayList<>();
		while (true) {
			if (end >= 0) {
				if (in.position() == end) break;
				if (in.position() > end)
					throw new DicomException(source + ": items of " + DicomDictionary.describe(seqTag) + " run past the sequence's end (byte " + end + ")");
			}
			final long pos = in.position();
			final int group = in.u16(be, "an item tag of " + DicomDictionary.describe(seqTag));
			final int element = in.u16(be, "an item tag of " + DicomDictionary.describe(seqTag));
			final int tag = (group << 16) | element;
			final long itemLen = in.u32(be, "an item length of " + DicomDictionary.describe(seqTag));
			if (tag == Tags.SequenceDelimitationItem) {
				if (end >= 0) warnings.add("Sequence Delimitation Item inside the defined-length sequence " + DicomDictionary.describe(seqTag));
				break;
			}
			if (tag != Tags.Item)
				throw new DicomException(source + ": expected an item (FFFE,E000) in " + DicomDictionary.describe(seqTag) + " at byte " + pos
					+ ", found " + Tags.toString(tag));
			final boolean undefinedItem = itemLen == DicomElement.UNDEFINED_LENGTH;
			if (!undefinedItem) checkFits(in, itemLen, seqTag, pos);
			final DicomDataset item = readItem(in, enc, undefinedItem ? -1 : in.position() + itemLen, cs, depth, seqTag);
			item.setItemLength(itemLen);
			items.add(item);
		}
		return items;
	}

	private List<byte[]> readFragments(final DicomInput in, final boolean be, final int tag) throws DicomException {
		final List<byte[]> fragments = new ArrayList<>();
		while (true) {
			final long pos = in.position();
			final int t = in.u16(be, "a fragment tag of " + DicomDictionary.describe(tag)) << 16
				| in.u16(be, "a fragment tag of " + DicomDictionary.describe(tag));
			final long len = in.u32(be, "a fragment length of " + DicomDictionary.describe(tag));
			if (t == Tags.SequenceDelimitationItem) return fragments;
			if (t != Tags.Item)
				throw new DicomException(source + ": expected a fragment item (FFFE,E000) in " + DicomDictionary.describe(tag) + " at byte " + pos
					+ ", found " + Tags.toString(t));
			if (len == DicomElement.UNDEFINED_LENGTH)
				throw new DicomException(source + ": fragment of " + DicomDictionary.describe(tag) + " at byte " + pos + " has undefined length");
			checkFits(in, len, tag, pos);
			fragments.add(in.read(len, "a fragment of " + DicomDictionary.describe(tag)));
		}
	}

	private static boolean isItemTag(final byte[] p, final boolean be) {
		if (p.length < 4) return false;
		return be ? (p[0] & 0xFF) == 0xFF && (p[1] & 0xFF) == 0xFE && (p[2] & 0xFF) == 0xE0 && p[3] == 0
			: (p[0] & 0xFF) == 0xFE && (p[1] & 0xFF) == 0xFF && p[2] == 0 && (p[3] & 0xFF) == 0xE0;
	}

	private static boolean looksLikeVr(final byte[] b) {
		return b.length == 2 && isUpper(b[0]) && isUpper(b[1]);
	}

	private static boolean isUpper(final byte b) {
		return b >= 'A' && b <= 'Z';
	}

	/** Lets a DicomInput continue as a plain InputStream (for inflating, or restarting a bare file). */
	private static final class InputStreamAdapter extends InputStream {
		private final DicomInput in;

		InputStreamAdapter(final DicomInput in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			if (in.atEnd()) return -1;
			return in.read(1, "data")[0] & 0xFF;
		}

		@Override
		public int read(final byte[] b, final int off, final int len) throws IOException {
			if (len == 0) return 0;
			return in.readSome(b, off, len);
		}
	}
}

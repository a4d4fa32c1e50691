package org.medprep.io.dicom.label;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.medprep.io.dicom.DicomDataset;
import org.medprep.io.dicom.DicomElement;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomFile;
import org.medprep.io.dicom.Tags;

/**
 * A DICOM Segmentation (PS3.3 A.51, C.8.20): its segments, and per frame the
 * segment it belongs to and where the frame lies in the patient. BINARY
 * segmentations store one bit per pixel (Bits Allocated 1, packed across
 * frames, least significant bit first), FRACTIONAL ones one byte per pixel
 * scaled to Maximum Fractional Value. Frames are read from the file on demand.
 */
public final class Segmentation {

	/** BINARY or FRACTIONAL (PROBABILITY or OCCUPANCY). */
	public enum Type { BINARY, FRACTIONAL }

	/** One segment: number, label, display colour ("#RRGGBB" or ""). */
	public static final class Segment {
		private final int number;
		private final String label;
		private final String color;

		Segment(final int number, final String label, final String color) {
			this.number = number;
			this.label = label;
			this.color = color;
		}

		public int number() { return number; }
		public String label() { return label; }
		public String color() { return color; }
	}

	/** One frame: its segment, the position of its first pixel, its row and column directions and pixel spacing (row, column). */
	public static final class Frame {
		final int segment;
		final double[] position;
		final double[] orientation;
		final double[] spacing;

		Frame(final int segment, final double[] position, final double[] orientation, final double[] spacing) {
			this.segment = segment;
			this.position = position;
			this.orientation = orientation;
			this.spacing = spacing;
		}

		public int segment() { return segment; }
		public double[] position() { return position.clone(); }
	}

	private final DicomFile file;
	private final Type type;
	private final int rows;
	private final int columns;
	private final int maxFractional;
	private final List<Segment> segments;
	private final List<Frame> frames;
	private final Set<String> referencedSeries;
	private final String frameOfReference;

	private Segmentation(final DicomFile file, final Type type, final int rows, final int columns, final int maxFractional,
		final List<Segment> segments, final List<Frame> frames, final Set<String> referencedSeries, final String frameOfReference)
	{
		this.file = file;
		this.type = type;
		this.rows = rows;
		this.columns = columns;
		this.maxFractional = maxFractional;
		this.segments = Collections.unmodifiableList(segments);
		this.frames = Collections.unmodifiableList(frames);
		this.referencedSeries = Collections.unmodifiableSet(referencedSeries);
		this.frameOfReference = frameOfReference;
	}

	public String source() { return file.source(); }
	public Type type() { return type; }
	public int rows() { return rows; }
	public int columns() { return columns; }
	/** Maximum Fractional Value (FRACTIONAL), 1 for BINARY. */
	public int maxFractional() { return maxFractional; }
	public List<Segment> segments() { return segments; }
	public List<Frame> frames() { return frames; }
	/** Series Instance UIDs of the Referenced Series Sequence (0008,1115): the images segmented. */
	public Set<String> referencedSeries() { return referencedSeries; }
	public String frameOfReferenceUid() { return frameOfReference; }

	/**
	 * Reads a segmentation from a full parse (pixel data may stay in the file).
	 *
	 * @throws DicomException naming the file: not a SEG, an unsupported type or
	 *           encoding, missing frame geometry, or pixel data shorter than the frames
	 */
	public static Segmentation read(final DicomFile file) throws DicomException {
		final DicomDataset ds = file.dataset();
		final String src = file.source();
		final String sop = ds.getString(Tags.SOPClassUID, "");
		if (!LabelTags.SEG_SOP_CLASS.equals(sop) && !"SEG".equals(ds.getString(Tags.Modality, "")))
			throw new DicomException(src + ": not a DICOM Segmentation (SOP class " + sop + ")");
		final String t = ds.getString(LabelTags.SegmentationType, "").toUpperCase(Locale.ROOT);
		final Type type;
		if ("BINARY".equals(t)) type = Type.BINARY;
		else if ("FRACTIONAL".equals(t)) type = Type.FRACTIONAL;
		else throw new DicomException(src + ": SegmentationType '" + t + "' is not supported (BINARY or FRACTIONAL)");
		final int rows = ds.requireInt(Tags.Rows);
		final int cols = ds.requireInt(Tags.Columns);
		if (rows < 1 || cols < 1 || (long) rows * cols > Integer.MAX_VALUE / 8)
			throw new DicomException(src + ": frame size " + cols + "x" + rows + " is not usable");
		final int bits = ds.getInt(Tags.BitsAllocated, -1);
		if (type == Type.BINARY && bits != 1)
			throw new DicomException(src + ": a BINARY segmentation must have BitsAllocated 1, got " + bits);
		if (type == Type.FRACTIONAL && bits != 8)
			throw new DicomException(src + ": a FRACTIONAL segmentation must have BitsAllocated 8, got " + bits);
		final int max = type == Type.BINARY ? 1 : ds.getInt(LabelTags.MaximumFractionalValue, 255);
		if (max < 1 || max > 255) throw new DicomException(src + ": MaximumFractionalValue " + max + " is not between 1 and 255");
		if (file.transferSyntax().isEncapsulated())
			throw new DicomException(src + ": the segmentation's frames are compressed (" + file.transferSyntax().name()
				+ "), which MedPrep does not decode here; decompress it first, e.g. gdcmconv --raw IN OUT (GDCM)");
		final List<Segment> segments = new ArrayList<>();
		final Set<Integer> numbers = new LinkedHashSet<>();
		for (final DicomDataset s : ds.getItems(LabelTags.SegmentSequence)) {
			final int n = s.requireInt(LabelTags.SegmentNumber);
			if (!numbers.add(n)) throw new DicomException(src + ": Segment Number " + n + " is used twice");
			segments.add(new Segment(n, s.getString(LabelTags.SegmentLabel, "segment " + n), cielabColor(s.getDoubles(LabelTags.RecommendedDisplayCIELabValue))));
		}
		if (segments.isEmpty()) throw new DicomException(src + ": the Segment Sequence (0062,0002) is missing or empty");
		final int n = ds.getInt(Tags.NumberOfFrames, 1);
		final List<DicomDataset> perFrame = ds.getItems(Tags.PerFrameFunctionalGroupsSequence);
		if (n < 1 || perFrame.size() != n)
			throw new DicomException(src + ": NumberOfFrames is " + n + " but the Per-frame Functional Groups Sequence has " + perFrame.size() + " items");
		final List<DicomDataset> sharedItems = ds.getItems(Tags.SharedFunctionalGroupsSequence);
		final DicomDataset shared = sharedItems.isEmpty() ? null : sharedItems.get(0);
		final List<Frame> frames = new ArrayList<>(n);
		for (int f = 0; f < n; f++) {
			final DicomDataset pf = perFrame.get(f);
			final String which = src + ": frame " + (f + 1);
			final DicomDataset seg = group(pf, shared, LabelTags.SegmentIdentificationSequence, LabelTags.ReferencedSegmentNumber, which);
			final int number = seg.requireInt(LabelTags.ReferencedSegmentNumber);
			if (!numbers.contains(number)) throw new DicomException(which + " refers to segment " + number + ", which the Segment Sequence does not list");
			final double[] ipp = group(pf, shared, Tags.PlanePositionSequence, Tags.ImagePositionPatient, which).requireDoubles(Tags.ImagePositionPatient, 3);
			final double[] iop = group(pf, shared, Tags.PlaneOrientationSequence, Tags.ImageOrientationPatient, which)
				.requireDoubles(Tags.ImageOrientationPatient, 6);
			final double[] ps = group(pf, shared, Tags.PixelMeasuresSequence, Tags.PixelSpacing, which).requireDoubles(Tags.PixelSpacing, 2);
			if (!(ps[0] > 0) || !(ps[1] > 0)) throw new DicomException(which + ": PixelSpacing must be positive, got " + ps[0] + "\\" + ps[1]);
			frames.add(new Frame(number, ipp, iop, ps));
		}
		final DicomElement pixels = file.pixelData().orElseThrow(() -> new DicomException(src + ": segmentation without pixel data"));
		final long need = type == Type.BINARY ? ((long) rows * cols * n + 7) / 8 : (long) rows * cols * n;
		if (pixels.isEncapsulated() || pixels.hasUndefinedLength())
			throw new DicomException(src + ": the segmentation's pixel data are encapsulated; decompress it first, e.g. gdcmconv --raw IN OUT (GDCM)");
		if (pixels.length() < need)
			throw new DicomException(src + ": pixel data has " + pixels.length() + " bytes but " + n + " frames of " + cols + "x" + rows + " need " + need);
		final Set<String> series = new LinkedHashSet<>();
		for (final DicomDataset s : ds.getItems(LabelTags.ReferencedSeriesSequence)) {
			final String uid = s.getString(LabelTags.SeriesInstanceUID, "");
			if (!uid.isEmpty()) series.add(uid);
		}
		return new Segmentation(file, type, rows, cols, max, segments, frames, series, ds.getString(LabelTags.FrameOfReferenceUID, ""));
	}

	/** The item of the per-frame group (else the shared one) that holds {@code tag}. */
	private static DicomDataset group(final DicomDataset perFrame, final DicomDataset shared, final int seq, final int tag, final String which)
		throws DicomException
	{
		for (final DicomDataset g : new DicomDataset[] { perFrame, shared }) {
			if (g == null) continue;
			for (final DicomDataset item : g.getItems(seq))
				if (item.contains(tag)) return item;
		}
		throw new DicomException(which + " has no " + org.medprep.io.dicom.DicomDictionary.describe(tag) + " in its functional groups");
	}

	/**
	 * The values of frame {@code f}, row by row, as 0/1 (BINARY) or 0 to
	 * Maximum Fractional Value (FRACTIONAL).
	 */
	public int[] frameValues(final int f) throws DicomException {
		final int n = rows * columns;
		final DicomElement pixels = file.pixelData().get();
		final long firstBit = type == Type.BINARY ? (long) f * n : (long) f * n * 8;
		final long start = firstBit / 8;
		final int length = (int) (type == Type.BINARY ? (firstBit % 8 + n + 7) / 8 : n);
		final byte[] b = slice(pixels, start, length);
		final int[] v = new int[n];
		if (type == Type.BINARY) {
			final int offset = (int) (firstBit % 8);
			for (int i = 0; i < n; i++) {
				final int bit = offset + i;
				v[i] = (b[bit >>> 3] >>> (bit & 7)) & 1;
			}
		}
		else for (int i = 0; i < n; i++) v[i] = b[i] & 0xFF;
		return v;
	}

	private byte[] slice(final DicomElement pixels, final long start, final int length) throws DicomException {
		if (pixels.isInFile()) {
			final ByteBuffer buf = ByteBuffer.allocate(length);
			try (FileChannel ch = FileChannel.open(pixels.file(), StandardOpenOption.READ)) {
				long pos = pixels.valueOffset() + start;
				while (buf.hasRemaining()) {
					final int r = ch.read(buf, pos);
					if (r < 0) throw new DicomException(source() + ": file is shorter than when it was read (segmentation frames end early)");
					pos += r;
				}
			}
			catch (final IOException e) {
				if (e instanceof DicomException) throw (DicomException) e;
				throw new DicomException(source() + ": cannot read the segmentation frames: " + org.medprep.io.UserMessages.oneLine(e), e);
			}
			return buf.array();
		}
		final byte[] all = pixels.bytes();
		final byte[] out = new byte[length];
		System.arraycopy(all, (int) start, out, 0, length);
		return out;
	}

	/**
	 * "#RRGGBB" of a Recommended Display CIELab Value (PS3.3 C.10.7.1.1: L* 0-100,
	 * a* and b* -128 to 127, each scaled to 0-65535), through XYZ (D65) to sRGB.
	 */
	static String cielabColor(final double[] lab) {
		if (lab.length != 3) return "";
		final double l = lab[0] / 65535.0 * 100;
		final double a = lab[1] / 65535.0 * 255 - 128;
		final double bb = lab[2] / 65535.0 * 255 - 128;
		final double fy = (l + 16) / 116;
		final double fx = fy + a / 500;
		final double fz = fy - bb / 200;
		final double x = 0.95047 * labInverse(fx);
		final double y = labInverse(fy);
		final double z = 1.08883 * labInverse(fz);
		final double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
		final double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
		final double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
		return String.format(Locale.ROOT, "#%02X%02X%02X", srgb(r), srgb(g), srgb(b));
	}

	private static double labInverse(final double t) {
		return t > 6.0 / 29 ? t * t * t : 3 * (6.0 / 29) * (6.0 / 29) * (t - 4.0 / 29);
	}

	private static int srgb(final double linear) {
		final double c = Math.max(0, Math.min(1, linear));
		final double v = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
		return (int) Math.round(v * 255);
	}
}

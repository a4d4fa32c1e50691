package org.medprep.io.dicom.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;

/**
 * The label map being painted: one plane per slice of the reference grid,
 * unsigned 8-bit for up to 255 labels, else unsigned 16-bit. A label painted
 * later replaces an earlier one on the voxels they share.
 */
final class LabelCanvas {

	/** Most labels a map holds (unsigned 16-bit). */
	static final int MAX_LABELS = 65535;

	private final int width;
	private final int height;
	private final int depth;
	private final PlanarImg<UnsignedByteType, ByteArray> bytes;
	private final PlanarImg<UnsignedShortType, ShortArray> shorts;

	LabelCanvas(final long[] dims, final int labels) {
		if (labels > MAX_LABELS) throw new IllegalArgumentException(labels + " labels do not fit a 16-bit label map (at most " + MAX_LABELS + ")");
		if (dims[0] * dims[1] > Integer.MAX_VALUE || dims[2] > Integer.MAX_VALUE)
			throw new IllegalArgumentException("grid " + dims[0] + "x" + dims[1] + "x" + dims[2] + " is too large for a label map");
		this.width = (int) dims[0];
		this.height = (int) dims[1];
		this.depth = (int) dims[2];
		this.bytes = labels <= 255 ? PlanarImgs.unsignedBytes(dims) : null;
		this.shorts = labels <= 255 ? null : PlanarImgs.unsignedShorts(dims);
	}

	int width() { return width; }
	int height() { return height; }
	int depth() { return depth; }

	/** Sets {@code label} where {@code mask[y * width + x]} is true on slice {@code z}. */
	void paint(final int z, final boolean[] mask, final int label) {
		if (bytes != null) {
			final byte[] p = bytes.getPlane(z).getCurrentStorageArray();
			for (int i = 0; i < p.length; i++)
				if (mask[i]) p[i] = (byte) label;
		}
		else {
			final short[] p = shorts.getPlane(z).getCurrentStorageArray();
			for (int i = 0; i < p.length; i++)
				if (mask[i]) p[i] = (short) label;
		}
	}

	/** Voxels per label value (index = label). */
	long[] counts(final int labels) {
		final long[] n = new long[labels + 1];
		for (int z = 0; z < depth; z++) {
			if (bytes != null) for (final byte b : bytes.getPlane(z).getCurrentStorageArray()) n[b & 0xFF]++;
			else for (final short s : shorts.getPlane(z).getCurrentStorageArray()) n[s & 0xFFFF]++;
		}
		return n;
	}

	/** The map as a Volume on the grid, with the entries' voxel counts filled in. */
	DicomLabelMap finish(final Geometry grid, final Map<String, String> metadata, final List<LabelEntry> entries, final List<String> warnings,
		final Set<String> referencedSeries)
	{
		final long[] counts = counts(entries.size());
		final List<LabelEntry> counted = new ArrayList<>();
		for (final LabelEntry e : entries) counted.add(e.withVoxels(counts[e.label()]));
		final Volume<?> v = bytes != null ? Volume.of(bytes, grid, metadata) : Volume.of(shorts, grid, metadata);
		return new DicomLabelMap(v, counted, warnings, referencedSeries);
	}
}

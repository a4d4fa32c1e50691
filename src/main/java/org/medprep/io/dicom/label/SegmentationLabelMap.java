package org.medprep.io.dicom.label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.io.dicom.DicomException;

/**
 * Puts a {@link Segmentation} on the grid of the image it segments.
 * <ul>
 * <li>Each frame is matched to the grid slice its plane lies in (its normal
 * parallel to the grid's, its position within a quarter slice of the slice
 * plane), and every voxel of that slice takes the frame pixel nearest to its
 * centre, so a frame on the image's own grid maps pixel for pixel and one on a
 * different in-plane grid is resampled by nearest neighbour.</li>
 * <li>FRACTIONAL segments are thresholded at half the Maximum Fractional
 * Value (a voxel belongs when its value is at least half of it).</li>
 * <li>One label per segment, 1..N in the order of the Segment Sequence; a
 * later segment paints over an earlier one where they overlap.</li>
 * <li>Frames off the grid are left out and counted in the warnings.</li>
 * </ul>
 */
public final class SegmentationLabelMap {

	/** Frames whose normal is further than this from the grid's (|cos| below) are not slices of the grid. */
	private static final double PARALLEL_COSINE = 0.9999;

	private SegmentationLabelMap() {}

	/**
	 * @throws DicomException if the frames cannot be read from the file
	 * @throws IllegalArgumentException for more segments than a 16-bit map holds
	 */
	public static DicomLabelMap of(final Segmentation seg, final Geometry grid, final long[] dims) throws DicomException {
		final List<Segmentation.Segment> segments = seg.segments();
		final LabelCanvas canvas = new LabelCanvas(dims, segments.size());
		final int w = canvas.width(), h = canvas.height(), d = canvas.depth();
		final Map<Integer, Integer> labelOf = new HashMap<>();
		final List<LabelEntry> entries = new ArrayList<>();
		for (int s = 0; s < segments.size(); s++) {
			labelOf.put(segments.get(s).number(), s + 1);
			entries.add(new LabelEntry(s + 1, segments.get(s).label(), segments.get(s).number(), segments.get(s).color(), 0));
		}
		// frames by label, then slice: painted in label order so later segments win
		final Map<Integer, Map<Integer, List<Integer>>> byLabel = new TreeMap<>();
		final double[] normal = gridNormal(grid);
		int offGrid = 0, outside = 0;
		final List<Segmentation.Frame> frames = seg.frames();
		for (int f = 0; f < frames.size(); f++) {
			final Segmentation.Frame fr = frames.get(f);
			final double[] n = cross(fr.orientation);
			if (!(Math.abs(dot(n, normal)) >= PARALLEL_COSINE)) { // also for degenerate (NaN) orientations
				offGrid++;
				continue;
			}
			final double k = grid.physicalToIndex(fr.position)[2];
			final long slice = Math.round(k);
			if (Math.abs(k - slice) > RtStructLabelMap.PLANE_TOLERANCE_SLICES) {
				offGrid++;
				continue;
			}
			if (slice < 0 || slice >= d) {
				outside++;
				continue;
			}
			byLabel.computeIfAbsent(labelOf.get(fr.segment), x -> new TreeMap<>()).computeIfAbsent((int) slice, x -> new ArrayList<>()).add(f);
		}
		final boolean[] mask = new boolean[w * h];
		final int threshold = seg.type() == Segmentation.Type.BINARY ? 1 : (seg.maxFractional() + 1) / 2;
		for (final Map.Entry<Integer, Map<Integer, List<Integer>>> byL : byLabel.entrySet()) {
			for (final Map.Entry<Integer, List<Integer>> bySlice : byL.getValue().entrySet()) {
				Arrays.fill(mask, false);
				for (final int f : bySlice.getValue()) sample(seg, f, frames.get(f), grid, bySlice.getKey(), w, h, threshold, mask);
				canvas.paint(bySlice.getKey(), mask, byL.getKey());
			}
		}
		final List<String> warnings = new ArrayList<>();
		if (offGrid > 0) warnings.add(offGrid + " frames do not lie in a slice plane of the image and were left out");
		if (outside > 0) warnings.add(outside + " frames lie outside the image's slices and were left out");
		for (final LabelEntry e : entries)
			if (!byLabel.containsKey(e.label())) warnings.add("segment '" + e.name() + "' (" + e.number() + ") has no frame on the image");
		final Map<String, String> meta = new LinkedHashMap<>();
		meta.put(Volume.MODALITY, "SEG");
		return canvas.finish(grid, meta, entries, warnings, seg.referencedSeries());
	}

	/** Marks the voxels of slice {@code z} whose nearest frame pixel is at least {@code threshold}. */
	private static void sample(final Segmentation seg, final int f, final Segmentation.Frame fr, final Geometry grid, final int z, final int w,
		final int h, final int threshold, final boolean[] mask) throws DicomException
	{
		final int[] v = seg.frameValues(f);
		final double[] row = unit(fr.orientation, 0);
		final double[] col = unit(fr.orientation, 3);
		final int cols = seg.columns(), rows = seg.rows();
		// grid (i, j) to frame (column u, row r) is affine: u = u0 + i du/di + j du/dj, likewise r
		final double[] p0 = grid.indexToPhysical(new double[] { 0, 0, z });
		final double[] pi = grid.indexToPhysical(new double[] { 1, 0, z });
		final double[] pj = grid.indexToPhysical(new double[] { 0, 1, z });
		final double u0 = frameCoordinate(p0, fr.position, row, fr.spacing[1]);
		final double r0 = frameCoordinate(p0, fr.position, col, fr.spacing[0]);
		final double ui = frameCoordinate(pi, fr.position, row, fr.spacing[1]) - u0;
		final double ri = frameCoordinate(pi, fr.position, col, fr.spacing[0]) - r0;
		final double uj = frameCoordinate(pj, fr.position, row, fr.spacing[1]) - u0;
		final double rj = frameCoordinate(pj, fr.position, col, fr.spacing[0]) - r0;
		for (int j = 0; j < h; j++) {
			for (int i = 0; i < w; i++) {
				final long u = Math.round(u0 + i * ui + j * uj);
				final long r = Math.round(r0 + i * ri + j * rj);
				if (u < 0 || u >= cols || r < 0 || r >= rows) continue;
				if (v[(int) r * cols + (int) u] >= threshold) mask[j * w + i] = true;
			}
		}
	}

	/** Distance of {@code p} from the frame's first pixel along {@code axis}, in pixels of {@code spacing}. */
	private static double frameCoordinate(final double[] p, final double[] position, final double[] axis, final double spacing) {
		return ((p[0] - position[0]) * axis[0] + (p[1] - position[1]) * axis[1] + (p[2] - position[2]) * axis[2]) / spacing;
	}

	private static double[] gridNormal(final Geometry g) {
		return new double[] { g.direction(0, 2), g.direction(1, 2), g.direction(2, 2) };
	}

	private static double[] unit(final double[] iop, final int from) {
		final double l = Math.sqrt(iop[from] * iop[from] + iop[from + 1] * iop[from + 1] + iop[from + 2] * iop[from + 2]);
		return new double[] { iop[from] / l, iop[from + 1] / l, iop[from + 2] / l };
	}

	private static double[] cross(final double[] iop) {
		final double[] a = unit(iop, 0), b = unit(iop, 3);
		final double[] n = { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0] };
		final double l = Math.sqrt(dot(n, n));
		return l > 0 ? new double[] { n[0] / l, n[1] / l, n[2] / l } : n;
	}

	private static double dot(final double[] a, final double[] b) {
		return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
	}
}

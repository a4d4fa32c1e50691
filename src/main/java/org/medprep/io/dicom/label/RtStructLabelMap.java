package org.medprep.io.dicom.label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.contour.PolygonFill;

/**
 * Rasterises an {@link RtStruct} on the grid of the image it annotates.
 * <ul>
 * <li>Each closed planar contour is taken into the grid's voxel coordinates
 * (patient LPS to index through the grid's geometry, so oblique grids work)
 * and filled on its slice: a voxel belongs to it when its centre is inside
 * the polygon or on its boundary ({@link PolygonFill}, the rule of
 * scikit-image's {@code draw.polygon}).</li>
 * <li>Holes by the even-odd rule: the contours of one ROI on one slice are
 * combined by exclusive or, so a contour inside another (the usual way an
 * RTSTRUCT codes a hole, PS3.3 C.8.8.6.3) cuts it out, whatever the order or
 * orientation of the contours; two overlapping outer contours of one ROI
 * therefore also cancel where they overlap.</li>
 * <li>One label per ROI, 1..N in the order of the Structure Set ROI Sequence;
 * a later ROI paints over an earlier one where they overlap (so organs listed
 * after the body outline keep their voxels). The voxels each ROI ends up with
 * are in the label table.</li>
 * <li>A contour whose points do not lie in one slice plane of the grid (a
 * quarter of a slice off), or lie outside the grid's slices, is left out and
 * counted in the warnings; so are open contours and points, which enclose
 * nothing.</li>
 * </ul>
 */
public final class RtStructLabelMap {

	/** Largest distance (in slices) of a contour point from the contour's slice plane. */
	static final double PLANE_TOLERANCE_SLICES = 0.25;

	private RtStructLabelMap() {}

	/**
	 * @param grid the geometry of the reference image
	 * @param dims its size (columns, rows, slices)
	 * @throws IllegalArgumentException for more ROIs than a 16-bit map holds
	 */
	public static DicomLabelMap of(final RtStruct rs, final Geometry grid, final long[] dims) {
		final List<RtStruct.Roi> rois = rs.rois();
		final LabelCanvas canvas = new LabelCanvas(dims, rois.size());
		final int w = canvas.width(), h = canvas.height(), d = canvas.depth();
		final List<String> warnings = new ArrayList<>(rs.warnings());
		final List<LabelEntry> entries = new ArrayList<>();
		final boolean[] mask = new boolean[w * h];
		for (int r = 0; r < rois.size(); r++) {
			final RtStruct.Roi roi = rois.get(r);
			final int label = r + 1;
			entries.add(new LabelEntry(label, roi.name(), roi.number(), roi.color(), 0));
			// the roi's closed contours, by slice
			final Map<Integer, List<double[][]>> bySlice = new LinkedHashMap<>();
			int open = 0, offPlane = 0, outside = 0;
			for (final RtStruct.Contour c : roi.contours()) {
				if (!"CLOSED_PLANAR".equals(c.type())) {
					open++;
					continue;
				}
				final double[][] xy = toIndex(c.pointsShared(), grid);
				if (xy == null) {
					offPlane++;
					continue;
				}
				final int z = (int) xy[2][0];
				if (z < 0 || z >= d) {
					outside++;
					continue;
				}
				bySlice.computeIfAbsent(z, k -> new ArrayList<>()).add(xy);
			}
			for (final Map.Entry<Integer, List<double[][]>> e : bySlice.entrySet()) {
				Arrays.fill(mask, false);
				for (final double[][] xy : e.getValue()) PolygonFill.toggle(xy[0], xy[1], xy[0].length, mask, w, h);
				canvas.paint(e.getKey(), mask, label);
			}
			final String what = "ROI '" + roi.name() + "' (" + roi.number() + ")";
			if (roi.contours().isEmpty()) warnings.add(what + " has no contours");
			if (open > 0) warnings.add(what + ": " + open + " open or point contours enclose nothing and were left out");
			if (offPlane > 0) warnings.add(what + ": " + offPlane + " contours do not lie in a slice plane of the image and were left out");
			if (outside > 0) warnings.add(what + ": " + outside + " contours lie outside the image's slices and were left out");
		}
		final Map<String, String> meta = new LinkedHashMap<>();
		meta.put(Volume.MODALITY, "RTSTRUCT");
		final DicomLabelMap map = canvas.finish(grid, meta, entries, warnings, rs.referencedSeries());
		final List<String> all = new ArrayList<>(map.warnings());
		for (final LabelEntry e : map.labels())
			if (e.voxels() == 0 && rois.get(e.label() - 1).contours().stream().anyMatch(c -> "CLOSED_PLANAR".equals(c.type())))
				all.add("ROI '" + e.name() + "' (" + e.number() + ") covers no voxel of the image");
		return all.size() == map.warnings().size() ? map : new DicomLabelMap(map.volume(), map.labels(), all, rs.referencedSeries());
	}

	/**
	 * The contour in voxel coordinates: {x[], y[], {slice}}, or null when its
	 * points are not on one slice plane.
	 */
	static double[][] toIndex(final double[] p, final Geometry grid) {
		final int n = p.length / 3;
		final double[] x = new double[n];
		final double[] y = new double[n];
		final double[] z = new double[n];
		final double[] point = new double[3];
		double sum = 0;
		for (int i = 0; i < n; i++) {
			point[0] = p[3 * i];
			point[1] = p[3 * i + 1];
			point[2] = p[3 * i + 2];
			final double[] idx = grid.physicalToIndex(point);
			x[i] = idx[0];
			y[i] = idx[1];
			z[i] = idx[2];
			sum += idx[2];
		}
		final long slice = Math.round(sum / n);
		for (int i = 0; i < n; i++)
			if (Math.abs(z[i] - slice) > PLANE_TOLERANCE_SLICES) return null;
		if (slice < Integer.MIN_VALUE || slice > Integer.MAX_VALUE) return new double[][] { x, y, { -1 } };
		return new double[][] { x, y, { slice } };
	}
}

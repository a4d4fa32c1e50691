package org.medprep.io.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The volumes of a series whose positions repeat: time points of a dynamic or
 * functional series, b-values and directions of a diffusion series. Each
 * position along the slice normal must occur the same number of times V; the
 * frames at each position are ordered by Temporal Position Identifier (or
 * Index), then Acquisition Number, then Instance Number, and the v-th frame of
 * every position goes to volume v, so the series becomes V volumes of one
 * grid: one 4D NIfTI, as dcm2niix writes them. A series whose positions occur
 * once is one volume. The same image twice (equal SOP Instance UIDs) is an
 * error, not a second volume.
 */
public final class SeriesVolumes {

	/** Positions closer than this along the normal (mm) are the same slice (as SeriesLayout). */
	private static final double SAME_POSITION_MM = 1e-3;

	/** What distinguishes the volumes, for sidecars and messages. */
	public enum Kind { SINGLE, TEMPORAL, DIFFUSION, REPEATED }

	private final List<DicomSeries> volumes;
	private final Kind kind;
	private final double[] bValues;

	private SeriesVolumes(final List<DicomSeries> volumes, final Kind kind, final double[] bValues) {
		this.volumes = Collections.unmodifiableList(volumes);
		this.kind = kind;
		this.bValues = bValues;
	}

	/** The series, one volume each (one for a 3D series). */
	public List<DicomSeries> volumes() { return volumes; }
	public Kind kind() { return kind; }
	/** Diffusion b-values (s/mm²) per volume, for {@link Kind#DIFFUSION}; empty otherwise. */
	public double[] bValues() { return bValues.clone(); }

	/**
	 * @throws DicomException naming the series when positions repeat unevenly
	 *           (missing or extra files) or the same image occurs twice
	 */
	public static SeriesVolumes of(final DicomSeries series) throws DicomException {
		final List<DicomFrame> frames = series.frames();
		final double[] normal;
		try {
			normal = SlicePlane.normal(frames.get(0).imageOrientationPatient());
		}
		catch (final IllegalArgumentException e) {
			throw new DicomException(frames.get(0) + ": " + e.getMessage(), e);
		}
		final Map<DicomFrame, FrameKeys> keys = new HashMap<>();
		for (final DicomFrame f : frames) keys.put(f, FrameKeys.of(f));
		final List<DicomFrame> sorted = new ArrayList<>(frames);
		sorted.sort(Comparator.comparingDouble((DicomFrame f) -> SeriesLayout.dot(normal, f.imagePositionPatient())));
		final List<List<DicomFrame>> byPosition = new ArrayList<>();
		double last = Double.NaN;
		for (final DicomFrame f : sorted) {
			final double d = SeriesLayout.dot(normal, f.imagePositionPatient());
			if (byPosition.isEmpty() || d - last >= SAME_POSITION_MM) byPosition.add(new ArrayList<>());
			byPosition.get(byPosition.size() - 1).add(f);
			last = d;
		}
		final int v = byPosition.get(0).size();
		if (v == 1 && byPosition.stream().allMatch(p -> p.size() == 1))
			return new SeriesVolumes(Collections.singletonList(series), Kind.SINGLE, new double[0]);
		for (final List<DicomFrame> p : byPosition) {
			checkNoDuplicate(series, p, keys);
			if (p.size() != v) throw uneven(series, byPosition);
		}
		final Comparator<DicomFrame> order = Comparator.comparingDouble((DicomFrame f) -> nanLast(keys.get(f).temporalPosition))
			.thenComparingDouble(f -> nanLast(keys.get(f).acquisitionNumber)).thenComparingInt(f -> keys.get(f).instanceNumber)
			.thenComparing(DicomFrame::source).thenComparingInt(DicomFrame::frameIndex);
		final List<List<DicomFrame>> volumeFrames = new ArrayList<>();
		for (int k = 0; k < v; k++) volumeFrames.add(new ArrayList<>());
		for (final List<DicomFrame> p : byPosition) {
			p.sort(order);
			for (int k = 0; k < v; k++) volumeFrames.get(k).add(p.get(k));
		}
		final List<DicomSeries> volumes = new ArrayList<>();
		for (final List<DicomFrame> f : volumeFrames) volumes.add(new DicomSeries(series.uid(), f, series.part()));
		final double[] b = new double[v];
		boolean diffusion = true, temporal = true;
		for (int k = 0; k < v; k++) {
			final FrameKeys first = keys.get(volumeFrames.get(k).get(0));
			b[k] = first.bValue;
			diffusion &= !Double.isNaN(first.bValue);
			temporal &= !Double.isNaN(first.temporalPosition);
		}
		final Kind kind = diffusion ? Kind.DIFFUSION : temporal ? Kind.TEMPORAL : Kind.REPEATED;
		return new SeriesVolumes(volumes, kind, diffusion ? b : new double[0]);
	}

	private static double nanLast(final double v) {
		return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
	}

	private static void checkNoDuplicate(final DicomSeries series, final List<DicomFrame> atPosition, final Map<DicomFrame, FrameKeys> keys)
		throws DicomException
	{
		final Map<String, DicomFrame> seen = new HashMap<>();
		for (final DicomFrame f : atPosition) {
			final String id = keys.get(f).sopInstanceUid + "#" + f.frameIndex();
			final DicomFrame other = seen.put(id, f);
			if (other != null && !keys.get(f).sopInstanceUid.isEmpty())
				throw new DicomException("series " + series.uid() + " has two frames at the same position: " + other + " and " + f
					+ " are the same image (SOP Instance UID " + keys.get(f).sopInstanceUid + "); remove the copy");
		}
	}

	private static DicomException uneven(final DicomSeries series, final List<List<DicomFrame>> byPosition) {
		final int[] counts = byPosition.stream().mapToInt(List::size).toArray();
		final int[] sortedCounts = counts.clone();
		Arrays.sort(sortedCounts);
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < byPosition.size(); i++)
			if (counts[i] != sortedCounts[sortedCounts.length - 1]) {
				sb.append(sb.length() == 0 ? "" : ", ").append(byPosition.get(i).get(0));
				if (sb.length() > 200) break;
			}
		return new DicomException("series " + series.uid() + " has two frames at the same position in some places but not in others: positions"
			+ " occur " + sortedCounts[0] + " to " + sortedCounts[sortedCounts.length - 1] + " times (fewer at " + sb
			+ "); a 4D series with missing or extra files cannot be stacked");
	}
}

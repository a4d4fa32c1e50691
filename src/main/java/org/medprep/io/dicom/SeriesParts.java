package org.medprep.io.dicom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits the frames of one Series Instance UID into the series a converter
 * writes as separate files, as dcm2niix does:
 * <ul>
 * <li>images without geometry ({@link DicomFrame#defaultGeometry()}) are one
 * part each ("i" + instance number): nothing says how they would stack;</li>
 * <li>several echoes (Echo Numbers, else Echo Time or Effective Echo Time)
 * are one part per echo ("e1", "e2", ... by echo number, else by rising echo
 * time), as dcm2niix's _e1, _e2 files.</li>
 * </ul>
 * Repeated positions within a part (time points, b-values) stay together:
 * they are the volumes of one 4D series ({@link SeriesVolumes}).
 */
public final class SeriesParts {

	private SeriesParts() {}

	public static List<DicomSeries> of(final String uid, final List<DicomFrame> frames) throws DicomException {
		final List<DicomFrame> located = new ArrayList<>();
		final List<DicomSeries> parts = new ArrayList<>();
		for (final DicomFrame f : frames) {
			if (f.defaultGeometry().isEmpty()) located.add(f);
			else parts.add(new DicomSeries(uid, Collections.singletonList(f), "i" + f.instanceNumber()));
		}
		if (!parts.isEmpty() && located.isEmpty() && parts.size() == 1)
			return Collections.singletonList(new DicomSeries(uid, frames, "")); // one image without geometry: the whole series
		if (located.isEmpty()) return parts;
		// by echo number, else echo time; frames without either share one key (NaN sorts last)
		final Map<Double, List<DicomFrame>> byEcho = new TreeMap<>();
		boolean numbered = true;
		final List<FrameKeys> keys = new ArrayList<>();
		for (final DicomFrame f : located) {
			final FrameKeys k = FrameKeys.of(f);
			keys.add(k);
			numbered &= !Double.isNaN(k.echoNumber);
		}
		for (int i = 0; i < located.size(); i++) {
			final FrameKeys k = keys.get(i);
			final double key = numbered ? k.echoNumber : k.echoTime;
			byEcho.computeIfAbsent(key, x -> new ArrayList<>()).add(located.get(i));
		}
		if (byEcho.size() <= 1) parts.add(0, new DicomSeries(uid, located, ""));
		else {
			int rank = 0;
			final List<DicomSeries> echoes = new ArrayList<>();
			for (final Map.Entry<Double, List<DicomFrame>> e : byEcho.entrySet()) {
				rank++;
				final double n = e.getKey();
				final String label = numbered ? "e" + (n == Math.rint(n) ? Long.toString(Math.round(n)) : SeriesLayout.fmt(n)) : "e" + rank;
				echoes.add(new DicomSeries(uid, e.getValue(), label));
			}
			parts.addAll(0, echoes);
		}
		return parts;
	}
}

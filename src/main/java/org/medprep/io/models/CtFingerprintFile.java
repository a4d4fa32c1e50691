package org.medprep.io.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medprep.core.normalize.CtFingerprint;

/** A {@link CtFingerprint} as its JSON file ({@value CtFingerprint#FORMAT}, version {@value CtFingerprint#VERSION}). */
public final class CtFingerprintFile {

	private static final String[] STATS = { "mean", "std", "min", "max", "median", "percentile_00_5", "percentile_99_5" };

	private CtFingerprintFile() {}

	/** Writes the file atomically, creating its folder. */
	public static void write(final CtFingerprint fp, final Path file) throws IOException {
		final double[] stats = { fp.mean(), fp.std(), fp.min(), fp.max(), fp.median(), fp.percentile005(), fp.percentile995() };
		final Map<String, Object> intensities = new LinkedHashMap<>();
		for (int i = 0; i < STATS.length; i++) intensities.put(STATS[i], stats[i]);
		final Map<String, Object> doc = ModelJson.document(CtFingerprint.FORMAT, CtFingerprint.VERSION);
		doc.put("cases", fp.cases());
		doc.put("samples_per_case", fp.samplesPerCase());
		doc.put("seed", fp.seed());
		doc.put("foreground_intensity_properties", intensities);
		doc.put("spacings", Arrays.asList(fp.spacings()));
		doc.put("shapes_after_crop", Arrays.asList(fp.shapesAfterCrop()));
		doc.put("median_spacing", fp.medianSpacing());
		doc.put("target_spacing", fp.targetSpacing());
		ModelJson.write(doc, file);
	}

	/** @throws ModelFileException if the file is missing, not JSON, not a fingerprint, or inconsistent */
	public static CtFingerprint read(final Path file) throws ModelFileException {
		final Map<String, Object> map = ModelJson.read(file, CtFingerprint.FORMAT, CtFingerprint.VERSION);
		final double cases = ModelJson.number(map, "cases", file);
		final double perCase = ModelJson.number(map, "samples_per_case", file);
		final double seed = ModelJson.number(map, "seed", file);
		final Map<String, Object> in = ModelJson.object(map, "foreground_intensity_properties", file);
		final double[] stats = new double[STATS.length];
		for (int i = 0; i < STATS.length; i++) stats[i] = ModelJson.number(in, STATS[i], file);
		final List<?> sp = ModelJson.list(map, "spacings", file), sh = ModelJson.list(map, "shapes_after_crop", file);
		if (cases < 1 || cases != Math.rint(cases)) throw new ModelFileException("malformed " + file + ": \"cases\" must be a positive integer, got " + cases);
		final double[][] spacings = new double[sp.size()][], shapes = new double[sh.size()][];
		for (int c = 0; c < spacings.length; c++) spacings[c] = ModelJson.numbers(sp.get(c), "spacings", file);
		for (int c = 0; c < shapes.length; c++) shapes[c] = ModelJson.numbers(sh.get(c), "shapes_after_crop", file);
		try {
			return CtFingerprint.of((int) cases, (long) perCase, (long) seed, stats, spacings, shapes);
		}
		catch (final IllegalArgumentException e) {
			throw new ModelFileException("malformed " + file + ": " + e.getMessage(), e);
		}
	}
}

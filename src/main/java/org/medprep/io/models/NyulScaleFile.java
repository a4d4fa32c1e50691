package org.medprep.io.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.medprep.core.normalize.NyulStandardScale;

/** A {@link NyulStandardScale} as its JSON file ({@value NyulStandardScale#FORMAT}, version {@value NyulStandardScale#VERSION}). */
public final class NyulScaleFile {

	private NyulScaleFile() {}

	/** Writes the file atomically, creating its folder. */
	public static void write(final NyulStandardScale scale, final Path file) throws IOException {
		final Map<String, Object> doc = ModelJson.document(NyulStandardScale.FORMAT, NyulStandardScale.VERSION);
		doc.put("percentiles", scale.percentiles());
		doc.put("standard_scale", scale.scale());
		doc.put("output_min", scale.outputMin());
		doc.put("output_max", scale.outputMax());
		doc.put("training_images", scale.trainingImages());
		ModelJson.write(doc, file);
	}

	/** @throws ModelFileException if the file is missing, not JSON, not a standard scale, or inconsistent */
	public static NyulStandardScale read(final Path file) throws ModelFileException {
		final Map<String, Object> map = ModelJson.read(file, NyulStandardScale.FORMAT, NyulStandardScale.VERSION);
		final double[] p = ModelJson.numbers(map, "percentiles", file);
		final double[] s = ModelJson.numbers(map, "standard_scale", file);
		final double lo = ModelJson.number(map, "output_min", file);
		final double hi = ModelJson.number(map, "output_max", file);
		final long n = ModelJson.integer(map, "training_images", file);
		try {
			return new NyulStandardScale(p, s, lo, hi, (int) n);
		}
		catch (final IllegalArgumentException e) {
			throw new ModelFileException("malformed " + file + ": " + e.getMessage(), e);
		}
	}
}

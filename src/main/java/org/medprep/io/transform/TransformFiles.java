package org.medprep.io.transform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;

/**
 * Transform files by name and content: {@code .tfm} is ITK's format,
 * {@code .txt} elastix's TransformParameters (on reading, the content decides,
 * so an ITK {@code .txt} is read as ITK).
 */
public final class TransformFiles {

	private TransformFiles() {}

	/** Whether MedPrep writes this name as elastix parameters (.txt) rather than ITK (.tfm). */
	public static boolean isElastix(final Path file) {
		return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
	}

	/**
	 * @param fixedGrid the grid the transform resamples onto (elastix files record it)
	 * @throws IllegalArgumentException if the name ends neither in .tfm nor in .txt
	 */
	public static void write(final Path file, final PhysicalAffine transform, final double[] centre, final Grid fixedGrid) throws IOException {
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".tfm")) ItkTransformFile.write(file, transform, centre);
		else if (name.endsWith(".txt")) ElastixTransformParameters.write(file, transform, centre, fixedGrid);
		else throw new IllegalArgumentException("transform file " + file + " must end in .tfm (ITK) or .txt (elastix TransformParameters)");
	}

	/** @throws TransformFileException if the file is neither an ITK transform nor elastix parameters, or is malformed */
	public static StoredTransform read(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new TransformFileException(file, "no such file");
		if (Files.size(file) > 16 << 20) throw new TransformFileException(file, "too large for a transform file (" + Files.size(file) + " bytes)");
		final String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		if (ItkTransformFile.looksLike(text)) return ItkTransformFile.parse(text, file);
		if (ElastixTransformParameters.looksLike(text)) return ElastixTransformParameters.read(file);
		throw new TransformFileException(file, "is neither an ITK transform file (.tfm) nor elastix TransformParameters");
	}
}

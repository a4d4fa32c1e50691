package org.medprep.io.transform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.medprep.core.spatial.PhysicalAffine;
import org.medprep.io.storage.AtomicFiles;

/**
 * ITK's text transform files ({@code .tfm}, also {@code .txt}), as ITK,
 * SimpleITK, ANTs, 3D Slicer and elastix's own tools read them. A transform in
 * them maps points of the fixed image to the moving image, in LPS
 * millimetres; the parameters of the matrix types are the matrix row by row
 * and a translation, the fixed parameters the centre:
 * {@code T(x) = A (x - c) + c + t}.
 * <p>
 * MedPrep writes an {@code AffineTransform_double_3_3} (any rigid, similarity
 * or affine result is exactly one) and reads the single 3D transforms ITK
 * writes: AffineTransform, MatrixOffsetTransformBase, Euler3DTransform (both
 * rotation orders), VersorRigid3DTransform, Similarity3DTransform,
 * TranslationTransform and IdentityTransform, in double or float.
 */
public final class ItkTransformFile {

	public static final String HEADER = "#Insight Transform File V1.0";

	private ItkTransformFile() {}

	/** The file's text for {@code transform} (fixed mm to moving mm) written about {@code centre}. */
	public static String format(final PhysicalAffine transform, final double[] centre) {
		final double[][] m = transform.matrix();
		final double[] t = CentredAffine.translation(transform, centre);
		final StringBuilder sb = new StringBuilder(HEADER).append("\n#Transform 0\nTransform: AffineTransform_double_3_3\nParameters:");
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++) sb.append(' ').append(number(m[r][c]));
		for (final double v : t) sb.append(' ').append(number(v));
		sb.append("\nFixedParameters:");
		for (final double v : centre) sb.append(' ').append(number(v));
		return sb.append('\n').toString();
	}

	/** Writes atomically (never a half-written file). */
	public static void write(final Path file, final PhysicalAffine transform, final double[] centre) throws IOException {
		final byte[] bytes = format(transform, centre).getBytes(StandardCharsets.US_ASCII);
		AtomicFiles.write(file, out -> out.write(bytes));
	}

	/** @throws TransformFileException naming the file and the problem */
	public static StoredTransform read(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new TransformFileException(file, "no such file");
		if (Files.size(file) > 1 << 20) throw new TransformFileException(file, "too large for a transform file (" + Files.size(file) + " bytes)");
		return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file);
	}

	/** Whether the text looks like an ITK transform file. */
	static boolean looksLike(final String text) {
		return text.startsWith("#Insight Transform File") || text.contains("\nTransform:") || text.startsWith("Transform:");
	}

	/** Reads the text of a transform file kept elsewhere (an image property); {@code source} names it in messages. */
	public static StoredTransform parse(final String text, final String source) throws TransformFileException {
		return parse(text, Path.of(source.replace('/', '_')));
	}

	static StoredTransform parse(final String text, final Path file) throws TransformFileException {
		final List<String> types = new ArrayList<>();
		String parameters = null, fixed = null;
		for (final String raw : text.split("\r?\n")) {
			final String line = raw.trim();
			if (line.isEmpty() || line.startsWith("#")) continue;
			final int colon = line.indexOf(':');
			if (colon < 0) throw new TransformFileException(file, "not an ITK transform file (line '" + line + "')");
			final String key = line.substring(0, colon).trim(), value = line.substring(colon + 1).trim();
			if (key.equals("Transform")) types.add(value);
			else if (key.equals("Parameters")) parameters = value;
			else if (key.equals("FixedParameters")) fixed = value;
		}
		if (types.isEmpty()) throw new TransformFileException(file, "not an ITK transform file (no 'Transform:' line)");
		if (types.size() > 1 || types.get(0).startsWith("CompositeTransform"))
			throw new TransformFileException(file, "holds a composite of " + types.size() + " transforms; MedPrep reads files with one affine transform");
		final String type = types.get(0);
		final String name = type.replaceAll("_(double|float)_3_3$", "").replaceAll("_(double|float)_3$", "");
		if (name.equals(type)) throw new TransformFileException(file, "transform '" + type + "' is not a 3D transform of double or float");
		final double[] p = numbers(file, "Parameters", parameters), c = numbers(file, "FixedParameters", fixed);
		switch (name) {
			case "AffineTransform":
			case "MatrixOffsetTransformBase":
				need(file, type, "Parameters", p, 12);
				need(file, type, "FixedParameters", c, 3);
				return new StoredTransform(CentredAffine.of(new double[][] { { p[0], p[1], p[2] }, { p[3], p[4], p[5] }, { p[6], p[7], p[8] } }, c,
					new double[] { p[9], p[10], p[11] }), c, null);
			case "Euler3DTransform": {
				need(file, type, "Parameters", p, 6);
				if (c.length != 3 && c.length != 4) throw new TransformFileException(file, type + " needs 3 or 4 FixedParameters, got " + c.length);
				final double[] centre = { c[0], c[1], c[2] };
				return new StoredTransform(CentredAffine.of(CentredAffine.euler(p[0], p[1], p[2], c.length == 4 && c[3] != 0), centre,
					new double[] { p[3], p[4], p[5] }), centre, null);
			}
			case "VersorRigid3DTransform":
				need(file, type, "Parameters", p, 6);
				need(file, type, "FixedParameters", c, 3);
				return new StoredTransform(CentredAffine.of(CentredAffine.versor(p[0], p[1], p[2], 1), c, new double[] { p[3], p[4], p[5] }), c, null);
			case "Similarity3DTransform":
				need(file, type, "Parameters", p, 7);
				need(file, type, "FixedParameters", c, 3);
				return new StoredTransform(CentredAffine.of(CentredAffine.versor(p[0], p[1], p[2], p[6]), c, new double[] { p[3], p[4], p[5] }), c, null);
			case "TranslationTransform":
				need(file, type, "Parameters", p, 3);
				return new StoredTransform(PhysicalAffine.translation(p), new double[3], null);
			case "IdentityTransform":
				return new StoredTransform(PhysicalAffine.identity(), new double[3], null);
			default:
				throw new TransformFileException(file, "transform '" + type + "' is not supported (AffineTransform, MatrixOffsetTransformBase, "
					+ "Euler3DTransform, VersorRigid3DTransform, Similarity3DTransform, TranslationTransform, IdentityTransform)");
		}
	}

	private static double[] numbers(final Path file, final String key, final String text) throws TransformFileException {
		if (text == null || text.isEmpty()) return new double[0];
		final String[] t = text.split("\\s+");
		final double[] v = new double[t.length];
		for (int i = 0; i < t.length; i++) {
			try {
				v[i] = Double.parseDouble(t[i]);
			}
			catch (final NumberFormatException e) {
				throw new TransformFileException(file, key + " value '" + t[i] + "' is not a number");
			}
			if (!Double.isFinite(v[i])) throw new TransformFileException(file, key + " value '" + t[i] + "' is not finite");
		}
		return v;
	}

	private static void need(final Path file, final String type, final String key, final double[] v, final int n) throws TransformFileException {
		if (v.length != n) throw new TransformFileException(file, type + " needs " + n + " " + key + ", got " + v.length);
	}

	static String number(final double v) {
		if (v == 0) return "0";
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.17g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
	}
}

package org.medprep.io.transform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medprep.core.Geometry;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;
import org.medprep.io.storage.AtomicFiles;

/**
 * elastix's transform parameter files ({@code TransformParameters.0.txt}), as
 * elastix writes and transformix reads them: {@code (Name value ...)} lines,
 * with the fixed image's grid (Size, Index, Spacing, Origin, Direction with the
 * axes' unit vectors one after the other) and the transform from fixed to
 * moving patient coordinates (LPS mm), {@code T(x) = A (x - c) + c + t} with
 * {@code c} the CenterOfRotationPoint.
 * <p>
 * MedPrep writes an AffineTransform that transformix applies as it is, and
 * reads AffineTransform, EulerTransform, SimilarityTransform and
 * TranslationTransform, following InitialTransformParametersFileName chains
 * (Compose or Add).
 */
public final class ElastixTransformParameters {

	private static final int MAX_CHAIN = 16;

	private ElastixTransformParameters() {}

	/** The file's text: {@code transform} (fixed mm to moving mm) about {@code centre}, for images on {@code fixedGrid}. */
	public static String format(final PhysicalAffine transform, final double[] centre, final Grid fixedGrid) {
		final double[][] m = transform.matrix();
		final double[] t = CentredAffine.translation(transform, centre);
		final Geometry g = fixedGrid.geometry();
		final StringBuilder sb = new StringBuilder();
		sb.append("(Transform \"AffineTransform\")\n(NumberOfParameters 12)\n(TransformParameters");
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++) sb.append(' ').append(ItkTransformFile.number(m[r][c]));
		for (final double v : t) sb.append(' ').append(ItkTransformFile.number(v));
		sb.append(")\n(InitialTransformParametersFileName \"NoInitialTransform\")\n(UseBinaryFormatForTransformationParameters \"false\")\n");
		sb.append("(HowToCombineTransforms \"Compose\")\n\n// Image specific\n(FixedImageDimension 3)\n(MovingImageDimension 3)\n");
		sb.append("(FixedInternalImagePixelType \"float\")\n(MovingInternalImagePixelType \"float\")\n");
		sb.append("(Size ").append(fixedGrid.size(0)).append(' ').append(fixedGrid.size(1)).append(' ').append(fixedGrid.size(2)).append(")\n");
		sb.append("(Index 0 0 0)\n(Spacing");
		for (int d = 0; d < 3; d++) sb.append(' ').append(ItkTransformFile.number(g.spacing(d)));
		sb.append(")\n(Origin");
		for (int d = 0; d < 3; d++) sb.append(' ').append(ItkTransformFile.number(g.origin(d)));
		sb.append(")\n(Direction");
		for (int c = 0; c < 3; c++)
			for (int r = 0; r < 3; r++) sb.append(' ').append(ItkTransformFile.number(g.direction(r, c)));
		sb.append(")\n(UseDirectionCosines \"true\")\n\n// AdvancedAffineTransform specific\n(CenterOfRotationPoint");
		for (final double v : centre) sb.append(' ').append(ItkTransformFile.number(v));
		sb.append(")\n\n// ResampleInterpolator specific\n(ResampleInterpolator \"FinalBSplineInterpolator\")\n(FinalBSplineInterpolationOrder 3)\n\n");
		sb.append("// Resampler specific\n(Resampler \"DefaultResampler\")\n(DefaultPixelValue 0)\n(ResultImageFormat \"nii\")\n");
		sb.append("(ResultImagePixelType \"float\")\n(CompressResultImage \"false\")\n");
		return sb.toString();
	}

	/** Writes atomically (never a half-written file). */
	public static void write(final Path file, final PhysicalAffine transform, final double[] centre, final Grid fixedGrid) throws IOException {
		final byte[] bytes = format(transform, centre, fixedGrid).getBytes(StandardCharsets.US_ASCII);
		AtomicFiles.write(file, out -> out.write(bytes));
	}

	/** @throws TransformFileException naming the file and the problem */
	public static StoredTransform read(final Path file) throws IOException {
		return read(file, 0);
	}

	/** Whether the text looks like an elastix parameter file. */
	static boolean looksLike(final String text) {
		return text.contains("(Transform ");
	}

	private static StoredTransform read(final Path file, final int depth) throws IOException {
		if (depth > MAX_CHAIN) throw new TransformFileException(file, "more than " + MAX_CHAIN + " initial transforms chained (a loop?)");
		if (!Files.isRegularFile(file)) throw new TransformFileException(file, "no such file");
		if (Files.size(file) > 16 << 20) throw new TransformFileException(file, "too large for a transform parameter file (" + Files.size(file) + " bytes)");
		final Map<String, List<String>> p = parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file);
		final StoredTransform own = transform(p, file);
		final String initial = text(p, "InitialTransformParametersFileName", "NoInitialTransform");
		if (initial.equals("NoInitialTransform")) return own;
		final Path parent = file.toAbsolutePath().getParent();
		Path initialFile = Path.of(initial);
		if (!initialFile.isAbsolute() && parent != null && !Files.isRegularFile(initialFile)) initialFile = parent.resolve(initial);
		final StoredTransform first = read(initialFile, depth + 1);
		final String how = text(p, "HowToCombineTransforms", "Compose");
		final PhysicalAffine combined;
		if (how.equals("Compose")) combined = own.transform().after(first.transform());
		else if (how.equals("Add")) {
			// x + (T1(x) - x) + (T2(x) - x)
			final double[][] a = own.transform().matrix(), b = first.transform().matrix();
			final double[][] m = new double[3][4];
			for (int r = 0; r < 3; r++)
				for (int c = 0; c < 4; c++) m[r][c] = a[r][c] + b[r][c] - (r == c ? 1 : 0);
			combined = PhysicalAffine.of(m);
		}
		else throw new TransformFileException(file, "HowToCombineTransforms \"" + how + "\" is not Compose or Add");
		return new StoredTransform(combined, own.centre(), own.fixedGrid());
	}

	private static StoredTransform transform(final Map<String, List<String>> p, final Path file) throws TransformFileException {
		final String type = text(p, "Transform", null);
		if (type == null) throw new TransformFileException(file, "not an elastix transform parameter file (no (Transform ...))");
		if (text(p, "UseDirectionCosines", "true").equals("false"))
			throw new TransformFileException(file, "was made with UseDirectionCosines \"false\": its transform is not in patient coordinates");
		final double[] dims = numbers(p, "FixedImageDimension", file, false);
		if (dims.length > 0 && dims[0] != 3) throw new TransformFileException(file, "is for " + (int) dims[0] + "D images, not 3D");
		final double[] v = numbers(p, "TransformParameters", file, true);
		final double[] c = numbers(p, "CenterOfRotationPoint", file, false);
		final double[] centre = c.length == 3 ? c : new double[3];
		final Grid grid = grid(p, file);
		switch (type) {
			case "AffineTransform":
				need(file, type, v, 12);
				return new StoredTransform(CentredAffine.of(new double[][] { { v[0], v[1], v[2] }, { v[3], v[4], v[5] }, { v[6], v[7], v[8] } }, centre,
					new double[] { v[9], v[10], v[11] }), centre, grid);
			case "EulerTransform":
				need(file, type, v, 6);
				return new StoredTransform(CentredAffine.of(CentredAffine.euler(v[0], v[1], v[2], text(p, "ComputeZYX", "false").equals("true")), centre,
					new double[] { v[3], v[4], v[5] }), centre, grid);
			case "SimilarityTransform":
				need(file, type, v, 7);
				return new StoredTransform(CentredAffine.of(CentredAffine.versor(v[0], v[1], v[2], v[6]), centre, new double[] { v[3], v[4], v[5] }), centre,
					grid);
			case "TranslationTransform":
				need(file, type, v, 3);
				return new StoredTransform(PhysicalAffine.translation(v), centre, grid);
			default:
				throw new TransformFileException(file, "transform \"" + type + "\" is not supported (AffineTransform, EulerTransform, SimilarityTransform, "
					+ "TranslationTransform)");
		}
	}

	/** The fixed grid, or null when the file does not give Size, Spacing and Origin. */
	private static Grid grid(final Map<String, List<String>> p, final Path file) throws TransformFileException {
		final double[] size = numbers(p, "Size", file, false), spacing = numbers(p, "Spacing", file, false), origin = numbers(p, "Origin", file, false);
		if (size.length != 3 || spacing.length != 3 || origin.length != 3) return null;
		final double[] dir = numbers(p, "Direction", file, false);
		final double[] index = numbers(p, "Index", file, false);
		final double[][] direction = new double[3][3];
		for (int col = 0; col < 3; col++)
			for (int row = 0; row < 3; row++) direction[row][col] = dir.length == 9 ? dir[3 * col + row] : row == col ? 1 : 0;
		try {
			Geometry g = Geometry.of(spacing, origin, direction);
			// a region starting at Index i begins at the point of that index
			if (index.length == 3 && (index[0] != 0 || index[1] != 0 || index[2] != 0)) g = g.withOrigin(g.indexToPhysical(index));
			return Grid.of(new long[] { (long) size[0], (long) size[1], (long) size[2] }, g);
		}
		catch (final IllegalArgumentException e) {
			throw new TransformFileException(file, "the fixed image grid is invalid: " + e.getMessage());
		}
	}

	/** The {@code (Name values...)} entries, quotes removed, {@code //} comments skipped. */
	static Map<String, List<String>> parse(final String text, final Path file) throws TransformFileException {
		final Map<String, List<String>> out = new LinkedHashMap<>();
		int lineNo = 0;
		for (final String raw : text.split("\r?\n")) {
			lineNo++;
			String line = raw;
			final int comment = commentStart(line);
			if (comment >= 0) line = line.substring(0, comment);
			line = line.trim();
			if (line.isEmpty()) continue;
			if (!line.startsWith("(") || !line.endsWith(")"))
				throw new TransformFileException(file, "line " + lineNo + " is not a (Name value ...) entry: '" + raw.trim() + "'");
			final List<String> tokens = tokens(line.substring(1, line.length() - 1), file, lineNo);
			if (tokens.isEmpty()) throw new TransformFileException(file, "line " + lineNo + " has an empty entry");
			out.put(tokens.get(0), tokens.subList(1, tokens.size()));
		}
		return out;
	}

	private static int commentStart(final String line) {
		boolean quoted = false;
		for (int i = 0; i + 1 < line.length(); i++) {
			if (line.charAt(i) == '"') quoted = !quoted;
			else if (!quoted && line.charAt(i) == '/' && line.charAt(i + 1) == '/') return i;
		}
		return -1;
	}

	private static List<String> tokens(final String s, final Path file, final int lineNo) throws TransformFileException {
		final List<String> t = new ArrayList<>();
		int i = 0;
		while (i < s.length()) {
			final char ch = s.charAt(i);
			if (Character.isWhitespace(ch)) {
				i++;
				continue;
			}
			if (ch == '"') {
				final int end = s.indexOf('"', i + 1);
				if (end < 0) throw new TransformFileException(file, "line " + lineNo + " has an unterminated quote");
				t.add(s.substring(i + 1, end));
				i = end + 1;
				continue;
			}
			int j = i;
			while (j < s.length() && !Character.isWhitespace(s.charAt(j))) j++;
			t.add(s.substring(i, j));
			i = j;
		}
		return t;
	}

	private static String text(final Map<String, List<String>> p, final String key, final String fallback) {
		final List<String> v = p.get(key);
		return v == null || v.isEmpty() ? fallback : v.get(0);
	}

	private static double[] numbers(final Map<String, List<String>> p, final String key, final Path file, final boolean required)
		throws TransformFileException
	{
		final List<String> v = p.get(key);
		if (v == null) {
			if (required) throw new TransformFileException(file, "has no (" + key + " ...)");
			return new double[0];
		}
		final double[] out = new double[v.size()];
		for (int i = 0; i < out.length; i++) {
			try {
				out[i] = Double.parseDouble(v.get(i));
			}
			catch (final NumberFormatException e) {
				throw new TransformFileException(file, key + " value '" + v.get(i) + "' is not a number");
			}
			if (!Double.isFinite(out[i])) throw new TransformFileException(file, key + " value '" + v.get(i) + "' is not finite");
		}
		return out;
	}

	private static void need(final Path file, final String type, final double[] v, final int n) throws TransformFileException {
		if (v.length != n) throw new TransformFileException(file, type + " needs " + n + " TransformParameters, got " + v.length);
	}
}

package org.medprep.core.registration;

import java.util.Arrays;

import org.medprep.core.spatial.PhysicalAffine;

/**
 * A transform of a {@link TransformType} with its centre and parameters:
 * {@code T(x) = A (x - c) + c + t}, mapping a fixed-image point (mm, LPS) to
 * the moving-image point it corresponds to. Also gives the derivatives of
 * {@code T(x)} with respect to the parameters (its Jacobian), which the
 * metrics and the optimizer need. Immutable.
 */
public final class ParametricTransform {

	private final TransformType type;
	private final double[] centre;
	private final double[] parameters;
	private final double[][] linear;
	/** dA/dp for the parameters of the linear part that are not matrix elements (angles, scale); null for translation and affine. */
	private final double[][][] linearDerivatives;

	private ParametricTransform(final TransformType type, final double[] centre, final double[] parameters) {
		this.type = type;
		this.centre = centre;
		this.parameters = parameters;
		switch (type) {
			case TRANSLATION:
				linear = new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
				linearDerivatives = null;
				break;
			case AFFINE:
				linear = new double[][] { { parameters[0], parameters[1], parameters[2] }, { parameters[3], parameters[4], parameters[5] },
					{ parameters[6], parameters[7], parameters[8] } };
				linearDerivatives = null;
				break;
			default: {
				final double scale = type == TransformType.SIMILARITY ? parameters[3] : 1;
				final double[][][] r = rotationFactors(parameters[0], parameters[1], parameters[2]);
				final double[][] rotation = PhysicalAffine.multiply(r[2], PhysicalAffine.multiply(r[1], r[0]));
				linear = scaled(rotation, scale);
				linearDerivatives = new double[type == TransformType.SIMILARITY ? 4 : 3][][];
				linearDerivatives[0] = scaled(PhysicalAffine.multiply(r[2], PhysicalAffine.multiply(r[1], r[3])), scale);
				linearDerivatives[1] = scaled(PhysicalAffine.multiply(r[2], PhysicalAffine.multiply(r[4], r[0])), scale);
				linearDerivatives[2] = scaled(PhysicalAffine.multiply(r[5], PhysicalAffine.multiply(r[1], r[0])), scale);
				if (type == TransformType.SIMILARITY) linearDerivatives[3] = rotation;
			}
		}
	}

	/** The identity map of {@code type} about {@code centre}. */
	public static ParametricTransform identity(final TransformType type, final double[] centre) {
		return of(type, centre, type.identityParameters());
	}

	/**
	 * @throws IllegalArgumentException if the centre is not 3 finite values or the parameter count does not match the type
	 */
	public static ParametricTransform of(final TransformType type, final double[] centre, final double[] parameters) {
		if (type == null) throw new IllegalArgumentException("transform type must not be null");
		if (centre == null || centre.length != 3) throw new IllegalArgumentException("the transform centre needs 3 values (mm)");
		if (parameters == null || parameters.length != type.parameterCount())
			throw new IllegalArgumentException("a " + type.label() + " transform has " + type.parameterCount() + " parameters, got "
				+ (parameters == null ? 0 : parameters.length));
		for (final double v : centre)
			if (!Double.isFinite(v)) throw new IllegalArgumentException("transform centre must be finite, got " + Arrays.toString(centre));
		for (final double v : parameters)
			if (!Double.isFinite(v)) throw new IllegalArgumentException("transform parameters must be finite, got " + Arrays.toString(parameters));
		if (type == TransformType.SIMILARITY && !(parameters[3] > 0))
			throw new IllegalArgumentException("the scale of a similarity transform must be positive, got " + parameters[3]);
		return new ParametricTransform(type, centre.clone(), parameters.clone());
	}

	public ParametricTransform withParameters(final double[] p) {
		return of(type, centre, p);
	}

	/** The same kind of map with the translation replaced. */
	public ParametricTransform withTranslation(final double[] t) {
		final double[] p = parameters.clone();
		System.arraycopy(t, 0, p, type.translationIndex(), 3);
		return of(type, centre, p);
	}

	public TransformType type() { return type; }
	public double[] centre() { return centre.clone(); }
	public double[] parameters() { return parameters.clone(); }
	public int parameterCount() { return parameters.length; }

	/** The 3x3 linear part {@code A}. */
	public double[][] linear() {
		final double[][] copy = new double[3][];
		for (int r = 0; r < 3; r++) copy[r] = linear[r].clone();
		return copy;
	}

	public double[] translation() {
		return Arrays.copyOfRange(parameters, type.translationIndex(), parameters.length);
	}

	/** The map as a physical affine (a pull-back from fixed mm to moving mm, as MedPrep's spatial plans store it). */
	public PhysicalAffine affine() {
		final double[] t = translation();
		final double[][] m = new double[3][4];
		for (int r = 0; r < 3; r++) {
			double offset = centre[r] + t[r];
			for (int c = 0; c < 3; c++) {
				m[r][c] = linear[r][c];
				offset -= linear[r][c] * centre[c];
			}
			m[r][3] = offset;
		}
		return PhysicalAffine.of(m);
	}

	public double[] apply(final double[] x) {
		return affine().apply(x);
	}

	/**
	 * The row {@code g^T dT/dp} at the point {@code x = c + d}: how a change of
	 * each parameter changes an image value whose spatial gradient (per mm of
	 * moving space) is {@code g}.
	 */
	void gradientRow(final double dx, final double dy, final double dz, final double gx, final double gy, final double gz, final double[] row) {
		switch (type) {
			case TRANSLATION:
				row[0] = gx;
				row[1] = gy;
				row[2] = gz;
				return;
			case AFFINE:
				row[0] = gx * dx;
				row[1] = gx * dy;
				row[2] = gx * dz;
				row[3] = gy * dx;
				row[4] = gy * dy;
				row[5] = gy * dz;
				row[6] = gz * dx;
				row[7] = gz * dy;
				row[8] = gz * dz;
				row[9] = gx;
				row[10] = gy;
				row[11] = gz;
				return;
			default: {
				final int n = linearDerivatives.length;
				for (int i = 0; i < n; i++) {
					final double[][] m = linearDerivatives[i];
					row[i] = gx * (m[0][0] * dx + m[0][1] * dy + m[0][2] * dz) + gy * (m[1][0] * dx + m[1][1] * dy + m[1][2] * dz)
						+ gz * (m[2][0] * dx + m[2][1] * dy + m[2][2] * dz);
				}
				row[n] = gx;
				row[n + 1] = gy;
				row[n + 2] = gz;
			}
		}
	}

	/**
	 * The displacement {@code J(x) v} (mm) of the point {@code x = c + d} when
	 * the parameters change by {@code v}, to first order.
	 */
	void displacement(final double[] d, final double[] v, final double[] out) {
		final int ti = type.translationIndex();
		for (int r = 0; r < 3; r++) out[r] = v[ti + r];
		if (type == TransformType.TRANSLATION) return;
		if (type == TransformType.AFFINE) {
			for (int r = 0; r < 3; r++) out[r] += v[3 * r] * d[0] + v[3 * r + 1] * d[1] + v[3 * r + 2] * d[2];
			return;
		}
		for (int i = 0; i < linearDerivatives.length; i++) {
			final double[][] m = linearDerivatives[i];
			for (int r = 0; r < 3; r++) out[r] += v[i] * (m[r][0] * d[0] + m[r][1] * d[1] + m[r][2] * d[2]);
		}
	}

	/** {@code |dT/dp_i|^2} at {@code x = c + d} for every parameter: how far a unit change of each moves the point. */
	void jacobianColumnNorms(final double[] d, final double[] out) {
		final double[] unit = new double[parameters.length];
		final double[] column = new double[3];
		for (int i = 0; i < parameters.length; i++) {
			unit[i] = 1;
			displacement(d, unit, column);
			unit[i] = 0;
			out[i] = column[0] * column[0] + column[1] * column[1] + column[2] * column[2];
		}
	}

	/** Rx, Ry, Rz and their derivatives with respect to their angles. */
	private static double[][][] rotationFactors(final double ax, final double ay, final double az) {
		final double cx = Math.cos(ax), sx = Math.sin(ax), cy = Math.cos(ay), sy = Math.sin(ay), cz = Math.cos(az), sz = Math.sin(az);
		return new double[][][] {
			{ { 1, 0, 0 }, { 0, cx, -sx }, { 0, sx, cx } },
			{ { cy, 0, sy }, { 0, 1, 0 }, { -sy, 0, cy } },
			{ { cz, -sz, 0 }, { sz, cz, 0 }, { 0, 0, 1 } },
			{ { 0, 0, 0 }, { 0, -sx, -cx }, { 0, cx, -sx } },
			{ { -sy, 0, cy }, { 0, 0, 0 }, { -cy, 0, -sy } },
			{ { -sz, -cz, 0 }, { cz, -sz, 0 }, { 0, 0, 0 } } };
	}

	private static double[][] scaled(final double[][] m, final double s) {
		if (s == 1) return m;
		final double[][] out = new double[3][3];
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++) out[r][c] = s * m[r][c];
		return out;
	}

	@Override
	public String toString() {
		return type.label() + " about " + Arrays.toString(centre) + ": " + Arrays.toString(parameters);
	}
}

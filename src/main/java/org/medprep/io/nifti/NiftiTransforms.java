package org.medprep.io.nifti;

import java.nio.file.Path;
import java.util.List;

import org.medprep.core.Geometry;
import org.medprep.io.storage.ImageFormatException;
import org.medprep.io.storage.RasAffine;

/**
 * The NIfTI voxel-to-world transforms (nifti1.h): sform, qform (quaternion
 * with qfac) and the ANALYZE fallback, chosen as nibabel's
 * {@code get_best_affine} does, with MedPrep's decisions where nibabel keeps
 * what MedPrep cannot hold:
 * <ul>
 * <li>sform if sform_code > 0, else qform if qform_code > 0, else nibabel's
 * centred base affine (x flipped, image centre at 0).</li>
 * <li>A sheared sform (axes not orthogonal, beyond float32 rounding) cannot be
 * a {@link Geometry}. Like ITK (which accepts only orthonormal directions and
 * then falls back to the qform), MedPrep then uses the qform, with a warning;
 * with no qform the file is refused: resample it first.</li>
 * <li>Spatial units (xyzt_units: m, mm, µm) scale the whole affine to mm, as
 * ITK does; nibabel leaves the affine in the file's units.</li>
 * </ul>
 */
final class NiftiTransforms {

	private NiftiTransforms() {}

	/** The RAS affine in mm, and the warnings of the choice made. */
	static double[][] bestAffine(final Path file, final NiftiHeader h, final long[] shape, final List<String> warnings) throws ImageFormatException {
		double[][] a = null;
		if (h.sformCode > 0) {
			final double[][] s = sform(h);
			final String problem = problem(s);
			if (problem == null) a = s;
			else if (h.qformCode > 0) {
				warnings.add("the sform " + problem + "; used the qform (code " + h.qformCode + ") instead");
				a = qform(file, h);
			}
			else throw new ImageFormatException(file, "the sform " + problem + " and there is no qform to fall back on;"
				+ " MedPrep geometry holds only rotations and voxel sizes, so resample the image to an orthogonal grid first");
		}
		else if (h.qformCode > 0) a = qform(file, h);
		else a = baseAffine(file, h, shape);
		final double scale = unitScale(h.xyztUnits);
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++) a[r][c] *= scale;
		return a;
	}

	/** The geometry (LPS) of the best affine. */
	static Geometry geometry(final Path file, final double[][] rasAffine) throws ImageFormatException {
		try {
			return RasAffine.toGeometry(rasAffine);
		}
		catch (final IllegalArgumentException e) {
			throw new ImageFormatException(file, "unusable voxel-to-world transform: " + e.getMessage(), e);
		}
	}

	/** Millimetres per file unit: m 1000, mm 1, µm 0.001; unknown (0) is taken as mm. */
	static double unitScale(final int xyztUnits) {
		switch (xyztUnits & 7) {
			case 1: return 1000;
			case 3: return 0.001;
			default: return 1;
		}
	}

	/** Why an sform cannot be a Geometry (zero/undefined column or shear), or null if it can. */
	private static String problem(final double[][] s) {
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++)
				if (!Double.isFinite(s[r][c])) return "has a non-finite value (srow_" + "xyz".charAt(r) + "[" + c + "] = " + s[r][c] + ")";
		final double[] len = RasAffine.columnLengths(s);
		for (int c = 0; c < 3; c++)
			if (!(len[c] > 0)) return "has a zero voxel size along axis " + c;
		final double shear = RasAffine.shear(s);
		if (shear > RasAffine.ORTHOGONALITY_TOLERANCE) return "has shear (largest |cos| between axes " + shear + ")";
		return null;
	}

	static double[][] sform(final NiftiHeader h) {
		final double[][] a = new double[4][4];
		for (int r = 0; r < 3; r++) a[r] = h.srow[r].clone();
		a[3] = new double[] { 0, 0, 0, 1 };
		return a;
	}

	/** The qform affine (nifti1.h method 2). Refuses voxel sizes that are not positive and finite. */
	static double[][] qform(final Path file, final NiftiHeader h) throws ImageFormatException {
		final double[] size = voxelSizes(file, h);
		double b = h.quatern[0], c = h.quatern[1], d = h.quatern[2];
		if (!Double.isFinite(b) || !Double.isFinite(c) || !Double.isFinite(d))
			throw new ImageFormatException(file, "qform quaternion is not finite: " + b + ", " + c + ", " + d);
		double a = 1 - (b * b + c * c + d * d);
		if (a < 1e-7) {
			// b, c, d are a 180 degree rotation axis: normalise it
			final double n = Math.sqrt(b * b + c * c + d * d);
			b /= n;
			c /= n;
			d /= n;
			a = 0;
		}
		else a = Math.sqrt(a);
		final double qfac = h.pixdim[0] < 0 ? -1 : 1;
		final double[][] r = {
			{ a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c) },
			{ 2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b) },
			{ 2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b } };
		final double[] scale = { size[0], size[1], qfac * size[2] };
		final double[][] m = new double[4][4];
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 3; j++) m[i][j] = r[i][j] * scale[j];
		for (int i = 0; i < 3; i++) m[i][3] = h.qoffset[i];
		m[3][3] = 1;
		for (int i = 0; i < 3; i++)
			if (!Double.isFinite(m[i][3])) throw new ImageFormatException(file, "qform offset is not finite: " + m[i][3]);
		return m;
	}

	/** nibabel's affine when neither code is set: x flipped, voxel sizes from pixdim, image centre at 0. */
	static double[][] baseAffine(final Path file, final NiftiHeader h, final long[] shape) throws ImageFormatException {
		final double[] size = voxelSizes(file, h);
		final double[][] m = new double[4][4];
		final double[] sign = { -1, 1, 1 };
		for (int i = 0; i < 3; i++) {
			m[i][i] = sign[i] * size[i];
			m[i][3] = -sign[i] * size[i] * (shape[i] - 1) / 2.0;
		}
		m[3][3] = 1;
		return m;
	}

	/**
	 * pixdim[1..3], which must be positive and finite for the axes the image
	 * has; an axis beyond dim[0] (the z of a 2D image) counts as 1 mm when its
	 * pixdim is unset, as nifti1_io does.
	 */
	private static double[] voxelSizes(final Path file, final NiftiHeader h) throws ImageFormatException {
		final double[] size = new double[3];
		for (int i = 0; i < 3; i++) {
			size[i] = h.pixdim[i + 1];
			if (i + 1 > h.dim[0] && !(size[i] > 0 && Double.isFinite(size[i]))) size[i] = 1;
			if (!(size[i] > 0) || !Double.isFinite(size[i]))
				throw new ImageFormatException(file, "pixdim[" + (i + 1) + "] is " + size[i] + ": voxel sizes must be positive and finite");
		}
		return size;
	}

	/**
	 * Fills the qform and sform of a header from a geometry, both the same
	 * transform (nifti1_io's nifti_mat44_to_quatern for the quaternion).
	 */
	static void setTransforms(final NiftiHeader h, final Geometry g, final int code) {
		final double[][] a = RasAffine.fromGeometry(g);
		for (int r = 0; r < 3; r++) h.srow[r] = a[r].clone();
		h.sformCode = code;
		h.qformCode = code;
		// rotation part (RAS), columns unit length
		final double[][] r = new double[3][3];
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 3; j++) r[i][j] = a[i][j] / g.spacing(j);
		final double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
			+ r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
		double qfac = 1;
		if (det < 0) {
			qfac = -1;
			for (int i = 0; i < 3; i++) r[i][2] = -r[i][2];
		}
		final double[] q = quaternion(r);
		System.arraycopy(q, 1, h.quatern, 0, 3);
		for (int i = 0; i < 3; i++) h.qoffset[i] = a[i][3];
		h.pixdim[0] = qfac;
		for (int i = 0; i < 3; i++) h.pixdim[i + 1] = g.spacing(i);
	}

	/** Unit quaternion (a, b, c, d) of a proper rotation matrix, with a >= 0 (nifti_mat44_to_quatern). */
	static double[] quaternion(final double[][] r) {
		final double r11 = r[0][0], r12 = r[0][1], r13 = r[0][2];
		final double r21 = r[1][0], r22 = r[1][1], r23 = r[1][2];
		final double r31 = r[2][0], r32 = r[2][1], r33 = r[2][2];
		double a = r11 + r22 + r33 + 1;
		double b, c, d;
		if (a > 0.5) {
			a = 0.5 * Math.sqrt(a);
			b = 0.25 * (r32 - r23) / a;
			c = 0.25 * (r13 - r31) / a;
			d = 0.25 * (r21 - r12) / a;
		}
		else {
			final double xd = 1 + r11 - (r22 + r33);
			final double yd = 1 + r22 - (r11 + r33);
			final double zd = 1 + r33 - (r11 + r22);
			if (xd > 1) {
				b = 0.5 * Math.sqrt(xd);
				c = 0.25 * (r12 + r21) / b;
				d = 0.25 * (r13 + r31) / b;
				a = 0.25 * (r32 - r23) / b;
			}
			else if (yd > 1) {
				c = 0.5 * Math.sqrt(yd);
				b = 0.25 * (r12 + r21) / c;
				d = 0.25 * (r23 + r32) / c;
				a = 0.25 * (r13 - r31) / c;
			}
			else {
				d = 0.5 * Math.sqrt(zd);
				b = 0.25 * (r13 + r31) / d;
				c = 0.25 * (r23 + r32) / d;
				a = 0.25 * (r21 - r12) / d;
			}
			if (a < 0) {
				a = -a;
				b = -b;
				c = -c;
				d = -d;
			}
		}
		return new double[] { a, b, c, d };
	}
}

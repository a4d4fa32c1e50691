package org.medprep.core.spatial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.medprep.core.Geometry;

/**
 * Which way each voxel axis points in the patient, as a three-letter axis code
 * naming the side each axis runs <em>towards</em> (nibabel's, TorchIO's and
 * MONAI's convention): {@code RAS} means x increases towards the patient's
 * Right, y towards Anterior, z towards Superior; {@code LPS} is DICOM's (an
 * identity direction matrix in MedPrep's LPS geometry). Each letter comes from
 * a different pair of L/R, P/A, S/I, so there are 3! x 2^3 = 48 codes.
 * Immutable.
 */
public final class Orientation {

	private static final String POSITIVE = "LPS", NEGATIVE = "RAI";

	/** Per voxel axis: the patient axis it runs along (0 L-R, 1 P-A, 2 S-I). */
	private final int[] patientAxis;
	/** Per voxel axis: +1 towards L/P/S, -1 towards R/A/I. */
	private final int[] sign;

	private Orientation(final int[] patientAxis, final int[] sign) {
		this.patientAxis = patientAxis;
		this.sign = sign;
	}

	/**
	 * Reads a code such as {@code RAS}, {@code lps} or {@code PIR}.
	 * @throws IllegalArgumentException naming what is wrong with the code
	 */
	public static Orientation parse(final String code) {
		if (code == null) throw new IllegalArgumentException("orientation code must not be empty");
		final String c = code.trim().toUpperCase(Locale.ROOT);
		if (c.length() != 3)
			throw new IllegalArgumentException("orientation code '" + code + "' must be three letters, one of L/R, one of A/P, one of S/I (e.g. RAS, LPS)");
		final int[] axis = new int[3], sign = new int[3];
		final boolean[] used = new boolean[3];
		for (int d = 0; d < 3; d++) {
			final char letter = c.charAt(d);
			int a = POSITIVE.indexOf(letter);
			sign[d] = 1;
			if (a < 0) {
				a = NEGATIVE.indexOf(letter);
				sign[d] = -1;
			}
			if (a < 0) throw new IllegalArgumentException("orientation code '" + code + "': '" + letter + "' is not one of L, R, A, P, S, I");
			if (used[a])
				throw new IllegalArgumentException("orientation code '" + code + "' names the " + pairName(a) + " axis twice; use each of L/R, A/P, S/I once");
			used[a] = true;
			axis[d] = a;
		}
		return new Orientation(axis, sign);
	}

	/**
	 * The axis code closest to a grid's direction cosines, as nibabel's
	 * {@code io_orientation}: voxel axes in order x, y, z each take the patient
	 * axis their direction cosine is largest along (ties to the first), among
	 * those not yet taken. Exact for axis-aligned grids.
	 */
	public static Orientation of(final Geometry geometry) {
		final double[][] d = geometry.direction();
		final boolean[] taken = new boolean[3];
		final int[] axis = new int[3], sign = new int[3];
		for (int col = 0; col < 3; col++) {
			int best = -1;
			for (int row = 0; row < 3; row++)
				if (!taken[row] && (best < 0 || Math.abs(d[row][col]) > Math.abs(d[best][col]))) best = row;
			taken[best] = true;
			axis[col] = best;
			sign[col] = d[best][col] < 0 ? -1 : 1;
		}
		return new Orientation(axis, sign);
	}

	/** All 48 codes, in a fixed order. */
	public static List<Orientation> all() {
		final List<Orientation> all = new ArrayList<>(48);
		final int[][] permutations = { { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 }, { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 } };
		for (final int[] p : permutations)
			for (int flips = 0; flips < 8; flips++)
				all.add(new Orientation(p.clone(), new int[] { (flips & 1) != 0 ? -1 : 1, (flips & 2) != 0 ? -1 : 1, (flips & 4) != 0 ? -1 : 1 }));
		return Collections.unmodifiableList(all);
	}

	/** The patient axis (0 L-R, 1 P-A, 2 S-I) that voxel axis {@code d} runs along. */
	public int patientAxis(final int d) { return patientAxis[d]; }

	/** +1 if voxel axis {@code d} runs towards L, P or S; -1 towards R, A or I. */
	public int sign(final int d) { return sign[d]; }

	/** The voxel axis that runs along patient axis {@code a}. */
	public int voxelAxisAlong(final int a) {
		for (int d = 0; d < 3; d++)
			if (patientAxis[d] == a) return d;
		throw new IllegalStateException("no voxel axis along patient axis " + a);
	}

	/** The three letters, e.g. {@code RAS}. */
	public String code() {
		final StringBuilder sb = new StringBuilder(3);
		for (int d = 0; d < 3; d++) sb.append((sign[d] > 0 ? POSITIVE : NEGATIVE).charAt(patientAxis[d]));
		return sb.toString();
	}

	private static String pairName(final int a) {
		return a == 0 ? "left-right" : a == 1 ? "anterior-posterior" : "superior-inferior";
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof Orientation && ((Orientation) o).code().equals(code());
	}

	@Override
	public int hashCode() {
		return code().hashCode();
	}

	@Override
	public String toString() {
		return code();
	}
}

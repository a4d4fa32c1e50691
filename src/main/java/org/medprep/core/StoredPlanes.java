package org.medprep.core;

import java.util.Optional;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Util;

/**
 * Direct access to the primitive arrays behind a planar image (what MedPrep's
 * readers and ImageJ stacks produce), possibly seen through a
 * {@link LinearRescale} view: runs of voxels are converted to physical values
 * in one loop per stored type, with no per-voxel virtual call and no
 * intermediate copy of a whole plane. {@link #of} is empty for any other image
 * (translated views, converters, cell images), which {@link Planes} then reads
 * the general way.
 */
final class StoredPlanes {

	private enum Stored { BYTE, UNSIGNED_BYTE, SHORT, UNSIGNED_SHORT, INT, FLOAT, DOUBLE }

	private final PlanarImg<?, ?> planar;
	private final Stored stored;
	private final double slope, intercept;
	private final boolean rescaled;
	/** A rescale view of float type holds float32 values: rounded as the view rounds them. */
	private final boolean floatView;

	private StoredPlanes(final PlanarImg<?, ?> planar, final Stored stored, final double slope, final double intercept, final boolean floatView) {
		this.planar = planar;
		this.stored = stored;
		this.slope = slope;
		this.intercept = intercept;
		this.rescaled = slope != 1 || intercept != 0;
		this.floatView = floatView;
	}

	static Optional<StoredPlanes> of(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final Optional<LinearRescale<?, ?>> rescale = LinearRescale.of(image);
		final Object source = rescale.isPresent() ? LinearRescale.storedOf(image) : image;
		if (!(source instanceof PlanarImg) || ((PlanarImg<?, ?>) source).numDimensions() != 3) return Optional.empty();
		final PlanarImg<?, ?> planar = (PlanarImg<?, ?>) source;
		final Stored stored = storedType(planar.firstElement());
		if (stored == null) return Optional.empty();
		final double slope = rescale.map(LinearRescale::slope).orElse(1.0), intercept = rescale.map(LinearRescale::intercept).orElse(0.0);
		final boolean floatView = rescale.isPresent() && Util.getTypeFromInterval(image) instanceof FloatType;
		return Optional.of(new StoredPlanes(planar, stored, slope, intercept, floatView));
	}

	private static Stored storedType(final Object t) {
		// exact classes: the unsigned types are not subclasses of the signed ones
		if (t instanceof ShortType) return Stored.SHORT;
		if (t instanceof UnsignedShortType) return Stored.UNSIGNED_SHORT;
		if (t instanceof UnsignedByteType) return Stored.UNSIGNED_BYTE;
		if (t instanceof ByteType) return Stored.BYTE;
		if (t instanceof FloatType) return Stored.FLOAT;
		if (t instanceof IntType) return Stored.INT;
		if (t instanceof DoubleType) return Stored.DOUBLE;
		return null;
	}

	/**
	 * The number of distinct stored values when they are few enough for a lookup
	 * table (8- and 16-bit integers): 256 or 65536; 0 otherwise.
	 */
	int tableSize() {
		switch (stored) {
			case BYTE: case UNSIGNED_BYTE: return 1 << 8;
			case SHORT: case UNSIGNED_SHORT: return 1 << 16;
			default: return 0;
		}
	}

	/**
	 * The physical value of every stored value, indexed as {@link #lookup} indexes:
	 * by the stored bits read as unsigned.
	 */
	double[] tableValues() {
		final int size = tableSize();
		final double[] v = new double[size];
		for (int k = 0; k < size; k++) {
			final double raw;
			switch (stored) {
				case BYTE: raw = (byte) k; break;
				case SHORT: raw = (short) k; break;
				default: raw = k; break;
			}
			v[k] = floatView ? (float) (intercept + slope * raw) : rescaled ? intercept + slope * raw : raw;
		}
		return v;
	}

	/** {@code out[i] = table[stored bits of voxel i]} over a whole plane, for 8- and 16-bit stored values. */
	void lookup(final Object plane, final float[] table, final float[] out) {
		if (plane instanceof short[]) {
			final short[] a = (short[]) plane;
			for (int i = 0; i < out.length; i++) out[i] = table[a[i] & 0xffff];
		}
		else {
			final byte[] a = (byte[]) plane;
			for (int i = 0; i < out.length; i++) out[i] = table[a[i] & 0xff];
		}
	}

	/** Like {@link #lookup(Object, float[], float[])}, into bytes. */
	void lookup(final Object plane, final byte[] table, final byte[] out) {
		if (plane instanceof short[]) {
			final short[] a = (short[]) plane;
			for (int i = 0; i < out.length; i++) out[i] = table[a[i] & 0xffff];
		}
		else {
			final byte[] a = (byte[]) plane;
			for (int i = 0; i < out.length; i++) out[i] = table[a[i] & 0xff];
		}
	}

	/**
	 * Marks in {@code seen} (indexed as {@link #lookup} indexes) every stored value
	 * a whole plane holds, for 8- and 16-bit stored values: a store per voxel and
	 * no load, so runs of one value (a CT's air and padding) do not wait on each
	 * other as counting's read-modify-write of one bin does.
	 */
	void markPresent(final Object plane, final byte[] seen) {
		if (plane instanceof short[]) {
			final short[] a = (short[]) plane;
			for (int i = 0; i < a.length; i++) seen[a[i] & 0xffff] = 1;
		}
		else {
			final byte[] a = (byte[]) plane;
			for (int i = 0; i < a.length; i++) seen[a[i] & 0xff] = 1;
		}
	}

	/** Whether the physical values are the stored float32 values themselves: planes readable in place as {@code float[]}. */
	boolean holdsFloats() {
		return stored == Stored.FLOAT && !rescaled;
	}

	/** The stored array of plane {@code z}, to pass to {@link #read}. */
	Object plane(final int z) {
		return ((ArrayDataAccess<?>) planar.getPlane(z)).getCurrentStorageArray();
	}

	/**
	 * Widens {@code range} ({min, max}) by the physical values of a whole plane,
	 * ignoring NaN; float planes without a rescale are scanned in place, others
	 * through {@code buffer} in runs.
	 */
	void range(final Object plane, final int n, final double[] buffer, final double[] range) {
		double lo = range[0], hi = range[1];
		if (stored == Stored.FLOAT && !rescaled) {
			// Math.min/max reductions vectorize (JDK 21+) where compare-and-keep loops do not; they
			// propagate NaN, so a plane holding NaN is scanned again the slower, NaN-skipping way
			final float[] a = (float[]) plane;
			float l = (float) lo, h = (float) hi; // exact: the range so far holds float values
			for (int i = 0; i < n; i++) {
				l = Math.min(l, a[i]);
				h = Math.max(h, a[i]);
			}
			if (Float.isNaN(l) || Float.isNaN(h)) {
				l = (float) lo;
				h = (float) hi;
				for (int i = 0; i < n; i++) {
					final float x = a[i];
					if (x < l) l = x;
					if (x > h) h = x;
				}
			}
			lo = l;
			hi = h;
		}
		else {
			for (int at = 0; at < n; at += buffer.length) {
				final int len = Math.min(buffer.length, n - at);
				read(plane, at, len, buffer);
				for (int i = 0; i < len; i++) {
					final double x = buffer[i];
					if (x < lo) lo = x;
					if (x > hi) hi = x;
				}
			}
		}
		range[0] = lo;
		range[1] = hi;
	}

	/** Physical values of voxels {@code from .. from + n} of a plane into {@code out[0 .. n)}. */
	void read(final Object plane, final int from, final int n, final double[] out) {
		switch (stored) {
			// one loop for signed and unsigned: the mask drops the sign extension of unsigned values (-1 keeps it)
			case SHORT:
			case UNSIGNED_SHORT: {
				final short[] a = (short[]) plane;
				final int bits = stored == Stored.UNSIGNED_SHORT ? 0xffff : -1;
				for (int i = 0; i < n; i++) out[i] = a[from + i] & bits;
				break;
			}
			case BYTE:
			case UNSIGNED_BYTE: {
				final byte[] a = (byte[]) plane;
				final int bits = stored == Stored.UNSIGNED_BYTE ? 0xff : -1;
				for (int i = 0; i < n; i++) out[i] = a[from + i] & bits;
				break;
			}
			case INT: {
				final int[] a = (int[]) plane;
				for (int i = 0; i < n; i++) out[i] = a[from + i];
				break;
			}
			case FLOAT: {
				final float[] a = (float[]) plane;
				for (int i = 0; i < n; i++) out[i] = a[from + i];
				break;
			}
			default: {
				System.arraycopy((double[]) plane, from, out, 0, n);
				break;
			}
		}
		if (floatView) for (int i = 0; i < n; i++) out[i] = (float) (intercept + slope * out[i]);
		else if (rescaled) for (int i = 0; i < n; i++) out[i] = intercept + slope * out[i];
	}
}

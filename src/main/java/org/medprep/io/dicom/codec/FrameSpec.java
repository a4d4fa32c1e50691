package org.medprep.io.dicom.codec;

/**
 * What a decoded frame must be, from the DICOM Image Pixel module: size, bits
 * allocated (8, 16 or 32: the plane is a byte[], short[] or int[] of rows x
 * columns, x fastest) and bits stored. A decoder checks its codestream against
 * this before it writes anything, so a codestream cannot make it allocate more
 * than the frame.
 */
public final class FrameSpec {

	private final int rows;
	private final int columns;
	private final int bitsAllocated;
	private final int bitsStored;

	public FrameSpec(final int rows, final int columns, final int bitsAllocated, final int bitsStored) {
		if (rows < 1 || columns < 1 || (long) rows * columns > Integer.MAX_VALUE / 4)
			throw new IllegalArgumentException("frame size " + columns + "x" + rows);
		if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32)
			throw new IllegalArgumentException("bits allocated " + bitsAllocated);
		if (bitsStored < 1 || bitsStored > bitsAllocated) throw new IllegalArgumentException("bits stored " + bitsStored);
		this.rows = rows;
		this.columns = columns;
		this.bitsAllocated = bitsAllocated;
		this.bitsStored = bitsStored;
	}

	public int rows() { return rows; }
	public int columns() { return columns; }
	public int bitsAllocated() { return bitsAllocated; }
	public int bitsStored() { return bitsStored; }
	public int pixels() { return rows * columns; }

	/** A new plane array of the frame's type. */
	public Object newPlane() {
		switch (bitsAllocated) {
			case 8: return new byte[pixels()];
			case 16: return new short[pixels()];
			default: return new int[pixels()];
		}
	}

	/** Writes sample {@code i} (the low bits of {@code v}) into a plane of this spec's type. */
	static void set(final Object plane, final int i, final int v) {
		if (plane instanceof short[]) ((short[]) plane)[i] = (short) v;
		else if (plane instanceof byte[]) ((byte[]) plane)[i] = (byte) v;
		else ((int[]) plane)[i] = v;
	}

	/** Writes {@code n} samples from {@code src[from..]} into a plane from sample {@code offset}. */
	static void setRow(final Object plane, final int offset, final int[] src, final int from, final int n) {
		if (plane instanceof short[]) {
			final short[] p = (short[]) plane;
			for (int i = 0; i < n; i++) p[offset + i] = (short) src[from + i];
		}
		else if (plane instanceof byte[]) {
			final byte[] p = (byte[]) plane;
			for (int i = 0; i < n; i++) p[offset + i] = (byte) src[from + i];
		}
		else System.arraycopy(src, from, (int[]) plane, offset, n);
	}

	/** Checks that {@code plane} is an array of this spec's type and size. */
	void checkPlane(final Object plane) {
		final int n;
		if (plane instanceof byte[] && bitsAllocated == 8) n = ((byte[]) plane).length;
		else if (plane instanceof short[] && bitsAllocated == 16) n = ((short[]) plane).length;
		else if (plane instanceof int[] && bitsAllocated == 32) n = ((int[]) plane).length;
		else throw new IllegalArgumentException("plane type does not match " + bitsAllocated + " bits allocated");
		if (n < pixels()) throw new IllegalArgumentException("plane of " + n + " samples for " + pixels() + " pixels");
	}

	@Override
	public String toString() {
		return columns + "x" + rows + " " + bitsStored + "/" + bitsAllocated + "-bit";
	}
}

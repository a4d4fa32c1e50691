package org.medprep.io.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * The voxel types MedPrep reads and writes, each with its ImgLib2 type and the
 * primitive array holding one plane (unsigned types share the signed array:
 * ImgLib2 and ImageJ store uint8/uint16 in byte[]/short[]).
 */
public enum VoxelType {

	UINT8("uint8", 1, false), INT8("int8", 1, false), INT16("int16", 2, false), UINT16("uint16", 2, false),
	INT32("int32", 4, false), UINT32("uint32", 4, false), INT64("int64", 8, false),
	FLOAT32("float32", 4, true), FLOAT64("float64", 8, true);

	private final String label;
	private final int bytes;
	private final boolean floating;

	VoxelType(final String label, final int bytes, final boolean floating) {
		this.label = label;
		this.bytes = bytes;
		this.floating = floating;
	}

	public String label() { return label; }
	/** Bytes per voxel. */
	public int bytes() { return bytes; }
	public boolean isFloatingPoint() { return floating; }

	public static String[] labels() {
		final VoxelType[] all = values();
		final String[] l = new String[all.length];
		for (int i = 0; i < all.length; i++) l[i] = all[i].label;
		return l;
	}

	public static VoxelType fromLabel(final String label) {
		for (final VoxelType t : values())
			if (t.label.equalsIgnoreCase(label)) return t;
		throw new IllegalArgumentException("unknown voxel type '" + label + "', expected one of " + String.join(", ", labels()));
	}

	/** The voxel type of an ImgLib2 type, if it is one MedPrep stores as is. */
	public static Optional<VoxelType> of(final Object type) {
		if (type == null) return Optional.empty();
		final Class<?> c = type.getClass();
		if (c == UnsignedByteType.class) return Optional.of(UINT8);
		if (c == ByteType.class) return Optional.of(INT8);
		if (c == ShortType.class) return Optional.of(INT16);
		if (c == UnsignedShortType.class) return Optional.of(UINT16);
		if (c == IntType.class) return Optional.of(INT32);
		if (c == UnsignedIntType.class) return Optional.of(UINT32);
		if (c == LongType.class) return Optional.of(INT64);
		if (c == FloatType.class) return Optional.of(FLOAT32);
		if (c == DoubleType.class) return Optional.of(FLOAT64);
		return Optional.empty();
	}

	/** A new ImgLib2 variable of this type. */
	public RealType<?> newType() {
		switch (this) {
			case UINT8: return new UnsignedByteType();
			case INT8: return new ByteType();
			case INT16: return new ShortType();
			case UINT16: return new UnsignedShortType();
			case INT32: return new IntType();
			case UINT32: return new UnsignedIntType();
			case INT64: return new LongType();
			case FLOAT32: return new FloatType();
			default: return new DoubleType();
		}
	}

	/** A new primitive array of {@code n} voxels (byte[], short[], int[], long[], float[] or double[]). */
	public Object newArray(final int n) {
		switch (this) {
			case UINT8: case INT8: return new byte[n];
			case INT16: case UINT16: return new short[n];
			case INT32: case UINT32: return new int[n];
			case INT64: return new long[n];
			case FLOAT32: return new float[n];
			default: return new double[n];
		}
	}

	/** Wraps a primitive array made by {@link #newArray} as an ImgLib2 array access. */
	public ArrayDataAccess<?> wrap(final Object array) {
		switch (this) {
			case UINT8: case INT8: return new ByteArray((byte[]) array);
			case INT16: case UINT16: return new ShortArray((short[]) array);
			case INT32: case UINT32: return new IntArray((int[]) array);
			case INT64: return new LongArray((long[]) array);
			case FLOAT32: return new FloatArray((float[]) array);
			default: return new DoubleArray((double[]) array);
		}
	}

	/** Decodes {@code count} voxels from {@code src} (its byte order set) into {@code array} at {@code offset}. */
	public void decode(final ByteBuffer src, final Object array, final int offset, final int count) {
		switch (this) {
			case UINT8: case INT8: src.get((byte[]) array, offset, count); break;
			case INT16: case UINT16: src.asShortBuffer().get((short[]) array, offset, count); break;
			case INT32: case UINT32: src.asIntBuffer().get((int[]) array, offset, count); break;
			case INT64: src.asLongBuffer().get((long[]) array, offset, count); break;
			case FLOAT32: src.asFloatBuffer().get((float[]) array, offset, count); break;
			default: src.asDoubleBuffer().get((double[]) array, offset, count); break;
		}
	}

	/** Encodes {@code count} voxels of {@code array} from {@code offset} into {@code dst} (its byte order set) at its position 0. */
	public void encode(final Object array, final int offset, final int count, final ByteBuffer dst) {
		switch (this) {
			case UINT8: case INT8: dst.put((byte[]) array, offset, count); break;
			case INT16: case UINT16: dst.asShortBuffer().put((short[]) array, offset, count); break;
			case INT32: case UINT32: dst.asIntBuffer().put((int[]) array, offset, count); break;
			case INT64: dst.asLongBuffer().put((long[]) array, offset, count); break;
			case FLOAT32: dst.asFloatBuffer().put((float[]) array, offset, count); break;
			default: dst.asDoubleBuffer().put((double[]) array, offset, count); break;
		}
	}

	/**
	 * A planar image over the given z planes (arrays from {@link #newArray}),
	 * without copying them. {@code dims} = x, y, z; one array per z.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public PlanarImg<?, ?> planarImg(final long[] dims, final List<Object> planes) {
		final List<ArrayDataAccess> accesses = new ArrayList<>(planes.size());
		for (final Object p : planes) accesses.add(wrap(p));
		final PlanarImg img = new PlanarImg(accesses, dims, new Fraction());
		final NativeType type = (NativeType) newType();
		img.setLinkedType(type.getNativeTypeFactory().createLinkedType(img));
		return img;
	}
}

package org.medprep.io.nifti;

import java.nio.ByteBuffer;

/**
 * Where NIfTI-1 (nifti1.h) and NIfTI-2 (nifti2.h) keep each header field MedPrep
 * uses, and how wide it is there: one table, so that decoding and encoding are
 * written once for both versions. A field of several values (dim, pixdim, the
 * quaternion, srow) has them stored one after the other. */
final class NiftiLayout {

	/** How a field is stored: its width in bytes and whether it is a whole number. */
	enum Width {
		/** Unsigned, as xyzt_units in NIfTI-1. */
		UINT8(1), INT16(2), INT32(4), INT64(8), FLOAT32(4), FLOAT64(8);

		final int bytes;

		Width(final int bytes) {
			this.bytes = bytes;
		}

		long getLong(final ByteBuffer b, final int at) {
			switch (this) {
				case UINT8: return b.get(at) & 0xff;
				case INT16: return b.getShort(at);
				case INT32: return b.getInt(at);
				case INT64: return b.getLong(at);
				default: throw new IllegalStateException(this + " is not a whole number");
			}
		}

		double getDouble(final ByteBuffer b, final int at) {
			switch (this) {
				case FLOAT32: return b.getFloat(at);
				case FLOAT64: return b.getDouble(at);
				default: return getLong(b, at);
			}
		}

		void putLong(final ByteBuffer b, final int at, final long v) {
			switch (this) {
				case UINT8: b.put(at, (byte) v); break;
				case INT16: b.putShort(at, (short) v); break;
				case INT32: b.putInt(at, (int) v); break;
				case INT64: b.putLong(at, v); break;
				default: throw new IllegalStateException(this + " is not a whole number");
			}
		}

		void putDouble(final ByteBuffer b, final int at, final double v) {
			switch (this) {
				case FLOAT32: b.putFloat(at, (float) v); break;
				case FLOAT64: b.putDouble(at, v); break;
				default: putLong(b, at, (long) v);
			}
		}
	}

	/** One field: its offset and width; value {@code i} of a field of several is {@code i} widths further. */
	static final class Slot {
		private final int offset;
		private final Width width;

		Slot(final int offset, final Width width) {
			this.offset = offset;
			this.width = width;
		}

		long getLong(final ByteBuffer b, final int i) { return width.getLong(b, offset + i * width.bytes); }
		double getDouble(final ByteBuffer b, final int i) { return width.getDouble(b, offset + i * width.bytes); }
		void putLong(final ByteBuffer b, final int i, final long v) { width.putLong(b, offset + i * width.bytes, v); }
		void putDouble(final ByteBuffer b, final int i, final double v) { width.putDouble(b, offset + i * width.bytes, v); }
	}

	// by line: dim, intent_code, datatype, bitpix; pixdim, vox_offset, scl_slope, scl_inter;
	// xyzt_units, cal_max, cal_min; qform_code, sform_code; quatern_b, qoffset_x, srow_x[0]
	static final NiftiLayout NIFTI1 = new NiftiLayout(1, NiftiHeader.NIFTI1_SIZE, 344, false, 148,
		new Slot(40, Width.INT16), new Slot(68, Width.INT16), new Slot(70, Width.INT16), new Slot(72, Width.INT16),
		new Slot(76, Width.FLOAT32), new Slot(108, Width.FLOAT32), new Slot(112, Width.FLOAT32), new Slot(116, Width.FLOAT32),
		new Slot(123, Width.UINT8), new Slot(124, Width.FLOAT32), new Slot(128, Width.FLOAT32),
		new Slot(252, Width.INT16), new Slot(254, Width.INT16),
		new Slot(256, Width.FLOAT32), new Slot(268, Width.FLOAT32), new Slot(280, Width.FLOAT32));

	static final NiftiLayout NIFTI2 = new NiftiLayout(2, NiftiHeader.NIFTI2_SIZE, 4, true, 240,
		new Slot(16, Width.INT64), new Slot(504, Width.INT32), new Slot(12, Width.INT16), new Slot(14, Width.INT16),
		new Slot(104, Width.FLOAT64), new Slot(168, Width.INT64), new Slot(176, Width.FLOAT64), new Slot(184, Width.FLOAT64),
		new Slot(500, Width.INT32), new Slot(192, Width.FLOAT64), new Slot(200, Width.FLOAT64),
		new Slot(344, Width.INT32), new Slot(348, Width.INT32),
		new Slot(352, Width.FLOAT64), new Slot(376, Width.FLOAT64), new Slot(400, Width.FLOAT64));

	/** The four bytes NIfTI-2 puts after its magic, so that a text-mode transfer shows. */
	static final byte[] SIGNATURE = { 0x0D, 0x0A, 0x1A, 0x0A };

	final int version;
	final int size;
	/** Offset of the 4-byte magic. */
	final int magicAt;
	/** Whether {@link #SIGNATURE} follows the magic. */
	final boolean signed;
	/** Offset of the 80-byte description. */
	final int descripAt;
	/** The fields, in the order of the tables above. */
	private final Slot[] slots;

	private NiftiLayout(final int version, final int size, final int magicAt, final boolean signed, final int descripAt, final Slot... slots) {
		this.version = version;
		this.size = size;
		this.magicAt = magicAt;
		this.signed = signed;
		this.descripAt = descripAt;
		this.slots = slots;
	}

	Slot dim() { return slots[0]; }
	Slot intentCode() { return slots[1]; }
	Slot datatype() { return slots[2]; }
	Slot bitpix() { return slots[3]; }
	Slot pixdim() { return slots[4]; }
	Slot voxOffset() { return slots[5]; }
	Slot sclSlope() { return slots[6]; }
	Slot sclInter() { return slots[7]; }
	Slot xyztUnits() { return slots[8]; }
	Slot calMax() { return slots[9]; }
	Slot calMin() { return slots[10]; }
	Slot qformCode() { return slots[11]; }
	Slot sformCode() { return slots[12]; }
	Slot quatern() { return slots[13]; }
	Slot qoffset() { return slots[14]; }
	Slot srow() { return slots[15]; }

	static NiftiLayout of(final int version) {
		return version == 2 ? NIFTI2 : NIFTI1;
	}

	/** The magic of a single .nii file ("n+1") or of a .hdr/.img pair ("ni1"). */
	String magic(final boolean singleFile) {
		return (singleFile ? "n+" : "ni") + version;
	}
}

package org.medprep.io.dicom;

/**
 * DICOM value representations (PS3.5 6.2) with what the parser needs to know
 * about each: the length field size in explicit VR, whether the value is text,
 * and the width of binary numbers (for byte swapping in big endian).
 */
public enum Vr {
	AE(false, true, 0), AS(false, true, 0), AT(false, false, 2), CS(false, true, 0), DA(false, true, 0),
	DS(false, true, 0), DT(false, true, 0), FL(false, false, 4), FD(false, false, 8), IS(false, true, 0),
	LO(false, true, 0), LT(false, true, 0), PN(false, true, 0), SH(false, true, 0), SL(false, false, 4),
	SS(false, false, 2), ST(false, true, 0), TM(false, true, 0), UI(false, true, 0), UL(false, false, 4),
	US(false, false, 2),
	OB(true, false, 1), OD(true, false, 8), OF(true, false, 4), OL(true, false, 4), OV(true, false, 8),
	OW(true, false, 2), SQ(true, false, 0), SV(true, false, 8), UC(true, true, 0), UN(true, false, 1),
	UR(true, true, 0), UT(true, true, 0), UV(true, false, 8);

	private final boolean longLength;
	private final boolean text;
	private final int wordSize;

	Vr(final boolean longLength, final boolean text, final int wordSize) {
		this.longLength = longLength;
		this.text = text;
		this.wordSize = wordSize;
	}

	/**
	 * True for the VRs coded in explicit VR with 2 reserved bytes and a 32-bit
	 * length (OB OD OF OL OV OW SQ SV UC UN UR UT UV); PS3.5 7.1.2.
	 */
	public boolean hasLongLength() { return longLength; }

	/** Character string VRs (values padded with spaces, UI with a NUL). */
	public boolean isText() { return text; }

	/** Bytes per binary number, swapped as a unit in big endian; 0 for text and SQ, 1 for OB/UN (never swapped). */
	public int wordSize() { return wordSize; }

	/** Undefined length is allowed only for these (PS3.5 7.1.2). */
	public boolean allowsUndefinedLength() {
		return this == SQ || this == UN || this == OB || this == OW || this == OD || this == OF || this == OL || this == OV;
	}

	/** The VR of a 2-letter code, or null if the code is not a known VR (the caller decides what that means). */
	static Vr ofCode(final char a, final char b) {
		final String code = new String(new char[] { a, b });
		for (final Vr vr : values())
			if (vr.name().equals(code)) return vr;
		return null;
	}

	static Vr ofName(final String name) {
		try {
			return valueOf(name);
		}
		catch (final IllegalArgumentException e) {
			return UN;
		}
	}
}

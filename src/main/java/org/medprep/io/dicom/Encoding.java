package org.medprep.io.dicom;

/** How the elements of a data set (or of one item) are coded: VR explicit or not, byte order. */
public enum Encoding {
	IMPLICIT_LITTLE(false, false), EXPLICIT_LITTLE(true, false), EXPLICIT_BIG(true, true);

	private final boolean explicitVr;
	private final boolean bigEndian;

	Encoding(final boolean explicitVr, final boolean bigEndian) {
		this.explicitVr = explicitVr;
		this.bigEndian = bigEndian;
	}

	public boolean isExplicitVr() { return explicitVr; }
	public boolean isBigEndian() { return bigEndian; }
}

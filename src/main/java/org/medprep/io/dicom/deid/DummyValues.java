package org.medprep.io.dicom.deid;

import java.nio.charset.StandardCharsets;

/**
 * Dummy values for action D, chosen per VR so every output value is valid for its VR and obviously
 * synthetic (already even-length, padded per PS3.5 6.2):
 * <pre>
 *  PN                         "ANONYMOUS"  (+ space pad)
 *  AE CS LO SH ST LT UT UC     "ANONYMOUS"  (+ space pad)
 *  UR                          "ANONYMOUS"
 *  DA                          "19000101"
 *  TM                          "000000"
 *  DT                          "19000101000000"
 *  AS                          "000Y"
 *  IS DS                       "0 "
 *  UI                          "2.25.0" (+ NUL)  (only reached if a UI row says D)
 *  US SS / UL SL FL / FD SV UV zero of the VR's size
 *  AT                          (0000,0000)
 *  OB OW OF OD OL OV UN        zero of one word (2, 4 or 8 bytes)
 * </pre>
 * Sequences are handled by the de-identifier (one empty item).
 */
final class DummyValues {

	static final String TEXT = "ANONYMOUS";

	private DummyValues() {}

	static byte[] forVr(final String vr) {
		switch (vr) {
			case "DA": return ascii("19000101");
			case "TM": return ascii("000000");
			case "DT": return ascii("19000101000000");
			case "AS": return ascii("000Y");
			case "IS":
			case "DS": return ascii("0 ");
			case "UI": return ascii("2.25.0\0");
			case "US":
			case "SS":
			case "OB":
			case "OW":
			case "UN": return new byte[2];
			case "UL":
			case "SL":
			case "FL":
			case "AT":
			case "OF":
			case "OL": return new byte[4];
			case "FD":
			case "SV":
			case "UV":
			case "OD":
			case "OV": return new byte[8];
			default: return ascii(TEXT + " "); // PN AE CS LO SH ST LT UT UC UR: 9 chars + space pad
		}
	}

	static byte[] ascii(final String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}
}

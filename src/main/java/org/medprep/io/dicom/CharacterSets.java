package org.medprep.io.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Specific Character Set (0008,0005) terms to Java charsets (single-byte and UTF-8 ones; ISO 2022 escapes are not interpreted). */
final class CharacterSets {

	private CharacterSets() {}

	static Charset of(final String[] terms) {
		// With code extensions the first value names the default repertoire; later ones are switched to by escapes.
		final String t = terms.length == 0 ? "" : terms[terms.length == 1 ? 0 : 1].replace("ISO 2022 ", "ISO_");
		switch (t) {
			case "ISO_IR 192": return StandardCharsets.UTF_8;
			case "GB18030": case "GBK": return forName("GB18030");
			case "ISO_IR 101": case "ISO_IR_101": return forName("ISO-8859-2");
			case "ISO_IR 109": case "ISO_IR_109": return forName("ISO-8859-3");
			case "ISO_IR 110": case "ISO_IR_110": return forName("ISO-8859-4");
			case "ISO_IR 144": case "ISO_IR_144": return forName("ISO-8859-5");
			case "ISO_IR 127": case "ISO_IR_127": return forName("ISO-8859-6");
			case "ISO_IR 126": case "ISO_IR_126": return forName("ISO-8859-7");
			case "ISO_IR 138": case "ISO_IR_138": return forName("ISO-8859-8");
			case "ISO_IR 148": case "ISO_IR_148": return forName("ISO-8859-9");
			case "ISO_IR 166": case "ISO_IR_166": return forName("TIS-620");
			default: return StandardCharsets.ISO_8859_1; // default repertoire (ASCII) and ISO_IR 100
		}
	}

	private static Charset forName(final String name) {
		return Charset.isSupported(name) ? Charset.forName(name) : StandardCharsets.ISO_8859_1;
	}
}

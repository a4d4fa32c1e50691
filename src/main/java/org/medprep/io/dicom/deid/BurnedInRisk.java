package org.medprep.io.dicom.deid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a file may carry PHI burned into its pixels, which this de-identifier cannot
 * remove (it never changes pixel data). Flagged files are by default not written.
 * <p>
 * Signals (the first from the standard, the rest MedPrep heuristics after dicom-parsing-facts.md):
 * <ul>
 * <li>Burned In Annotation (0028,0301) = YES;</li>
 * <li>Modality US, XA, RF, ES, OP, XC, SC, OT, DOC (ultrasound, fluoroscopy, endoscopy and
 * photography screens, secondary capture, "other");</li>
 * <li>SOP Class: any Secondary Capture (1.2.840.10008.5.1.4.1.1.7 and .7.x, including multi-frame
 * true colour), ultrasound (1.2.840.10008.5.1.4.1.1.6.x, 1.2.840.10008.5.1.4.1.1.3.1), video
 * photographic/endoscopic (1.2.840.10008.5.1.4.1.1.77.1.x), encapsulated PDF/CDA (…104.x);</li>
 * <li>Image Type (0008,0008) with a value "SCREEN SAVE" or "SCREENSHOT" (vendor screenshots).</li>
 * </ul>
 * CT and MR are not flagged by modality (PS3.15 E.3.1: CT normally carries no burned-in text).
 */
public final class BurnedInRisk {

	private static final Set<String> MODALITIES = new HashSet<>(Arrays.asList("US", "XA", "RF", "ES", "OP", "XC", "SC", "OT", "DOC"));
	private static final String[] SOP_CLASS_PREFIXES = { "1.2.840.10008.5.1.4.1.1.7", "1.2.840.10008.5.1.4.1.1.6.",
		"1.2.840.10008.5.1.4.1.1.3.1", "1.2.840.10008.5.1.4.1.1.77.1.", "1.2.840.10008.5.1.4.1.1.104." };

	private BurnedInRisk() {}

	/**
	 * Reasons to flag, empty if none. Arguments are the trimmed attribute values ("" when absent).
	 * Reasons name attributes and standard codes only, never patient data.
	 */
	public static List<String> reasons(final String burnedInAnnotation, final String modality, final String sopClassUid,
		final String imageType)
	{
		final List<String> r = new ArrayList<>();
		if ("YES".equalsIgnoreCase(burnedInAnnotation.trim())) r.add("BurnedInAnnotation=YES");
		final String m = modality.trim().toUpperCase(Locale.ROOT);
		if (MODALITIES.contains(m)) r.add("Modality=" + m);
		final String sop = UidMapper.trimUid(sopClassUid);
		for (final String p : SOP_CLASS_PREFIXES)
			if (sop.equals(p) || sop.startsWith(p.endsWith(".") ? p : p + ".")) {
				r.add("SOPClass=" + sop);
				break;
			}
		for (final String v : imageType.toUpperCase(Locale.ROOT).split("\\\\"))
			if (v.trim().equals("SCREEN SAVE") || v.trim().equals("SCREENSHOT")) {
				r.add("ImageType=" + v.trim());
				break;
			}
		return Collections.unmodifiableList(r);
	}
}

package org.medprep.io.dicom.deid;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The private elements kept by the Retain Safe Private option: a small allow-list taken from
 * PS3.15 Table E.3.10-1 (Safe Private Attributes), limited to acquisition parameters a training
 * pipeline needs (diffusion b-values and directions, PET SUV scaling). Private elements are
 * identified by (group, private creator, element low byte), since creators take the first free
 * block and blocks move between files (PS3.5 7.8.1). Everything else private is removed, and so is
 * every private element whose block has no creator.
 */
public final class SafePrivateTags {

	private static final Set<String> SAFE = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
		key(0x0019, "SIEMENS MR HEADER", 0x0C), // B_value
		key(0x0019, "SIEMENS MR HEADER", 0x0D), // DiffusionDirectionality
		key(0x0019, "SIEMENS MR HEADER", 0x0E), // DiffusionGradientDirection
		key(0x0019, "SIEMENS MR HEADER", 0x27), // B_matrix
		key(0x0043, "GEMS_PARM_01", 0x39), // slop_int_6..9 (b-value and scaling)
		key(0x2001, "Philips Imaging DD 001", 0x03), // Diffusion B-Factor
		key(0x2001, "Philips Imaging DD 001", 0x04), // Diffusion Direction
		key(0x7053, "Philips PET Private Group", 0x00), // SUV Factor
		key(0x7053, "Philips PET Private Group", 0x09)))); // Activity Concentration Scale Factor

	private SafePrivateTags() {}

	/** Whether (group, creator, low byte of the element) is on the allow-list (creator compared trimmed, case-insensitive). */
	public static boolean isSafe(final int group, final String creator, final int elementLowByte) {
		return SAFE.contains(key(group, creator, elementLowByte));
	}

	/** The allow-list as "(gggg,xxee,creator)" strings, for documentation and the audit. */
	public static Set<String> entries() { return SAFE; }

	private static String key(final int group, final String creator, final int low) {
		return String.format("(%04X,xx%02X,%s)", group, low & 0xFF, creator.trim().toUpperCase(Locale.ROOT));
	}
}

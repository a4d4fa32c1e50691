package org.medprep.io.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConfidentialityProfileTest {

	private static final ConfidentialityProfile P = ConfidentialityProfile.standard();
	private static final Set<DeidOption> NONE = Collections.emptySet();

	private static DeidAction basic(final int tag) {
		return P.actionFor(tag, NONE).orElseThrow(() -> new AssertionError("tag not in table"));
	}

	@Test
	void loadsEveryRowOfTable() {
		// 621 rows in Table E.1-1 2024b: 620 attributes or patterns + the private attributes row.
		assertEquals(620, P.entries().size());
		assertEquals("X", P.privateAttributes().basicCode());
		assertEquals(DeidAction.CLEAN, P.privateAttributes().action(EnumSet.of(DeidOption.RETAIN_SAFE_PRIVATE)));
	}

	@Test
	void singleActionsAsInTable() {
		assertEquals(DeidAction.ZERO, basic(0x00100010)); // Patient's Name Z
		assertEquals(DeidAction.ZERO, basic(0x00080050)); // Accession Number Z
		assertEquals(DeidAction.REPLACE_UID, basic(0x00080018)); // SOP Instance UID U
		assertEquals(DeidAction.REMOVE, basic(0x04000561)); // Original Attributes Sequence X
		assertEquals(DeidAction.DUMMY, basic(0x0040A123)); // Person Name D
		assertEquals(DeidAction.REMOVE, basic(0x00101010)); // Patient's Age X
	}

	@Test
	void compoundActionsTakeStricterChoice() {
		assertEquals("Z/D", P.entryFor(0x00100020).get().basicCode()); // Patient ID, Z/D since 2024b
		assertEquals(DeidAction.ZERO, basic(0x00100020));
		assertEquals(DeidAction.REMOVE, basic(0x00080080)); // Institution Name X/Z/D
		assertEquals(DeidAction.REMOVE, basic(0x00080021)); // Series Date X/D
		assertEquals(DeidAction.REMOVE, basic(0x00080022)); // Acquisition Date X/Z
		assertEquals(DeidAction.ZERO, basic(0x00080023)); // Content Date Z/D
		assertEquals(DeidAction.REPLACE_UID, basic(0x00081140)); // Referenced Image Sequence X/Z/U*
		assertEquals(DeidAction.DUMMY, ConfidentialityProfile.resolveCompound("D"));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfidentialityProfile.resolveCompound("X/Q"));
		assertTrue(e.getMessage().contains("X/Q"), e.getMessage());
	}

	@Test
	void optionsOverrideBasicAction() {
		assertEquals(DeidAction.KEEP, P.actionFor(0x00080021, EnumSet.of(DeidOption.RETAIN_LONG_FULL_DATES)).get());
		assertEquals(DeidAction.CLEAN, P.actionFor(0x00080021, EnumSet.of(DeidOption.RETAIN_LONG_MODIFIED_DATES)).get());
		assertEquals(DeidAction.KEEP, P.actionFor(0x00101010, EnumSet.of(DeidOption.RETAIN_PATIENT_CHARACTERISTICS)).get());
		assertEquals(DeidAction.KEEP, P.actionFor(0x00181000, EnumSet.of(DeidOption.RETAIN_DEVICE_IDENTITY)).get());
		assertEquals(DeidAction.KEEP, P.actionFor(0x00080080, EnumSet.of(DeidOption.RETAIN_INSTITUTION_IDENTITY)).get());
		assertEquals(DeidAction.KEEP, P.actionFor(0x0020000D, EnumSet.of(DeidOption.RETAIN_UIDS)).get());
		assertEquals(DeidAction.CLEAN, P.actionFor(0x0008103E, EnumSet.of(DeidOption.CLEAN_DESCRIPTORS)).get());
		// an option without a cell in the row leaves the basic action
		assertEquals(DeidAction.ZERO, P.actionFor(0x00100010, EnumSet.allOf(DeidOption.class)).get());
		// Device UID has K under both Retain UIDs and Retain Device Identity
		assertEquals(DeidAction.KEEP, P.actionFor(0x00181002, EnumSet.of(DeidOption.RETAIN_UIDS, DeidOption.RETAIN_DEVICE_IDENTITY)).get());
	}

	@Test
	void repeatingGroupPatterns() {
		assertEquals(DeidAction.REMOVE, basic(0x60003000)); // Overlay Data (60xx,3000)
		assertEquals(DeidAction.REMOVE, basic(0x601E3000));
		assertEquals(DeidAction.REMOVE, basic(0x60024000)); // Overlay Comments
		assertEquals(DeidAction.REMOVE, basic(0x50001234)); // Curve Data (50xx,xxxx)
		assertFalse(P.entryFor(0x60000010).isPresent()); // Overlay Rows: not in the table
		assertFalse(P.entryFor(0x60013000).isPresent()); // odd group: private, not the pattern
		assertFalse(P.entryFor(0x00280010).isPresent()); // Rows
	}

	@Test
	void badTableMessagesNameTheProblem() {
		final String header = "tag,keyword,name,basic_profile_action,retain_long_full_dates,retain_long_modified_dates,"
			+ "retain_patient_characteristics,retain_device_identity,retain_institution_identity,retain_uids,"
			+ "retain_safe_private,clean_descriptors,clean_structured_content,clean_graphics\n";
		final IOException e1 = assertThrows(IOException.class, () -> ConfidentialityProfile.parse(
			new BufferedReader(new StringReader("tag,keyword,name\n")), "t.csv"));
		assertTrue(e1.getMessage().contains("basic_profile_action"), e1.getMessage());
		final IOException e2 = assertThrows(IOException.class, () -> ConfidentialityProfile.parse(
			new BufferedReader(new StringReader(header + "\"(0010,001G)\",K,N,X,,,,,,,,,,\n")), "t.csv"));
		assertTrue(e2.getMessage().contains("line 2") && e2.getMessage().contains("(0010,001G)"), e2.getMessage());
		final IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class, () -> ConfidentialityProfile.parse(
			new BufferedReader(new StringReader(header + "\"(0010,0010)\",K,N,Q,,,,,,,,,,\n")), "t.csv"));
		assertTrue(e3.getMessage().contains("'Q'"), e3.getMessage());
	}
}

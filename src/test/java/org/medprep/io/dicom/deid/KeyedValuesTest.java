package org.medprep.io.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UID mapping, pseudonyms, date offsets and date shifting: known answers computed with Python's hmac. */
class KeyedValuesTest {

	private static final DeidKey KEY = new DeidKey("secret-key");

	@Test
	void uidKnownAnswerAndFormat() {
		// python: '2.25.' + str(int.from_bytes(hmac.new(b'secret-key', b'uid:' + uid, sha256).digest()[:16], 'big'))
		final UidMapper m = new UidMapper(KEY);
		assertEquals("2.25.170432814130503469517624816487693943970", m.map("1.2.826.0.1.3680043.8.498.77.1"));
		assertEquals(m.map("1.2.826.0.1.3680043.8.498.77.1"), m.map("1.2.826.0.1.3680043.8.498.77.1\0"));
		assertEquals(m.map("1.2.3"), new UidMapper(new DeidKey("secret-key")).map("1.2.3"), "same key, other run");
		assertNotEquals(m.map("1.2.3"), new UidMapper(new DeidKey("other-key")).map("1.2.3"));
		for (int i = 0; i < 200; i++) {
			final String u = m.map("1.2.840.99." + i);
			assertTrue(u.length() <= 64 && u.matches("2\\.25\\.(0|[1-9][0-9]*)"), u);
		}
		assertEquals(m.map("1.2.3") + "\\" + m.map("1.2.4"), m.mapValues("1.2.3\\1.2.4\0"));
		assertEquals("", m.map("\0"));
		assertTrue(UidMapper.isStandardUid("1.2.840.10008.5.1.4.1.1.2\0"));
		assertFalse(UidMapper.isStandardUid("1.2.840.100081"));
	}

	@Test
	void emptyKeyRejected() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DeidKey(""));
		assertTrue(e.getMessage().contains("key"), e.getMessage());
	}

	@Test
	void hashedPseudonymAndOffsetKnownAnswers() throws DeidException {
		final PatientPseudonyms p = PatientPseudonyms.hashed(KEY);
		assertEquals("ANONFFB5722E8BA3BDAD", p.pseudonym("PID938271X "));
		assertEquals(85, p.dateOffsetDays("PID938271X"));
		for (int i = 0; i < 100; i++) {
			final int d = p.dateOffsetDays("P" + i);
			assertTrue(d >= 1 && d <= PatientPseudonyms.MAX_OFFSET_DAYS, "offset " + d);
		}
	}

	@Test
	void mappingCsv(@TempDir final Path dir) throws IOException, DeidException {
		final Path csv = dir.resolve("map.csv");
		Files.write(csv, Arrays.asList("# test", "PatientID,pseudonym", "PID938271X,SUBJ-001", "\"A,B\",SUBJ-002"), StandardCharsets.UTF_8);
		final PatientPseudonyms p = PatientPseudonyms.fromCsv(KEY, csv);
		assertEquals("SUBJ-001", p.pseudonym("PID938271X"));
		assertEquals("SUBJ-002", p.pseudonym("A,B"));
		final DeidException e = assertThrows(DeidException.class, () -> p.pseudonym("SECRET-ID-77"));
		assertTrue(e.getMessage().contains("map.csv") && !e.getMessage().contains("SECRET-ID-77"), e.getMessage());

		Files.write(csv, Arrays.asList("X1,S1", "X1,S2"), StandardCharsets.UTF_8);
		final IOException dup = assertThrows(IOException.class, () -> PatientPseudonyms.fromCsv(KEY, csv));
		assertTrue(dup.getMessage().contains("line 2") && dup.getMessage().contains("twice") && !dup.getMessage().contains("X1"), dup.getMessage());
		Files.write(csv, Collections.singletonList("X1,S^1"), StandardCharsets.UTF_8);
		final IOException bad = assertThrows(IOException.class, () -> PatientPseudonyms.fromCsv(KEY, csv));
		assertTrue(bad.getMessage().contains("line 1"), bad.getMessage());
	}

	@Test
	void dateShift() {
		assertEquals("20240224", DateShifter.shiftDate("20240305", 10).get());
		assertEquals("20240229", DateShifter.shiftDate("20240301", 1).get()); // leap day
		assertEquals("20231231\\20230101", DateShifter.shiftDate("20240101\\20230102", 1).get());
		assertEquals("20240224", DateShifter.shiftDate("2024.03.05", 10).get());
		assertEquals("20240224101500.000000+0100", DateShifter.shiftDateTime("20240305101500.000000+0100", 10).get());
		assertFalse(DateShifter.shiftDate("2024", 10).isPresent());
		assertFalse(DateShifter.shiftDate("20241345", 10).isPresent());
		assertFalse(DateShifter.shiftDateTime("202403", 10).isPresent());
	}

	@Test
	void burnedInRisk() {
		assertEquals(Collections.emptyList(), BurnedInRisk.reasons("NO", "CT", "1.2.840.10008.5.1.4.1.1.2", "ORIGINAL\\PRIMARY"));
		assertEquals(Arrays.asList("BurnedInAnnotation=YES"), BurnedInRisk.reasons("YES ", "CT", "1.2.840.10008.5.1.4.1.1.2", ""));
		assertEquals(Arrays.asList("Modality=US", "SOPClass=1.2.840.10008.5.1.4.1.1.6.1"),
			BurnedInRisk.reasons("", "US", "1.2.840.10008.5.1.4.1.1.6.1\0", ""));
		// multi-frame true colour secondary capture
		assertEquals(Arrays.asList("SOPClass=1.2.840.10008.5.1.4.1.1.7.4"), BurnedInRisk.reasons("", "", "1.2.840.10008.5.1.4.1.1.7.4", ""));
		assertEquals(Arrays.asList("ImageType=SCREEN SAVE"), BurnedInRisk.reasons("", "MR", "1.2.840.10008.5.1.4.1.1.4", "DERIVED\\SECONDARY\\SCREEN SAVE"));
		// "...1.1.7" must not match "...1.1.78.x" (ophthalmic tomography) by string prefix
		assertEquals(Collections.emptyList(), BurnedInRisk.reasons("", "OPT", "1.2.840.10008.5.1.4.1.1.78.4", ""));
		assertEquals(Arrays.asList("SOPClass=1.2.840.10008.5.1.4.1.1.77.1.4"), BurnedInRisk.reasons("", "", "1.2.840.10008.5.1.4.1.1.77.1.4", ""));
	}
}

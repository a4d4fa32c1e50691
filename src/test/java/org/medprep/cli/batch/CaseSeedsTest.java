package org.medprep.cli.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Seeds of a batch: a pure function of master seed, case and step, with the values Python's hashlib gives. */
class CaseSeedsTest {

	@Test
	void derivedSeedsMatchTheDocumentedFormula() {
		// int.from_bytes(hashlib.sha256(f"{m}/{case}/{step}".encode()).digest()[:8], "big") >> 12
		assertEquals(1800450158776652L, CaseSeeds.derive(42, "case001", 3));
		assertEquals(2902053754654420L, CaseSeeds.derive(42, "case002", 3));
		assertEquals(3739051111635192L, CaseSeeds.derive(7, "a", 1));
		assertEquals(1626411745495081L, CaseSeeds.derive(-5, "s002_CT_1f3a9c0e", 2));
	}

	@Test
	void casesAndStepsDiffer() {
		assertNotEquals(CaseSeeds.derive(42, "a", 1), CaseSeeds.derive(42, "a", 2));
		assertNotEquals(CaseSeeds.derive(42, "a", 1), CaseSeeds.derive(43, "a", 1));
		for (int i = 0; i < 1000; i++) {
			final long s = CaseSeeds.derive(i, "case" + i, i % 7);
			assertEquals(0, s >>> 52, "below 2^52: " + s);
		}
	}
}

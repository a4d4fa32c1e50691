package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.ThreadCount;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.ui.UIService;

class CliContextTest {

	/** The context started early is the first run's, with the run's services and thread count; the next run gets a new one. */
	@Test
	void theFirstRunTakesTheContextStartedEarly() {
		CliContext.startEarly(true);
		try (Context first = CliContext.create(3); Context second = CliContext.create(2)) {
			assertNotSame(first, second);
			for (final Context c : new Context[] { first, second }) {
				assertNotNull(c.getService(CommandService.class));
				assertNull(c.getService(UIService.class), "the CLI's context has no UI");
			}
			assertEquals(3, first.service(ThreadCount.class).count());
			assertEquals(2, second.service(ThreadCount.class).count());
		}
	}

	/** ISA-L's library is loaded early unless the command line surely reads and writes no gzip. */
	@Test
	void gzipIsExpectedUnlessTheFormatAndTheFilesSayOtherwise() {
		assertTrue(CliContext.mayUseGzip("run", "--step", "x", "-i", "ct.tif", "-o", "out"), "the default output is .nii.gz");
		assertTrue(CliContext.mayUseGzip("run", "-i", "ct.NII.GZ", "-o", "out", "--format", "tif"), "a .gz input");
		assertTrue(CliContext.mayUseGzip("run", "-i", "ct.tif", "-o", "out", "--format=nii.gz"));
		assertFalse(CliContext.mayUseGzip("run", "-i", "ct.tif", "-o", "out", "--format", "tif"));
		assertFalse(CliContext.mayUseGzip("run", "-i", "ct.nii", "-o", "out", "--format=mha"));
		assertFalse(CliContext.mayUseGzip("list"));
		assertFalse(CliContext.mayUseGzip("anonymize", "in/", "out/", "--key-file", "k"));
	}
}
package org.medprep.commands.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import java.awt.event.KeyEvent;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.engine.Threads;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.testutil.TestVolumes;

/**
 * Long commands stop within a second of Esc (ImageJ's escape flag), end with
 * one line and make no output; core's parallel loops pass the checkpoint.
 */
class CommandProgressTest extends HeadlessCommandTest {

	@AfterEach
	void resetEscape() {
		IJ.resetEscape();
	}

	@Test
	void escStopsN4AndElasticWithinASecondWithoutOutput() throws Exception {
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(new CtPhantom(192, 192, 96, new double[] { 1, 1, 1.5 }, 10, 3).image(), "ct", null);
		final double[] before = TestVolumes.values(ImagePlusVolumes.toVolume(ct).data());
		// far more work than the test waits for: minutes without Esc
		assertStopsWithinASecond("N4 Bias Correction", "shrink_factor=1 iterations=400,400,400,400 convergence=0", ct);
		assertStopsWithinASecond("Random Elastic", "seed=1 sigma=40 alpha=8", ct);
		org.junit.jupiter.api.Assertions.assertArrayEquals(before, TestVolumes.values(ImagePlusVolumes.toVolume(ct).data()), 0);
	}

	private static void assertStopsWithinASecond(final String label, final String options, final ImagePlus ct) throws InterruptedException {
		IJ.resetEscape();
		final AtomicLong pressed = new AtomicLong();
		final Thread esc = new Thread(() -> {
			try {
				Thread.sleep(label.startsWith("N4") ? 2000 : 300);
			}
			catch (final InterruptedException e) {
				return;
			}
			pressed.set(System.nanoTime());
			IJ.setKeyDown(KeyEvent.VK_ESCAPE);
		});
		esc.start();
		final CommandFailedException e = assertThrows(CommandFailedException.class,
			() -> invocation.run(new CommandCatalog(commands).byLabel(label), options, ct), label + " was not stopped");
		final long stopped = System.nanoTime();
		esc.join();
		assertTrue(pressed.get() > 0, label + " ended before Esc was pressed");
		final double latency = (stopped - pressed.get()) / 1e9;
		System.out.printf("%s stopped %.3f s after Esc%n", label, latency);
		assertTrue(latency < 1.0, label + " took " + latency + " s to stop");
		assertTrue(e.getMessage().startsWith(label + ": " + label + " was stopped"), e.getMessage());
	}

	@Test
	void parallelLoopsCheckForStopRequestsAndReportProgress() {
		final AtomicLong calls = new AtomicLong();
		final CommandProgress progress = CommandProgress.of(null, null, "Test");
		final Integer r = Threads.call(context, () -> {
			org.medprep.core.Planes.scan(TestVolumes.floats(new long[] { 4, 4, 8 }, new double[128]).data(), null, (z, v, w) -> {
				calls.incrementAndGet();
				return null;
			});
			return 1;
		}, progress);
		assertEquals(1, r);
		assertEquals(8, calls.get());
		IJ.setKeyDown(KeyEvent.VK_ESCAPE);
		assertThrows(CancellationException.class, () -> Threads.call(context, () -> {
			org.medprep.core.Planes.scan(TestVolumes.floats(new long[] { 4, 4, 8 }, new double[128]).data(), null, (z, v, w) -> null);
			return 1;
		}, CommandProgress.of(null, null, "Test")));
	}
}

package org.medprep.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ij.ImagePlus;
import ij.Prefs;

import org.junit.jupiter.api.Test;
import org.medprep.commands.augment.RandomElasticCommand;
import org.medprep.commands.engine.ThreadCount;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.geometry.ResampleToSpacingCommand;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.testutil.TestVolumes;

import net.imglib2.parallel.Parallelization;

/**
 * A context's thread count reaches the operations explicitly, without
 * ImageJ's global preference, and the results do not depend on it.
 */
class ThreadCountTest extends HeadlessCommandTest {

	private static ImagePlus ct() {
		return ImagePlusVolumes.toImagePlus(new CtPhantom(40, 36, 12, new double[] { 1, 1.2, 2.5 }, 10, 3).image(), "ct", null);
	}

	private static double[] run(final Class<?> command, final String options) {
		final ImagePlus out = (ImagePlus) invocation.run(commands.getCommand(command.getName()), options, ct()).outputs().get("result");
		return TestVolumes.values(ImagePlusVolumes.toVolume(out).data());
	}

	@Test
	void theContextsCountIsTheParallelismOfTheWork() {
		final ThreadCount threads = context.service(ThreadCount.class);
		final int before = Prefs.getThreads();
		try {
			threads.set(3);
			assertEquals(3, (int) Threads.call(context, () -> Parallelization.getTaskExecutor().getParallelism()));
			threads.set(1);
			assertEquals(1, (int) Threads.call(context, () -> Parallelization.getTaskExecutor().getParallelism()));
			assertEquals(before, Prefs.getThreads(), "ImageJ's preference is left alone");
		}
		finally {
			threads.set(Math.max(1, before));
		}
	}

	@Test
	void resultsAreBitIdenticalAtAnyCount() {
		final ThreadCount threads = context.service(ThreadCount.class);
		final int before = Math.max(1, Prefs.getThreads());
		try {
			threads.set(1);
			final double[] elastic1 = run(RandomElasticCommand.class, "seed=7");
			final double[] resample1 = run(ResampleToSpacingCommand.class, "spacing_x=0.7 spacing_y=0.9 spacing_z=1.3 interpolation=[cubic B-spline]");
			threads.set(4);
			assertArrayEquals(elastic1, run(RandomElasticCommand.class, "seed=7"), 0);
			assertArrayEquals(resample1, run(ResampleToSpacingCommand.class, "spacing_x=0.7 spacing_y=0.9 spacing_z=1.3 interpolation=[cubic B-spline]"), 0);
		}
		finally {
			threads.set(before);
		}
	}

	@Test
	void aCountBelowOneIsRefused() {
		assertEquals("the thread count must be at least 1, got 0",
			assertThrows(IllegalArgumentException.class, () -> context.service(ThreadCount.class).set(0)).getMessage());
	}
}

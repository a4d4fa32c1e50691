package org.medprep.cli;

import java.lang.management.ManagementFactory;

/**
 * Where a run's time goes, for whoever tunes it: with {@code -Dmedprep.timing=true}
 * each phase (JVM start, context, read, write, ...) prints one line to the error
 * stream with the wall time since the JVM started and the process's CPU time so
 * far (all threads). Off by default, and then costs one boolean test.
 */
final class PhaseTimes {

	private static final boolean ON = Boolean.getBoolean("medprep.timing");

	private PhaseTimes() {}

	/** Prints {@code what} has ended, with the clocks; nothing unless timing is on. */
	static void mark(final String what) {
		if (!ON) return;
		final double wall = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
		final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		final double cpu = os instanceof com.sun.management.OperatingSystemMXBean ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9
			: Double.NaN;
		System.err.printf("timing: %-34s %6.2f s wall %6.2f s CPU%n", what, wall, cpu);
	}
}

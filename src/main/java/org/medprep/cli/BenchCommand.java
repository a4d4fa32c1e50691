package org.medprep.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

import org.medprep.bench.BenchmarkCase;
import org.medprep.bench.BenchmarkSuite;
import org.medprep.core.Volume;
import org.medprep.io.ImageFormats;

import net.imglib2.parallel.Parallelization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code medprep bench}: runs the benchmark suites and reports, per case, the
 * median time of several runs after a warm-up, the median process CPU time
 * per run (all threads; on a shared machine it shows the work when the wall
 * time shows the queue), voxels per second, the peak heap used during the runs
 * (above what the input already held), and both times as multiples of the
 * suite's baseline case.
 */
@Command(name = "bench", description = "Benchmark the operations: voxels/s and peak memory on standard volumes.")
final class BenchCommand implements Callable<Integer> {

	@Option(names = "--suite", description = "Only these suites (e.g. intensity); default: all.")
	List<String> suites = new ArrayList<>();

	@Option(names = "--quick", description = "Small inputs: checks every case runs, in seconds.")
	boolean quick;

	@Option(names = "--repeat", defaultValue = "5", description = "Timed runs per case (default: ${DEFAULT-VALUE}).")
	int repeat;

	@Option(names = "--threads", description = "Threads (default: all cores).")
	Integer threads;

	@Option(names = "--input", paramLabel = "FILE", description = "A volume (NIfTI, MetaImage) to run the image suites on instead of the standard phantom.")
	Path input;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		if (repeat < 1) throw new IllegalArgumentException("--repeat must be at least 1");
		final int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
		if (n < 1) throw new IllegalArgumentException("--threads must be at least 1");
		final java.io.PrintWriter out = spec.commandLine().getOut();
		final Volume<?> volume = input == null ? null : ImageFormats.read(input);
		out.printf(Locale.ROOT, "%-64s %10s %10s %14s %12s %10s %10s%n", "case (" + n + " threads)", "median ms", "CPU ms", "voxels/s", "peak MiB",
			"x baseline", "x base CPU");
		int ran = 0;
		for (final BenchmarkSuite suite : ServiceLoader.load(BenchmarkSuite.class)) {
			if (!suites.isEmpty() && !suites.contains(suite.name())) continue;
			double baseline = Double.NaN, baselineCpu = Double.NaN;
			for (final BenchmarkCase c : suite.cases(quick, volume)) {
				final double[] result = Parallelization.runWithNumThreads(n, () -> measure(c));
				if (suite.baselineCase() != null && c.name().startsWith(suite.baselineCase())) {
					baseline = result[0];
					baselineCpu = result[2];
				}
				out.printf(Locale.ROOT, "%-64s %10.1f %10.1f %14.4g %12.1f %10s %10s%n", suite.name() + ": " + c.name(), result[0] * 1e3, result[2] * 1e3,
					c.voxels() / result[0], result[1] / (1 << 20), ratio(result[0], baseline), ratio(result[2], baselineCpu));
				out.flush();
				ran++;
			}
		}
		if (ran == 0) throw new IllegalArgumentException("no benchmark suite matched " + suites);
		return 0;
	}

	private static String ratio(final double value, final double baseline) {
		return Double.isNaN(baseline) || !(baseline > 0) ? "-" : String.format(Locale.ROOT, "%.2f", value / baseline);
	}

	/**
	 * Median wall seconds over the timed runs, the peak heap growth in bytes,
	 * and the median CPU seconds of the whole process per run (all threads,
	 * garbage collection included): on a shared machine the CPU time moves far
	 * less with other load than the wall time does.
	 */
	private double[] measure(final BenchmarkCase c) throws Exception {
		final Object input = c.setup();
		// warm-up (class loading and JIT); its result is not kept, so it counts neither in the heap before
		// the runs nor in their peak
		boolean produced = c.run(input) != null;
		System.gc();
		final long before = heapUsed();
		resetPeaks();
		final double[] seconds = new double[repeat], cpu = new double[repeat];
		for (int i = 0; i < repeat; i++) {
			// the last run's result is gone, and with it any collection its garbage would cause inside this
			// run (a 315 MB float result held while the next was made filled the young generation every
			// second run, and the median then swung between 60 and 100 ms with the pause): each run starts
			// with the empty young generation a one-file run of the CLI starts with, and collects nothing
			System.gc();
			final long c0 = processCpuNanos(), t0 = System.nanoTime();
			produced |= c.run(input) != null;
			seconds[i] = (System.nanoTime() - t0) / 1e9;
			cpu[i] = (processCpuNanos() - c0) / 1e9;
		}
		final long peak = heapPeak();
		if (!produced && input == null) throw new IllegalStateException("benchmark case produced nothing: " + c.name());
		Arrays.sort(seconds);
		Arrays.sort(cpu);
		return new double[] { seconds[repeat / 2], Math.max(0, peak - before), cpu[repeat / 2] };
	}

	/** CPU time of this process so far (0 where the JVM does not report it: the CPU columns then show "-"). */
	private static long processCpuNanos() {
		final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		return os instanceof com.sun.management.OperatingSystemMXBean ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
	}

	private static long heapUsed() {
		long used = 0;
		for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
			if (p.getType() == MemoryType.HEAP) used += p.getUsage().getUsed();
		return used;
	}

	private static void resetPeaks() {
		for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
	}

	private static long heapPeak() {
		long peak = 0;
		for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
			if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
		return peak;
	}
}

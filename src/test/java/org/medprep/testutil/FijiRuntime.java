package org.medprep.testutil;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.medprep.GeneratedFiles;

/**
 * The real ImageJ2 + imagej-legacy runtime in {@code ../shared/fiji-runtime}
 * (see its README), started as a process with MedPrep's compiled classes on its
 * class path and its preferences in a folder of the test's own. Tests that use
 * it skip, with a message, where the folder is absent, and fail there when
 * {@code medprep.requireFijiRuntime} is set (CI sets it when the folder exists).
 */
public final class FijiRuntime {

	/** What a run printed, and its "medprep-check name=value" lines. */
	public static final class Run {
		public final int exitCode;
		public final String output;

		Run(final int exitCode, final String output) {
			this.exitCode = exitCode;
			this.output = output;
		}

		public Map<String, String> checks() {
			final Map<String, String> m = new LinkedHashMap<>();
			for (final String line : output.split("\n")) {
				if (!line.startsWith("medprep-check ")) continue;
				final String kv = line.substring("medprep-check ".length());
				final int eq = kv.indexOf('=');
				m.put(kv.substring(0, eq), kv.substring(eq + 1).trim());
			}
			return m;
		}
	}

	private final Path home;

	private FijiRuntime(final Path home) {
		this.home = home;
	}

	public static Path location() {
		return GeneratedFiles.projectDir().resolve("../shared/fiji-runtime").normalize();
	}

	/** The runtime, or the test is skipped (failed when required) because the folder is absent. */
	public static FijiRuntime require() {
		if (!Files.isRegularFile(location().resolve("run.sh"))) {
			if (Boolean.getBoolean("medprep.requireFijiRuntime")) fail("the Fiji runtime is required but " + location() + " has no run.sh");
			Assumptions.abort("no Fiji runtime at " + location() + ": Fiji integration tests skipped");
		}
		return new FijiRuntime(location());
	}

	/**
	 * Runs {@code mainClass} on the runtime's class path plus MedPrep's classes and test classes,
	 * with the JVM options run.sh uses (Fiji's --add-opens), preferences in {@code prefs}, and the display
	 * this JVM has.
	 */
	public Run runMain(final Path prefs, final long timeoutSeconds, final String mainClass, final String... args)
		throws IOException, InterruptedException
	{
		final Path project = GeneratedFiles.projectDir();
		final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
			"--add-opens=java.desktop/java.awt=ALL-UNNAMED", "--add-opens=java.desktop/javax.swing=ALL-UNNAMED",
			"--add-opens=java.desktop/sun.awt=ALL-UNNAMED", "--add-opens=java.desktop/sun.awt.X11=ALL-UNNAMED", "-Xmx1g",
			"-Duser.home=" + Files.createDirectories(prefs), "-Djava.util.prefs.userRoot=" + Files.createDirectories(prefs.resolve("prefs")),
			"-cp", home.resolve("jars") + "/*:" + project.resolve("target/classes") + ":" + project.resolve("target/test-classes"), mainClass));
		command.addAll(List.of(args));
		return start(new ProcessBuilder(command).redirectErrorStream(true), prefs, timeoutSeconds);
	}

	/** Runs {@code run.sh args...} with preferences in {@code prefs} (kept between runs that share it). */
	public Run run(final Path prefs, final long timeoutSeconds, final String... args) throws IOException, InterruptedException {
		return run(prefs, timeoutSeconds, List.of(), args);
	}

	public Run run(final Path prefs, final long timeoutSeconds, final List<Path> extraClassPath, final String... args)
		throws IOException, InterruptedException
	{
		final List<String> command = new ArrayList<>();
		command.add("sh");
		command.add(home.resolve("run.sh").toString());
		command.addAll(List.of(args));
		final ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
		final StringBuilder cp = new StringBuilder(GeneratedFiles.projectDir().resolve("target/classes").toString());
		for (final Path p : extraClassPath) cp.append(':').append(p);
		pb.environment().put("FIJI_EXTRA_CP", cp.toString());
		pb.environment().put("FIJI_HOME", Files.createDirectories(prefs).toString());
		final boolean headless = command.contains("--headless");
		// headless means no display at all, as on a cluster node (and with one, AWT start-up is slow under xvfb)
		if (headless) pb.environment().remove("DISPLAY");
		pb.environment().put("JAVA_OPTS", headless ? "-Xmx1g -Djava.awt.headless=true" : "-Xmx1g");
		return start(pb, prefs, timeoutSeconds);
	}

	private static Run start(final ProcessBuilder pb, final Path prefs, final long timeoutSeconds) throws IOException, InterruptedException {
		final Path log = Files.createTempFile(prefs, "fiji", ".log");
		pb.redirectOutput(log.toFile());
		final Process p = pb.start();
		if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			fail("Fiji did not finish within " + timeoutSeconds + " s; it printed:\n" + new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
		}
		return new Run(p.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
	}
}

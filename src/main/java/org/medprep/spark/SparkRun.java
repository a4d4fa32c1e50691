package org.medprep.spark;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.medprep.cli.CaseJob;
import org.medprep.cli.DistributedRun;
import org.medprep.cli.MedPrepCli;
import org.medprep.cli.RunOptions;
import org.medprep.cli.batch.CaseRef;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code medprep spark}: {@code medprep run} on Apache Spark, with the same
 * options and the same outputs, bit for bit. The driver checks the run and
 * finds the cases as {@code medprep run} does, then gives each case that is not
 * done yet a task of its own ({@code parallelize}, one slice per case); an
 * executor reopens the case from its {@link CaseRef} (paths on a file system
 * every node mounts) and runs it through the same failure boundary and staged
 * outputs, with the seeds {@code medprep run} would derive for it. The driver
 * then appends the tasks' rows to the run's manifest and prints the summary.
 * Without a cluster (no --master, not started by spark-submit) it runs in
 * Spark's local mode on every core of this machine.
 */
@Command(name = "medprep spark",
	description = "Run recorded macro steps on every case of the inputs with Apache Spark, one task per case: the options and outputs of medprep run. "
		+ "Local mode on all cores unless --master or spark-submit names a cluster.")
public final class SparkRun implements Callable<Integer> {

	@Mixin
	RunOptions run;

	@Option(names = "--master", paramLabel = "URL",
		description = "Spark master: local[N] (N cores here), spark://HOST:7077, yarn, k8s://https://HOST:443 ... (default: the one spark-submit was given, else local[*]).")
	String master;

	@Spec
	CommandSpec spec;

	/** A context the caller owns (tests), or null: the run starts its own and stops it. */
	private final JavaSparkContext given;

	public SparkRun() {
		this(null);
	}

	private SparkRun(final JavaSparkContext given) {
		this.given = given;
	}

	public static void main(final String... args) {
		System.setProperty("java.awt.headless", "true");
		final String missing = SparkJava.missingOptions();
		if (missing != null) {
			System.err.println("medprep: " + missing);
			System.exit(MedPrepCli.EXIT_USAGE);
		}
		// Spark's own logging says a lot at INFO; a run from this main (not from spark-submit) shows warnings only
		if (System.getProperty("log4j2.configurationFile") == null) System.setProperty("log4j2.configurationFile", "org/medprep/spark/log4j2-medprep.properties");
		System.exit(MedPrepCli.executeCommand(new SparkRun(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
	}

	/** Runs the command line on a Spark context the caller started and stops (a test's). @return the exit code */
	public static int execute(final JavaSparkContext sc, final PrintWriter out, final PrintWriter err, final String... args) {
		return MedPrepCli.executeCommand(new SparkRun(sc), out, err, args);
	}

	@Override
	public Integer call() throws Exception {
		final PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
		if (given != null && master != null) throw new IllegalArgumentException("--master cannot change the master of a running Spark context");
		final JavaSparkContext sc = given != null ? given : start();
		try (DistributedRun run = DistributedRun.prepare(this.run, out, err, System.getenv(), sc.getConf().getInt("spark.task.cpus", 1))) {
			final List<CaseRef> pending = run.pending();
			List<String> rows = null;
			String stopped = null;
			if (!pending.isEmpty()) {
				final CaseJob job = run.job();
				sc.setJobDescription("MedPrep: " + pending.size() + " case(s) into " + this.run.outDir());
				try {
					rows = sc.parallelize(pending, pending.size()).map(c -> {
						final TaskContext task = TaskContext.get();
						return job.run(c, task.partitionId(), task.attemptNumber());
					}).collect();
				}
				catch (final Exception e) {
					if (!(e instanceof SparkException)) throw e;
					stopped = "the Spark job stopped (" + oneLine(e.getMessage()) + ")";
					err.println("medprep: " + stopped);
				}
				finally {
					job.closeWorkers();
				}
			}
			return run.finish(rows, stopped);
		}
		finally {
			if (given == null) sc.stop();
		}
	}

	private JavaSparkContext start() {
		final SparkConf conf = new SparkConf().setAppName("MedPrep " + this.run.outDir().getFileName());
		if (master != null) conf.setMaster(master);
		else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
		// a case is one task whose outputs are renamed into place: a second, speculative copy of it would only race the first
		conf.set("spark.speculation", "false");
		if (conf.get("spark.master").toLowerCase(Locale.ROOT).startsWith("local")) {
			// no cluster: nothing to serve, nobody to reach but this machine
			conf.setIfMissing("spark.ui.enabled", "false");
			conf.setIfMissing("spark.driver.host", "127.0.0.1");
			conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
		}
		else if (!conf.contains("spark.jars")) {
			// started by medprep spark --master, not spark-submit: the executors need this jar too
			conf.setJars(JavaSparkContext.jarOfClass(SparkRun.class));
		}
		return new JavaSparkContext(conf);
	}

	/** A Java class name with its package and a trailing colon, as exception texts carry them. */
	private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

	/** The first line of Spark's message, without class names, at most 300 characters. */
	static String oneLine(final String message) {
		if (message == null || message.trim().isEmpty()) return "no reason given";
		String line = message.trim().split("\r?\n", 2)[0].replace("Job aborted due to stage failure: ", "");
		line = CLASS_NAME.matcher(line).replaceAll("").trim();
		return line.length() > 300 ? line.substring(0, 300) + "..." : line;
	}
}

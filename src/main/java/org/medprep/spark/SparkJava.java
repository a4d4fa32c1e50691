package org.medprep.spark;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * What Spark 3.5 needs of the JDK from Java 17 on: parts of the JDK's modules
 * opened to it (the options Spark's own launcher passes, {@link #options}).
 * The {@code medprep} launcher and spark-submit pass them; a JVM started without
 * them is told which to add instead of failing deep inside Spark.
 */
final class SparkJava {

	private SparkJava() {}

	/** The JVM options, as spark-submit passes them (the launcher, the test configuration and docs/spark.md list the same). */
	static String options() {
		return JavaModuleOptions.defaultModuleOptions();
	}

	/** Null when this JVM gives Spark what it needs, else one line saying what to add. */
	static String missingOptions() {
		final Module unnamed = SparkJava.class.getClassLoader().getUnnamedModule();
		final Module base = Object.class.getModule();
		if (base.isOpen("sun.nio.ch", unnamed) && base.isOpen("java.nio", unnamed)) return null;
		return "Spark needs parts of the JDK opened to it on Java 17: start Java with " + options()
			+ " (the medprep launcher and spark-submit do; see docs/spark.md)";
	}
}

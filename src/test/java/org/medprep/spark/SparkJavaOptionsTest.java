package org.medprep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.medprep.GeneratedFiles;

/**
 * The JVM options Spark needs on Java 17 are where users do not have to find
 * them: the launcher, the test configuration and docs/spark.md carry exactly the
 * options spark-submit passes.
 */
class SparkJavaOptionsTest {

	private static final Path PROJECT = GeneratedFiles.projectDir();

	private static String read(final String file) throws IOException {
		return new String(Files.readAllBytes(PROJECT.resolve(file)), StandardCharsets.UTF_8);
	}

	private static String group(final String text, final String regex) {
		final Matcher m = Pattern.compile(regex).matcher(text);
		assertTrue(m.find(), regex);
		return m.group(1).trim();
	}

	@Test
	void theLauncherTheTestsAndTheReadmeCarrySparksOwnOptions() throws IOException {
		final String spark = SparkJava.options();
		assertTrue(spark.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), spark);
		assertEquals(spark, group(read("pom.xml"), "<medprep.sparkJavaOptions>([^<]*)</medprep.sparkJavaOptions>"));
		assertEquals(spark, group(read("medprep"), "(?m)^spark_java_options=\"([^\"]*)\""));
		assertTrue(read("docs/spark.md").contains(spark), "docs/spark.md lists the options");
	}

	@Test
	void thisTestJvmHasThem() {
		assertNull(SparkJava.missingOptions());
	}
}

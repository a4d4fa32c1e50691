package org.medprep.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.MacroOptionSyntax;
import org.medprep.commands.engine.Pipeline;
import org.medprep.commands.engine.StepRecord;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.CommandProgress;
import org.medprep.commands.imagej.MacroOptions;

/** The layers of DESIGN.md: core knows nothing of ImageJ or SciJava; io knows only core. */
class LayersTest {

	private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.medprep");

	@Test
	void coreImportsNeitherImageJNorSciJava() {
		assertNoViolation(noClasses().that().resideInAPackage("org.medprep.core..").should().dependOnClassesThat()
			.resideInAnyPackage("ij..", "org.scijava..", "net.imagej..", "org.medprep.io..", "org.medprep.commands..", "org.medprep.ij1..",
				"org.medprep.cli..", "picocli..")
			.evaluate(MAIN));
	}

	@Test
	void ioKnowsOnlyCore() {
		assertNoViolation(noClasses().that().resideInAPackage("org.medprep.io..").should().dependOnClassesThat()
			.resideInAnyPackage("ij..", "org.scijava..", "net.imagej..", "org.medprep.commands..", "org.medprep.ij1..", "org.medprep.cli..", "picocli..")
			.evaluate(MAIN));
	}

	@Test
	void commandsKnowNeitherTheBridgeNorTheCli() {
		assertNoViolation(noClasses().that().resideInAPackage("org.medprep.commands..").should().dependOnClassesThat()
			.resideInAnyPackage("org.medprep.ij1..", "org.medprep.cli..", "picocli..").evaluate(MAIN));
	}

	/**
	 * The command engine (pipelines, macro lines, the catalog and reference, step records, failures,
	 * threads, the choice vocabulary, seeds) knows no ImageJ: whatever needs an ImagePlus, ImageJ's
	 * macro parser, its preferences or its progress bar is the bridge, commands.imagej.
	 */
	@Test
	void commandEngineKnowsNoImageJ() {
		final JavaClasses engine = MAIN.that(JavaClass.Predicates.resideInAPackage("org.medprep.commands.engine"));
		assertTrue(engine.contain(Pipeline.class) && engine.contain(StepRecord.class) && engine.contain(Threads.class), "the engine classes are checked");
		assertFalse(engine.contain(CommandProgress.class), "a bridge class is not in the engine");
		assertNoViolation(noImageJIn("org.medprep.commands.engine").evaluate(MAIN));
		assertTrue(noImageJIn("org.medprep.commands.imagej").evaluate(MAIN).hasViolation(), "the rule sees the bridge's ImageJ imports");
	}

	/**
	 * The bridge stands on the engine, never the other way round: the engine reaches neither
	 * commands.imagej nor the command bases of the root package, which stand on the bridge (an
	 * ImagePlus in, a Subject through the engine, an ImagePlus out), so the two packages form no cycle.
	 */
	@Test
	void commandEngineDoesNotDependOnTheBridge() {
		final JavaClasses engine = MAIN.that(JavaClass.Predicates.resideInAPackage("org.medprep.commands.engine"));
		final JavaClasses bridge = MAIN.that(JavaClass.Predicates.resideInAPackage("org.medprep.commands.imagej"));
		assertTrue(engine.contain(Pipeline.class) && engine.contain(Threads.class) && engine.contain(MacroOptionSyntax.class), "the engine classes are checked");
		assertTrue(bridge.contain(CommandProgress.class) && bridge.contain(MacroOptions.class), "the bridge classes are there to be depended on");
		assertNoViolation(noClasses().that().resideInAPackage("org.medprep.commands.engine").should().dependOnClassesThat()
			.resideInAnyPackage("org.medprep.commands.imagej..", "org.medprep.commands").allowEmptyShould(false).evaluate(MAIN));
		assertTrue(noClasses().that().resideInAPackage("org.medprep.commands.imagej").should().dependOnClassesThat()
			.resideInAPackage("org.medprep.commands.engine").evaluate(MAIN).hasViolation(), "the rule's kind of check sees the bridge's use of the engine");
	}

	private static ArchRule noImageJIn(final String pkg) {
		return noClasses().that().resideInAPackage(pkg).should().dependOnClassesThat().resideInAnyPackage("ij..", "net.imagej..").allowEmptyShould(false);
	}

	@Test
	void benchmarksStayOnCoreAndIo() {
		assertNoViolation(noClasses().that().resideInAPackage("org.medprep.bench..").should().dependOnClassesThat()
			.resideInAnyPackage("ij..", "org.scijava..", "org.medprep.commands..", "org.medprep.ij1..", "org.medprep.cli..").evaluate(MAIN));
	}

	/** The batch engine (cases, manifest, resume, seeds, shards, the per-case boundary) runs anywhere, e.g. in Spark executors. */
	@Test
	void batchEngineKnowsNeitherImageJNorSciJavaNorTheCommandLine() {
		assertNoViolation(noClasses().that().resideInAPackage("org.medprep.cli.batch..").should().dependOnClassesThat()
			.resideInAnyPackage("ij..", "org.scijava..", "net.imagej..", "org.medprep.commands..", "org.medprep.ij1..", "picocli..")
			.orShould().dependOnClassesThat().resideInAPackage("org.medprep.cli").evaluate(MAIN));
	}

	/** Every io package is a slice: formats stand on io.storage, ImageFormats stands on the formats, and no two packages need each other. */
	@Test
	void ioPackagesFormNoCycle() {
		final JavaClasses io = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.medprep.io");
		assertNoViolation(slices().matching("org.medprep.(**)").should().beFreeOfCycles().evaluate(io));
	}

	/** Spark is on the class path only where the Spark runner runs: nothing else may need it, nor the runner itself. */
	@Test
	void onlyTheSparkRunnerKnowsSpark() {
		assertNoViolation(noClasses().that().resideOutsideOfPackage("org.medprep.spark..").should().dependOnClassesThat()
			.resideInAnyPackage("org.apache.spark..", "scala..", "org.medprep.spark..").evaluate(MAIN));
	}

	/** The Spark runner is a host of medprep run's batch engine: it reaches the pipeline only through the CLI's run API. */
	@Test
	void theSparkRunnerUsesTheCliNotTheCommands() {
		assertNoViolation(noClasses().that().resideInAPackage("org.medprep.spark..").should().dependOnClassesThat()
			.resideInAnyPackage("ij..", "org.scijava..", "net.imagej..", "org.medprep.commands..", "org.medprep.ij1..", "org.medprep.core..", "org.medprep.io..")
			.evaluate(MAIN));
	}

	/** The rule's report as the failure message, so a broken layer names the offending class and import. */
	private static void assertNoViolation(final EvaluationResult result) {
		assertFalse(result.hasViolation(), result.getFailureReport().toString());
	}
}

package org.medprep.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/** The layers of DESIGN.md: core knows nothing of ImageJ or SciJava; io knows only core. */
class LayersTest {

	private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.medprep");

	@Test
	void coreImportsNeitherImageJNorSciJava() {
		noClasses().that().resideInAPackage("org.medprep.core..").should().dependOnClassesThat()
			.resideInAnyPackage("ij..", "org.scijava..", "net.imagej..", "org.medprep.io..", "org.medprep.commands..", "org.medprep.ij1..",
				"org.medprep.cli..", "picocli..")
			.check(MAIN);
	}

	@Test
	void ioKnowsOnlyCore() {
		noClasses().that().resideInAPackage("org.medprep.io..").should().dependOnClassesThat()
			.resideInAnyPackage("ij..", "org.scijava..", "net.imagej..", "org.medprep.commands..", "org.medprep.ij1..", "org.medprep.cli..", "picocli..")
			.allowEmptyShould(true).check(MAIN);
	}

	@Test
	void commandsKnowNeitherTheBridgeNorTheCli() {
		noClasses().that().resideInAPackage("org.medprep.commands..").should().dependOnClassesThat()
			.resideInAnyPackage("org.medprep.ij1..", "org.medprep.cli..", "picocli..").check(MAIN);
	}

	@Test
	void benchmarksStayOnCoreAndIo() {
		noClasses().that().resideInAPackage("org.medprep.bench..").should().dependOnClassesThat()
			.resideInAnyPackage("ij..", "org.scijava..", "org.medprep.commands..", "org.medprep.ij1..", "org.medprep.cli..").check(MAIN);
	}
}

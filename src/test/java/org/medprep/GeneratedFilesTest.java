package org.medprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.CommandReference;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

/**
 * plugins.config and the command reference (docs/commands.md, linked from the
 * README) match the commands;
 * labels are unique and do not collide with ImageJ 1.x's own commands; option
 * names are snake_case and none is read as another by ImageJ's Macro.getValue.
 * Regenerate with {@code mvn test -Dtest=GeneratedFilesTest -Dmedprep.regenerate=true}.
 */
class GeneratedFilesTest {

	private static final boolean REGENERATE = Boolean.getBoolean("medprep.regenerate");
	private static Context context;
	private static CommandCatalog catalog;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class, ModuleService.class);
		catalog = new CommandCatalog(context.service(CommandService.class));
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void pluginsConfigListsEveryCommand() throws IOException {
		final Path file = GeneratedFiles.projectDir().resolve("src/main/ij1/plugins.config");
		final String expected = GeneratedFiles.pluginsConfig(catalog);
		if (REGENERATE) GeneratedFiles.write(file, expected);
		assertEquals(expected, GeneratedFiles.read(file), "src/main/ij1/plugins.config is out of date: regenerate (see class comment)");
		assertTrue(expected.contains("Plugins>MedPrep>Intensity, \"HU Window\", org.medprep.ij1.MedPrepPlugIn(\"org.medprep.commands.intensity.HuWindowCommand\")"));
	}

	@Test
	void commandReferenceIsCurrent() throws IOException {
		final Path file = GeneratedFiles.projectDir().resolve(GeneratedFiles.REFERENCE_PAGE);
		final List<CommandReference.Entry> entries = CommandReference.entries(catalog, context.service(ModuleService.class));
		final String expected = GeneratedFiles.pageWithReference(GeneratedFiles.read(file), entries);
		if (REGENERATE) GeneratedFiles.write(file, expected);
		assertEquals(expected, GeneratedFiles.read(file), GeneratedFiles.REFERENCE_PAGE + " is out of date: regenerate (see class comment)");
		assertTrue(expected.contains("| `width` | number | `400.0` |"));
		assertTrue(expected.contains("[Import NIfTI/MetaImage](#import-niftimetaimage)"), "the index links each command's section");
		for (final CommandReference.Entry e : entries)
			assertTrue(expected.contains("\n### " + e.label + "\n"), e.label + " has no section");
	}

	/** The README is the front door: it links to the reference instead of holding it. */
	@Test
	void readmeLinksToTheCommandReference() throws IOException {
		final String readme = GeneratedFiles.read(GeneratedFiles.projectDir().resolve("README.md"));
		assertTrue(readme.contains("(" + GeneratedFiles.REFERENCE_PAGE + ")"), "README.md does not link to " + GeneratedFiles.REFERENCE_PAGE);
		assertTrue(!readme.contains(GeneratedFiles.REFERENCE_BEGIN), "README.md holds a generated reference; it lives in " + GeneratedFiles.REFERENCE_PAGE);
	}

	@Test
	void labelsAreUniqueAndNotImageJBuiltIns() throws IOException {
		final Set<String> builtIn = imageJCommands();
		assertTrue(builtIn.contains("Gaussian Blur...") && builtIn.size() > 300, "read ImageJ's command table");
		final Set<String> seen = new HashSet<>();
		for (final CommandInfo info : catalog.all()) {
			final String label = CommandCatalog.label(info);
			assertTrue(seen.add(label), "duplicate label " + label);
			assertTrue(!builtIn.contains(label), "\"" + label + "\" collides with an ImageJ 1.x command");
			final List<String> names = optionNames(info);
			for (final String name : names) {
				assertTrue(name.matches("[a-z][a-z0-9_]*"), label + ": option '" + name + "' is not snake_case");
				// Macro.getValue finds "key=" after an underscore too: label_interpolation= would be read as interpolation=
				for (final String other : names)
					assertTrue(name.equals(other) || !name.endsWith("_" + other), label + ": option '" + name + "' ends with option '" + other + "'");
			}
		}
		assertTrue(seen.size() >= 6);
	}

	/** Every command label of ImageJ 1.x, from the IJ_Props.txt table inside ij.jar. */
	private static Set<String> imageJCommands() throws IOException {
		final Set<String> labels = new HashSet<>();
		try (InputStream in = ij.IJ.class.getResourceAsStream("/IJ_Props.txt")) {
			final String props = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			final Matcher m = Pattern.compile("^[a-z]+\\d*=\"([^\"]+)\"", Pattern.MULTILINE).matcher(props);
			while (m.find()) labels.add(m.group(1));
		}
		return labels;
	}

	private static List<String> optionNames(final CommandInfo info) {
		final List<String> names = new java.util.ArrayList<>();
		CommandOptions.optionItems(info).forEach(i -> names.add(i.getName()));
		return names;
	}
}

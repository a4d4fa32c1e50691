package org.medprep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.medprep.commands.CommandCatalog;
import org.medprep.commands.CommandOptions;
import org.medprep.commands.CommandReference;
import org.scijava.command.CommandInfo;

/**
 * Files generated from the commands' metadata and kept in the repository:
 * the ImageJ 1.x plugins.config and the README's command reference.
 */
public final class GeneratedFiles {

	public static final String README_BEGIN = "<!-- BEGIN GENERATED COMMAND REFERENCE (mvn test -Dtest=GeneratedFilesTest -Dmedprep.regenerate=true) -->";
	public static final String README_END = "<!-- END GENERATED COMMAND REFERENCE -->";

	private GeneratedFiles() {}

	public static Path projectDir() {
		return Path.of(System.getProperty("medprep.projectDir", System.getProperty("user.dir")));
	}

	public static String pluginsConfig(final CommandCatalog catalog) {
		final StringBuilder sb = new StringBuilder();
		sb.append("# MedPrep for plain ImageJ 1.x: every SciJava command, run through the bridge.\n");
		sb.append("# Generated from the commands' metadata; a test keeps it in sync.\n");
		for (final CommandInfo info : catalog.all()) {
			final String path = CommandCatalog.menuPathString(info);
			final String menu = path.substring(0, path.lastIndexOf('>'));
			sb.append(menu).append(", \"").append(CommandOptions.label(info)).append("\", org.medprep.ij1.MedPrepPlugIn(\"")
				.append(info.getClassName()).append("\")\n");
		}
		return sb.toString();
	}

	public static String readmeWithReference(final String readme, final List<CommandReference.Entry> entries) {
		final int b = readme.indexOf(README_BEGIN), e = readme.indexOf(README_END);
		if (b < 0 || e < b) throw new IllegalStateException("README.md lacks the generated-reference markers");
		return readme.substring(0, b + README_BEGIN.length()) + "\n\n" + CommandReference.markdown(entries) + readme.substring(e);
	}

	public static String read(final Path p) throws IOException {
		return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
	}

	public static void write(final Path p, final String text) throws IOException {
		Files.write(p, text.getBytes(StandardCharsets.UTF_8));
	}
}

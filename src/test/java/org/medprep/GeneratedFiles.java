package org.medprep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.imagej.CommandReference;
import org.scijava.command.CommandInfo;

/**
 * Files generated from the commands' metadata and kept in the repository:
 * the ImageJ 1.x plugins.config and the command reference, docs/commands.md
 * (between its markers: an index by menu, then every command with its options;
 * the page's introduction above the markers is written by hand).
 */
public final class GeneratedFiles {

	/** The command reference, relative to the project directory. */
	public static final String REFERENCE_PAGE = "docs/commands.md";
	public static final String REFERENCE_BEGIN = "<!-- BEGIN GENERATED COMMAND REFERENCE (mvn test -Dtest=GeneratedFilesTest -Dmedprep.regenerate=true) -->";
	public static final String REFERENCE_END = "<!-- END GENERATED COMMAND REFERENCE -->";

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
			sb.append(menu).append(", \"").append(CommandCatalog.label(info)).append("\", org.medprep.ij1.MedPrepPlugIn(\"")
				.append(info.getClassName()).append("\")\n");
		}
		return sb.toString();
	}

	/** The page with its generated part (between the markers) made from the entries. */
	public static String pageWithReference(final String page, final List<CommandReference.Entry> entries) {
		final int b = page.indexOf(REFERENCE_BEGIN), e = page.indexOf(REFERENCE_END);
		if (b < 0 || e < b) throw new IllegalStateException(REFERENCE_PAGE + " lacks the generated-reference markers");
		return page.substring(0, b + REFERENCE_BEGIN.length()) + "\n\n" + index(entries) + CommandReference.markdown(entries) + page.substring(e);
	}

	/** A table of the commands by menu, each linked to its section. */
	static String index(final List<CommandReference.Entry> entries) {
		final Map<String, List<String>> byMenu = new LinkedHashMap<>();
		for (final CommandReference.Entry e : entries) {
			final String menu = e.menuPath.substring(0, e.menuPath.lastIndexOf('>'));
			byMenu.computeIfAbsent(menu, m -> new ArrayList<>()).add("[" + e.label + "](#" + anchor(e.label) + ")");
		}
		final StringBuilder sb = new StringBuilder("| menu | commands |\n|---|---|\n");
		byMenu.forEach((menu, links) -> sb.append("| `").append(menu).append("` | ").append(String.join(", ", links)).append(" |\n"));
		return sb.append('\n').toString();
	}

	/** The anchor a Markdown renderer (GitHub's) gives a heading: lower case, punctuation dropped, spaces as hyphens. */
	static String anchor(final String heading) {
		return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
	}

	public static String read(final Path p) throws IOException {
		return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
	}

	public static void write(final Path p, final String text) throws IOException {
		Files.write(p, text.getBytes(StandardCharsets.UTF_8));
	}
}

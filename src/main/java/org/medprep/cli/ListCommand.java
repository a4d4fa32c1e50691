package org.medprep.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.imagej.CommandReference;
import org.medprep.io.storage.JsonText;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code medprep list [--json]}: every command with its options, types, defaults and choices. */
@Command(name = "list", description = "List the commands (macro labels) with their options, defaults and choices.")
final class ListCommand implements Callable<Integer> {

	@Option(names = "--json", description = "Machine-readable output.")
	boolean json;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		try (Context context = CliContext.create()) {
			final List<CommandReference.Entry> entries = CommandReference.entries(new CommandCatalog(context.service(CommandService.class)),
				context.service(ModuleService.class));
			spec.commandLine().getOut().print(json ? json(entries) : text(entries));
			spec.commandLine().getOut().flush();
		}
		return 0;
	}

	/** One command per line group: its fields, then one line per option. */
	static String json(final List<CommandReference.Entry> entries) {
		final StringBuilder sb = new StringBuilder("[\n");
		for (int i = 0; i < entries.size(); i++) {
			final CommandReference.Entry e = entries.get(i);
			final Map<String, Object> head = new LinkedHashMap<>();
			head.put("label", e.label);
			head.put("menu_path", e.menuPath);
			head.put("description", e.description);
			head.put("needs_image", e.needsImage);
			final String h = JsonText.value(head);
			sb.append("  ").append(h, 0, h.length() - 1).append(", \"options\": [");
			for (int j = 0; j < e.options.size(); j++) {
				final CommandReference.Option o = e.options.get(j);
				final Map<String, Object> option = new LinkedHashMap<>();
				option.put("name", o.name);
				option.put("type", o.type);
				option.put("label", o.label);
				option.put("default", o.defaultValue);
				option.put("choices", o.choices);
				option.put("description", o.description);
				sb.append(j == 0 ? "\n" : ",\n").append("    ").append(JsonText.value(option));
			}
			sb.append(e.options.isEmpty() ? "]}" : "\n  ]}").append(i + 1 < entries.size() ? ",\n" : "\n");
		}
		return sb.append("]\n").toString();
	}

	private static String text(final List<CommandReference.Entry> entries) {
		final StringBuilder sb = new StringBuilder();
		for (final CommandReference.Entry e : entries) {
			sb.append(e.label).append("    (").append(e.menuPath).append(")\n");
			for (final CommandReference.Option o : e.options) {
				sb.append("    ").append(o.name).append(" : ").append(o.type);
				if (o.defaultValue != null) sb.append(" = ").append(o.defaultValue);
				if (!o.choices.isEmpty()) sb.append("  ").append(o.choices);
				sb.append('\n');
			}
		}
		return sb.toString();
	}
}

package org.medprep.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.medprep.commands.CommandCatalog;
import org.medprep.commands.CommandReference;
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
			spec.commandLine().getOut().print(json ? Json.commands(entries) : text(entries));
			spec.commandLine().getOut().flush();
		}
		return 0;
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

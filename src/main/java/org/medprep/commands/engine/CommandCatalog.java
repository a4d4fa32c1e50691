package org.medprep.commands.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleInfo;

/** MedPrep's commands, found by their menu label (the macro API name). */
public final class CommandCatalog {

	private final List<CommandInfo> commands = new ArrayList<>();

	public CommandCatalog(final CommandService commandService) {
		for (final CommandInfo info : commandService.getCommands()) {
			if (info.getClassName().startsWith("org.medprep.") && info.getMenuPath() != null && !info.getMenuPath().isEmpty())
				commands.add(info);
		}
		commands.sort(Comparator.comparing(CommandCatalog::menuPathString));
	}

	public List<CommandInfo> all() {
		return commands;
	}

	/** @throws IllegalArgumentException naming the unknown label */
	public CommandInfo byLabel(final String label) {
		for (final CommandInfo info : commands)
			if (label(info).equals(label)) return info;
		throw new IllegalArgumentException("unknown command \"" + label + "\" (medprep list shows the commands)");
	}

	public static String menuPathString(final CommandInfo info) {
		return info.getMenuPath().getMenuString(true).replace(" > ", ">");
	}

	/** The menu label of a command, its name in every macro line, pipeline file and history: the last element of its menu path. */
	public static String label(final ModuleInfo info) {
		return info.getMenuPath() == null || info.getMenuPath().getLeaf() == null ? info.getTitle() : info.getMenuPath().getLeaf().getName();
	}
}

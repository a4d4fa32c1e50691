package org.medprep.commands.labels;

import org.medprep.core.labels.LabelMap;
import org.medprep.core.labels.LabelRemap;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Remap Labels", "table=[1:2,3:0]")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Labels>Remap Labels",
	description = "Replace label values by a table of from:to pairs (TorchIO's RemapLabels); labels not in the table are kept.")
public class RemapLabelsCommand extends LabelMapCommand {

	@Parameter(label = "Table", description = "from:to pairs, comma separated, e.g. 1:2,3:0 (0 is background).")
	private String table = "";

	@Override
	protected LabelMap process(final String name, final LabelMap map) {
		return LabelRemap.parse(table).apply(map);
	}

	@Override
	protected String titleSuffix() {
		return "remapped";
	}
}

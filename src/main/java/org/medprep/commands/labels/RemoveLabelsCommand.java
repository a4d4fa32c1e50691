package org.medprep.commands.labels;

import org.medprep.core.labels.LabelMap;
import org.medprep.core.labels.LabelRemap;
import org.medprep.core.labels.LabelSet;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Remove Labels", "labels=2,5")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Labels>Remove Labels",
	description = "Set the given labels to background 0 (TorchIO's RemoveLabels).")
public class RemoveLabelsCommand extends LabelMapCommand {

	@Parameter(label = "Labels", description = "Labels to remove, e.g. 2,5 or 3-6.")
	private String labels = "";

	@Override
	protected LabelMap process(final String name, final LabelMap map) {
		final LabelSet set = LabelSet.parse(labels);
		if (set.isEmpty()) throw new IllegalArgumentException("name the labels to remove (labels=2,5)");
		return LabelRemap.removing(set).apply(map);
	}

	@Override
	protected String titleSuffix() {
		return "removed";
	}
}

package org.medprep.commands.labels;

import ij.measure.ResultsTable;

import java.util.Map;

import org.medprep.core.labels.LabelMap;
import org.medprep.core.labels.LabelRemap;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Sequential Labels", "")}: labels 2, 5, 9 become 1, 2, 3; the mapping table has a row per label of each label map renumbered. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Labels>Sequential Labels",
	description = "Renumber the labels present to 1..n in increasing order, 0 kept (scikit-image's relabel_sequential; nnU-Net wants consecutive labels).")
public class SequentialLabelsCommand extends LabelMapCommand {

	@Parameter(type = ItemIO.OUTPUT, label = "Mapping")
	private ResultsTable mapping;

	@Override
	protected LabelMap process(final String name, final LabelMap map) {
		final LabelRemap remap = LabelRemap.sequential(map);
		// one table for the run: rows for each label map renumbered
		if (mapping == null) mapping = new ResultsTable();
		for (final Map.Entry<Integer, Integer> e : remap.table().entrySet()) {
			mapping.incrementCounter();
			mapping.addValue("label_map", name);
			mapping.addValue("from", e.getKey());
			mapping.addValue("to", e.getValue());
		}
		return remap.apply(map);
	}

	@Override
	protected String titleSuffix() {
		return "sequential";
	}
}

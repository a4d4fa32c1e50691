package org.medprep.commands.labels;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.labels.LabelHoles;
import org.medprep.core.labels.LabelMap;
import org.medprep.core.segment.Connectivity;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Fill Label Holes", "connectivity=6")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Labels>Fill Label Holes",
	description = "Fill each label's holes in 3D: background enclosed by one label (not reaching the volume's faces) takes that label; "
		+ "background between several labels stays.")
public class FillLabelHolesCommand extends LabelMapCommand {

	@ChoicesOf(Connectivity.class)
	@Parameter(label = "Background connectivity", choices = { "6", "18", "26" },
		description = "How background voxels connect: 6 as scipy's binary_fill_holes; 26 lets a hole leak out through a corner.")
	private String connectivity = Connectivity.SIX.label();

	@Override
	protected LabelMap process(final String name, final LabelMap map) {
		return new LabelHoles(Connectivity.fromLabel(connectivity)).apply(map);
	}

	@Override
	protected String titleSuffix() {
		return "filled";
	}
}

package org.medprep.commands.labels;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.labels.LabelMap;
import org.medprep.core.labels.LabelSet;
import org.medprep.core.labels.LargestComponents;
import org.medprep.core.segment.Connectivity;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Keep Largest Component", "scope=[per label] connectivity=6 components=1 labels=")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Labels>Keep Largest Component",
	description = "Keep the largest connected component(s) of each label, or of the foreground as a whole, and set the rest to background "
		+ "(MONAI's KeepLargestConnectedComponent).")
public class KeepLargestComponentCommand extends LabelMapCommand {

	@ChoicesOf(LargestComponents.Scope.class)
	@Parameter(label = "Scope", choices = { "per label", "foreground" },
		description = "per label: each label's own components; foreground: all non-zero labels as one object (kept voxels keep their labels).")
	private String scope = LargestComponents.Scope.PER_LABEL.label();

	@ChoicesOf(Connectivity.class)
	@Parameter(label = "Connectivity", choices = { "6", "18", "26" }, description = "Neighbours that touch: 6 faces, 18 faces and edges, 26 also corners.")
	private String connectivity = Connectivity.SIX.label();

	@Parameter(label = "Components kept", min = "1", description = "How many of the largest components to keep (2 for the lungs).")
	private int components = 1;

	@Parameter(label = "Labels", required = false, description = "Only these labels (e.g. 1,3 or 2-4); empty: all labels.")
	private String labels = "";

	@Override
	protected LabelMap process(final String name, final LabelMap map) {
		return new LargestComponents(LargestComponents.Scope.fromLabel(scope), Connectivity.fromLabel(connectivity), components, LabelSet.parse(labels))
			.apply(map);
	}

	@Override
	protected String titleSuffix() {
		return "largest";
	}
}

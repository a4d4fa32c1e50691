package org.medprep.commands.geometry;

import java.util.List;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.imagej.ImageTitleChoices;
import org.medprep.core.Subject;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.ResampleToGrid;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Resample to Reference", "reference=t1 interpolation=linear fill=0")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Resample to Reference",
	description = "Put this image onto another image's grid (size, spacing, origin, direction), each voxel read at the same physical point "
		+ "(TorchIO's Resample(target=image)).")
public class ResampleToReferenceCommand extends GeometryCommand {

	@Parameter(label = "Reference", initializer = "initReference", persist = false,
		description = "Title of the image whose grid the result takes (in a pipeline, a --ref member of the case).")
	private String reference = "";

	@ChoicesOf(Interpolation.class)
	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline", "label (one-hot linear)" },
		description = "nearest or label for label maps; linear or cubic B-spline for images.")
	private String interpolation = Interpolation.LINEAR.label();

	@Parameter(label = "Fill value", description = "Value where the reference grid reaches beyond this image (label maps get 0).")
	private double fill = 0;

	protected void initReference() {
		final List<String> choices = ImageTitleChoices.of(titles, image);
		if (!choices.isEmpty()) getInfo().getMutableInput("reference", String.class).setChoices(choices);
	}

	@Override
	protected SpatialPlan plan(final Subject in) {
		if (reference == null || reference.trim().isEmpty()) throw new IllegalArgumentException("name the reference image (reference=<title>)");
		return new ResampleToGrid(Grid.of(named(in, reference))).plan(in.grid());
	}

	@Override
	protected Sampling sampling() {
		return ResamplingOptions.ontoAnotherGrid(interpolation, fill);
	}

	@Override
	protected String titleSuffix() {
		return "on-reference";
	}
}

package org.medprep.commands.geometry;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.Labels;
import org.medprep.core.Subject;
import org.medprep.core.spatial.CropRange;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Crop Range", "axis=z from=20 to=80")}: the MR synthesis tutorial's 20-80 % axial crop. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Crop Range",
	description = "Keep the part of one axis between two percentages of its length: indices int(n * from / 100) to int(n * to / 100).")
public class CropRangeCommand extends GeometryCommand {

	@ChoicesOf(CropAxis.class)
	@Parameter(label = "Axis", choices = { "x", "y", "z" }, description = "The axis to crop.")
	private String axis = "z";

	@Parameter(label = "From (%)", min = "0", max = "100", description = "Start of the kept range, percent of the length.")
	private double from = 20;

	@Parameter(label = "To (%)", min = "0", max = "100", description = "End of the kept range (exclusive), percent of the length.")
	private double to = 80;

	@Override
	protected SpatialPlan plan(final Subject in) {
		final int a = Labels.parse(CropAxis.class, axis, "axis").ordinal();
		return new CropRange(a, from, to).plan(in.grid());
	}

	@Override
	protected Sampling sampling() {
		return Sampling.labels();
	}

	@Override
	protected String titleSuffix() {
		return "range";
	}
}

package org.medprep.commands.geometry;

import org.medprep.commands.VolumeCommand;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.SpatialChain;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.SpatialStep;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;


/** {@code run("Invert Spatial History", "reference=ct-resampled interpolation=nearest fill=0")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Invert Spatial History",
	description = "Bring an image or a predicted label map made on the preprocessed grid back onto the original grid, undoing the recorded resample/crop/pad/flip/rotate/zoom/shift steps in one resampling.")
public class InvertSpatialHistoryCommand extends VolumeCommand {

	public static final String THIS_IMAGE = "this image";

	@Parameter(label = "Reference", initializer = "initReference", persist = false,
		description = "The preprocessed image whose spatial history is undone ('this image' if it is the input itself).")
	private String reference = THIS_IMAGE;

	@ChoicesOf(Interpolation.class)
	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline", "label (one-hot linear)" },
		description = "nearest or label for label maps (predictions), linear or cubic for images.")
	private String interpolation = Interpolation.NEAREST.label();

	@Parameter(label = "Fill value", description = "Value of original voxels the preprocessed grid did not cover (e.g. cropped away).")
	private double fill = 0;

	protected void initReference() {
		offerImageTitles("reference", THIS_IMAGE);
	}

	@Override
	protected Subject process(final Subject in, final StepRecord record) {
		final boolean self = THIS_IMAGE.equals(reference);
		final String source = self ? "'" + in.mainName() + "'" : "'" + reference + "'";
		final SpatialChain chain;
		try {
			chain = (self ? in.history() : namedHistory(in, reference)).spatialChain();
		}
		catch (final IllegalStateException e) {
			throw new IllegalArgumentException(source + ": " + e.getMessage());
		}
		if (chain.isEmpty())
			throw new IllegalArgumentException(source + " has no spatial history (MedPrep's spatial commands record one, and its files keep it)");
		final SpatialPlan inverse = chain.inverse();
		final Grid last = inverse.source();
		final Grid grid = in.grid();
		for (int d = 0; d < 3; d++)
			if (grid.size(d) != last.size(d))
				throw new IllegalArgumentException("'" + in.mainName() + "' is " + grid.size(0) + "x" + grid.size(1) + "x" + grid.size(2) + " but the spatial history of "
					+ source + " ends on a " + last.size(0) + "x" + last.size(1) + "x" + last.size(2) + " grid");
		// a prediction rarely carries the preprocessed grid's geometry: it is placed on the recorded grid
		record.plan(inverse);
		return in.withGeometry(last.geometry()).transform(SpatialStep.of(inverse, ResamplingOptions.ontoAnotherGrid(interpolation, fill), Interpolation.NEAREST));
	}

	@Override
	protected String titleSuffix() {
		return "original-grid";
	}
}

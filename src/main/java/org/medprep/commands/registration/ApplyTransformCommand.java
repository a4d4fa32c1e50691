package org.medprep.commands.registration;

import java.io.File;
import java.io.IOException;

import org.medprep.commands.SpatialCommand;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.SpatialStep;
import org.medprep.io.transform.StoredTransform;
import org.medprep.io.transform.TransformFiles;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * {@code run("Apply Transform", "registered=flair-registered interpolation=linear")}:
 * moves a further image (T2, a label map) the way a registration moved the
 * moving image, onto the fixed grid, in one resampling. The transform comes
 * from the history of an image made by {@code Register Images} (open in
 * ImageJ, or in {@code medprep run} a {@code --ref} of the registered
 * outputs of an earlier run, paired with the cases by name), or from a
 * transform file (ITK .tfm or elastix TransformParameters). The image may lie
 * on any grid in the patient space the moving image had when it was
 * registered (a T2 of the same session), since the transform is in patient
 * coordinates. A spatial step: every member of the case moves, label maps
 * nearest or one-hot, and the plan enters the history.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Registration>Apply Transform",
	description = "Resample an image or label map with the transform of a registration (from a registered image's history, or an ITK .tfm / elastix "
		+ "TransformParameters file) onto the fixed grid, so further series and labels follow a registration.")
public class ApplyTransformCommand extends SpatialCommand {

	public static final String FROM_TRANSFORM = "from the transform";

	@Parameter(label = "Registered image", initializer = "initImages", persist = false,
		description = "Title of an output of Register Images (or of Apply Transform) whose recorded transform is applied; in medprep run a --ref NAME. "
			+ "None to read the transform file.")
	private String registered = ImageChoices.NONE;

	@Parameter(label = "Transform file", style = FileWidget.OPEN_STYLE, required = false, persist = false,
		description = "With registered=None: an ITK transform (.tfm) or elastix TransformParameters file (fixed to moving, patient mm).")
	private File transform_file;

	@Parameter(label = "Fixed grid", persist = false,
		description = "Title of the image whose grid the result lies on, or 'from the transform' (the registered image's fixed grid, or the elastix file's).")
	private String fixed = FROM_TRANSFORM;

	@ChoicesOf(Interpolation.class)
	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline", "label (one-hot linear)" },
		description = "For the image: linear or cubic B-spline for intensities; nearest or label (each label's mask linearly, the largest wins) for a label map "
			+ "moved as the image. Label maps of the case use the label interpolation.")
	private String interpolation = Interpolation.LINEAR.label();

	@Parameter(label = "Fill value", description = "Value of fixed-grid voxels that map outside the image (label maps get 0).")
	private double fill = 0;

	protected void initImages() {
		getInfo().getMutableInput("registered", String.class).setChoices(ImageChoices.of(titles, ImageChoices.NONE));
		getInfo().getMutableInput("fixed", String.class).setChoices(ImageChoices.of(titles, FROM_TRANSFORM));
	}

	@Override
	protected SpatialStep step(final Subject in, final StepRecord record) {
		final StoredTransform stored = stored(in);
		final Grid target = FROM_TRANSFORM.equals(fixed) ? gridFrom(stored) : Grid.of(named(in, fixed));
		final SpatialPlan plan = SpatialPlan.of(in.grid(), target, stored.transform());
		return SpatialStep.of(plan, Sampling.of(Interpolation.fromLabel(interpolation), BoundaryMode.BOX, fill), labelInterpolation());
	}

	/** The transform: the registered image's (with its fixed grid), or the file's. */
	private StoredTransform stored(final Subject in) {
		if (!ImageChoices.isNone(registered)) return RegistrationHistory.latest(namedHistory(in, registered), registered);
		if (transform_file == null || transform_file.getPath().isEmpty())
			throw new IllegalArgumentException("give a registered image (registered=TITLE) or a transform file (transform_file=...)");
		try {
			return TransformFiles.read(transform_file.toPath());
		}
		catch (final IOException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
	}

	private static Grid gridFrom(final StoredTransform t) {
		if (t.fixedGrid() == null)
			throw new IllegalArgumentException("an ITK transform file does not say which grid to resample onto: name the fixed image (fixed=TITLE)");
		return t.fixedGrid();
	}

	@Override
	protected String titleSuffix() {
		return "transformed";
	}
}

package org.medprep.commands;

import ij.ImagePlus;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.commands.imagej.SubjectImages;
import org.medprep.core.Subject;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.SpatialStep;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

/**
 * A command that moves voxels (resampling, crops, flips, random transforms):
 * one {@link SpatialStep} for every member of the subject, label maps read
 * with nearest or label interpolation so they never get values that were not
 * in them, and the step's plan recorded in the history (what
 * {@code Invert Spatial History} undoes, in this run or a later one).
 * <p>
 * In ImageJ the subject is the image and the label map named by {@code label}
 * (which comes out as {@code label_result}); in a pipeline every member of
 * the case moves, and a member named by {@code label} counts as a label map
 * from then on.
 */
public abstract class SpatialCommand extends VolumeCommand {

	public static final String NO_LABEL = "None";

	@Parameter(label = "Label image", initializer = "initLabel", persist = false,
		description = "Title of a label map on the same grid that gets the same transform, or None.")
	protected String label = NO_LABEL;

	@ChoicesOf(value = Interpolation.class, only = { "NEAREST", "LABEL" })
	@Parameter(label = "Label interpolation", choices = { "nearest", "label (one-hot linear)" },
		description = "nearest, or label: each label's mask interpolated linearly, the largest wins (never invents values).")
	protected String label_method = Interpolation.NEAREST.label();

	@Parameter(type = ItemIO.OUTPUT, label = "Label result", required = false)
	protected ImagePlus label_result;

	protected void initLabel() {
		offerImageTitles("label", NO_LABEL);
	}

	/** The step for a subject on its current grid; record drawn values in {@code record} (the plan is recorded by this class). */
	protected abstract SpatialStep step(Subject in, StepRecord record);

	@Override
	protected final Subject process(final Subject in, final StepRecord record) {
		Subject s = in;
		// the member the label option names is a label map, whatever it was read as
		if (hasLabel() && s.has(label) && s.kind(label) != Subject.Kind.LABEL) s = s.withLabel(label, s.volume(label));
		else if (hasLabel() && !s.has(label))
			throw new IllegalArgumentException("no label map '" + label + "' on this image's grid; the case has " + s.names());
		final SpatialStep step = step(s, record);
		record.plan(step.plan());
		return s.transform(step);
	}

	/** The label interpolation option, checked to preserve labels. */
	protected Interpolation labelInterpolation() {
		final Interpolation i = Interpolation.fromLabel(label_method);
		if (!i.preservesLabels()) throw new IllegalArgumentException("label maps need nearest or label interpolation, got " + label_method);
		return i;
	}

	/** True if a label map is named. */
	protected boolean hasLabel() {
		return label != null && !label.isEmpty() && !NO_LABEL.equals(label);
	}

	@Override
	protected Subject subjectOf(final ImagePlus imp) {
		final Subject s = super.subjectOf(imp);
		return hasLabel() ? SubjectImages.with(s, label, Subject.Kind.LABEL, imageTitled(label)) : s;
	}

	@Override
	protected void publish(final Subject out) {
		super.publish(out);
		if (hasLabel() && out.has(label))
			label_result = unshared(SubjectImages.toImagePlus(out, label, baseTitle(label) + "-" + titleSuffix(), imageTitled(label)), imageTitled(label));
	}
}

package org.medprep.commands;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.medprep.core.Volume;
import org.medprep.core.augment.Subject;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

import net.imglib2.type.numeric.RealType;

/**
 * A command that moves voxels (resampling, crops, flips, random transforms):
 * a label map named by title gets the same transform, read with nearest or
 * label interpolation so it never gets values that were not in it, and comes
 * out as {@code label_result}. A subject, in TorchIO's words.
 */
public abstract class SpatialCommand extends VolumeCommand {

	public static final String NO_LABEL = "None";

	@Parameter(label = "Label image", initializer = "initLabel", persist = false,
		description = "Title of a label map on the same grid that gets the same transform, or None.")
	protected String label = NO_LABEL;

	@Parameter(label = "Label interpolation", choices = { "nearest", "label (one-hot linear)" },
		description = "nearest, or label: each label's mask interpolated linearly, the largest wins (never invents values).")
	protected String label_method = Interpolation.NEAREST.label();

	@Parameter(type = ItemIO.OUTPUT, label = "Label result", required = false)
	protected ImagePlus label_result;

	protected void initLabel() {
		final List<String> choices = new ArrayList<>();
		choices.add(NO_LABEL);
		if (titles != null)
			for (final String t : titles.titles())
				if (image == null || !t.equals(image.getTitle())) choices.add(t);
		getInfo().getMutableInput("label", String.class).setChoices(choices);
	}

	/** The image with its label map (if one is named), checked to share one space. */
	protected Subject subject(final Volume<? extends RealType<?>> in) {
		final ImagePlus labelImp = labelImage();
		final Map<String, Volume<? extends RealType<?>>> labels = labelImp == null ? Collections.emptyMap()
			: Collections.singletonMap(label, ImagePlusVolumes.toVolume(labelImp));
		return Subject.of(in, labels);
	}

	/** How label maps are read: nearest or label mode, 0 outside. */
	protected Sampling labelSampling() {
		final Interpolation i = Interpolation.fromLabel(label_method);
		if (!i.preservesLabels()) throw new IllegalArgumentException("label maps need nearest or label interpolation, got " + label_method);
		return Sampling.of(i, BoundaryMode.BOX, 0);
	}

	/** The named label map's transformed volume in the subject, or null without one. */
	protected Volume<? extends RealType<?>> transformedLabel(final Subject transformed) {
		return transformed.labels().get(label);
	}

	/** Sets {@code label_result} (titled after the label image) from the transformed label map; nothing without one. */
	protected void setLabelResult(final Volume<? extends RealType<?>> transformedLabel) {
		final ImagePlus labelImp = labelImage();
		if (labelImp == null || transformedLabel == null) return;
		label_result = LabelMaps.mark(ImagePlusVolumes.toImagePlus(transformedLabel, baseTitle(labelImp.getTitle()) + "-" + titleSuffix(), labelImp));
	}

	private ImagePlus labelImage() {
		return label == null || label.isEmpty() || NO_LABEL.equals(label) ? null : imageTitled(label);
	}

}

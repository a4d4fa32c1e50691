package org.medprep.commands.geometry;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.List;

import org.medprep.commands.VolumeCommand;
import org.medprep.core.Volume;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialChain;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("Invert Spatial History", "reference=ct-resampled interpolation=nearest fill=0")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Invert Spatial History",
	description = "Bring an image or a predicted label map made on the preprocessed grid back onto the original grid, undoing the recorded resample/crop/pad/flip/rotate/zoom/shift steps in one resampling.")
public class InvertSpatialHistoryCommand extends VolumeCommand {

	public static final String THIS_IMAGE = "this image";

	@Parameter(label = "Reference", initializer = "initReference", persist = false,
		description = "The preprocessed image whose spatial history is undone ('this image' if it is the input itself).")
	private String reference = THIS_IMAGE;

	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline", "label (one-hot linear)" },
		description = "nearest or label for label maps (predictions), linear or cubic for images.")
	private String interpolation = Interpolation.NEAREST.label();

	@Parameter(label = "Fill value", description = "Value of original voxels the preprocessed grid did not cover (e.g. cropped away).")
	private double fill = 0;

	protected void initReference() {
		final List<String> choices = new ArrayList<>();
		choices.add(THIS_IMAGE);
		if (titles != null)
			for (final String t : titles.titles())
				if (image == null || !t.equals(image.getTitle())) choices.add(t);
		getInfo().getMutableInput("reference", String.class).setChoices(choices);
	}

	@Override
	protected Volume<? extends RealType<?>> process(final Volume<? extends RealType<?>> in) {
		final ImagePlus ref = THIS_IMAGE.equals(reference) ? image : imageTitled(reference);
		final SpatialChain chain = SpatialChain.parse(ref.getProp(GeometryCommand.CHAIN_PROPERTY));
		if (chain.isEmpty())
			throw new IllegalArgumentException("'" + ref.getTitle() + "' has no spatial history (only MedPrep's Geometry commands record one)");
		return chain.invert(in, Sampling.of(Interpolation.fromLabel(interpolation), BoundaryMode.BOX, fill));
	}

	@Override
	protected String titleSuffix() {
		return "original-grid";
	}
}

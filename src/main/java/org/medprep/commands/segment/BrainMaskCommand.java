package org.medprep.commands.segment;

import org.medprep.core.Volume;
import org.medprep.core.segment.BrainMask;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** {@code run("Brain Mask", "threshold_fraction=0.1 erosion=4")}: 1 in the brain. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Segment>Brain Mask",
	description = "Classical T1 skull stripping by threshold and morphology (not BET): BET's robust threshold, erosion in mm, largest component, "
		+ "dilation back, holes filled. Needs a dark skull gap; a thick neck stays attached. 1 in the brain, 0 elsewhere.")
public class BrainMaskCommand extends MaskCommand {

	@Parameter(label = "Threshold fraction", min = "0", max = "1",
		description = "Threshold = p2 + fraction x (p98 - p2) of all voxels (BET's 0.1).")
	private double threshold_fraction = 0.1;

	@Parameter(label = "Erosion (mm)", min = "0", description = "Radius that breaks the bridges between brain and scalp; 0 for none.")
	private double erosion = 4;

	@Override
	protected PlanarImg<UnsignedByteType, ByteArray> mask(final Volume<? extends RealType<?>> t1) {
		return new BrainMask(threshold_fraction, erosion).apply(t1);
	}

	@Override
	protected String titleSuffix() {
		return "brain";
	}
}

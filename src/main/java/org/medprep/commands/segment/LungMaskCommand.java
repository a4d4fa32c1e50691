package org.medprep.commands.segment;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.Labels;
import org.medprep.core.Volume;
import org.medprep.core.segment.LungMask;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** {@code run("Lung Mask", "threshold=-320 fill_structures=true components=2 second_fraction=0.1 dilation=0")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Segment>Lung Mask",
	description = "CT lung mask of the Kaggle DSB 2017 preprocessing tutorial: air at or below -320 HU not connected to the sides of the volume, "
		+ "vessels filled slice by slice, the largest one or two air components, optional dilation in mm. Axial slices must be the z planes. "
		+ "1 in the lungs, 0 elsewhere.")
public class LungMaskCommand extends MaskCommand {

	@Parameter(label = "Threshold (HU)", description = "Air = at or below this (the tutorial's -320).")
	private double threshold = LungMask.TUTORIAL_THRESHOLD;

	@Parameter(label = "Fill structures", description = "In each slice, solid pieces other than the largest become lung (vessels, nodules), as the tutorial's default.")
	private boolean fill_structures = true;

	@ChoicesOf(LungComponents.class)
	@Parameter(label = "Components", choices = { "1", "2" },
		description = "1: the largest air component (the tutorial); 2: also the second, for lungs not joined by the trachea.")
	private String components = "2";

	@Parameter(label = "Second component fraction", min = "0", max = "1",
		description = "The second component is kept only if it has at least this fraction of the largest's voxels (bowel gas is not a lung).")
	private double second_fraction = 0.1;

	@Parameter(label = "Dilation (mm)", min = "0", description = "Radius of a final dilation (the tutorial suggests a margin); 0 for none.")
	private double dilation = 0;

	@Override
	protected PlanarImg<UnsignedByteType, ByteArray> mask(final Volume<? extends RealType<?>> ct) {
		final int n = Labels.parse(LungComponents.class, components, "number of components").count();
		return new LungMask(threshold, fill_structures, n, second_fraction, dilation).apply(ct);
	}

	@Override
	protected String titleSuffix() {
		return "lungs";
	}
}

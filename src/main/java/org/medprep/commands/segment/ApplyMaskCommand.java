package org.medprep.commands.segment;

import java.util.Set;

import org.medprep.commands.VolumeCommand;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.segment.BodyMask;
import org.medprep.core.segment.LungMask;
import org.medprep.core.segment.MaskApplication;
import org.medprep.core.spatial.Grid;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * {@code run("Apply Mask", "mask=[CT body] outside=-1000")}. The mask is
 * computed once, from the case's main image (the CT), or is the member or
 * image the option names; every scalar image of the case is masked with it
 * (a PET on the CT's grid too), label maps and the mask itself are left alone.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Segment>Apply Mask",
	description = "Set every voxel outside a mask to a value: a mask image on the same grid (named by title, non-zero inside), or the CT body or "
		+ "lung mask computed here with Body Mask's and Lung Mask's defaults, so a pipeline masks without a second input.")
public class ApplyMaskCommand extends VolumeCommand {

	public static final String CT_BODY = "CT body", CT_LUNGS = "CT lungs";

	@Parameter(label = "Mask", initializer = "initMask", persist = false,
		description = "CT body, CT lungs (computed from this CT with the mask commands' defaults), or the title of a mask image on the same grid.")
	private String mask = CT_BODY;

	@Parameter(label = "Value outside", description = "What voxels outside the mask become (e.g. -1000 HU, or 0).")
	private double outside = 0;

	/** This mask option offers the masks computed here, not the rules of the statistics' mask option. */
	@Override
	protected void initMask() {
		offerImageTitles("mask", CT_BODY, CT_LUNGS);
	}

	@Override
	protected Subject process(final Subject in, final StepRecord record) {
		final RandomAccessibleInterval<? extends RealType<?>> m;
		if (CT_BODY.equals(mask)) m = new BodyMask(-500, 3).apply(in.main());
		else if (CT_LUNGS.equals(mask)) m = new LungMask(LungMask.TUTORIAL_THRESHOLD, true, 2, 0.1, 0).apply(in.main());
		else {
			final Volume<? extends RealType<?>> given = named(in, mask);
			if (!Grid.of(given).sameSpace(in.grid()))
				throw new IllegalArgumentException("label map '" + mask + "' is not in the image's space: " + Grid.of(given) + " vs " + in.grid());
			m = given.data();
		}
		final Set<String> inputs = membersNamedInOptions(in);
		return in.mapImages(name -> !inputs.contains(name), image -> MaskApplication.apply(image, m, outside));
	}

	@Override
	protected String titleSuffix() {
		return "masked";
	}
}

package org.medprep.commands.segment;

import org.medprep.core.Volume;
import org.medprep.core.segment.BodyMask;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** {@code run("Body Mask", "threshold=-500 opening=3")}: 1 in the body, 0 elsewhere. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Segment>Body Mask",
	description = "CT body mask without the table: voxels above a threshold in HU, holes filled per slice, an opening in mm that takes off what "
		+ "touches the body through a thin contact, the largest component. 1 inside, 0 outside.")
public class BodyMaskCommand extends MaskCommand {

	@Parameter(label = "Threshold (HU)", description = "Body = above this (-500: fat and denser; air, lungs and padding below).")
	private double threshold = -500;

	@Parameter(label = "Opening (mm)", min = "0", description = "Radius of the ball that cuts thin contacts (table, blanket); 0 for none.")
	private double opening = 3;

	@Override
	protected PlanarImg<UnsignedByteType, ByteArray> mask(final Volume<? extends RealType<?>> ct) {
		return new BodyMask(threshold, opening).apply(ct);
	}

	@Override
	protected String titleSuffix() {
		return "body";
	}
}

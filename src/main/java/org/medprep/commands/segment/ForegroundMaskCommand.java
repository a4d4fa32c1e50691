package org.medprep.commands.segment;

import org.medprep.commands.engine.AutoNumber;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.Volume;
import org.medprep.core.segment.ForegroundMask;
import org.medprep.core.segment.ForegroundMethod;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** {@code run("Foreground Mask", "method=[row fill] threshold=auto")}: an 8-bit mask, 255 inside. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Segment>Foreground Mask",
	description = "Premask = voxels above a threshold (Otsu's by default); then the knee-MRI study's row fill, or the largest "
		+ "6-connected 3D component with holes filled slice by slice.")
public class ForegroundMaskCommand extends MaskCommand {

	@ChoicesOf(ForegroundMethod.class)
	@Parameter(label = "Method", choices = { "row fill", "largest component + fill holes" },
		description = "row fill: per image row, from the leftmost to the rightmost premask pixel; or the largest component with holes filled.")
	private String method = ForegroundMethod.ROW_FILL.label();

	@Parameter(label = "Threshold", description = "Premask = value > threshold; auto = Otsu's threshold.")
	private String threshold = AutoNumber.AUTO;

	@Override
	protected PlanarImg<UnsignedByteType, ByteArray> mask(final Volume<? extends RealType<?>> image) {
		final double premask = AutoNumber.parse("threshold", threshold);
		return to255(ForegroundMask.compute(image.data(), ForegroundMethod.fromLabel(method), premask));
	}

	/** ImageJ's binary convention: 255 inside (in place; the 0/1 mask is ours). */
	static PlanarImg<UnsignedByteType, ByteArray> to255(final PlanarImg<UnsignedByteType, ByteArray> mask) {
		for (int z = 0; z < mask.numSlices(); z++) {
			final byte[] p = mask.getPlane(z).getCurrentStorageArray();
			for (int i = 0; i < p.length; i++) if (p[i] != 0) p[i] = (byte) 255;
		}
		return mask;
	}

	@Override
	protected String titleSuffix() {
		return "foreground";
	}
}

package org.medprep.commands.geometry;

import ij.ImagePlus;

import org.medprep.commands.OpenImagesCommand;
import org.medprep.commands.VolumeCommand;
import org.medprep.commands.engine.AutoNumber;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.Volume;
import org.medprep.core.spatial.OrthogonalMidSlices;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("Orthogonal Mid-Slices", "background=auto")}: the tutorial's show_mid_slice. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Orthogonal Mid-Slices",
	description = "Sagittal, coronal and axial middle slices side by side at their physical aspect ratio (one 2D image).")
public class OrthogonalMidSlicesCommand extends OpenImagesCommand {

	@Parameter(label = "Image", persist = false, validater = "checkImage", description = "The image to show (the active image in ImageJ).")
	private ImagePlus image;

	/** Refuses an empty image (what Fiji passes when none is open) before any work. */
	private void checkImage() {
		InputChecks.refuse(this, InputChecks.image(image));
	}

	@Parameter(label = "Background", description = "Value between and below the panels; auto: the image minimum.")
	private String background = AutoNumber.AUTO;

	@Parameter(type = ItemIO.OUTPUT, label = "Mid-slices")
	private ImagePlus midslices;

	@Override
	protected void execute() {
		final double fill = AutoNumber.parse("background", background);
		final Volume<? extends RealType<?>> in = ImagePlusVolumes.toVolume(image);
		final Volume<? extends RealType<?>> picture = Threads.call(getContext(), () -> OrthogonalMidSlices.of(in, fill));
		midslices = ImagePlusVolumes.toImagePlus(picture, VolumeCommand.baseTitle(image.getTitle()) + "-midslices", null);
	}
}

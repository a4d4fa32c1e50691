package org.medprep.commands.geometry;

import ij.ImagePlus;

import org.medprep.commands.ImagePlusVolumes;
import org.medprep.commands.Threads;
import org.medprep.commands.VolumeCommand;
import org.medprep.core.Volume;
import org.medprep.core.spatial.OrthogonalMidSlices;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("Orthogonal Mid-Slices", "background=NaN")}: the tutorial's show_mid_slice. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Orthogonal Mid-Slices",
	description = "Sagittal, coronal and axial middle slices side by side at their physical aspect ratio (one 2D image).")
public class OrthogonalMidSlicesCommand implements Command {

	@Parameter(label = "Image", description = "The image to show (the active image in ImageJ).")
	private ImagePlus image;

	@Parameter(label = "Background", description = "Value between and below the panels; NaN for the image minimum.")
	private double background = Double.NaN;

	@Parameter(type = ItemIO.OUTPUT, label = "Mid-slices")
	private ImagePlus midslices;

	@Override
	public void run() {
		final Volume<? extends RealType<?>> in = ImagePlusVolumes.toVolume(image);
		final Volume<? extends RealType<?>> picture = Threads.call(() -> OrthogonalMidSlices.of(in, background));
		midslices = ImagePlusVolumes.toImagePlus(picture, VolumeCommand.baseTitle(image.getTitle()) + "-midslices", null);
	}
}

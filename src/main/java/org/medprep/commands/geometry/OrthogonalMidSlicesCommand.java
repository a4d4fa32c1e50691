package org.medprep.commands.geometry;

import org.medprep.commands.AutoNumber;
import org.medprep.commands.VolumeCommand;
import org.medprep.core.Volume;
import org.medprep.core.spatial.OrthogonalMidSlices;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("Orthogonal Mid-Slices", "background=auto")}: the tutorial's show_mid_slice. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Orthogonal Mid-Slices",
	description = "Sagittal, coronal and axial middle slices side by side at their physical aspect ratio (one 2D image).")
public class OrthogonalMidSlicesCommand extends VolumeCommand {

	@Parameter(label = "Background", description = "Value between and below the panels; auto: the image minimum.")
	private String background = AutoNumber.AUTO;

	@Override
	protected Volume<? extends RealType<?>> process(final Volume<? extends RealType<?>> in) {
		return OrthogonalMidSlices.of(in, AutoNumber.parse("background", background));
	}

	@Override
	protected String titleSuffix() {
		return "midslices";
	}
}

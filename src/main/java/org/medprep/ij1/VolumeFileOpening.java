package org.medprep.ij1;

import ij.IJ;
import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Paths;

import org.medprep.commands.io.ImportVolumeCommand;

/**
 * Plain ImageJ 1.x's File>Open, {@code open()} and drag and drop of .nii,
 * .nii.gz, .mha and .mhd through MedPrep's reader. ImageJ 1.x hands files of
 * types it does not know to a plugin class named {@code HandleExtraFileTypes};
 * the standalone jar's one (default package, left out of the Fiji jar, where
 * Fiji has its own and {@code VolumeFileOpener} does this) calls {@link #open}.
 */
public final class VolumeFileOpening {

	private VolumeFileOpening() {}

	/**
	 * Fills {@code target} (the ImagePlus ImageJ's opener receives) with the file's
	 * image; leaves it empty for other file types, which ImageJ then reports as unsupported.
	 */
	public static void open(final String path, final ImagePlus target) {
		if (path == null || !ImportVolumeCommand.opens(path)) return;
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(VolumeFileOpening.class.getClassLoader());
		try {
			final ImagePlus imp = ImportVolumeCommand.open(Paths.get(path));
			target.setStack(imp.getTitle(), imp.getStack());
			target.setCalibration(imp.getCalibration());
			target.setDimensions(imp.getNChannels(), imp.getNSlices(), imp.getNFrames());
			if (imp.isHyperStack()) target.setOpenAsHyperStack(true);
			target.setDisplayRange(imp.getDisplayRangeMin(), imp.getDisplayRangeMax());
			target.setProperties(imp.getPropertiesAsArray()); // geometry, metadata, history
		}
		catch (final IOException | RuntimeException e) {
			IJ.error("MedPrep", "Cannot open " + path + ": " + e.getMessage());
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}
}

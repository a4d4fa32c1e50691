package org.medprep.cli;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;

import java.io.IOException;
import java.nio.file.Path;

import org.medprep.commands.imagej.ComputedStack;
import org.medprep.core.ComputedPlanes;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.io.tiff.TiffPlaneWriter;
import org.medprep.io.tiff.TiffStackWriter;

/**
 * Saves a grayscale stack as ImageJ would (its description, info and
 * properties, so ImageJ and tifffile open the same image), with the planes
 * written in parallel by {@link TiffStackWriter} and the display range
 * gathered while they are written instead of in a pass of its own.
 */
final class TiffStackSaving {

	private TiffStackSaving() {}

	/** Whether {@link #save} writes this image: 8-bit, 16-bit or float, one channel and frame, under 4 GiB, no overlay or selection. */
	static boolean supports(final ImagePlus imp) {
		final TiffPlaneWriter.Sample sample = sampleOf(imp);
		return sample != null && imp.getNChannels() == 1 && imp.getNFrames() == 1 && imp.getOverlay() == null && imp.getRoi() == null && !imp.isComposite()
			&& TiffStackWriter.fits(imp.getWidth(), imp.getHeight(), imp.getStackSize(), sample);
	}

	/**
	 * Writes the image to exactly this path and sets its display range from the
	 * written values, as {@link ImagePlusVolumes#setDisplayRange(ImagePlus, double[])} does.
	 * Only for images that {@link #supports} accepts.
	 */
	static void save(final ImagePlus imp, final Path path) throws IOException {
		final TiffPlaneWriter.Sample sample = sampleOf(imp);
		final ImageStack stack = imp.getStack();
		try (TiffStackWriter w = new TiffStackWriter(path, imp.getWidth(), imp.getHeight(), imp.getStackSize(), sample)) {
			final double[] stored = w.writePlanes(planesOf(stack, imp.getWidth() * imp.getHeight()));
			final boolean signed16 = imp.getType() == ImagePlus.GRAY16 && imp.getCalibration().isSigned16Bit();
			final double offset = signed16 ? -32768 : 0;
			ImagePlusVolumes.setDisplayRange(imp, new double[] { stored[0] + offset, stored[1] + offset });
			final Calibration cal = imp.getCalibration();
			final String unit = cal.getUnit();
			final int resolutionUnit = "inch".equals(unit) ? 2 : "cm".equals(unit) ? 3 : 1;
			w.finish(new FileSaver(imp).getDescriptionString(), imp.getInfoProperty(), stack.getSliceLabels(), imp.getPropertiesAsArray(),
				1 / cal.pixelWidth, 1 / cal.pixelHeight, resolutionUnit);
		}
	}

	/** The stack's planes; those of a {@link ComputedStack} computed into one buffer per writing thread. */
	private static TiffStackWriter.Planes planesOf(final ImageStack stack, final int voxels) {
		if (!(stack instanceof ComputedStack)) return z -> stack.getPixels(z + 1);
		final ComputedPlanes.Pending pending = ((ComputedStack) stack).pending();
		final ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[voxels]);
		return z -> {
			final float[] plane = buffers.get();
			pending.fill(z, plane);
			return plane;
		};
	}

	private static TiffPlaneWriter.Sample sampleOf(final ImagePlus imp) {
		switch (imp.getType()) {
			case ImagePlus.GRAY8: return imp.isInvertedLut() || imp.getProcessor().isColorLut() ? null : TiffPlaneWriter.Sample.UINT8;
			case ImagePlus.GRAY16: return TiffPlaneWriter.Sample.UINT16;
			case ImagePlus.GRAY32: return TiffPlaneWriter.Sample.FLOAT32;
			default: return null;
		}
	}
}

package org.medprep.cli;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

import java.io.IOException;
import java.nio.file.Path;

import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.Volume;
import org.medprep.core.spatial.FloatVolumes;
import org.medprep.core.spatial.OrthogonalMidSlices;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The demo's PNG previews: the Orthogonal Mid-Slices picture (sagittal,
 * coronal and axial middle slices at their physical aspect, superior up) of
 * the values the volume shows (HU for CT), mapped linearly from [min, max] to
 * black..white, the gaps black.
 */
final class MidSlicePreview {

	private MidSlicePreview() {}

	static void write(final ImagePlus imp, final double min, final double max, final Path png) throws IOException {
		final ByteProcessor bp = render(ImagePlusVolumes.toVolume(imp), min, max);
		ImageFiles.writePng(new ImagePlus(png.getFileName().toString(), bp), png);
	}

	static ByteProcessor render(final Volume<? extends RealType<?>> v, final double min, final double max) {
		final Volume<FloatType> picture = OrthogonalMidSlices.of(v, min);
		final FloatProcessor fp = new FloatProcessor((int) picture.dimension(0), (int) picture.dimension(1), FloatVolumes.read(picture.data()));
		fp.setMinAndMax(min, max);
		return fp.convertToByteProcessor(true);
	}
}

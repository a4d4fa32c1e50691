package org.medprep.cli;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.io.IOException;
import java.nio.file.Path;

import org.medprep.commands.ImagePlusVolumes;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;

/**
 * A PNG of the three middle slices (axial, coronal, sagittal) side by side,
 * each scaled to its physical aspect ratio, superior up: a quick look at what
 * a pipeline did. Values are those the volume shows (HU for CT), mapped
 * linearly from [min, max] to black..white.
 */
final class MidSlicePreview {

	private static final int GAP = 4;

	private MidSlicePreview() {}

	static void write(final ImagePlus imp, final double min, final double max, final Path png) throws IOException {
		final ByteProcessor bp = render(ImagePlusVolumes.toVolume(imp), min, max);
		ImageFiles.writePng(new ImagePlus(png.getFileName().toString(), bp), png);
	}

	static ByteProcessor render(final Volume<? extends RealType<?>> v, final double min, final double max) {
		final int nx = (int) v.dimension(0), ny = (int) v.dimension(1), nz = (int) v.dimension(2);
		final Geometry g = v.geometry();
		final double unit = Math.min(g.spacing(0), Math.min(g.spacing(1), g.spacing(2)));
		final ImageProcessor axial = scaled(slice(v, 2, nz / 2, false), g.spacing(0) / unit, g.spacing(1) / unit);
		final ImageProcessor coronal = scaled(slice(v, 1, ny / 2, true), g.spacing(0) / unit, g.spacing(2) / unit);
		final ImageProcessor sagittal = scaled(slice(v, 0, nx / 2, true), g.spacing(1) / unit, g.spacing(2) / unit);
		final int width = axial.getWidth() + coronal.getWidth() + sagittal.getWidth() + 2 * GAP;
		final int height = Math.max(axial.getHeight(), Math.max(coronal.getHeight(), sagittal.getHeight()));
		final ByteProcessor out = new ByteProcessor(width, height);
		int x = 0;
		for (final ImageProcessor p : new ImageProcessor[] { axial, coronal, sagittal }) {
			p.setMinAndMax(min, max);
			out.insert(p.convertToByteProcessor(true), x, (height - p.getHeight()) / 2);
			x += p.getWidth() + GAP;
		}
		return out;
	}

	/** The plane through {@code index} normal to {@code axis}; z runs upwards (superior up) when {@code flipZ}. */
	private static FloatProcessor slice(final Volume<? extends RealType<?>> v, final int axis, final int index, final boolean flipZ) {
		final int u = axis == 0 ? 1 : 0, w = axis == 2 ? 1 : 2;
		final int nu = (int) v.dimension(u), nw = (int) v.dimension(w);
		final FloatProcessor fp = new FloatProcessor(nu, nw);
		final RandomAccess<? extends RealType<?>> ra = v.data().randomAccess();
		final long[] pos = v.data().minAsLongArray();
		pos[axis] += index;
		for (int j = 0; j < nw; j++) {
			for (int i = 0; i < nu; i++) {
				pos[u] = v.data().min(u) + i;
				pos[w] = v.data().min(w) + j;
				ra.setPosition(pos);
				fp.setf(i, flipZ ? nw - 1 - j : j, ra.get().getRealFloat());
			}
		}
		return fp;
	}

	private static ImageProcessor scaled(final FloatProcessor p, final double sx, final double sy) {
		final int w = Math.max(1, (int) Math.round(p.getWidth() * sx)), h = Math.max(1, (int) Math.round(p.getHeight() * sy));
		if (w == p.getWidth() && h == p.getHeight()) return p;
		p.setInterpolationMethod(ImageProcessor.BILINEAR);
		return p.resize(w, h);
	}
}

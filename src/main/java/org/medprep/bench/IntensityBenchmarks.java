package org.medprep.bench;

import java.util.Arrays;
import java.util.List;

import org.medprep.core.LinearRescale;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.intensity.HuWindow;
import org.medprep.core.intensity.IntensityClip;
import org.medprep.core.intensity.MinMaxNormalization;
import org.medprep.core.intensity.PaddingReplacement;
import org.medprep.core.intensity.PercentileClip;
import org.medprep.core.intensity.WindowOutput;
import org.medprep.core.intensity.ZScoreNormalization;
import org.medprep.core.phantom.CtPhantom;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;

/** The CT intensity operations on the 512x512x300 int16 CT phantom (quick: 64x64x16). */
public class IntensityBenchmarks implements BenchmarkSuite {

	@Override
	public String name() {
		return "intensity";
	}

	@Override
	public List<BenchmarkCase> cases(final boolean quick) {
		final CtPhantom phantom = quick ? new CtPhantom(64, 64, 16, new double[] { 0.7, 0.7, 1 }, 10, 42) : CtPhantom.large();
		final String size = quick ? "64x64x16" : "512x512x300";
		final long n = quick ? 64L * 64 * 16 : 512L * 512 * 300;
		return Arrays.asList(
			ct("HU Window float " + size + " int16", n, phantom, v -> new HuWindow(40, 400).apply(v, WindowOutput.FLOAT_UNIT)),
			ct("HU Window 8-bit " + size + " int16", n, phantom, v -> new HuWindow(40, 400).apply(v, WindowOutput.BYTE)),
			new BenchmarkCase("HU Window float " + size + " rescaled view (DICOM/ImageJ calibration)", n,
				() -> rescaled(phantom), v -> new HuWindow(40, 400).apply(floatVolume(v), WindowOutput.FLOAT_UNIT)),
			ct("Clip Intensity " + size + " int16", n, phantom, v -> new IntensityClip(-1000, 400).apply(v)),
			ct("Percentile Clip " + size + " int16 (histogram)", n, phantom, v -> new PercentileClip(0.5, 99.5).apply(v, VoxelSelection.all())),
			new BenchmarkCase("Percentile Clip " + size + " float32 (selection)", n,
				() -> new IntensityClip(-5000, 5000).apply(phantom.image()), v -> new PercentileClip(0.5, 99.5).apply(floatVolume(v), VoxelSelection.all())),
			ct("Z-Score Normalize " + size + " int16 non-zero", n, phantom, v -> ZScoreNormalization.apply(v, VoxelSelection.nonZero())),
			ct("Min-Max Normalize " + size + " int16", n, phantom, v -> new MinMaxNormalization(0, 1).apply(v)),
			ct("Replace Padding " + size + " int16", n, phantom, v -> new PaddingReplacement(-2000, -1000).apply(v)));
	}

	private interface Op {
		Object apply(Volume<? extends RealType<?>> v);
	}

	private static BenchmarkCase ct(final String name, final long voxels, final CtPhantom phantom, final Op op) {
		return new BenchmarkCase(name, voxels, phantom::image, v -> op.apply(floatVolume(v)));
	}

	/** The phantom as stored unsigned values + 1024 seen through a rescale intercept of -1024, as a CT file holds it. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Volume<? extends RealType<?>> rescaled(final CtPhantom phantom) {
		final Volume<ShortType> hu = phantom.image();
		final RandomAccessibleInterval<ShortType> stored = Converters.convert(hu.data(), (a, b) -> b.set((short) (a.get() + 1024)), new ShortType());
		final PlanarImg<ShortType, ?> copy = PlanarImgs.shorts(hu.dimensions());
		LoopBuilder.setImages(stored, copy).forEachPixel((a, b) -> b.set(a));
		return Volume.of((RandomAccessibleInterval) LinearRescale.view(copy, 1, -1024), hu.geometry());
	}

	@SuppressWarnings("unchecked")
	private static Volume<? extends RealType<?>> floatVolume(final Object v) {
		return (Volume<? extends RealType<?>>) v;
	}
}

package org.medprep.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.medprep.core.LinearRescale;
import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.intensity.HuWindow;
import org.medprep.core.intensity.IntensityClip;
import org.medprep.core.normalize.MinMaxNormalization;
import org.medprep.core.intensity.PaddingReplacement;
import org.medprep.core.intensity.PercentileClip;
import org.medprep.core.intensity.WindowOutput;
import org.medprep.core.normalize.ZScoreNormalization;
import org.medprep.core.phantom.CtPhantom;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The CT intensity operations on the 512x512x300 int16 CT phantom (quick:
 * 64x64x16), or on a volume the user gives, each also as a multiple of a
 * memory-bandwidth baseline measured in the same run: a fresh float32 copy of a
 * float32 volume of the same size, plane-parallel as the operations run (the
 * bytes an int16 -> float32 operation writes, and more than it reads).
 */
public class IntensityBenchmarks implements BenchmarkSuite {

	static final String BASELINE = "memory baseline: float32 copy";

	@Override
	public String name() {
		return "intensity";
	}

	@Override
	public String baselineCase() {
		return BASELINE;
	}

	@Override
	public List<BenchmarkCase> cases(final boolean quick) {
		final CtPhantom phantom = quick ? new CtPhantom(64, 64, 16, new double[] { 0.7, 0.7, 1 }, 10, 42) : CtPhantom.large();
		final long n = quick ? 64L * 64 * 16 : 512L * 512 * 300;
		final Volume<?>[] image = new Volume<?>[1]; // made once, on first use (setup is not timed)
		final Input ct = () -> image[0] == null ? (image[0] = phantom.image()) : image[0];
		final List<BenchmarkCase> cases = cases(quick ? "64x64x16 int16" : "512x512x300 int16", n, ct);
		cases.add(new BenchmarkCase("HU Window float rescaled view (DICOM/ImageJ calibration)", n,
			() -> rescaled(phantom), v -> new HuWindow(40, 400).apply(volume(v), WindowOutput.FLOAT_UNIT)));
		// the window's edges inside the noise: a loop that branches on each voxel mispredicts half of them
		final Volume<?>[] noisy = new Volume<?>[1];
		final Input noisyInput = () -> noisy[0] == null ? (noisy[0] = noisy(volume(ct.get()), 300, 7)) : noisy[0];
		final String noisyWhat = (quick ? "64x64x16" : "512x512x300") + " float32 + noise (sd 300)";
		cases.add(new BenchmarkCase("HU Window float " + noisyWhat, n, noisyInput::get, v -> new HuWindow(40, 400).apply(volume(v), WindowOutput.FLOAT_UNIT)));
		cases.add(new BenchmarkCase("HU Window 8-bit " + noisyWhat, n, noisyInput::get, v -> new HuWindow(40, 400).apply(volume(v), WindowOutput.BYTE)));
		return cases;
	}

	@Override
	public List<BenchmarkCase> cases(final boolean quick, final Volume<?> input) {
		if (input == null) return cases(quick);
		return cases(Planes.sizeString(input.data()) + " input", input.numVoxels(), () -> input);
	}

	private interface Op {
		Object apply(Volume<? extends RealType<?>> v);
	}

	private interface Input {
		Volume<?> get();
	}

	private static List<BenchmarkCase> cases(final String what, final long n, final Input input) {
		final List<BenchmarkCase> cases = new ArrayList<>();
		cases.add(new BenchmarkCase(BASELINE + " " + what, n, () -> floatCopy(input.get()), v -> copy(planar(v))));
		final Object[][] ops = {
			{ "HU Window float", (Op) v -> new HuWindow(40, 400).apply(v, WindowOutput.FLOAT_UNIT) },
			{ "HU Window 8-bit", (Op) v -> new HuWindow(40, 400).apply(v, WindowOutput.BYTE) },
			{ "Clip Intensity", (Op) v -> new IntensityClip(-1000, 400).apply(v) },
			{ "Percentile Clip", (Op) v -> new PercentileClip(0.5, 99.5).apply(v, VoxelSelection.all()) },
			{ "Z-Score Normalize non-zero", (Op) v -> ZScoreNormalization.apply(v, VoxelSelection.nonZero()) },
			{ "Min-Max Normalize", (Op) v -> new MinMaxNormalization(0, 1).apply(v) },
			{ "Replace Padding", (Op) v -> new PaddingReplacement(-2000, -1000).apply(v) } };
		for (final Object[] op : ops)
			cases.add(new BenchmarkCase(op[0] + " " + what, n, input::get, v -> ((Op) op[1]).apply(volume(v))));
		cases.add(new BenchmarkCase("Percentile Clip float32 (selection) " + what, n, () -> new IntensityClip(-5000, 5000).apply(volume(input.get())),
			v -> new PercentileClip(0.5, 99.5).apply(volume(v), VoxelSelection.all())));
		return cases;
	}

	/** The input as a planar float32 image, the source of the baseline copy. */
	private static PlanarImg<FloatType, FloatArray> floatCopy(final Volume<?> input) {
		return Planes.mapFloats(volume(input).data(), (in, n, out, at) -> {
			for (int i = 0; i < n; i++) out[at + i] = (float) in[i];
		});
	}

	/** Every plane copied into a new array, in parallel over planes as the operations run. */
	private static List<float[]> copy(final PlanarImg<FloatType, FloatArray> source) {
		final List<Integer> zs = new ArrayList<>();
		for (int z = 0; z < source.numSlices(); z++) zs.add(z);
		return Parallelization.getTaskExecutor().forEachApply(zs, z -> {
			final float[] plane = source.getPlane(z).getCurrentStorageArray();
			return Arrays.copyOf(plane, plane.length);
		});
	}

	/** The image as float32 with seeded Gaussian noise of standard deviation {@code sd}, made plane by plane in parallel. */
	private static Volume<FloatType> noisy(final Volume<? extends RealType<?>> image, final double sd, final long seed) {
		return image.withData(Planes.toFloat(image.data(), (z, in, out) -> {
			final SplittableRandom random = new SplittableRandom(seed + z);
			for (int i = 0; i < in.length; i++) out[i] = (float) (in[i] + sd * gaussian(random));
		}));
	}

	/** A standard normal deviate (Box-Muller, one of the pair). */
	private static double gaussian(final SplittableRandom random) {
		return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
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
	private static Volume<? extends RealType<?>> volume(final Object v) {
		return (Volume<? extends RealType<?>>) v;
	}

	@SuppressWarnings("unchecked")
	private static PlanarImg<FloatType, FloatArray> planar(final Object v) {
		return (PlanarImg<FloatType, FloatArray>) v;
	}
}

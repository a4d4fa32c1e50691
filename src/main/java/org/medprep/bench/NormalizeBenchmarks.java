package org.medprep.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.bias.N4BiasFieldCorrection;
import org.medprep.core.normalize.CtDatasetNormalization;
import org.medprep.core.normalize.CtFingerprint;
import org.medprep.core.normalize.FcmNormalization;
import org.medprep.core.segment.MaskRule;
import org.medprep.core.normalize.IntensityHistograms;
import org.medprep.core.normalize.NyulNormalization;
import org.medprep.core.normalize.NyulStandardScale;
import org.medprep.core.normalize.TissueMeanMode;
import org.medprep.core.normalize.TissueType;
import org.medprep.core.normalize.WhiteStripe;
import org.medprep.core.phantom.BrainPhantom;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The intensity normalizations and N4 on the 192x192x160 int16 T1 brain
 * phantom (quick: 48x48x40). Nyul Train and CT Dataset Fingerprint run on a
 * cohort of 3 copies (voxels counted: all 3); the fingerprint draws nnU-Net's
 * default 10e7 / 3 samples per case (quick: 1e5).
 */
public class NormalizeBenchmarks implements BenchmarkSuite {

	@Override
	public String name() {
		return "normalize";
	}

	@Override
	public List<BenchmarkCase> cases(final boolean quick) {
		final BrainPhantom phantom = quick ? BrainPhantom.standard().withSize(48, 48, 40) : BrainPhantom.standard();
		final String size = quick ? "48x48x40" : "192x192x160";
		final long n = quick ? 48L * 48 * 40 : 192L * 192 * 160;
		final List<BenchmarkCase> cases = new ArrayList<>();
		cases.add(t1("FCM Normalize " + size + " int16 (histogram FCM)", n, phantom,
			v -> FcmNormalization.normalize(v, VoxelSelection.nonZero(), TissueType.WM, TissueMeanMode.MEMBERSHIP_WEIGHTED, 0.8, 1, 0)));
		cases.add(new BenchmarkCase("FCM Normalize " + size + " float32 (per-voxel FCM)", n, () -> asFloat(phantom.image()),
			v -> FcmNormalization.normalize(volume(v), VoxelSelection.nonZero(), TissueType.WM, TissueMeanMode.MEMBERSHIP_WEIGHTED, 0.8, 1, 0)));
		cases.add(new BenchmarkCase("Nyul Train " + size + " int16 x3", 3 * n, phantom::image, v -> {
			final RandomAccessibleInterval<? extends RealType<?>> d = volume(v).data();
			return NyulNormalization.train(Arrays.asList(d, d, d), Arrays.asList(VoxelSelection.nonZero(), VoxelSelection.nonZero(), VoxelSelection.nonZero()),
				NyulStandardScale.defaultPercentiles(), 1, 100);
		}));
		final NyulStandardScale scale = new NyulStandardScale(NyulStandardScale.defaultPercentiles(),
			new double[] { 1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 1, 100, 1);
		cases.add(t1("Nyul Apply " + size + " int16", n, phantom, v -> NyulNormalization.apply(v, VoxelSelection.nonZero(), scale)));
		cases.add(t1("WhiteStripe Normalize " + size + " int16", n, phantom, v -> WhiteStripe.normalize(v, VoxelSelection.nonZero(), WhiteStripe.DEFAULT_WIDTH)));
		final long samples = quick ? 100_000 : 0;
		cases.add(new BenchmarkCase("CT Dataset Fingerprint " + size + " int16 x3 (" + (quick ? "3 x 1e5" : "10e7") + " samples)", 3 * n,
			() -> new Object[] { phantom.image(), phantom.labels() }, p -> {
				final Object[] pair = (Object[]) p;
				final Volume<? extends RealType<?>> image = volume(pair[0]), labels = volume(pair[1]);
				return CtFingerprint.extract(Arrays.asList(image, image, image), Arrays.asList(labels, labels, labels), samples, 1234, ProgressListener.NONE);
			}));
		cases.add(t1("CT Dataset Normalize " + size + " int16", n, phantom, v -> CtDatasetNormalization.apply(v, 300, 1000, 700, 200)));
		cases.add(t1("N4 Bias Correction " + size + " int16 (defaults: shrink 4, 4x50 iterations)", n, phantom,
			v -> N4BiasFieldCorrection.correct(v, null, N4BiasFieldCorrection.Options.defaults(), ProgressListener.NONE)));
		cases.add(t1("Intensity Histograms " + size + " int16 x3", 3 * n, phantom, v -> {
			final RandomAccessibleInterval<? extends RealType<?>> d = v.data();
			final VoxelSelection fg = MaskRule.POSITIVE.select(d);
			return IntensityHistograms.of(Arrays.asList(d, d, d), Arrays.asList(fg, fg, fg), 200, Double.NaN, Double.NaN);
		}));
		return cases;
	}

	private interface Op {
		Object apply(Volume<? extends RealType<?>> v);
	}

	private static BenchmarkCase t1(final String name, final long voxels, final BrainPhantom phantom, final Op op) {
		return new BenchmarkCase(name, voxels, phantom::image, v -> op.apply(volume(v)));
	}

	private static Volume<? extends RealType<?>> asFloat(final Volume<? extends RealType<?>> v) {
		return v.withData(org.medprep.core.Planes.toFloat(v.data(), (z, in, out) -> {
			for (int i = 0; i < in.length; i++) out[i] = (float) in[i];
		}));
	}

	@SuppressWarnings("unchecked")
	private static Volume<? extends RealType<?>> volume(final Object v) {
		return (Volume<? extends RealType<?>>) v;
	}
}

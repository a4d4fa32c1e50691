package org.medprep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.augment.Chance;
import org.medprep.core.augment.RandomFlip;
import org.medprep.core.augment.RandomRotate;
import org.medprep.core.augment.RandomSpatialTransform;
import org.medprep.core.augment.RandomZoom;
import org.medprep.core.augment.intensity.Anisotropy;
import org.medprep.core.augment.intensity.BiasField;
import org.medprep.core.augment.intensity.Brightness;
import org.medprep.core.augment.intensity.CoarseDropout;
import org.medprep.core.augment.intensity.Contrast;
import org.medprep.core.augment.intensity.FactorSampling;
import org.medprep.core.augment.intensity.Gamma;
import org.medprep.core.augment.intensity.GaussianBlur;
import org.medprep.core.augment.intensity.Ghosting;
import org.medprep.core.augment.intensity.IntensityDraw;
import org.medprep.core.augment.intensity.Motion;
import org.medprep.core.augment.intensity.Noise;
import org.medprep.core.augment.intensity.RandomBlur;
import org.medprep.core.augment.intensity.RandomBrightness;
import org.medprep.core.augment.intensity.RandomContrast;
import org.medprep.core.augment.intensity.RandomGamma;
import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.medprep.core.augment.intensity.RandomLowResolution;
import org.medprep.core.augment.intensity.RandomNoise;
import org.medprep.core.augment.intensity.RandomSwap;
import org.medprep.core.augment.intensity.SimulatedLowResolution;
import org.medprep.core.augment.intensity.Spike;
import org.medprep.core.normalize.ZScoreNormalization;
import org.medprep.core.phantom.BrainPhantom;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;

import net.imglib2.type.numeric.RealType;

/**
 * Each intensity augmentation with fixed concrete parameters (so the time does
 * not depend on a draw) on the 192x192x160 brain MR phantom at 1 mm, the
 * artefacts TorchIO published CPU times for (its issue #288) also on its
 * 181x217x181 brain size, and nnU-Net v2's default recipe per case: with
 * every step applied (its worst case) and with its probabilities over ten
 * cases (quick: 32x28x24). Spatial steps are lazy, as in {@code medprep run}:
 * the rotation and the scaling are resampled together, and every case is
 * materialized before its time ends.
 */
public class AugmentBenchmarks implements BenchmarkSuite {

	@Override
	public String name() {
		return "augment";
	}

	@Override
	public List<BenchmarkCase> cases(final boolean quick) {
		final List<BenchmarkCase> cases = new ArrayList<>();
		final BrainPhantom brain = quick ? BrainPhantom.standard().withSize(32, 28, 24) : BrainPhantom.standard();
		final String size = quick ? "32x28x24" : "192x192x160";
		add(cases, "Random Gamma range retain invert " + size, brain, new Gamma(0.8, Gamma.Formula.RANGE, true, true));
		add(cases, "Random Gamma power " + size, brain, new Gamma(1.2, Gamma.Formula.POWER, false, false));
		add(cases, "Random Noise Gaussian " + size, brain, new Noise(Noise.Distribution.GAUSSIAN, 0, 25, 7));
		add(cases, "Random Noise Rician " + size, brain, new Noise(Noise.Distribution.RICIAN, 0, 25, 7));
		add(cases, "Random Blur scipy 2 mm " + size, brain, new GaussianBlur(new double[] { 2, 2, 2 }, GaussianBlur.Kernel.SCIPY));
		add(cases, "Random Blur nnU-Net 1 voxel " + size, brain, new GaussianBlur(new double[] { 1, 1, 1 }, GaussianBlur.Kernel.NNUNET));
		add(cases, "Random Bias Field order 3 " + size, brain, biasField());
		add(cases, "Random Brightness " + size, brain, new Brightness(1.2));
		add(cases, "Random Contrast " + size, brain, new Contrast(1.2, true));
		add(cases, "Random Low Resolution nnU-Net 0.5 " + size, brain, new SimulatedLowResolution(new double[] { 0.5, 0.5, 0.5 }));
		add(cases, "Random Low Resolution TorchIO z x3 " + size, brain, new Anisotropy(2, 3));
		add(cases, "Random Motion 2 movements " + size, brain, motion());
		add(cases, "Random Ghosting 7 ghosts y " + size, brain, new Ghosting(7, 1, 0.75, Double.NaN));
		add(cases, "Random Spike 2 (DC maximum) " + size, brain, spike());
		cases.add(new BenchmarkCase("Random Spike 2 (z-scored: 3D FFT) " + size, voxels(brain),
			() -> ZScoreNormalization.apply(brain.image(), VoxelSelection.all()), v -> spike().apply(volume(v))));
		cases.add(new BenchmarkCase("Random Swap 15^3 x 100 " + size, voxels(brain), brain::image,
			v -> new RandomSwap(new int[] { 15, 15, 15 }, 100).draw(volume(v), new SplittableRandom(1)).apply(volume(v))));
		add(cases, "Random Dropout 4 holes " + size, brain, new CoarseDropout(new int[][] { { 10, 20, 30 }, { 50, 60, 10 }, { 5, 5, 5 }, { 20, 20, 20 } },
			new int[][] { { 16, 16, 16 }, { 12, 8, 16 }, { 16, 16, 8 }, { 8, 8, 8 } }, true, true, 0, 1000, 3));
		cases.add(new BenchmarkCase("nnU-Net default recipe, all steps applied " + size + " +label", voxels(brain), () -> Subject.of(brain.image(),
			Map.of("seg", brain.labels())), s -> nnUNetRecipe((Subject) s)));
		cases.add(new BenchmarkCase("nnU-Net default recipe, its probabilities, 10 cases " + size + " +label", 10 * voxels(brain),
			() -> Subject.of(brain.image(), Map.of("seg", brain.labels())), s -> {
				Object last = null;
				for (long seed = 0; seed < 10; seed++) last = nnUNetRecipe((Subject) s, seed);
				return last;
			}));
		if (!quick) {
			// TorchIO's issue #288 timed its transforms on a 181x217x181 brain
			final BrainPhantom torchio = BrainPhantom.standard().withSize(181, 217, 181);
			final String t = "181x217x181 (TorchIO #288)";
			add(cases, "Random Motion 2 movements " + t, torchio, motion());
			add(cases, "Random Ghosting 7 ghosts y " + t, torchio, new Ghosting(7, 1, 0.75, Double.NaN));
			add(cases, "Random Bias Field order 3 " + t, torchio, biasField());
			add(cases, "Random Blur scipy 2 mm " + t, torchio, new GaussianBlur(new double[] { 2, 2, 2 }, GaussianBlur.Kernel.SCIPY));
			add(cases, "Random Noise Gaussian " + t, torchio, new Noise(Noise.Distribution.GAUSSIAN, 0, 25, 7));
		}
		return cases;
	}

	/** nnU-Net v2's get_training_transforms with every random step applied (its most expensive case). */
	static Object nnUNetRecipe(final Subject in) {
		final Sampling linear = Sampling.of(Interpolation.LINEAR, BoundaryMode.BOX, 0);
		final SplittableRandom r = new SplittableRandom(11);
		Subject s = Subject.of(ZScoreNormalization.apply(in.image(), VoxelSelection.all()), in.labels());
		s = new RandomRotate(new double[] { 30, 30, 30 }, RandomRotate.Mode.PER_AXIS).apply(s, r.nextLong(), linear, Interpolation.LABEL);
		s = new RandomZoom(0.7, 1.4, true, true).apply(s, r.nextLong(), linear, Interpolation.LABEL);
		Volume<? extends RealType<?>> image = s.image();
		for (final IntensityDraw d : new IntensityDraw[] { new Noise(Noise.Distribution.GAUSSIAN, 0, 0.05, 3),
			new GaussianBlur(new double[] { 0.75, 0.75, 0.75 }, GaussianBlur.Kernel.NNUNET), new Brightness(1.1), new Contrast(0.9, true),
			new SimulatedLowResolution(new double[] { 0.75, 0.75, 0.75 }), new Gamma(1.2, Gamma.Formula.RANGE, true, true),
			new Gamma(0.85, Gamma.Formula.RANGE, false, true) })
			image = d.apply(image);
		s = Subject.of(image, s.labels());
		return RandomSpatialTransform.apply(s, new RandomFlip.Draw(true, true, true), Sampling.of(Interpolation.NEAREST, BoundaryMode.BOX, 0),
			Interpolation.NEAREST).materialize();
	}

	/** nnU-Net v2's recipe as macros/nnunet_v2_default_augmentation.ijm runs it: each step with its probability and ranges. */
	static Object nnUNetRecipe(final Subject in, final long seed) {
		final Sampling linear = Sampling.of(Interpolation.LINEAR, BoundaryMode.BOX, 0);
		final SplittableRandom seeds = new SplittableRandom(seed);
		Subject s = Subject.of(ZScoreNormalization.apply(in.image(), VoxelSelection.all()), in.labels());
		s = spatial(s, new RandomRotate(new double[] { 30, 30, 30 }, RandomRotate.Mode.PER_AXIS), 0.2, seeds.nextLong(), linear, Interpolation.LABEL);
		s = spatial(s, new RandomZoom(0.7, 1.4, true, true), 0.2, seeds.nextLong(), linear, Interpolation.LABEL);
		final RandomIntensityTransform[] steps = { new RandomNoise(Noise.Distribution.GAUSSIAN, 0, 0, 0.1, RandomNoise.RelativeTo.NONE),
			new RandomBlur(0.5, 1, false, false, GaussianBlur.Kernel.NNUNET), new RandomBrightness(0.75, 1.25, FactorSampling.HALVES_AROUND_ONE),
			new RandomContrast(0.75, 1.25, FactorSampling.HALVES_AROUND_ONE, true),
			new RandomLowResolution(RandomLowResolution.Mode.NNUNET, 0.5, 1, true, new boolean[] { true, true, true }),
			new RandomGamma(0.7, 1.5, FactorSampling.HALVES_AROUND_ONE, Gamma.Formula.RANGE, true, true),
			new RandomGamma(0.7, 1.5, FactorSampling.HALVES_AROUND_ONE, Gamma.Formula.RANGE, false, true) };
		final double[] p = { 0.1, 0.1, 0.15, 0.15, 0.125, 0.1, 0.3 };
		Volume<? extends RealType<?>> image = s.image();
		for (int i = 0; i < steps.length; i++) {
			final SplittableRandom r = new SplittableRandom(seeds.nextLong());
			if (Chance.draw(p[i], r).applied()) image = steps[i].draw(image, r).apply(image);
		}
		return spatial(Subject.of(image, s.labels()), new RandomFlip(0.5, 0.5, 0.5), 1, seeds.nextLong(), Sampling.of(Interpolation.NEAREST, BoundaryMode.BOX, 0),
			Interpolation.NEAREST).materialize();
	}

	private static Subject spatial(final Subject s, final RandomSpatialTransform t, final double p, final long seed, final Sampling sampling,
		final Interpolation labels)
	{
		final SplittableRandom r = new SplittableRandom(seed);
		return Chance.draw(p, r).applied() ? RandomSpatialTransform.apply(s, t.draw(s, r), sampling, labels) : s;
	}

	private static BiasField biasField() {
		final double[] c = new double[BiasField.coefficientCount(3)];
		final SplittableRandom r = new SplittableRandom(5);
		for (int i = 0; i < c.length; i++) c[i] = r.nextDouble() - 0.5;
		return new BiasField(3, c);
	}

	private static Motion motion() {
		return new Motion(new double[][] { { 4, -7, 9 }, { -8, 3, 2 } }, new double[][] { { 5, -3, 8 }, { -6, 7, 1 } }, new double[] { 0.35, 0.68 });
	}

	private static Spike spike() {
		return new Spike(new double[][] { { 0.2, 0.7, 0.9 }, { 0.55, 0.1, 0.4 } }, 1.5);
	}

	private static long voxels(final BrainPhantom b) {
		return b.labels().numVoxels();
	}

	private static void add(final List<BenchmarkCase> cases, final String name, final BrainPhantom brain, final IntensityDraw draw) {
		cases.add(new BenchmarkCase(name, voxels(brain), brain::image, v -> draw.apply(volume(v))));
	}

	@SuppressWarnings("unchecked")
	private static Volume<? extends RealType<?>> volume(final Object v) {
		return (Volume<? extends RealType<?>>) v;
	}
}

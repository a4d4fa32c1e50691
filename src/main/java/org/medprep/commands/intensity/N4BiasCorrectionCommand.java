package org.medprep.commands.intensity;

import ij.ImagePlus;

import org.medprep.commands.IntensityCommand;
import org.medprep.commands.MaskOption;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.Planes;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.bias.N4BiasFieldCorrection;
import org.medprep.core.segment.ForegroundMask;
import org.medprep.core.segment.MaskRule;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/** {@code run("N4 Bias Correction", "mask=[voxels > 0] shrink_factor=4 iterations=50,50,50,50 convergence=0.001 control_points=4 ...")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>N4 Bias Correction",
	description = "N4 bias-field correction (Tustison 2010, as ITK's N4BiasFieldCorrectionImageFilter): a B-spline bias model fitted on a shrunk image"
		+ " with iterative histogram sharpening over several resolution levels. Outputs the corrected image and the bias field (image = corrected x field).")
public class N4BiasCorrectionCommand extends IntensityCommand {

	@ChoicesOf(MaskRule.class)
	@Parameter(label = "Mask", initializer = "initMask", persist = false,
		description = "Voxels the field is fitted to, always only those > 0: voxels > 0 (also all voxels and non-zero voxels), Otsu threshold, or the title of a mask image.")
	private String mask = MaskRule.POSITIVE.label();

	@Parameter(label = "Shrink factor", min = "1", description = "Fit on every n-th voxel along each axis (ITK ShrinkImageFilter); 4 is the usual choice.")
	private int shrink_factor = 4;

	@Parameter(label = "Iterations per level", description = "Comma-separated maximum iterations; one number per fitting level (the mesh doubles per level).")
	private String iterations = "50,50,50,50";

	@Parameter(label = "Convergence threshold", description = "Stop a level when the coefficient of variation of the field update falls to this.")
	private double convergence = 0.001;

	@Parameter(label = "Control points", min = "4", description = "Control points per axis at the first level (>= 4 for cubic splines).")
	private int control_points = 4;

	@Parameter(label = "Histogram bins", min = "2", description = "Bins of the log-intensity histogram that is sharpened.")
	private int histogram_bins = 200;

	@Parameter(label = "Bias FWHM", description = "Full width at half maximum of the Gaussian assumed to blur the log histogram.")
	private double fwhm = 0.15;

	@Parameter(label = "Wiener noise", description = "Noise term of the Wiener deconvolution.")
	private double wiener_noise = 0.01;

	@Parameter(type = ItemIO.OUTPUT, label = "Bias field")
	private ImagePlus bias_field;

	@Override
	protected Volume<? extends RealType<?>> processImage(final Volume<? extends RealType<?>> in, final Subject subject, final StepRecord record) {
		final N4BiasFieldCorrection.Options options = N4BiasFieldCorrection.Options.defaults().withShrinkFactor(shrink_factor)
			.withIterations(parseIterations(iterations)).withConvergenceThreshold(convergence).withControlPoints(control_points)
			.withHistogramBins(histogram_bins).withFwhm(fwhm).withWienerNoise(wiener_noise);
		final N4BiasFieldCorrection.Result r = N4BiasFieldCorrection.correct(in, maskImage(in, subject), options, progress);
		// one field output: the main image's (the step corrects every scalar image of a case)
		if (in == subject.main()) bias_field = ImagePlusVolumes.toImagePlus(r.biasField(), outputTitle() + "-field", image);
		return r.corrected();
	}

	/** The mask image, Otsu's foreground, or null: N4 itself fits only voxels > 0, so the other rules need no mask. */
	private RandomAccessibleInterval<? extends RealType<?>> maskImage(final Volume<? extends RealType<?>> in, final Subject subject) {
		final MaskRule rule = MaskOption.rule(mask);
		if (rule == null) return MaskOption.maskImage(mask, in, title -> named(subject, title)).data();
		return rule == MaskRule.OTSU ? MaskRule.above(in.data(), ForegroundMask.otsuThreshold(in.data())) : null;
	}

	static int[] parseIterations(final String text) {
		final String[] parts = text == null ? new String[0] : text.split(",");
		final int[] its = new int[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				its[i] = Integer.parseInt(parts[i].trim());
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException("iterations must be comma-separated whole numbers, one per level (e.g. 50,50,50,50), got '" + text + "'");
			}
		}
		return its;
	}

	@Override
	protected String titleSuffix() {
		return "n4";
	}
}

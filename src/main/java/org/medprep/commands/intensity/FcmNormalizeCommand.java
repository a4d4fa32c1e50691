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
import org.medprep.core.normalize.FcmNormalization;
import org.medprep.core.normalize.TissueMeanMode;
import org.medprep.core.normalize.TissueMembership;
import org.medprep.core.normalize.TissueType;
import org.medprep.core.segment.MaskRule;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("FCM Normalize", "mask=[voxels > 0] tissue=[white matter] mean=membership-weighted threshold=0.8 target=1 t1_reference=[none] seed=0")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>FCM Normalize",
	description = "Fuzzy c-means (3 tissues, m = 2) on the foreground of a T1; divides the image by the chosen tissue's mean times the target"
		+ " (intensity-normalization's FCMNormalize). A T1 of the same subject can supply the tissue memberships for another contrast.")
public class FcmNormalizeCommand extends IntensityCommand {

	static final String NONE = "none";

	@ChoicesOf(MaskRule.class)
	@Parameter(label = "Foreground", initializer = "initMask", persist = false,
		description = "Voxels clustered: voxels > 0 (skull-stripped), all voxels, non-zero voxels, Otsu threshold, or the title of a brain mask (non-zero inside)."
			+ " With a T1 reference, the foreground of the reference.")
	private String mask = MaskRule.POSITIVE.label();

	@ChoicesOf(TissueType.class)
	@Parameter(label = "Tissue", choices = { "white matter", "grey matter", "CSF" }, description = "Reference tissue whose mean becomes the target.")
	private String tissue = TissueType.WM.label();

	@ChoicesOf(TissueMeanMode.class)
	@Parameter(label = "Tissue mean", choices = { "membership-weighted", "membership above threshold" },
		description = "membership-weighted over the foreground (intensity-normalization 2.x), or the mean of voxels whose membership exceeds the threshold (1.x).")
	private String mean = TissueMeanMode.MEMBERSHIP_WEIGHTED.label();

	@Parameter(label = "Membership threshold", min = "0", max = "0.999", description = "For 'membership above threshold' only, in [0, 1).")
	private double threshold = FcmNormalization.DEFAULT_THRESHOLD;

	@Parameter(label = "Target value", description = "The tissue's mean after normalization (> 0).")
	private double target = 1;

	@Parameter(label = "T1 reference", initializer = "initReference", persist = false,
		description = "none: cluster this image (a T1). Or the title of a T1 of the same subject and size whose tissue memberships normalize this image (FLAIR, T2).")
	private String t1_reference = NONE;

	@Parameter(label = "Seed", description = "Seed of the random fuzzy c-means start (the converged result does not depend on it in practice).")
	private long seed = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Tissue membership")
	private ImagePlus membership;

	protected void initReference() {
		offerImageTitles("t1_reference", NONE);
	}

	@Override
	protected Volume<? extends RealType<?>> processImage(final Volume<? extends RealType<?>> in, final Subject subject, final StepRecord record) {
		final TissueType t = TissueType.fromLabel(tissue);
		final TissueMeanMode mode = TissueMeanMode.fromLabel(mean);
		final Volume<? extends RealType<?>> reference = t1_reference == null || t1_reference.equals(NONE) ? in
			: named(subject, t1_reference);
		try {
			Planes.requireSameSize(in.data(), reference.data());
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("T1 reference '" + t1_reference + "' does not match the image: " + e.getMessage());
		}
		final TissueMembership m = FcmNormalization.membership(reference.data(), MaskOption.resolve(mask, reference, title -> named(subject, title)), t, seed);
		if (in == subject.main()) membership = ImagePlusVolumes.toImagePlus(reference.withData(m.image()), outputTitle() + "-" + t.name().toLowerCase() + "-membership", image);
		return FcmNormalization.normalize(in, m, mode, threshold, target);
	}

	@Override
	protected String titleSuffix() {
		return "fcm";
	}
}

/**
 * Intensity normalization, as the reference implementations do it: fixed
 * rules per image ({@link org.medprep.core.normalize.ZScoreNormalization},
 * {@link org.medprep.core.normalize.MinMaxNormalization}) and models learned
 * per image and per cohort:
 * <ul>
 * <li>{@link org.medprep.core.normalize.FcmNormalization}: jcreinhold's
 * intensity-normalization {@code FCMNormalize} (scikit-fuzzy c-means, 3
 * classes, m = 2; membership-weighted tissue mean, or the 1.x thresholded
 * mean); a {@link org.medprep.core.normalize.TissueMembership} found on a T1
 * normalizes other contrasts of the subject.</li>
 * <li>{@link org.medprep.core.normalize.NyulNormalization} with a
 * {@link org.medprep.core.normalize.NyulStandardScale} JSON file:
 * intensity-normalization's {@code NyulNormalize}.</li>
 * <li>{@link org.medprep.core.normalize.WhiteStripe}: intensity-normalization's
 * {@code WhiteStripeNormalize} for T1, with statsmodels' FFT kernel density
 * estimate reproduced exactly.</li>
 * <li>{@link org.medprep.core.normalize.CtFingerprint} and
 * {@link org.medprep.core.normalize.CtDatasetNormalization}: nnU-Net v2's
 * dataset fingerprint (foreground intensity statistics, spacings, target
 * spacing rule) and {@code CTNormalization}.</li>
 * <li>{@link org.medprep.core.normalize.IntensityHistograms}: the foreground
 * histograms of a cohort as densities on one range, to compare before and
 * after normalization (drawn with ImageJ's Plot by the Intensity Histograms command).</li>
 * </ul>
 * Bias-field correction (N4), which often runs before these, is in
 * {@code core.bias}. The foreground, when no mask is given, is the voxels &gt; 0 (the
 * skull-stripped convention of intensity-normalization); Otsu's threshold or
 * all voxels can be chosen, as in every command ({@link org.medprep.core.segment.MaskRule}).
 * The learned models are values; their files (small strict JSON documents
 * with a format tag and version) are read and written by {@code io.models}.
 */
package org.medprep.core.normalize;

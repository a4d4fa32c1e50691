/**
 * Intensity normalization learned per image and per cohort, and N4 bias-field
 * correction, as the reference implementations do them:
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
 * <li>{@link org.medprep.core.normalize.N4BiasFieldCorrection}: ITK's
 * {@code N4BiasFieldCorrectionImageFilter} with SimpleITK's usual settings.</li>
 * <li>{@link org.medprep.core.normalize.IntensityHistograms} and
 * {@link org.medprep.core.normalize.HistogramPlot}: overlaid cohort histograms
 * drawn into an ARGB raster without AWT.</li>
 * </ul>
 * The foreground, when no mask is given, is the voxels &gt; 0 (the
 * skull-stripped convention of intensity-normalization); Otsu's threshold or
 * all voxels can be chosen, as in every command ({@link org.medprep.core.segment.MaskRule}).
 * Model files are small strict JSON documents with a format tag and version;
 * a missing or malformed file raises a
 * {@link org.medprep.core.normalize.ModelFileException} naming the file and
 * what is wrong.
 */
package org.medprep.core.normalize;

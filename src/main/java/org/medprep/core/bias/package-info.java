/**
 * Bias-field correction: {@link org.medprep.core.bias.N4BiasFieldCorrection},
 * ITK's {@code N4BiasFieldCorrectionImageFilter} with SimpleITK's usual
 * settings, built from the two pieces of Tustison et al. 2010: the histogram
 * sharpening of the log intensities ({@link org.medprep.core.bias.HistogramSharpener},
 * a Wiener deconvolution by FFT) and the smooth field, a cubic B-spline
 * lattice fitted to scattered residuals level by level
 * ({@link org.medprep.core.bias.CubicBSplineLattice}, Lee, Wolberg and Shin's
 * multilevel B-spline approximation as ITK's {@code BSplineScatteredDataPointSetToImageFilter}).
 */
package org.medprep.core.bias;

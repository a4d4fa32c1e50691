/**
 * Figures drawn without AWT, so they render the same on a headless cluster
 * node as in Fiji: {@link org.medprep.core.plot.HistogramPlot} draws
 * {@link org.medprep.core.normalize.IntensityHistograms} into an
 * {@link org.medprep.core.plot.ArgbRaster} with a built-in pixel font.
 */
package org.medprep.core.plot;

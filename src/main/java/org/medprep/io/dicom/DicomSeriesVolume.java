package org.medprep.io.dicom;

import java.util.List;
import java.util.Optional;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.medprep.core.Volume;

/**
 * A loaded series: the {@link Volume} in output units (HU for CT), the stored
 * values they came from, the layout and the warnings.
 * <p>
 * When every frame shares one rescale slope and intercept, the stored image is
 * a PlanarImg of the native type and the volume is a lazy
 * {@link org.medprep.core.LinearRescale} view of it (or the same image if slope
 * 1, intercept 0), so ImageJ can show it as a 16-bit stack with a calibration
 * function. Otherwise the volume is a float PlanarImg.
 */
public final class DicomSeriesVolume {

	private final DicomSeries series;
	private final SeriesLayout layout;
	private final Volume<?> volume;
	private final RandomAccessibleInterval<? extends RealType<?>> stored;
	private final Double slope;
	private final Double intercept;
	private final List<String> warnings;

	DicomSeriesVolume(final DicomSeries series, final SeriesLayout layout, final Volume<?> volume,
		final RandomAccessibleInterval<? extends RealType<?>> stored, final Double slope, final Double intercept, final List<String> warnings)
	{
		this.series = series;
		this.layout = layout;
		this.volume = volume;
		this.stored = stored;
		this.slope = slope;
		this.intercept = intercept;
		this.warnings = warnings;
	}

	public DicomSeries series() { return series; }
	public SeriesLayout layout() { return layout; }
	/** Values in output units (stored x slope + intercept), LPS geometry, metadata. */
	public Volume<?> volume() { return volume; }
	/** The stored values (native type, masked and sign-extended). */
	public RandomAccessibleInterval<? extends RealType<?>> stored() { return stored; }
	/** The rescale shared by all frames, if they share one. */
	public Optional<Double> rescaleSlope() { return Optional.ofNullable(slope); }
	public Optional<Double> rescaleIntercept() { return Optional.ofNullable(intercept); }
	/** Gantry tilt, uneven spacing, missing slices, varying rescale... never printed, only collected. */
	public List<String> warnings() { return warnings; }
}

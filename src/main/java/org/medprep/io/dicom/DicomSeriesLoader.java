package org.medprep.io.dicom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import org.medprep.core.LinearRescale;
import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;

/**
 * Reads a {@link DicomSeries} into a {@link DicomSeriesVolume}: frames sorted
 * along the slice normal ({@link SeriesLayout}), stored values read plane by
 * plane in parallel (honouring Pixel Representation, Bits Stored and High Bit),
 * the modality LUT (Rescale Slope/Intercept) applied per frame, padding
 * recorded (and replaced if asked).
 * <p>
 * MONOCHROME1 images are read as they are stored: Photometric Interpretation
 * only says how to display them (minimum = white), it does not change the
 * values, so it is kept in the metadata for the display side. Colour images
 * are refused ({@link PixelFormat}).
 */
public final class DicomSeriesLoader {

	private DicomSeriesLoader() {}

	public static DicomSeriesVolume load(final DicomSeries series) throws DicomException {
		return load(series, DicomLoadOptions.defaults(), ProgressListener.NONE);
	}

	/**
	 * @throws DicomException naming the series or file: inconsistent frames,
	 *           encapsulated (compressed) pixel data, unreadable files
	 */
	public static DicomSeriesVolume load(final DicomSeries series, final DicomLoadOptions options, final ProgressListener progress)
		throws DicomException
	{
		final SeriesVolumes volumes = SeriesVolumes.of(series);
		if (volumes.volumes().size() > 1)
			throw new DicomException("series " + series.uid() + " holds " + volumes.volumes().size() + " volumes at the same slice positions ("
				+ volumes.kind().name().toLowerCase(Locale.ROOT) + "): open it as 4D, e.g. medprep convert writes one 4D NIfTI");
		return loadVolume(series, options, progress);
	}

	/**
	 * Every volume of a series: one for a 3D series, one per time point or
	 * b-value for a series whose positions repeat ({@link SeriesVolumes}), all
	 * on one grid.
	 *
	 * @throws DicomException as {@link #load}, or when the volumes do not share one grid
	 */
	public static List<DicomSeriesVolume> loadAll(final DicomSeries series, final DicomLoadOptions options, final ProgressListener progress)
		throws DicomException
	{
		final SeriesVolumes volumes = SeriesVolumes.of(series);
		final List<DicomSeriesVolume> out = new ArrayList<>();
		for (final DicomSeries v : volumes.volumes()) {
			final DicomSeriesVolume loaded = loadVolume(v, options, progress);
			if (!out.isEmpty() && !loaded.layout().geometry().sameSpace(out.get(0).layout().geometry(), 1e-4))
				throw new DicomException("series " + series.uid() + ": volume " + (out.size() + 1) + " of " + volumes.volumes().size()
					+ " does not lie on the grid of the first (" + loaded.layout().geometry() + " vs " + out.get(0).layout().geometry() + ")");
			out.add(loaded);
		}
		return out;
	}

	private static DicomSeriesVolume loadVolume(final DicomSeries series, final DicomLoadOptions options, final ProgressListener progress)
		throws DicomException
	{
		final SeriesLayout layout = SeriesLayout.of(series, options.planeToleranceDegrees());
		final List<DicomFrame> frames = layout.sortedFrames();
		for (final DicomFrame f : frames) PixelReader.checkDecodable(f);
		final List<String> warnings = new ArrayList<>(layout.warnings());
		final DicomFrame first = frames.get(0);
		final PixelFormat format = first.format();
		final long[] dims = { format.columns(), format.rows(), frames.size() };
		final long voxels = dims[0] * dims[1] * dims[2];
		if (voxels > Integer.MAX_VALUE * 64L)
			throw new DicomException("series " + series.uid() + " is too large: " + dims[0] + "x" + dims[1] + "x" + dims[2]);
		// compressed frames can claim any size: refuse what cannot fit in memory before allocating it
		final long bytes = voxels * Math.max(1, format.bytesPerPixel());
		if (PixelReader.isEncapsulated(first) && bytes > Runtime.getRuntime().maxMemory())
			throw new DicomException(first.source() + ": series " + series.uid() + " (" + dims[0] + "x" + dims[1] + "x" + dims[2]
				+ ") needs " + (bytes >> 20) + " MB, more than the " + (Runtime.getRuntime().maxMemory() >> 20) + " MB Java may use");

		final PlanarImg<?, ?> stored = createStored(format, dims);
		readPlanes(frames, stored, progress);

		boolean uniform = true;
		for (final DicomFrame f : frames)
			uniform &= f.rescaleSlope() == first.rescaleSlope() && f.rescaleIntercept() == first.rescaleIntercept();
		final Map<String, String> meta = metadata(series, layout, first);

		// padding: stored value(s) outside the scanned field of view
		final Double pad = first.pixelPaddingValue();
		Double padLo = null;
		Double padHi = null;
		if (pad != null) {
			final Double limit = first.pixelPaddingRangeLimit();
			padLo = limit == null ? pad : Math.min(pad, limit);
			padHi = limit == null ? pad : Math.max(pad, limit);
			meta.put(DicomMetadata.PIXEL_PADDING_VALUE, number(pad * first.rescaleSlope() + first.rescaleIntercept()));
			if (!uniform) warnings.add("rescale varies between slices; PixelPaddingValue in the metadata uses the first slice's rescale");
		}
		final boolean replacePadding = options.paddingReplacement().isPresent() && pad != null;

		final Volume<?> volume;
		Double slope = null;
		Double intercept = null;
		if (uniform && !replacePadding) {
			slope = first.rescaleSlope();
			intercept = first.rescaleIntercept();
			meta.put(DicomMetadata.RESCALE_SLOPE, number(slope));
			meta.put(DicomMetadata.RESCALE_INTERCEPT, number(intercept));
			volume = volumeOf(rescaledView(stored, slope, intercept), layout, meta);
		}
		else {
			if (!uniform)
				warnings.add("rescale slope/intercept vary between slices; the volume is converted to float with each slice's own rescale");
			volume = Volume.of(toFloat(stored, frames, replacePadding ? new double[] { padLo, padHi, options.paddingReplacement().get() } : null),
				layout.geometry(), meta);
		}
		final List<String> allWarnings = Collections.unmodifiableList(warnings);
		final Volume<?> withWarnings = warnings.isEmpty() ? volume : volume.withMetadata(DicomMetadata.WARNINGS, String.join("\n", warnings));
		return new DicomSeriesVolume(series, layout, withWarnings, storedView(stored), slope, intercept, allWarnings);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Volume<?> volumeOf(final RandomAccessibleInterval<? extends RealType<?>> data, final SeriesLayout layout,
		final Map<String, String> meta)
	{
		return Volume.of((RandomAccessibleInterval) data, layout.geometry(), meta);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval<? extends RealType<?>> storedView(final PlanarImg<?, ?> img) {
		return (RandomAccessibleInterval) img;
	}

	private static PlanarImg<?, ?> createStored(final PixelFormat f, final long[] dims) {
		switch (f.kind()) {
			case FLOAT: return PlanarImgs.floats(dims);
			case DOUBLE: return PlanarImgs.doubles(dims);
			default:
		}
		switch (f.bitsAllocated()) {
			case 8: return f.isSigned() ? PlanarImgs.bytes(dims) : PlanarImgs.unsignedBytes(dims);
			case 16: return f.isSigned() ? PlanarImgs.shorts(dims) : PlanarImgs.unsignedShorts(dims);
			default: return f.isSigned() ? PlanarImgs.ints(dims) : PlanarImgs.unsignedInts(dims);
		}
	}

	private static Object plane(final PlanarImg<?, ?> img, final int z) {
		return ((ArrayDataAccess<?>) img.getPlane(z)).getCurrentStorageArray();
	}

	private static void readPlanes(final List<DicomFrame> frames, final PlanarImg<?, ?> stored, final ProgressListener progress)
		throws DicomException
	{
		final int n = frames.size();
		final Map<DicomFile, byte[]> wholeCache = new ConcurrentHashMap<>();
		final List<Integer> indices = new ArrayList<>(n);
		for (int z = 0; z < n; z++) indices.add(z);
		final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
		final List<DicomException> errors = Parallelization.getTaskExecutor().forEachApply(indices, z -> {
			try {
				final DicomFrame f = frames.get(z);
				byte[] whole = null;
				if (PixelReader.needsWholePixelData(f)) {
					whole = wholeCache.get(f.file());
					if (whole == null) {
						// deflated files: the value is inflated again from the file, alone (not the whole data set into memory)
						whole = f.pixelData().isInDeflatedStream() ? f.pixelData().bytes() : PixelReader.wholePixelData(f);
						wholeCache.put(f.file(), whole);
					}
				}
				PixelReader.read(f, whole, plane(stored, z));
				progress.progress(done.incrementAndGet(), n, "reading DICOM slices");
				return null;
			}
			catch (final DicomException e) {
				return e;
			}
		});
		for (final DicomException e : errors)
			if (e != null) throw e;
	}

	/**
	 * stored x slope + intercept as a lazy {@link LinearRescale} view (integer for
	 * slope 1 and an integer intercept, else float), which Planes and the ImageJ
	 * conversion recognise; the stored image itself when there is no rescale.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval<? extends RealType<?>> rescaledView(final PlanarImg<?, ?> stored, final double slope,
		final double intercept)
	{
		if (slope == 1 && intercept == 0) return storedView(stored);
		return LinearRescale.view((RandomAccessibleInterval) stored, slope, intercept);
	}

	/** Per-slice rescale (and padding replacement {lo, hi, value}) into a new float image. */
	private static PlanarImg<FloatType, ?> toFloat(final PlanarImg<?, ?> stored, final List<DicomFrame> frames, final double[] padding) {
		final long[] dims = stored.dimensionsAsLongArray();
		final PlanarImg<FloatType, net.imglib2.img.basictypeaccess.array.FloatArray> out = PlanarImgs.floats(dims);
		final int n = (int) (dims[0] * dims[1]);
		final List<Integer> indices = new ArrayList<>();
		for (int z = 0; z < frames.size(); z++) indices.add(z);
		Parallelization.getTaskExecutor().forEach(indices, z -> {
			final double slope = frames.get(z).rescaleSlope();
			final double intercept = frames.get(z).rescaleIntercept();
			final float[] dst = out.getPlane(z).getCurrentStorageArray();
			final Object src = plane(stored, z);
			final boolean unsigned = !frames.get(z).format().isSigned();
			for (int i = 0; i < n; i++) {
				final double v = storedValue(src, i, unsigned);
				dst[i] = padding != null && v >= padding[0] && v <= padding[1] ? (float) padding[2] : (float) (v * slope + intercept);
			}
		});
		return out;
	}

	private static double storedValue(final Object plane, final int i, final boolean unsigned) {
		if (plane instanceof short[]) return unsigned ? ((short[]) plane)[i] & 0xFFFF : ((short[]) plane)[i];
		if (plane instanceof byte[]) return unsigned ? ((byte[]) plane)[i] & 0xFF : ((byte[]) plane)[i];
		if (plane instanceof int[]) return unsigned ? ((int[]) plane)[i] & 0xFFFFFFFFL : ((int[]) plane)[i];
		if (plane instanceof float[]) return ((float[]) plane)[i];
		return ((double[]) plane)[i];
	}

	private static Map<String, String> metadata(final DicomSeries series, final SeriesLayout layout, final DicomFrame first) {
		final Map<String, String> m = new LinkedHashMap<>();
		m.put(Volume.MODALITY, series.modality());
		m.put(Volume.SERIES_UID, series.uid());
		final String type = first.rescaleType();
		if (!type.isEmpty()) m.put(Volume.UNITS, type);
		else if ("CT".equals(series.modality())) m.put(Volume.UNITS, "HU");
		m.put(DicomMetadata.SERIES_DESCRIPTION, series.description());
		m.put(DicomMetadata.SERIES_NUMBER, Integer.toString(series.seriesNumber()));
		m.put(DicomMetadata.STUDY_UID, series.studyUid());
		m.put(DicomMetadata.NUMBER_OF_FILES, Integer.toString(series.numberOfFiles()));
		m.put(DicomMetadata.PLANE, layout.plane().describe());
		m.put(DicomMetadata.PHOTOMETRIC_INTERPRETATION, first.format().photometricInterpretation());
		m.put(DicomMetadata.TRANSFER_SYNTAX_UID, first.transferSyntax().uid());
		if (first.sliceThickness() > 0) m.put(DicomMetadata.SLICE_THICKNESS, number(first.sliceThickness()));
		return m;
	}

	static String number(final double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
	}
}

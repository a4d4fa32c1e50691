package org.medprep.commands.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.medprep.core.ComputedPlanes;
import org.medprep.core.Geometry;
import org.medprep.core.LinearRescale;
import org.medprep.core.Volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;
import net.imglib2.util.Util;

/**
 * Converts between ImageJ's {@link ImagePlus} and MedPrep's {@link Volume}.
 * <p>
 * ImagePlus to Volume wraps the stack's pixel arrays without copying. The
 * calibration function is honoured: a CT opened by ImageJ is 16-bit raw with a
 * straight-line function (raw 32992 is -800 HU for a signed CT), and the
 * Volume shows the function's values, lazily. Spacing comes from the spatial
 * calibration (converted to mm); origin and direction cosines from the
 * {@value #GEOMETRY_PROPERTY} property that MedPrep writes, else from the
 * calibration origin with an identity direction.
 * <p>
 * Volume to ImagePlus wraps float, 8-bit and unsigned 16-bit planar images
 * without copying; signed 16-bit data get ImageJ's signed-16 convention
 * (offset 32768 and a calibration function), other data are copied to float.
 */
public final class ImagePlusVolumes {

	/** ImagePlus property (see {@link ImagePlus#setProp}) holding spacing, origin (mm) and direction. */
	public static final String GEOMETRY_PROPERTY = "MedPrep.Geometry";
	/** ImagePlus property holding the Volume metadata as key=value lines. */
	public static final String METADATA_PROPERTY = "MedPrep.Metadata";

	private ImagePlusVolumes() {}

	/**
	 * @throws IllegalArgumentException for RGB images and hyperstacks with several channels or frames
	 */
	public static Volume<? extends RealType<?>> toVolume(final ImagePlus imp) {
		if (imp == null) throw new IllegalArgumentException("no image");
		if (imp.getNChannels() > 1 || imp.getNFrames() > 1)
			throw new IllegalArgumentException("image '" + imp.getTitle() + "' has " + imp.getNChannels() + " channels and " + imp.getNFrames()
				+ " frames; MedPrep works on one 3D volume: extract it first (Image>Duplicate...)");
		final RandomAccessibleInterval<? extends RealType<?>> values = physicalValues(imp);
		return volumeOf(values, geometryOf(imp), metadataOf(imp));
	}

	/** The voxel values as ImageJ shows them (through the calibration function), as a view over the stack arrays. */
	private static RandomAccessibleInterval<? extends RealType<?>> physicalValues(final ImagePlus imp) {
		final ImageStack stack = imp.getStack();
		final long[] dims = { imp.getWidth(), imp.getHeight(), imp.getStackSize() };
		final Calibration cal = imp.getCalibration();
		switch (imp.getType()) {
			case ImagePlus.GRAY8: {
				final PlanarImg<UnsignedByteType, ByteArray> raw = wrap(stack, dims, p -> new ByteArray((byte[]) p), new UnsignedByteType());
				return calibrated(raw, cal);
			}
			case ImagePlus.GRAY16: {
				final PlanarImg<UnsignedShortType, ShortArray> raw = wrap(stack, dims, p -> new ShortArray((short[]) p), new UnsignedShortType());
				return calibrated(raw, cal);
			}
			case ImagePlus.GRAY32:
				// ImageJ ignores calibration functions on float images, and so do we.
				return wrap(stack, dims, p -> new FloatArray((float[]) p), new FloatType());
			default:
				throw new IllegalArgumentException("image '" + imp.getTitle() + "' is RGB or indexed colour; MedPrep needs a grayscale (8, 16 or 32-bit) image");
		}
	}

	/**
	 * Applies the calibration function lazily. A straight line with slope 1 and an
	 * integer intercept (signed 16-bit, CT with slope 1) stays integer, so
	 * histogram-based statistics remain exact and fast.
	 */
	private static <T extends IntegerType<T>> RandomAccessibleInterval<? extends RealType<?>> calibrated(final RandomAccessibleInterval<T> raw,
		final Calibration cal)
	{
		if (!cal.calibrated()) return raw;
		final double[] c = cal.getCoefficients();
		if (cal.getFunction() == Calibration.STRAIGHT_LINE && c != null && c.length >= 2 && c[1] != 0)
			return LinearRescale.view(raw, c[1], c[0]);
		// any other ImageJ function (polynomial, log, ...): its lookup table over all raw values
		final float[] table = cal.getCTable();
		if (table == null) return raw;
		return Converters.convert(raw, (in, out) -> out.setReal(table[in.getInteger()]), new FloatType());
	}

	private interface PlaneWrapper<A> {
		A wrap(Object pixels);
	}

	private static <T extends NativeType<T>, A extends ArrayDataAccess<A>> PlanarImg<T, A> wrap(final ImageStack stack, final long[] dims, final PlaneWrapper<A> w,
		final T type)
	{
		final List<A> planes = new ArrayList<>(stack.getSize());
		for (int z = 1; z <= stack.getSize(); z++) planes.add(w.wrap(stack.getPixels(z)));
		final PlanarImg<T, A> img = new PlanarImg<>(planes, dims, new Fraction());
		@SuppressWarnings({ "unchecked", "rawtypes" })
		final T linked = (T) type.getNativeTypeFactory().createLinkedType((net.imglib2.img.NativeImg) img);
		img.setLinkedType(linked);
		return img;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Volume<? extends RealType<?>> volumeOf(final RandomAccessibleInterval<? extends RealType<?>> values, final Geometry g,
		final Map<String, String> metadata)
	{
		return Volume.of((RandomAccessibleInterval) values, g, metadata);
	}

	/** Spacing (mm) from the calibration; origin and direction from MedPrep's property when present. */
	public static Geometry geometryOf(final ImagePlus imp) {
		final Calibration cal = imp.getCalibration();
		final double toMm = millimetresPer(cal.getUnit());
		final double[] spacing = { cal.pixelWidth * toMm, cal.pixelHeight * toMm, cal.pixelDepth * toMm };
		for (int d = 0; d < 3; d++)
			if (!(spacing[d] > 0) || !Double.isFinite(spacing[d]))
				throw new IllegalArgumentException("image '" + imp.getTitle() + "' has an invalid voxel size along " + "xyz".charAt(d) + ": "
					+ spacing[d] + " mm (Image>Properties...)");
		final String stored = imp.getProp(GEOMETRY_PROPERTY);
		if (stored != null) {
			final Geometry g = GeometryText.parse(stored);
			// TIFF keeps pixel sizes as rationals (0.6 comes back as 0.60000024): prefer the exact stored
			// spacing unless the calibration was really changed (Image>Properties)
			for (int d = 0; d < 3; d++)
				if (Math.abs(spacing[d] - g.spacing(d)) <= 1e-5 * g.spacing(d)) spacing[d] = g.spacing(d);
			return Geometry.of(spacing, g.origin(), g.direction());
		}
		final double[] origin = { -cal.xOrigin * spacing[0], -cal.yOrigin * spacing[1], -cal.zOrigin * spacing[2] };
		return Geometry.of(spacing, origin);
	}

	/** How many millimetres one calibration unit is; uncalibrated images count their pixels as 1 mm. */
	static double millimetresPer(final String unit) {
		final String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
		switch (u) {
			case "mm": case "millimeter": case "millimetre": case "millimeters": case "millimetres": return 1;
			case "um": case "\u03bcm": case "micron": case "microns": case "micrometer": case "micrometre": case "\u00b5m": return 1e-3;
			case "nm": return 1e-6;
			case "cm": return 10;
			case "m": case "meter": case "metre": return 1000;
			case "inch": case "inches": case "in": return 25.4;
			case "": case "pixel": case "pixels": return 1;
			default: throw new IllegalArgumentException("unknown length unit '" + unit + "' (use mm, µm, cm, m or inch)");
		}
	}

	static Map<String, String> metadataOf(final ImagePlus imp) {
		final Map<String, String> m = new LinkedHashMap<>();
		final String stored = imp.getProp(METADATA_PROPERTY);
		if (stored != null) {
			for (final String line : stored.split("\n")) {
				final int eq = line.indexOf('=');
				if (eq > 0) m.put(line.substring(0, eq), line.substring(eq + 1));
			}
		}
		final String valueUnit = imp.getCalibration().getValueUnit();
		if (!m.containsKey(Volume.UNITS) && valueUnit != null && !valueUnit.isEmpty() && !"Gray Value".equals(valueUnit))
			m.put(Volume.UNITS, valueUnit);
		return m;
	}

	/**
	 * A new ImagePlus showing the volume. When {@code template} (the input image)
	 * has the same voxel size, its spatial calibration (unit, origin) is kept;
	 * otherwise the calibration is in mm from the volume's geometry.
	 */
	public static ImagePlus toImagePlus(final Volume<? extends RealType<?>> volume, final String title, final ImagePlus template) {
		final ImagePlus imp = toImagePlusWithoutDisplayRange(volume, title, template);
		setDisplayRange(imp, volume);
		return imp;
	}

	/**
	 * {@link #toImagePlus} without the display range, which takes a pass over the voxels: for a file
	 * writer that gathers the range as it writes, or sets it with {@link #setDisplayRange} otherwise.
	 */
	public static ImagePlus toImagePlusWithoutDisplayRange(final Volume<? extends RealType<?>> volume, final String title, final ImagePlus template) {
		return imagePlusOf(volume, title, template, false);
	}

	/**
	 * {@link #toImagePlusWithoutDisplayRange} for a writer that reads each plane once: a result whose
	 * planes are not computed yet ({@link ComputedPlanes}) gets a {@link ComputedStack}, which computes
	 * a plane each time it is read and keeps none, so the result is never held whole.
	 */
	public static ImagePlus toImagePlusToWrite(final Volume<? extends RealType<?>> volume, final String title) {
		return imagePlusOf(volume, title, null, true);
	}

	private static ImagePlus imagePlusOf(final Volume<? extends RealType<?>> volume, final String title, final ImagePlus template,
		final boolean computeAsRead)
	{
		final boolean[] signed16 = { false };
		final ComputedPlanes.Pending pending = computeAsRead && volume.data().min(0) == 0 && volume.data().min(1) == 0 && volume.data().min(2) == 0
			? ComputedPlanes.pending(volume.data()).orElse(null) : null;
		final ImageStack stack = pending != null
			? new ComputedStack((int) volume.dimension(0), (int) volume.dimension(1), (int) volume.dimension(2), pending)
			: stackOf(volume, signed16);
		final ImagePlus imp = new ImagePlus(title, stack);
		final Calibration cal = imp.getCalibration();
		if (signed16[0]) cal.setSigned16BitCalibration();
		final Geometry g = volume.geometry();
		final Calibration tc = template == null ? null : template.getCalibration();
		if (tc != null && sameSpacing(tc, g)) {
			cal.setUnit(tc.getUnit());
			cal.pixelWidth = tc.pixelWidth;
			cal.pixelHeight = tc.pixelHeight;
			cal.pixelDepth = tc.pixelDepth;
			cal.xOrigin = tc.xOrigin;
			cal.yOrigin = tc.yOrigin;
			cal.zOrigin = tc.zOrigin;
		} else {
			cal.setUnit("mm");
			cal.pixelWidth = g.spacing(0);
			cal.pixelHeight = g.spacing(1);
			cal.pixelDepth = g.spacing(2);
			cal.xOrigin = -g.origin(0) / g.spacing(0);
			cal.yOrigin = -g.origin(1) / g.spacing(1);
			cal.zOrigin = -g.origin(2) / g.spacing(2);
		}
		final String units = volume.metadata().get(Volume.UNITS);
		if (units != null) cal.setValueUnit(units);
		imp.setProp(GEOMETRY_PROPERTY, GeometryText.format(g));
		final StringBuilder sb = new StringBuilder();
		// the history is the subject's, not the volume's: SubjectImages and HistoryStore put it on the image
		volume.metadata().forEach((k, v) -> {
			if (!k.equals(Volume.HISTORY)) sb.append(k).append('=').append(v.replace('\n', ' ')).append('\n');
		});
		if (sb.length() > 0) imp.setProp(METADATA_PROPERTY, sb.toString().trim());
		return imp;
	}

	private static boolean sameSpacing(final Calibration cal, final Geometry g) {
		final double toMm;
		try {
			toMm = millimetresPer(cal.getUnit());
		}
		catch (final IllegalArgumentException e) {
			return false;
		}
		return Math.abs(cal.pixelWidth * toMm - g.spacing(0)) < 1e-9 * g.spacing(0) && Math.abs(cal.pixelHeight * toMm - g.spacing(1)) < 1e-9 * g.spacing(1)
			&& Math.abs(cal.pixelDepth * toMm - g.spacing(2)) < 1e-9 * g.spacing(2);
	}

	/**
	 * The pixel arrays as an ImageJ stack: shared with planar images of ImageJ's types, copied otherwise.
	 * Integer data that fit in 16 bits stay 16-bit (signed ones in ImageJ's signed-16 form, flagged in
	 * {@code signed16}): half the memory of float for a CT.
	 */
	private static ImageStack stackOf(final Volume<? extends RealType<?>> volume, final boolean[] signed16) {
		final int w = (int) volume.dimension(0), h = (int) volume.dimension(1), d = (int) volume.dimension(2);
		final RandomAccessibleInterval<? extends RealType<?>> data = volume.data();
		final Object type = Util.getTypeFromInterval(data);
		final ImageStack stack = new ImageStack(w, h);
		final boolean zeroMin = data.min(0) == 0 && data.min(1) == 0 && data.min(2) == 0;
		if (data instanceof PlanarImg && zeroMin
			&& (type instanceof FloatType || type instanceof UnsignedByteType || type instanceof UnsignedShortType))
		{
			final PlanarImg<?, ?> p = (PlanarImg<?, ?>) data;
			for (int z = 0; z < d; z++) stack.addSlice(null, ((ArrayDataAccess<?>) p.getPlane(z)).getCurrentStorageArray());
			return stack;
		}
		if (type instanceof ShortType) return signed16Stack(data, w, h, d, signed16);
		if (type instanceof IntegerType && !(type instanceof UnsignedShortType)) {
			final double[] range = range(data);
			if (range[0] >= 0 && range[1] <= 255) {
				final PlanarImg<UnsignedByteType, ByteArray> b = PlanarImgs.unsignedBytes(w, h, d);
				copyPlanes(data, b, 0);
				return stackOfPlanes(b, w, h, d);
			}
			if (range[0] >= 0 && range[1] <= 65535) {
				final PlanarImg<UnsignedShortType, ShortArray> u = PlanarImgs.unsignedShorts(w, h, d);
				copyPlanes(data, u, 0);
				return stackOfPlanes(u, w, h, d);
			}
			if (range[0] >= Short.MIN_VALUE && range[1] <= Short.MAX_VALUE) return signed16Stack(data, w, h, d, signed16);
		}
		if (type instanceof UnsignedByteType) {
			final PlanarImg<UnsignedByteType, ByteArray> b = PlanarImgs.unsignedBytes(w, h, d);
			copyPlanes(data, b, 0);
			return stackOfPlanes(b, w, h, d);
		}
		if (type instanceof UnsignedShortType) {
			final PlanarImg<UnsignedShortType, ShortArray> u = PlanarImgs.unsignedShorts(w, h, d);
			copyPlanes(data, u, 0);
			return stackOfPlanes(u, w, h, d);
		}
		final PlanarImg<FloatType, FloatArray> f = PlanarImgs.floats(w, h, d);
		copyPlanes(data, f, 0);
		return stackOfPlanes(f, w, h, d);
	}

	/** ImageJ's signed 16-bit convention: stored = value + 32768, shown through a calibration function. */
	private static ImageStack signed16Stack(final RandomAccessibleInterval<? extends RealType<?>> data, final int w, final int h, final int d,
		final boolean[] signed16)
	{
		final PlanarImg<UnsignedShortType, ShortArray> u = PlanarImgs.unsignedShorts(w, h, d);
		copyPlanes(data, u, 32768);
		signed16[0] = true;
		return stackOfPlanes(u, w, h, d);
	}

	private static ImageStack stackOfPlanes(final PlanarImg<?, ?> p, final int w, final int h, final int d) {
		final ImageStack stack = new ImageStack(w, h);
		for (int z = 0; z < d; z++) stack.addSlice(null, ((ArrayDataAccess<?>) p.getPlane(z)).getCurrentStorageArray());
		return stack;
	}

	/** Copies (value + offset) into an 8-bit, 16-bit or float planar image, plane by plane in parallel. */
	private static void copyPlanes(final RandomAccessibleInterval<? extends RealType<?>> src, final PlanarImg<?, ?> dst, final double offset) {
		org.medprep.core.Planes.map(src, (z, v) -> {
			final Object plane = ((ArrayDataAccess<?>) dst.getPlane(z)).getCurrentStorageArray();
			if (plane instanceof float[]) {
				final float[] out = (float[]) plane;
				for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] + offset);
			}
			else if (plane instanceof short[]) {
				final short[] out = (short[]) plane;
				for (int i = 0; i < v.length; i++) out[i] = (short) Math.round(v[i] + offset);
			}
			else {
				final byte[] out = (byte[]) plane;
				for (int i = 0; i < v.length; i++) out[i] = (byte) Math.round(v[i] + offset);
			}
			return null;
		});
	}

	private static double[] range(final RandomAccessibleInterval<? extends RealType<?>> data) {
		return org.medprep.core.Planes.range(data);
	}

	/** Full range for 8-bit, the data range for 16-bit and float. */
	public static void setDisplayRange(final ImagePlus imp, final Volume<? extends RealType<?>> volume) {
		if (imp.getType() == ImagePlus.GRAY8) {
			imp.setDisplayRange(0, 255);
			return;
		}
		setDisplayRange(imp, range(volume.data()));
	}

	/**
	 * The display range {@link #setDisplayRange(ImagePlus, Volume)} sets, from the range of the
	 * volume's values {@code r} = {min, max} (for 8-bit: always 0 to 255).
	 */
	public static void setDisplayRange(final ImagePlus imp, final double[] r) {
		if (imp.getType() == ImagePlus.GRAY8) {
			imp.setDisplayRange(0, 255);
			return;
		}
		if (imp.getType() == ImagePlus.GRAY16 && imp.getCalibration().isSigned16Bit()) imp.setDisplayRange(r[0] + 32768, r[1] + 32768);
		else imp.setDisplayRange(r[0], r[1] > r[0] ? r[1] : r[0] + 1);
	}
}

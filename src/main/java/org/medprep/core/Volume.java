package org.medprep.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/**
 * A 3D image in x, y, z order (x fastest) with its place in the patient.
 * <p>
 * The voxel values are the physical ones (HU for CT): whoever builds a Volume
 * applies rescale slopes and calibration functions first, usually as a lazy
 * converted view. Label maps are Volumes of an integer type. The metadata map
 * carries small facts such as modality, series UID and units. The geometry's
 * voxel indices count from the data's min corner (see {@link Geometry}), so
 * operations may return zero-min images for translated inputs. Immutable: the
 * {@code with*} methods return new Volumes sharing the pixels.
 */
public final class Volume<T extends RealType<T>> {

	/** Metadata keys used across MedPrep. */
	public static final String MODALITY = "Modality";
	public static final String UNITS = "Units";
	public static final String SERIES_UID = "SeriesInstanceUID";
	/** Provenance: the macro lines that made the volume, one per line (kept in files that can hold it). */
	public static final String HISTORY = "History";

	private final RandomAccessibleInterval<T> data;
	private final Geometry geometry;
	private final Map<String, String> metadata;

	private Volume(final RandomAccessibleInterval<T> data, final Geometry geometry, final Map<String, String> metadata) {
		this.data = data;
		this.geometry = geometry;
		this.metadata = metadata;
	}

	public static <T extends RealType<T>> Volume<T> of(final RandomAccessibleInterval<T> data, final Geometry geometry) {
		return of(data, geometry, Collections.emptyMap());
	}

	/**
	 * @throws IllegalArgumentException if the data is not 3D or has an empty axis
	 */
	public static <T extends RealType<T>> Volume<T> of(final RandomAccessibleInterval<T> data, final Geometry geometry,
		final Map<String, String> metadata)
	{
		if (data == null) throw new IllegalArgumentException("volume data must not be null");
		if (geometry == null) throw new IllegalArgumentException("volume geometry must not be null");
		if (data.numDimensions() != 3)
			throw new IllegalArgumentException("a volume has 3 dimensions (x, y, z), got " + data.numDimensions());
		for (int d = 0; d < 3; d++)
			if (data.dimension(d) < 1) throw new IllegalArgumentException("volume is empty along " + Geometry.axisName(d));
		return new Volume<>(data, geometry, Collections.unmodifiableMap(new LinkedHashMap<>(metadata)));
	}

	public RandomAccessibleInterval<T> data() { return data; }
	public Geometry geometry() { return geometry; }
	public Map<String, String> metadata() { return metadata; }
	public long dimension(final int d) { return data.dimension(d); }
	public long[] dimensions() { return data.dimensionsAsLongArray(); }
	public long numVoxels() { return Intervals.numElements(data); }

	/** Same geometry and metadata, other voxels (of the same shape). */
	public <S extends RealType<S>> Volume<S> withData(final RandomAccessibleInterval<S> newData) {
		if (!Intervals.equalDimensions(newData, data))
			throw new IllegalArgumentException("new data " + Intervals.toString(newData) + " does not match the volume " + Intervals.toString(data));
		return new Volume<>(newData, geometry, metadata);
	}

	public Volume<T> withGeometry(final Geometry newGeometry) {
		return of(data, newGeometry, metadata);
	}

	public Volume<T> withMetadata(final String key, final String value) {
		final Map<String, String> m = new LinkedHashMap<>(metadata);
		if (value == null) m.remove(key);
		else m.put(key, value);
		return of(data, geometry, m);
	}

	@Override
	public String toString() {
		return "Volume" + Intervals.toString(data) + " " + geometry;
	}
}

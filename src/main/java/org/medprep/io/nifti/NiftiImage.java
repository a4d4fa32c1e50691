package org.medprep.io.nifti;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.io.storage.ScaledView;
import org.medprep.io.storage.VoxelType;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;

/**
 * What {@link NiftiReader} read: the header, the geometry it chose, and the
 * stored voxels of one or all volumes (planar images of the stored type, one
 * primitive array per z plane), with the scaling that turns them into
 * physical values.
 */
public final class NiftiImage {

	/** Metadata keys set on 4D volumes. */
	public static final String VOLUME_INDEX = "VolumeIndex";
	public static final String VOLUME_COUNT = "VolumeCount";
	public static final String DESCRIPTION = "Description";

	private final Path file;
	private final NiftiHeader header;
	private final VoxelType storedType;
	private final double[][] rasAffine;
	private final Geometry geometry;
	private final List<PlanarImg<?, ?>> stored;
	private final int firstIndex;
	private final int volumeCount;
	private final double slope;
	private final double intercept;
	private final List<String> warnings;

	NiftiImage(final Path file, final NiftiHeader header, final VoxelType storedType, final double[][] rasAffine, final Geometry geometry,
		final List<PlanarImg<?, ?>> stored, final int firstIndex, final int volumeCount, final double slope, final double intercept,
		final List<String> warnings)
	{
		this.file = file;
		this.header = header;
		this.storedType = storedType;
		this.rasAffine = rasAffine;
		this.geometry = geometry;
		this.stored = Collections.unmodifiableList(new ArrayList<>(stored));
		this.firstIndex = firstIndex;
		this.volumeCount = volumeCount;
		this.slope = slope;
		this.intercept = intercept;
		this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
	}

	public Path file() { return file; }
	public NiftiHeader header() { return header; }
	public VoxelType storedType() { return storedType; }
	/** The RAS affine used (in mm), 4x4. */
	public double[][] rasAffine() {
		final double[][] c = new double[4][];
		for (int i = 0; i < 4; i++) c[i] = rasAffine[i].clone();
		return c;
	}
	public Geometry geometry() { return geometry; }
	/** Number of volumes in the file (dim[4], 1 for 3D). */
	public int volumeCountInFile() { return volumeCount; }
	/** Number of volumes read. */
	public int size() { return stored.size(); }
	/** File index of the first volume read. */
	public int firstIndex() { return firstIndex; }
	/** True if scl_slope/scl_inter change the values. */
	public boolean isScaled() { return !ScaledView.isIdentity(slope, intercept); }
	/** Physical value = slope * stored + intercept (1 and 0 when the file has no scaling). */
	public double slope() { return slope; }
	public double intercept() { return intercept; }
	/** Things the reader decided that the user should know (e.g. a sheared sform replaced by the qform). */
	public List<String> warnings() { return warnings; }

	/** The stored voxels of the i-th volume read (0-based among those read), without scaling. */
	public PlanarImg<?, ?> storedData(final int i) {
		return stored.get(i);
	}

	/** The i-th volume read, with physical values (a lazy scaled view when the file has scaling). */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public Volume<?> volume(final int i) {
		final RandomAccessibleInterval<? extends RealType<?>> data = ScaledView.of((RandomAccessibleInterval) stored.get(i), storedType, slope, intercept);
		final Map<String, String> meta = new LinkedHashMap<>();
		if (!header.descrip.isEmpty()) meta.put(DESCRIPTION, header.descrip);
		if (header.history != null) meta.put(Volume.HISTORY, header.history);
		if (volumeCount > 1) {
			meta.put(VOLUME_INDEX, Integer.toString(firstIndex + i));
			meta.put(VOLUME_COUNT, Integer.toString(volumeCount));
		}
		return Volume.of((RandomAccessibleInterval) data, geometry, meta);
	}

	/** All volumes read, with physical values. */
	public List<Volume<?>> volumes() {
		final List<Volume<?>> list = new ArrayList<>();
		for (int i = 0; i < stored.size(); i++) list.add(volume(i));
		return list;
	}
}

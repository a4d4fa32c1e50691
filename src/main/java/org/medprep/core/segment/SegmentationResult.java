package org.medprep.core.segment;

import java.util.Optional;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

/** Everything {@link NmfKMeansSegmentation} produces. */
public final class SegmentationResult {

	private final NmfResult nmf;
	private final PlanarImg<FloatType, FloatArray> basis;
	private final PlanarImg<UnsignedByteType, ByteArray> foreground;
	private final IntensityClusters clusters;
	private final PlanarImg<UnsignedByteType, ByteArray> labels;
	private final PlanarImg<FloatType, FloatArray> inverted;

	SegmentationResult(final NmfResult nmf, final PlanarImg<FloatType, FloatArray> basis, final PlanarImg<UnsignedByteType, ByteArray> foreground,
		final IntensityClusters clusters, final PlanarImg<UnsignedByteType, ByteArray> labels, final PlanarImg<FloatType, FloatArray> inverted)
	{
		this.nmf = nmf;
		this.basis = basis;
		this.foreground = foreground;
		this.clusters = clusters;
		this.labels = labels;
		this.inverted = inverted;
	}

	/** The factorization of the slice matrix (one column per slice). */
	public NmfResult nmf() { return nmf; }

	/** The columns of W as images: x by y by n_components. */
	public PlanarImg<FloatType, FloatArray> basis() { return basis; }

	/** The foreground mask (1 = foreground). */
	public PlanarImg<UnsignedByteType, ByteArray> foreground() { return foreground; }

	/** All K clusters of the foreground intensities. */
	public IntensityClusters clusters() { return clusters; }

	/** Labels kmin..kmax of {@link #clusters()} (their own numbers); 0 elsewhere. */
	public PlanarImg<UnsignedByteType, ByteArray> labels() { return labels; }

	/** The clustered intensities inverted (max + min - value) inside the kept clusters, 0 elsewhere, when asked for. */
	public Optional<PlanarImg<FloatType, FloatArray>> inverted() { return Optional.ofNullable(inverted); }
}

package org.medprep.io.dicom;

/**
 * How much of a file to read. Immutable; start from {@link #full()} or
 * {@link #headerOnly()}.
 */
public final class DicomReadOptions {

	/** Default: values above 64 KiB stay in the file until asked for. */
	public static final int DEFAULT_LAZY_THRESHOLD = 64 * 1024;

	private final boolean stopBeforePixelData;
	private final int lazyThreshold;

	private DicomReadOptions(final boolean stopBeforePixelData, final int lazyThreshold) {
		this.stopBeforePixelData = stopBeforePixelData;
		this.lazyThreshold = lazyThreshold;
	}

	/** Everything, including sequences and encapsulated fragments; large values left in the file. */
	public static DicomReadOptions full() {
		return new DicomReadOptions(false, DEFAULT_LAZY_THRESHOLD);
	}

	/**
	 * Stop at the top-level pixel data element: its header (VR, length, offset)
	 * is recorded but its value is not read. For scanning folders.
	 */
	public static DicomReadOptions headerOnly() {
		return new DicomReadOptions(true, DEFAULT_LAZY_THRESHOLD);
	}

	/**
	 * Values longer than this many bytes are not read but located in the file
	 * (files only, not deflated ones); {@code Integer.MAX_VALUE} reads everything.
	 */
	public DicomReadOptions withLazyThreshold(final int bytes) {
		if (bytes < 0) throw new IllegalArgumentException("lazy threshold must be >= 0, got " + bytes);
		return new DicomReadOptions(stopBeforePixelData, bytes);
	}

	public boolean stopBeforePixelData() { return stopBeforePixelData; }
	public int lazyThreshold() { return lazyThreshold; }
}

package org.medprep.io.dicom;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A parsed Part 10 file (or a bare data set): preamble, file meta information
 * (group 0002, always explicit VR little endian), transfer syntax and the data set.
 */
public final class DicomFile {

	private final String source;
	private final Path path;
	private final byte[] preamble;
	private final DicomDataset meta;
	private final TransferSyntax transferSyntax;
	private final boolean transferSyntaxGuessed;
	private final long datasetOffset;
	private final DicomDataset dataset;
	private final boolean headerOnly;
	private final List<String> warnings;

	DicomFile(final String source, final Path path, final byte[] preamble, final DicomDataset meta, final TransferSyntax ts,
		final boolean tsGuessed, final long datasetOffset, final DicomDataset dataset, final boolean headerOnly,
		final List<String> warnings)
	{
		this.source = source;
		this.path = path;
		this.preamble = preamble;
		this.meta = meta;
		this.transferSyntax = ts;
		this.transferSyntaxGuessed = tsGuessed;
		this.datasetOffset = datasetOffset;
		this.dataset = dataset;
		this.headerOnly = headerOnly;
		this.warnings = Collections.unmodifiableList(warnings);
	}

	/** File name (or the name given for in-memory bytes), for messages. */
	public String source() { return source; }
	/** The file, if parsed from one. */
	public Optional<Path> path() { return Optional.ofNullable(path); }
	/** The 128-byte preamble, if the file had "DICM" at byte 128. */
	public Optional<byte[]> preamble() { return Optional.ofNullable(preamble == null ? null : preamble.clone()); }
	public boolean hasPreamble() { return preamble != null; }
	/** Group 0002 as read (empty for bare data sets without meta information). */
	public DicomDataset meta() { return meta; }
	public TransferSyntax transferSyntax() { return transferSyntax; }
	/** True when the file gave no Transfer Syntax UID and the encoding was guessed from the first bytes. */
	public boolean isTransferSyntaxGuessed() { return transferSyntaxGuessed; }
	/** Byte offset in the file where the data set starts (after the meta group); for deflated files the compressed stream starts here. */
	public long datasetOffset() { return datasetOffset; }
	public DicomDataset dataset() { return dataset; }
	/** True if parsing stopped at the pixel data (its value is not read). */
	public boolean isHeaderOnly() { return headerOnly; }
	/** Oddities tolerated while parsing (stray delimiters, VR switches, wrong group lengths...). */
	public List<String> warnings() { return warnings; }

	private EncapsulatedPixelData encapsulated;

	/** The fragment index of encapsulated pixel data: built on first use, shared by the file's frames (decoded in parallel). */
	synchronized EncapsulatedPixelData encapsulatedPixelData(final int frames) throws DicomException {
		if (encapsulated == null) encapsulated = EncapsulatedPixelData.of(this, frames);
		return encapsulated;
	}

	/** The top-level pixel data element (7FE0,0010, or float/double float pixel data), if any. */
	public Optional<DicomElement> pixelData() {
		for (final int tag : new int[] { Tags.PixelData, Tags.FloatPixelData, Tags.DoubleFloatPixelData }) {
			final Optional<DicomElement> e = dataset.find(tag);
			if (e.isPresent()) return e;
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return "DicomFile[" + source + ", " + transferSyntax + ", " + dataset.size() + " elements]";
	}
}

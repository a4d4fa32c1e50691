package org.medprep.io.dicom.codec;

/**
 * JPEG processes 1, 2/4 (8- and 12-bit sequential DCT, Huffman) and 14
 * (lossless, Huffman, every predictor, 2 to 16 bits). TwelveMonkeys' reader
 * decodes the lossless and 8-bit processes exactly; 12-bit DCT, which no
 * Java library on Maven Central decodes, is {@link JpegDctDecoder}.
 */
public final class JpegDecoder implements FrameDecoder {

	@Override
	public void decode(final byte[] data, final FrameSpec spec, final Object plane) throws CodecException {
		spec.checkPlane(plane);
		final JpegHeader h = JpegHeader.read(data);
		if (!h.isLossless() && !h.isSequentialDct())
			throw new CodecException("JPEG " + h.describe() + " is not supported (only baseline, extended sequential and lossless Huffman JPEG)");
		if (h.components != 1)
			throw new CodecException("JPEG " + h.describe() + ": a grayscale frame needs one component");
		if (h.rows != spec.rows() || h.columns != spec.columns())
			throw new CodecException("JPEG frame is " + h.columns + "x" + h.rows + " but the image is " + spec.columns() + "x" + spec.rows());
		if (h.isLossless() ? h.precision < 2 || h.precision > 16 : h.precision != 8 && h.precision != 12)
			throw new CodecException("JPEG " + h.describe() + ": precision " + h.precision + " is not allowed for this process");
		if (h.precision > spec.bitsAllocated())
			throw new CodecException("JPEG precision " + h.precision + " does not fit " + spec.bitsAllocated() + " bits allocated");
		if (h.isSequentialDct() && h.precision == 12) JpegDctDecoder.decode(data, spec, plane);
		else JpegImageIoDecoder.decode(data, h, spec, plane);
	}
}

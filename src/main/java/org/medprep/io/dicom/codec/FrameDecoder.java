package org.medprep.io.dicom.codec;

/**
 * Decodes the compressed bytes of one frame (the concatenated fragments of an
 * encapsulated Pixel Data frame) into a plane of stored values. Decoders write
 * the sample bits as coded (unsigned, in the low Bits Stored bits); the
 * caller masks and sign-extends per Pixel Representation. Implementations are
 * stateless and thread-safe.
 */
public interface FrameDecoder {

	/**
	 * @param data the frame's codestream (may have trailing padding)
	 * @param spec the size and bits the frame must have
	 * @param plane a byte[], short[] or int[] (by bits allocated) of at least rows x columns
	 * @throws CodecException if the codestream is corrupt, truncated, does not
	 *           match the spec, or uses a feature the decoder does not implement
	 */
	void decode(byte[] data, FrameSpec spec, Object plane) throws CodecException;
}

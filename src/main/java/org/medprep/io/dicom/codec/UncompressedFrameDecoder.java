package org.medprep.io.dicom.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Encapsulated Uncompressed Explicit VR Little Endian: each frame is its native little-endian bytes. */
final class UncompressedFrameDecoder implements FrameDecoder {

	@Override
	public void decode(final byte[] data, final FrameSpec spec, final Object plane) throws CodecException {
		spec.checkPlane(plane);
		final int bytes = spec.pixels() * (spec.bitsAllocated() / 8);
		if (data.length < bytes) throw new CodecException("uncompressed frame has " + data.length + " bytes, a " + spec + " frame needs " + bytes);
		final ByteBuffer b = ByteBuffer.wrap(data, 0, bytes).order(ByteOrder.LITTLE_ENDIAN);
		if (plane instanceof byte[]) b.get((byte[]) plane, 0, spec.pixels());
		else if (plane instanceof short[]) b.asShortBuffer().get((short[]) plane, 0, spec.pixels());
		else b.asIntBuffer().get((int[]) plane, 0, spec.pixels());
	}
}

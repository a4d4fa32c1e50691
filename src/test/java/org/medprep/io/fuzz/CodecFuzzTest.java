package org.medprep.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.medprep.io.dicom.codec.CodecException;
import org.medprep.io.dicom.codec.Codecs;
import org.medprep.io.dicom.codec.FrameDecoder;
import org.medprep.io.dicom.codec.FrameSpec;

/**
 * Fuzz targets for each frame decoder. An input is 4 bytes of frame layout
 * (rows - 1, columns - 1, bits allocated 8/16/32 by the low 2 bits, bits
 * stored) then the codestream. Only a CodecException may come out.
 */
class CodecFuzzTest {

	@FuzzTest(maxDuration = "10m")
	void rle(final byte[] data) {
		decode(Codecs.RLE_LOSSLESS, data);
	}

	@FuzzTest(maxDuration = "10m")
	void jpeg(final byte[] data) {
		decode("1.2.840.10008.1.2.4.70", data);
	}

	@FuzzTest(maxDuration = "10m")
	void jpegLs(final byte[] data) {
		decode("1.2.840.10008.1.2.4.80", data);
	}

	@FuzzTest(maxDuration = "10m")
	void jpeg2000(final byte[] data) {
		decode("1.2.840.10008.1.2.4.90", data);
	}

	private static void decode(final String syntax, final byte[] data) {
		if (data.length < 4) return;
		final int ba = new int[] { 8, 16, 32, 16 }[data[2] & 3];
		final int bs = 1 + (data[3] & 0xFF) % ba;
		final FrameSpec spec = new FrameSpec(1 + (data[0] & 0xFF), 1 + (data[1] & 0xFF), ba, bs);
		final byte[] codestream = java.util.Arrays.copyOfRange(data, 4, data.length);
		final FrameDecoder d = Codecs.decoder(syntax).get();
		try {
			d.decode(codestream, spec, spec.newPlane());
		}
		catch (final CodecException expected) {
			// a clean refusal
		}
	}
}

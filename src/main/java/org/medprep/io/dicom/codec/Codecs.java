package org.medprep.io.dicom.codec;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The frame decoder of each encapsulated transfer syntax MedPrep decodes.
 * JPEG 2000 needs the optional add-on jai-imageio-jpeg2000 on the class path
 * ({@link Jpeg2000Decoder}).
 */
public final class Codecs {

	public static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";

	private static final Map<String, FrameDecoder> DECODERS = new HashMap<>();

	static {
		final FrameDecoder jpeg = new JpegDecoder();
		final FrameDecoder jpegLs = new JpegLsDecoder();
		final FrameDecoder j2k = new Jpeg2000Decoder();
		DECODERS.put(RLE_LOSSLESS, new RleDecoder());
		DECODERS.put("1.2.840.10008.1.2.1.98", new UncompressedFrameDecoder());
		DECODERS.put("1.2.840.10008.1.2.4.50", jpeg);
		DECODERS.put("1.2.840.10008.1.2.4.51", jpeg);
		DECODERS.put("1.2.840.10008.1.2.4.57", jpeg);
		DECODERS.put("1.2.840.10008.1.2.4.70", jpeg);
		DECODERS.put("1.2.840.10008.1.2.4.80", jpegLs);
		DECODERS.put("1.2.840.10008.1.2.4.81", jpegLs);
		DECODERS.put("1.2.840.10008.1.2.4.90", j2k);
		DECODERS.put("1.2.840.10008.1.2.4.91", j2k);
	}

	private Codecs() {}

	/** The decoder of a transfer syntax UID, if MedPrep has one (JPEG 2000: also when the add-on is missing). */
	public static Optional<FrameDecoder> decoder(final String transferSyntaxUid) {
		return Optional.ofNullable(DECODERS.get(transferSyntaxUid));
	}

	/**
	 * Why frames of this syntax cannot be decoded here (no decoder, or the
	 * JPEG 2000 add-on is missing), or empty if they can.
	 */
	public static Optional<String> unavailable(final String transferSyntaxUid) {
		final FrameDecoder d = DECODERS.get(transferSyntaxUid);
		if (d == null) return Optional.of("MedPrep has no decoder for it");
		if (d instanceof Jpeg2000Decoder && !((Jpeg2000Decoder) d).isAvailable()) return Optional.of(Jpeg2000Decoder.MISSING);
		return Optional.empty();
	}
}

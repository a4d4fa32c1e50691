package org.medprep.io.dicom.codec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Decodes the JPEG 2000 fuzzing finding on which the add-on never returns, with one second
 * before the frame's own time, and prints how it ended; run in a JVM of its own by
 * {@link CodecsTest}, whose exit ends the decoding thread that cannot be stopped.
 */
final class Jpeg2000HangProbe {

	private Jpeg2000HangProbe() {}

	public static void main(final String[] args) throws Exception {
		final byte[] finding = Files.readAllBytes(Path.of(
			Jpeg2000HangProbe.class.getResource("/org/medprep/io/fuzz/addon-findings/jpeg2000-endless-packet-header.bin").toURI()));
		// the fuzz input: rows - 1, columns - 1, bits allocated (low 2 bits), bits stored, then the codestream
		final int ba = new int[] { 8, 16, 32, 16 }[finding[2] & 3];
		final FrameSpec spec = new FrameSpec(1 + (finding[0] & 0xFF), 1 + (finding[1] & 0xFF), ba, 1 + (finding[3] & 0xFF) % ba);
		final byte[] codestream = Arrays.copyOfRange(finding, 4, finding.length);
		final long t0 = System.nanoTime();
		try {
			new Jpeg2000Decoder("com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi", 1000).decode(codestream, spec, spec.newPlane());
			System.out.println("decoded");
		}
		catch (final CodecException e) {
			System.out.printf(java.util.Locale.ROOT, "refused after %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, e.getMessage());
		}
		System.exit(0);
	}
}

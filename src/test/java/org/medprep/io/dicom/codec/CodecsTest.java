package org.medprep.io.dicom.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which syntaxes decode, and what is said when JPEG 2000's add-on is missing. */
class CodecsTest {

	@Test
	void everySupportedSyntaxHasADecoder() {
		for (final String uid : new String[] { "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.1.98", "1.2.840.10008.1.2.4.50",
			"1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80",
			"1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91" })
		{
			assertTrue(Codecs.decoder(uid).isPresent(), uid);
			assertFalse(Codecs.unavailable(uid).isPresent(), uid + " (the add-on is on the test class path)");
		}
		assertEquals("MedPrep has no decoder for it", Codecs.unavailable("1.2.840.10008.1.2.4.201").get(), "HTJ2K");
		assertEquals("MedPrep has no decoder for it", Codecs.unavailable("1.2.840.10008.1.2.4.100").get(), "MPEG-2");
	}

	@Test
	void missingJpeg2000AddOnIsNamed() {
		final Jpeg2000Decoder absent = new Jpeg2000Decoder("com.github.jaiimageio.jpeg2000.impl.NoSuchSpi");
		assertFalse(absent.isAvailable());
		final CodecException e = assertThrows(CodecException.class, () -> absent.decode(new byte[8], new FrameSpec(1, 1, 8, 8), new byte[1]));
		assertTrue(e.getMessage().startsWith("JPEG 2000 needs the optional add-on com.github.jai-imageio:jai-imageio-jpeg2000"), e.getMessage());
		assertTrue(new Jpeg2000Decoder().isAvailable(), "the add-on is a test dependency");
	}

	@Test
	void jpeg2000SizeIsCheckedBeforeTheAddOnDecodes() {
		// SOC, SIZ for a 4096x4096 image with 1x1 tiles: refused before JJ2000 would build 16 million tiles
		final byte[] siz = new byte[4 + 41];
		siz[0] = (byte) 0xFF; siz[1] = 0x4F; siz[2] = (byte) 0xFF; siz[3] = 0x51;
		put32(siz, 8, 4096); put32(siz, 12, 4096); put32(siz, 24, 1); put32(siz, 28, 1);
		siz[40] = 0; siz[41] = 1; siz[42] = 15;
		final CodecException e = assertThrows(CodecException.class,
			() -> new Jpeg2000Decoder().decode(siz, new FrameSpec(4096, 4096, 16, 16), new short[4096 * 4096]));
		assertEquals("JPEG 2000 tiling 1x1 is invalid for a 4096x4096 image", e.getMessage());
		final CodecException size = assertThrows(CodecException.class,
			() -> new Jpeg2000Decoder().decode(siz, new FrameSpec(16, 16, 16, 16), new short[256]));
		assertEquals("JPEG 2000 image is 4096x4096 but the frame is 16x16", size.getMessage());
	}

	/**
	 * The fuzzing finding on which the add-on never returns (valid headers, packet data a run of FF
	 * bytes): the frame is refused with one line once its time is up, and the run goes on. In a JVM
	 * of its own, whose exit ends the decoding thread that cannot be stopped.
	 */
	@Test
	void aJpeg2000FrameTheAddOnNeverFinishesIsRefusedInTime() throws Exception {
		final java.util.List<String> cmd = java.util.Arrays.asList(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-cp", System.getProperty("java.class.path"), Jpeg2000HangProbe.class.getName());
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		final String out;
		try (java.io.InputStream in = p.getInputStream()) {
			assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the probe ended");
			out = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
		}
		finally {
			p.destroyForcibly();
		}
		assertEquals(0, p.exitValue(), out);
		assertTrue(out.matches("refused after 1\\.\\d s: .*"), out);
		assertTrue(out.endsWith(": the JPEG 2000 decoder gave no result for a 48x40 16/16-bit frame within 1 s (the add-on loops on some corrupt codestreams)"), out);
	}

	private static void put32(final byte[] b, final int o, final int v) {
		b[o] = (byte) (v >>> 24); b[o + 1] = (byte) (v >>> 16); b[o + 2] = (byte) (v >>> 8); b[o + 3] = (byte) v;
	}
}

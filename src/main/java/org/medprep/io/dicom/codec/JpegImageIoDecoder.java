package org.medprep.io.dicom.codec;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;

/**
 * JPEG through TwelveMonkeys' ImageIO JPEG reader: lossless process 14 (SOF3,
 * every predictor, 2 to 16 bits, its own decoder) and 8-bit DCT (baseline and
 * extended, through the JDK's libjpeg-based reader, as DCMTK's dcmdjpeg
 * decodes it). The frame header is checked against the frame before the
 * library sees the data, so it never allocates more than the frame.
 */
final class JpegImageIoDecoder {

	/** ImageIO readers are not thread-safe; one per reading thread. */
	private static final ThreadLocal<ImageReader> READER = new ThreadLocal<>();

	private JpegImageIoDecoder() {}

	static void decode(final byte[] data, final JpegHeader header, final FrameSpec spec, final Object plane) throws CodecException {
		final Raster raster;
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
			final ImageReader reader = reader();
			try {
				reader.setInput(in, true, true);
				raster = reader.readRaster(0, null);
			}
			finally {
				reader.setInput(null);
			}
		}
		catch (final IOException e) {
			throw new CodecException("corrupt JPEG data (" + header.describe() + "): " + e.getMessage(), e);
		}
		catch (final RuntimeException e) {
			// the library's own checks end in unchecked exceptions on some corrupt streams
			throw new CodecException("corrupt JPEG data (" + header.describe() + "): " + e, e);
		}
		if (raster.getWidth() != spec.columns() || raster.getHeight() != spec.rows() || raster.getNumBands() != 1)
			throw new CodecException("JPEG decoded to " + raster.getWidth() + "x" + raster.getHeight() + " with " + raster.getNumBands()
				+ " bands for a " + spec + " frame");
		final int w = spec.columns();
		final int[] row = new int[w];
		for (int y = 0; y < spec.rows(); y++) {
			raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
			FrameSpec.setRow(plane, y * w, row, 0, w);
		}
	}

	private static ImageReader reader() throws IOException {
		ImageReader r = READER.get();
		if (r == null) {
			r = spi().createReaderInstance();
			READER.set(r);
		}
		return r;
	}

	/**
	 * The registered TwelveMonkeys provider, registering it when the class path
	 * scan did not (a plugin class loader in Fiji or ImageJ 1.x).
	 */
	private static synchronized ImageReaderSpi spi() {
		final IIORegistry registry = IIORegistry.getDefaultInstance();
		final Iterator<ImageReaderSpi> it = registry.getServiceProviders(ImageReaderSpi.class, true);
		while (it.hasNext()) {
			final ImageReaderSpi s = it.next();
			if (s instanceof JPEGImageReaderSpi) return s;
		}
		final JPEGImageReaderSpi s = new JPEGImageReaderSpi();
		registry.registerServiceProvider(s, ImageReaderSpi.class);
		return s;
	}
}

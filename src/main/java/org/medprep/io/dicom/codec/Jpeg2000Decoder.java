package org.medprep.io.dicom.codec;

import java.awt.image.Raster;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * JPEG 2000 (lossless and lossy) through the optional add-on
 * {@code com.github.jai-imageio:jai-imageio-jpeg2000}, found on the class path
 * at run time and never bundled: its JJ2000 licence is not compatible with the
 * GPL. Without it, frames are refused with {@link #MISSING}. The image size in
 * the codestream's SIZ marker is checked against the frame before the add-on
 * decodes anything.
 * <p>
 * The add-on never returns on some corrupt codestreams (its packet header reader
 * loops on CPU; see docs/fuzzing.md), so a frame is decoded on a thread of its
 * own and refused when it takes far longer than JJ2000 ever needs (about two
 * million voxels a second): the case fails with one line instead of hanging its
 * run. The abandoned thread cannot be stopped (the loop reads no more input and
 * checks no interrupt); it is a daemon, so it keeps one core busy until the
 * process ends but never keeps the process alive.
 */
final class Jpeg2000Decoder implements FrameDecoder {

	static final String ADD_ON_ARTIFACT = "com.github.jai-imageio:jai-imageio-jpeg2000";
	private static final String SPI_CLASS = "com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi";

	static final String MISSING = "JPEG 2000 needs the optional add-on " + ADD_ON_ARTIFACT + " (jai-imageio-jpeg2000-1.4.0.jar and "
		+ "jai-imageio-core-1.4.0.jar) on the class path: in Fiji's jars/ folder, or beside the standalone jar with "
		+ "java -cp; see MedPrep's docs/dicom.md for its licence";

	/** The time any frame may take, plus {@link #MILLIS_PER_MEGAVOXEL}: a 512x512 frame decodes in a tenth of a second. */
	static final long BASE_TIMEOUT_MILLIS = 30_000;
	static final long MILLIS_PER_MEGAVOXEL = 5_000;

	private final ImageReaderSpi spi;
	private final long baseTimeoutMillis;

	Jpeg2000Decoder() {
		this(SPI_CLASS);
	}

	/** With the add-on's reader provider class named (tests name a missing one). */
	Jpeg2000Decoder(final String spiClass) {
		this(spiClass, BASE_TIMEOUT_MILLIS);
	}

	/** With the time any frame may take before its size is counted (tests give a short one). */
	Jpeg2000Decoder(final String spiClass, final long baseTimeoutMillis) {
		spi = findSpi(spiClass);
		this.baseTimeoutMillis = baseTimeoutMillis;
	}

	boolean isAvailable() {
		return spi != null;
	}

	private static ImageReaderSpi findSpi(final String spiClass) {
		for (final ClassLoader cl : new ClassLoader[] { Jpeg2000Decoder.class.getClassLoader(), Thread.currentThread().getContextClassLoader() }) {
			if (cl == null) continue;
			try {
				return (ImageReaderSpi) Class.forName(spiClass, true, cl).getConstructor().newInstance();
			}
			catch (final ReflectiveOperationException | LinkageError | ClassCastException e) {
				// not on this class path: try the next loader, else JPEG 2000 is unavailable
			}
		}
		return null;
	}

	@Override
	public void decode(final byte[] data, final FrameSpec spec, final Object plane) throws CodecException {
		spec.checkPlane(plane);
		if (spi == null) throw new CodecException(MISSING);
		checkSize(data, spec);
		final Raster raster = readWithin(data, spec, baseTimeoutMillis + MILLIS_PER_MEGAVOXEL * spec.rows() * spec.columns() / 1_000_000);
		if (raster.getWidth() != spec.columns() || raster.getHeight() != spec.rows() || raster.getNumBands() != 1)
			throw new CodecException("JPEG 2000 decoded to " + raster.getWidth() + "x" + raster.getHeight() + " with " + raster.getNumBands()
				+ " components for a " + spec + " frame");
		final int w = spec.columns();
		final int[] row = new int[w];
		for (int y = 0; y < spec.rows(); y++) {
			raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
			FrameSpec.setRow(plane, y * w, row, 0, w);
		}
	}

	/** The add-on's decoding of the frame on a thread of its own, refused after {@code timeoutMillis}. */
	private Raster readWithin(final byte[] data, final FrameSpec spec, final long timeoutMillis) throws CodecException {
		final FutureTask<Raster> read = new FutureTask<>(() -> read(data));
		final Thread decoding = new Thread(read, "JPEG 2000 frame");
		decoding.setDaemon(true);
		decoding.start();
		try {
			return read.get(timeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (final TimeoutException e) {
			read.cancel(true);
			throw new CodecException("the JPEG 2000 decoder gave no result for a " + spec + " frame within " + timeoutMillis / 1000
				+ " s (the add-on loops on some corrupt codestreams)");
		}
		catch (final InterruptedException e) {
			read.cancel(true);
			Thread.currentThread().interrupt();
			throw new CodecException("JPEG 2000 decoding was interrupted");
		}
		catch (final ExecutionException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof VirtualMachineError) throw (VirtualMachineError) cause;
			// JJ2000 reports some corrupt codestreams with plain Errors
			throw new CodecException("corrupt JPEG 2000 data: " + cause.getMessage(), cause);
		}
	}

	private Raster read(final byte[] data) throws IOException {
		try (ImageInputStream in = new StrictByteImageInputStream(data)) {
			final ImageReader reader = spi.createReaderInstance();
			try {
				reader.setInput(in, true, true);
				return reader.read(0).getRaster();
			}
			finally {
				reader.dispose();
			}
		}
	}

	/** Finds the SIZ marker (FF4F FF51 starts a codestream, also inside a JP2 file) and checks size and components. */
	private static void checkSize(final byte[] d, final FrameSpec spec) throws CodecException {
		int p = -1;
		for (int i = 0; i + 1 < Math.min(d.length, 1 << 16); i++)
			if ((d[i] & 0xFF) == 0xFF && (d[i + 1] & 0xFF) == 0x4F && i + 3 < d.length && (d[i + 2] & 0xFF) == 0xFF && (d[i + 3] & 0xFF) == 0x51) {
				p = i + 4;
				break;
			}
		if (p < 0 || p + 38 > d.length) throw new CodecException("not a JPEG 2000 codestream (no SOC and SIZ markers)");
		final long xsiz = u32(d, p + 4);
		final long ysiz = u32(d, p + 8);
		final long xo = u32(d, p + 12);
		final long yo = u32(d, p + 16);
		final int csiz = (d[p + 36] & 0xFF) << 8 | (d[p + 37] & 0xFF);
		if (xsiz - xo != spec.columns() || ysiz - yo != spec.rows())
			throw new CodecException("JPEG 2000 image is " + (xsiz - xo) + "x" + (ysiz - yo) + " but the frame is " + spec.columns() + "x" + spec.rows());
		final long xt = u32(d, p + 20);
		final long yt = u32(d, p + 24);
		final long xto = u32(d, p + 28);
		final long yto = u32(d, p + 32);
		// T.800 allows at most 65535 tiles (Isot); tiny tiles would make the add-on build millions of tile structures
		if (xt == 0 || yt == 0 || xto > xo || yto > yo || ((xsiz - xto + xt - 1) / xt) * ((ysiz - yto + yt - 1) / yt) > 65535)
			throw new CodecException("JPEG 2000 tiling " + xt + "x" + yt + " is invalid for a " + spec.columns() + "x" + spec.rows() + " image");
		if (csiz != 1) throw new CodecException("JPEG 2000 image has " + csiz + " components; a grayscale frame needs one");
		if (p + 40 < d.length) {
			final int bits = (d[p + 38] & 0x7F) + 1;
			if (bits > spec.bitsAllocated())
				throw new CodecException("JPEG 2000 component depth " + bits + " does not fit " + spec.bitsAllocated() + " bits allocated");
		}
	}

	private static long u32(final byte[] b, final int o) {
		return (b[o] & 0xFFL) << 24 | (b[o + 1] & 0xFFL) << 16 | (b[o + 2] & 0xFFL) << 8 | (b[o + 3] & 0xFFL);
	}
}

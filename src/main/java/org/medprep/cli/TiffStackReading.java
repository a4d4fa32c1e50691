package org.medprep.cli;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.io.FileOpener;
import ij.io.TiffDecoder;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.medprep.io.tiff.TiffPlaneReader;
import org.medprep.io.tiff.TiffPlaneWriter;

/**
 * Opens the uncompressed grayscale TIFF stacks that ImageJ and tifffile write
 * (8-bit, 16-bit unsigned or signed, 32-bit float; either byte order; one run
 * of planes or one directory per plane, each plane one strip or contiguous
 * strips) with the planes read in parallel ({@link TiffPlaneReader}) instead of
 * by ImageJ's one-threaded reader. The image is the one ImageJ's opener makes:
 * ImageJ reads the directories and opens the first plane, which gives the
 * calibration, the signed 16-bit convention, the info and the properties
 * (MedPrep's geometry and history); the stack is then all planes. Anything
 * else (compressed, RGB, colour tables, hyperstacks, other sample types) is
 * left to ImageJ's reader: {@link #open} answers null.
 */
final class TiffStackReading {

	private TiffStackReading() {}

	/** The stack as ImageJ would open it, or null when this file is not one of the simple kind. */
	static ImagePlus open(final Path path) throws IOException {
		final Path abs = path.toAbsolutePath();
		final FileInfo[] info;
		try {
			info = new TiffDecoder(abs.getParent().toString() + java.io.File.separator, abs.getFileName().toString()).getTiffInfo();
		}
		catch (final IOException | RuntimeException e) {
			return null; // not a TIFF ImageJ understands: its reader says so, as before
		}
		if (info == null || info.length == 0) return null;
		final FileInfo first = info[0];
		final TiffPlaneWriter.Sample sample = sampleOf(first);
		if (sample == null || isHyperstack(first.description)) return null;
		final long planeBytes = (long) first.width * first.height * first.getBytesPerPixel();
		final long[] offsets;
		if (info.length == 1) {
			if (!contiguous(first)) return null;
			offsets = new long[Math.max(1, first.nImages)];
			for (int z = 0; z < offsets.length; z++) offsets[z] = first.getOffset() + z * (planeBytes + first.getGap());
		}
		else {
			offsets = new long[info.length];
			for (int z = 0; z < info.length; z++) {
				final FileInfo fi = info[z];
				if (fi.nImages > 1 || fi.width != first.width || fi.height != first.height || sampleOf(fi) != sample
					|| fi.intelByteOrder != first.intelByteOrder || !contiguous(fi)) return null;
				offsets[z] = fi.getOffset();
			}
		}
		// the planes first: a truncated file fails here, naming itself, before ImageJ reads any of it
		final List<Object> planes = TiffPlaneReader.read(abs, offsets, first.width, first.height, sample,
			first.intelByteOrder ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN, true);
		final FileInfo one = (FileInfo) first.clone();
		one.nImages = 1;
		// one run of bytes, as ImageJ reads uncompressed planes; its decoder garbles some writers' strip
		// byte counts (tifffile's, with several strips), which would fail this read of the first plane
		one.stripOffsets = null;
		one.stripLengths = null;
		final ImagePlus imp = new FileOpener(one).openImage();
		if (imp == null || imp.getType() == ImagePlus.COLOR_256 || imp.getType() == ImagePlus.COLOR_RGB) return null;
		if (planes.size() > 1) {
			final ImageStack stack = new ImageStack(first.width, first.height);
			final String[] labels = first.sliceLabels;
			for (int z = 0; z < planes.size(); z++) stack.addSlice(labels != null && z < labels.length ? labels[z] : null, planes.get(z));
			imp.setStack(stack);
		}
		else imp.getProcessor().setPixels(planes.get(0));
		return imp;
	}

	/** The sample type of an uncompressed single-channel plane ImageJ reads as it is stored, or null. */
	private static TiffPlaneWriter.Sample sampleOf(final FileInfo fi) {
		if (fi.compression != FileInfo.COMPRESSION_NONE || fi.samplesPerPixel > 1 || fi.lutSize > 0 || fi.whiteIsZero) return null;
		switch (fi.fileType) {
			case FileInfo.GRAY8: return TiffPlaneWriter.Sample.UINT8;
			case FileInfo.GRAY16_UNSIGNED: return TiffPlaneWriter.Sample.UINT16;
			case FileInfo.GRAY16_SIGNED: return TiffPlaneWriter.Sample.INT16;
			case FileInfo.GRAY32_FLOAT: return TiffPlaneWriter.Sample.FLOAT32;
			default: return null;
		}
	}

	/**
	 * Whether a plane's strips follow each other without gaps (one strip always does), from
	 * their offsets and the rows per strip: ImageJ reads uncompressed planes as one run of
	 * bytes from the first strip, and some writers' strip byte counts do not come through its
	 * decoder, so they are not relied on.
	 */
	private static boolean contiguous(final FileInfo fi) {
		final int[] offsets = fi.stripOffsets;
		if (offsets == null || offsets.length <= 1) return true;
		if (Integer.toUnsignedLong(offsets[0]) != fi.getOffset() || fi.rowsPerStrip <= 0) return false;
		final long stripBytes = (long) fi.rowsPerStrip * fi.width * fi.getBytesPerPixel();
		for (int i = 1; i < offsets.length; i++)
			if (Integer.toUnsignedLong(offsets[i]) - Integer.toUnsignedLong(offsets[i - 1]) != stripBytes) return false;
		return true;
	}

	/** ImageJ's description of a stack with several channels or frames (ImageJ makes a hyperstack of it). */
	private static boolean isHyperstack(final String description) throws IOException {
		if (description == null || !description.startsWith("ImageJ")) return false;
		final Properties p = new Properties();
		p.load(new StringReader(description));
		return more(p, "channels") || more(p, "frames");
	}

	private static boolean more(final Properties p, final String key) {
		try {
			return Integer.parseInt(p.getProperty(key, "1").trim()) > 1;
		}
		catch (final NumberFormatException e) {
			return true;
		}
	}
}

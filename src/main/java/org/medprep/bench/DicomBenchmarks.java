package org.medprep.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomLoadOptions;
import org.medprep.io.dicom.DicomSeriesLoader;
import org.medprep.io.dicom.DicomSeriesVolume;

/**
 * Reading a CT series: a 300-slice 512x512 int16 series (quick: 16 slices of
 * 64x64), written in setup to a temporary folder as explicit VR little endian
 * Part 10 files with shuffled file names. Cases: header-only folder scan, and
 * scan + load (sorted, HU rescale view).
 */
public class DicomBenchmarks implements BenchmarkSuite {

	@Override
	public String name() {
		return "dicom";
	}

	@Override
	public List<BenchmarkCase> cases(final boolean quick) {
		final int size = quick ? 64 : 512;
		final int slices = quick ? 16 : 300;
		final long voxels = (long) size * size * slices;
		final String label = size + "x" + size + "x" + slices + " int16";
		return Arrays.asList(
			new BenchmarkCase("DICOM folder scan (header only) " + label, voxels, () -> writeSeries(size, slices),
				dir -> DicomFolder.scan((Path) dir)),
			new BenchmarkCase("DICOM series load " + label, voxels, () -> writeSeries(size, slices), dir -> {
				final DicomSeriesVolume v = DicomSeriesLoader.load(DicomFolder.scan((Path) dir).series().get(0),
					DicomLoadOptions.defaults(), org.medprep.core.ProgressListener.NONE);
				return v.volume();
			}));
	}

	/** Writes a synthetic axial CT series (signed int16, intercept -1024) into a new temporary folder, deleted on exit. */
	public static Path writeSeries(final int size, final int slices) throws IOException {
		final Path dir = Files.createTempDirectory("medprep-dicom-bench");
		dir.toFile().deleteOnExit();
		final short[] pixels = new short[size * size];
		for (int k = 0; k < slices; k++) {
			for (int y = 0; y < size; y++)
				for (int x = 0; x < size; x++) {
					final int dx = x - size / 2, dy = y - size / 2;
					pixels[y * size + x] = (short) (dx * dx + dy * dy < size * size / 5 ? 1024 + 40 + ((x * 7 + y * 3 + k) % 50) : 24);
				}
			// shuffled names: a loader must sort by position, not by name
			final Path f = dir.resolve(String.format(Locale.ROOT, "IM%05d.dcm", (k * 7919) % slices));
			Files.write(f, minimalCtSlice(size, k, pixels));
			f.toFile().deleteOnExit();
		}
		return dir;
	}

	/** A minimal CT image file: preamble, DICM, meta group, explicit VR little endian data set. */
	static byte[] minimalCtSlice(final int size, final int k, final short[] pixels) {
		final String root = "1.2.826.0.1.3680043.8.498.7732";
		final ElementWriter meta = new ElementWriter();
		meta.bytes(0x0002, 0x0001, "OB", new byte[] { 0, 1 });
		meta.text(0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.2");
		meta.text(0x0002, 0x0003, "UI", root + ".2." + (k + 1));
		meta.text(0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1");
		meta.text(0x0002, 0x0012, "UI", root + ".0");
		final ElementWriter ds = new ElementWriter();
		ds.text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.2");
		ds.text(0x0008, 0x0018, "UI", root + ".2." + (k + 1));
		ds.text(0x0008, 0x0060, "CS", "CT");
		ds.text(0x0008, 0x103E, "LO", "benchmark series");
		ds.text(0x0020, 0x000D, "UI", root + ".1");
		ds.text(0x0020, 0x000E, "UI", root + ".3");
		ds.text(0x0020, 0x0013, "IS", Integer.toString(k + 1));
		ds.text(0x0020, 0x0032, "DS", "-179.6\\-179.6\\" + String.format(Locale.ROOT, "%.2f", -300 + k * 1.25));
		ds.text(0x0020, 0x0037, "DS", "1\\0\\0\\0\\1\\0");
		ds.us(0x0028, 0x0002, 1);
		ds.text(0x0028, 0x0004, "CS", "MONOCHROME2");
		ds.us(0x0028, 0x0010, size);
		ds.us(0x0028, 0x0011, size);
		ds.text(0x0028, 0x0030, "DS", "0.7\\0.7");
		ds.us(0x0028, 0x0100, 16);
		ds.us(0x0028, 0x0101, 16);
		ds.us(0x0028, 0x0102, 15);
		ds.us(0x0028, 0x0103, 1);
		ds.text(0x0028, 0x1052, "DS", "-1024");
		ds.text(0x0028, 0x1053, "DS", "1");
		final ByteBuffer px = ByteBuffer.allocate(pixels.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		px.asShortBuffer().put(pixels);
		ds.bytes(0x7FE0, 0x0010, "OW", px.array());
		final byte[] m = meta.toByteArray();
		final byte[] d = ds.toByteArray();
		final ByteBuffer out = ByteBuffer.allocate(132 + 12 + m.length + d.length).order(ByteOrder.LITTLE_ENDIAN);
		out.position(128);
		out.put("DICM".getBytes(StandardCharsets.US_ASCII));
		out.putShort((short) 0x0002).putShort((short) 0x0000).put("UL".getBytes(StandardCharsets.US_ASCII)).putShort((short) 4).putInt(m.length);
		out.put(m).put(d);
		return out.array();
	}

	/** Explicit VR little endian elements, values padded to even length. */
	private static final class ElementWriter {
		private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

		void text(final int group, final int element, final String vr, final String value) {
			byte[] v = value.getBytes(StandardCharsets.US_ASCII);
			if (v.length % 2 == 1) {
				v = Arrays.copyOf(v, v.length + 1);
				v[v.length - 1] = (byte) ("UI".equals(vr) ? 0 : ' ');
			}
			bytes(group, element, vr, v);
		}

		void us(final int group, final int element, final int value) {
			bytes(group, element, "US", new byte[] { (byte) value, (byte) (value >>> 8) });
		}

		void bytes(final int group, final int element, final String vr, final byte[] value) {
			final boolean longForm = vr.equals("OB") || vr.equals("OW");
			final ByteBuffer h = ByteBuffer.allocate(longForm ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
			h.putShort((short) group).putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII));
			if (longForm) h.putShort((short) 0).putInt(value.length);
			else h.putShort((short) value.length);
			write(h.array());
			write(value);
		}

		private void write(final byte[] b) {
			out.write(b, 0, b.length);
		}

		byte[] toByteArray() {
			return out.toByteArray();
		}
	}
}

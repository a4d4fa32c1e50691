package org.medprep.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.medprep.core.ProgressListener;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomLoadOptions;
import org.medprep.io.dicom.DicomSeries;
import org.medprep.io.dicom.DicomSeriesLoader;

/**
 * Decoding throughput per transfer syntax: folder scan + load (decode, sort,
 * rescale view) of one series. By default a 300-slice 512x512 int16 CT (quick:
 * 16 slices of 64x64) written in setup, native and RLE (encoded here). With
 * {@code -Dmedprep.bench.dicom=DIR}, each subfolder of DIR is one case, named
 * after the folder: the committed timing script fills DIR with the same CT
 * compressed by GDCM and DCMTK in every syntax, and times dcm2niix on them.
 */
public class DecodeBenchmarks implements BenchmarkSuite {

	/** System property naming a folder of series to time, one per subfolder. */
	public static final String FOLDER_PROPERTY = "medprep.bench.dicom";

	@Override
	public String name() {
		return "decode";
	}

	@Override
	public List<BenchmarkCase> cases(final boolean quick) {
		final List<BenchmarkCase> cases = new ArrayList<>();
		final String dir = System.getProperty(FOLDER_PROPERTY);
		if (dir != null && !quick) {
			try (Stream<Path> s = Files.list(Paths.get(dir))) {
				for (final Path sub : s.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
					final long voxels = voxelsOf(sub);
					cases.add(new BenchmarkCase("decode " + sub.getFileName(), voxels, () -> sub, DecodeBenchmarks::load));
				}
			}
			catch (final IOException e) {
				throw new IllegalArgumentException(FOLDER_PROPERTY + "=" + dir + ": cannot list the folder: " + e.getMessage(), e);
			}
			return cases;
		}
		final int size = quick ? 64 : 512;
		final int slices = quick ? 16 : 300;
		final long voxels = (long) size * size * slices;
		final String label = size + "x" + size + "x" + slices + " int16";
		cases.add(new BenchmarkCase("decode native " + label, voxels, () -> DicomBenchmarks.writeSeries(size, slices), DecodeBenchmarks::load));
		cases.add(new BenchmarkCase("decode RLE " + label, voxels, () -> rleSeries(size, slices), DecodeBenchmarks::load));
		return cases;
	}

	private static Object load(final Object dir) throws Exception {
		final DicomSeries s = DicomFolder.scan((Path) dir).series().get(0);
		return DicomSeriesLoader.load(s, DicomLoadOptions.defaults(), ProgressListener.NONE).volume();
	}

	private static long voxelsOf(final Path dir) {
		try {
			final DicomSeries s = DicomFolder.scan(dir).series().get(0);
			return (long) s.frames().size() * s.frames().get(0).format().rows() * s.frames().get(0).format().columns();
		}
		catch (final Exception e) {
			throw new IllegalArgumentException(dir + ": not a DICOM series: " + e.getMessage(), e);
		}
	}

	/** The benchmark CT as RLE Lossless files (same headers, transfer syntax and pixel data replaced). */
	static Path rleSeries(final int size, final int slices) throws IOException {
		final Path nativeDir = DicomBenchmarks.writeSeries(size, slices);
		final Path dir = Files.createTempDirectory("medprep-decode-bench");
		dir.toFile().deleteOnExit();
		try (Stream<Path> files = Files.list(nativeDir)) {
			for (final Path f : files.sorted().collect(Collectors.toList())) {
				final Path out = dir.resolve(f.getFileName());
				Files.write(out, toRle(Files.readAllBytes(f), size));
				out.toFile().deleteOnExit();
			}
		}
		return dir;
	}

	/** Rewrites a file from {@link DicomBenchmarks#minimalCtSlice}: RLE transfer syntax, encapsulated pixel data. */
	private static byte[] toRle(final byte[] file, final int size) {
		final byte[] explicit = "1.2.840.10008.1.2.1\0".getBytes(StandardCharsets.US_ASCII);
		final byte[] rle = "1.2.840.10008.1.2.5\0".getBytes(StandardCharsets.US_ASCII);
		final int ts = indexOf(file, explicit);
		System.arraycopy(rle, 0, file, ts, rle.length);
		final int pixelBytes = size * size * 2;
		final int header = file.length - pixelBytes - 12;
		final byte[] hi = new byte[size * size];
		final byte[] lo = new byte[size * size];
		for (int i = 0; i < hi.length; i++) {
			lo[i] = file[header + 12 + 2 * i];
			hi[i] = file[header + 12 + 2 * i + 1];
		}
		final byte[] s1 = packBits(hi);
		final byte[] s2 = packBits(lo);
		final ByteArrayOutputStream frame = new ByteArrayOutputStream();
		le32(frame, 2);
		le32(frame, 64);
		le32(frame, 64 + s1.length);
		for (int i = 3; i < 16; i++) le32(frame, 0);
		frame.write(s1, 0, s1.length);
		frame.write(s2, 0, s2.length);
		if (frame.size() % 2 == 1) frame.write(0);
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(file, 0, header);
		out.write(new byte[] { (byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0, -1, -1, -1, -1 }, 0, 12);
		out.write(new byte[] { (byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0, 0, 0, 0, 0 }, 0, 8);
		out.write(new byte[] { (byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0 }, 0, 4);
		le32(out, frame.size());
		final byte[] f = frame.toByteArray();
		out.write(f, 0, f.length);
		out.write(new byte[] { (byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0 }, 0, 8);
		return out.toByteArray();
	}

	/** PackBits as DICOM RLE codes it: runs of 3 or more equal bytes replicated, the rest literal, at most 128 per packet. */
	static byte[] packBits(final byte[] in) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2);
		int i = 0;
		while (i < in.length) {
			int run = 1;
			while (i + run < in.length && run < 128 && in[i + run] == in[i]) run++;
			if (run >= 3) {
				out.write(1 - run);
				out.write(in[i]);
				i += run;
				continue;
			}
			int j = i;
			while (j < in.length && j - i < 128 && !(j + 2 < in.length && in[j] == in[j + 1] && in[j] == in[j + 2])) j++;
			out.write(j - i - 1);
			out.write(in, i, j - i);
			i = j;
		}
		if (out.size() % 2 == 1) out.write(-128); // segments are even; -128 is a no-op
		return out.toByteArray();
	}

	private static void le32(final ByteArrayOutputStream out, final int v) {
		out.write(v);
		out.write(v >>> 8);
		out.write(v >>> 16);
		out.write(v >>> 24);
	}

	private static int indexOf(final byte[] hay, final byte[] needle) {
		outer: for (int i = 0; i + needle.length <= hay.length; i++) {
			for (int j = 0; j < needle.length; j++)
				if (hay[i + j] != needle[j]) continue outer;
			return i;
		}
		throw new IllegalStateException(String.format(Locale.ROOT, "transfer syntax not found in a benchmark file"));
	}
}

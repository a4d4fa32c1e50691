package org.medprep.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.medprep.core.ProgressListener;
import org.medprep.io.dicom.DicomDataset;
import org.medprep.io.dicom.DicomElement;
import org.medprep.io.dicom.Encoding;
import org.medprep.io.dicom.TransferSyntax;
import org.medprep.io.dicom.Vr;
import org.medprep.io.dicom.deid.ConfidentialityProfile;
import org.medprep.io.dicom.deid.DeidKey;
import org.medprep.io.dicom.deid.DeidOption;
import org.medprep.io.dicom.deid.DeidRun;
import org.medprep.io.dicom.deid.DicomDeidentifier;
import org.medprep.io.dicom.deid.DicomFileWriter;
import org.medprep.io.dicom.deid.PatientPseudonyms;
import org.medprep.io.dicom.deid.UidMapper;

/**
 * De-identification of a folder of CT slices (Basic Profile, read + de-identify + write + audit):
 * 1000 slices of 512x512 int16, explicit VR little endian (quick: 20 slices of 64x64). "Voxels" are
 * slices x rows x columns; files per second = voxels/s / (rows x columns). The slices are written
 * once to a temporary folder (deleted at exit); each timed run rewrites the same output folder.
 */
public class DeidBenchmarks implements BenchmarkSuite {

	@Override
	public String name() {
		return "deid";
	}

	@Override
	public List<BenchmarkCase> cases(final boolean quick) {
		final int n = quick ? 20 : 1000;
		final int size = quick ? 64 : 512;
		return Collections.singletonList(new BenchmarkCase("DICOM Anonymize " + n + " CT slices " + size + "x" + size + " int16",
			(long) n * size * size, () -> makeSlices(n, size), in -> run((Path) in)));
	}

	private static Object run(final Path root) throws IOException {
		final DeidKey key = new DeidKey("benchmark-key");
		final DicomDeidentifier d = new DicomDeidentifier(ConfidentialityProfile.standard(), EnumSet.noneOf(DeidOption.class),
			new UidMapper(key), PatientPseudonyms.hashed(key));
		// the thread count medprep bench --threads set for this run (ImgLib2 parallelization context)
		final int threads = Math.max(1, net.imglib2.parallel.Parallelization.getTaskExecutor().getParallelism());
		final DeidRun.Report r = new DeidRun(root.resolve("in"), root.resolve("out"), d, key, false, threads).run(ProgressListener.NONE);
		if (!r.isClean()) throw new IllegalStateException("benchmark run had failures: " + r);
		return r;
	}

	/** Writes n synthetic CT slices with typical identifying attributes; returns the temporary root. */
	static Path makeSlices(final int n, final int size) throws IOException {
		final Path root = Files.createTempDirectory("medprep-deid-bench");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
		final Path in = root.resolve("in").resolve("series1");
		Files.createDirectories(in);
		final byte[] pixels = new byte[size * size * 2];
		final ByteBuffer b = ByteBuffer.wrap(pixels).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < size * size; i++) b.putShort((short) ((i * 31 + (i / size) * 17) % 2000 - 1000));
		for (int s = 0; s < n; s++) {
			final String sop = "1.2.826.0.1.3680043.8.498.999." + (s + 1);
			final DicomDataset meta = new DicomDataset("bench", Encoding.EXPLICIT_LITTLE, StandardCharsets.US_ASCII);
			meta.add(DicomElement.ofBytes(0x00020001, Vr.OB, new byte[] { 0, 1 }));
			meta.add(text(0x00020002, Vr.UI, "1.2.840.10008.5.1.4.1.1.2"));
			meta.add(text(0x00020003, Vr.UI, sop));
			meta.add(text(0x00020010, Vr.UI, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID));
			meta.add(text(0x00020012, Vr.UI, "1.2.826.0.1.3680043.8.498.999"));
			final DicomDataset ds = new DicomDataset("bench", Encoding.EXPLICIT_LITTLE, StandardCharsets.ISO_8859_1);
			ds.add(text(0x00080016, Vr.UI, "1.2.840.10008.5.1.4.1.1.2"));
			ds.add(text(0x00080018, Vr.UI, sop));
			ds.add(text(0x00080020, Vr.DA, "20240305"));
			ds.add(text(0x00080050, Vr.SH, "ACC12345"));
			ds.add(text(0x00080060, Vr.CS, "CT"));
			ds.add(text(0x00080080, Vr.LO, "GENERAL HOSPITAL"));
			ds.add(text(0x00080090, Vr.PN, "REFERRING^DOCTOR"));
			ds.add(text(0x00081010, Vr.SH, "CT01"));
			ds.add(text(0x0008103E, Vr.LO, "CHEST 1.0 B30f"));
			ds.add(text(0x00090010, Vr.LO, "VENDOR PRIVATE"));
			ds.add(text(0x00091001, Vr.LO, "DOE^JANE"));
			ds.add(text(0x00100010, Vr.PN, "DOE^JANE"));
			ds.add(text(0x00100020, Vr.LO, "PID0001"));
			ds.add(text(0x00100030, Vr.DA, "19600101"));
			ds.add(text(0x00181000, Vr.LO, "SERIAL42"));
			ds.add(text(0x0020000D, Vr.UI, "1.2.826.0.1.3680043.8.498.999.0.1"));
			ds.add(text(0x0020000E, Vr.UI, "1.2.826.0.1.3680043.8.498.999.0.2"));
			ds.add(text(0x00200013, Vr.IS, Integer.toString(s + 1)));
			ds.add(text(0x00200032, Vr.DS, "0\\0\\" + s));
			ds.add(text(0x00200052, Vr.UI, "1.2.826.0.1.3680043.8.498.999.0.3"));
			ds.add(DicomElement.ofBytes(0x00280002, Vr.US, new byte[] { 1, 0 }));
			ds.add(text(0x00280004, Vr.CS, "MONOCHROME2"));
			ds.add(DicomElement.ofBytes(0x00280010, Vr.US, new byte[] { (byte) size, (byte) (size >> 8) }));
			ds.add(DicomElement.ofBytes(0x00280011, Vr.US, new byte[] { (byte) size, (byte) (size >> 8) }));
			ds.add(DicomElement.ofBytes(0x00280100, Vr.US, new byte[] { 16, 0 }));
			ds.add(DicomElement.ofBytes(0x00280101, Vr.US, new byte[] { 16, 0 }));
			ds.add(DicomElement.ofBytes(0x00280102, Vr.US, new byte[] { 15, 0 }));
			ds.add(DicomElement.ofBytes(0x00280103, Vr.US, new byte[] { 1, 0 }));
			ds.add(DicomElement.ofBytes(0x7FE00010, Vr.OW, pixels));
			DicomFileWriter.writeAtomically(meta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ds, in.resolve(String.format("slice%04d.dcm", s + 1)));
		}
		return root;
	}

	private static DicomElement text(final int tag, final Vr vr, final String value) {
		byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
		if (v.length % 2 == 1) {
			v = java.util.Arrays.copyOf(v, v.length + 1);
			v[v.length - 1] = vr == Vr.UI ? 0 : (byte) ' ';
		}
		return DicomElement.ofBytes(tag, vr, v);
	}

	private static void deleteTree(final Path root) {
		try (Stream<Path> s = Files.walk(root)) {
			s.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (final IOException | UncheckedIOException e) {
			// best effort at exit
		}
	}
}

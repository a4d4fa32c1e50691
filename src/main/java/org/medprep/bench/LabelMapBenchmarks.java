package org.medprep.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.medprep.core.Geometry;
import org.medprep.io.dicom.DicomDataset;
import org.medprep.io.dicom.DicomElement;
import org.medprep.io.dicom.DicomParser;
import org.medprep.io.dicom.Encoding;
import org.medprep.io.dicom.TransferSyntax;
import org.medprep.io.dicom.Vr;
import org.medprep.io.dicom.deid.DicomFileWriter;
import org.medprep.io.dicom.label.DicomLabelMap;
import org.medprep.io.dicom.label.RtStruct;
import org.medprep.io.dicom.label.RtStructLabelMap;
import org.medprep.io.dicom.label.Segmentation;
import org.medprep.io.dicom.label.SegmentationLabelMap;

/**
 * Annotations to label maps on a 512x512x300 CT grid (quick: 64x64x16), from
 * the file: an RTSTRUCT of 4 ROIs with a 128-point closed contour on every
 * slice (the outer ones with holes), and a binary SEG of 3 segments with a
 * frame per slice each; both written in setup to a temporary file. Voxels per
 * second count the grid's voxels.
 */
public class LabelMapBenchmarks implements BenchmarkSuite {

	private static final String RTSTRUCT = "1.2.840.10008.5.1.4.1.1.481.3";
	private static final String SEG = "1.2.840.10008.5.1.4.1.1.66.4";
	private static final String ROOT = "1.2.826.0.1.3680043.8.498.7736";

	/** A temporary annotation file and the grid it lies on. */
	static final class Input {
		final Path file;
		final Geometry grid;
		final long[] dims;

		Input(final Path file, final Geometry grid, final long[] dims) {
			this.file = file;
			this.grid = grid;
			this.dims = dims;
		}
	}

	@Override
	public String name() {
		return "labels";
	}

	@Override
	public List<BenchmarkCase> cases(final boolean quick) {
		final int size = quick ? 64 : 512;
		final int slices = quick ? 16 : 300;
		final long voxels = (long) size * size * slices;
		final String label = size + "x" + size + "x" + slices;
		return Arrays.asList(
			new BenchmarkCase("RTSTRUCT to label map " + label + " (4 ROIs, 128-point contours)", voxels, () -> rtstruct(size, slices), in -> {
				final Input i = (Input) in;
				return RtStructLabelMap.of(RtStruct.read(DicomParser.read(i.file)), i.grid, i.dims).volume();
			}),
			new BenchmarkCase("DICOM SEG to label map " + label + " (3 binary segments)", voxels, () -> seg(size, slices), in -> {
				final Input i = (Input) in;
				final DicomLabelMap m = SegmentationLabelMap.of(Segmentation.read(DicomParser.read(i.file)), i.grid, i.dims);
				return m.volume();
			}));
	}

	static Geometry grid(final int size) {
		return Geometry.of(new double[] { 0.7, 0.7, 1.25 }, new double[] { -0.35 * size, -0.35 * size, -300 });
	}

	/** Writes an RT Structure Set: ROI r has, on every slice, a wobbly ring of radius (0.4 - 0.08 r) x size; ROIs 1-2 also a hole. */
	static Input rtstruct(final int size, final int slices) throws IOException {
		final Geometry g = grid(size);
		final Encoding enc = Encoding.EXPLICIT_LITTLE;
		final DicomDataset ds = dataset(RTSTRUCT, "RTSTRUCT");
		final List<DicomDataset> rois = new ArrayList<>();
		final List<DicomDataset> contours = new ArrayList<>();
		for (int r = 0; r < 4; r++) {
			final DicomDataset roi = item();
			roi.add(text(0x30060022, Vr.IS, Integer.toString(r + 1)));
			roi.add(text(0x30060026, Vr.LO, "ROI " + (r + 1)));
			rois.add(roi);
			final List<DicomDataset> items = new ArrayList<>();
			for (int k = 0; k < slices; k++) {
				items.add(contour(g, size, k, (0.4 - 0.08 * r) * size, r));
				if (r < 2) items.add(contour(g, size, k, 0.05 * size, r + 7));
			}
			final DicomDataset rc = item();
			rc.add(text(0x3006002A, Vr.IS, "255\\0\\0"));
			rc.add(DicomElement.ofItems(0x30060040, Vr.SQ, "SQ", true, false, DicomElement.UNDEFINED_LENGTH, -1, items));
			rc.add(text(0x30060084, Vr.IS, Integer.toString(r + 1)));
			contours.add(rc);
		}
		ds.add(DicomElement.ofItems(0x30060020, Vr.SQ, "SQ", enc.isExplicitVr(), false, DicomElement.UNDEFINED_LENGTH, -1, rois));
		ds.add(DicomElement.ofItems(0x30060039, Vr.SQ, "SQ", enc.isExplicitVr(), false, DicomElement.UNDEFINED_LENGTH, -1, contours));
		return new Input(write(ds, RTSTRUCT, "rtstruct"), g, new long[] { size, size, slices });
	}

	private static DicomDataset contour(final Geometry g, final int size, final int k, final double radius, final int seed) {
		final int n = 128;
		final StringBuilder sb = new StringBuilder();
		for (int p = 0; p < n; p++) {
			final double a = 2 * Math.PI * p / n;
			final double r = radius * (1 + 0.1 * Math.sin(5 * a + seed + 0.1 * k));
			final double[] xyz = g.indexToPhysical(new double[] { size / 2.0 + r * Math.cos(a) + 0.013, size / 2.0 + r * Math.sin(a) + 0.027, k });
			for (final double v : xyz) sb.append(sb.length() == 0 ? "" : "\\").append(String.format(Locale.ROOT, "%.4f", v));
		}
		final DicomDataset c = item();
		c.add(text(0x30060042, Vr.CS, "CLOSED_PLANAR"));
		c.add(text(0x30060046, Vr.IS, Integer.toString(n)));
		c.add(text(0x30060050, Vr.DS, sb.toString()));
		return c;
	}

	/** Writes a binary Segmentation on the grid: segment s is a disc of radius (0.35 - 0.1 s) x size on every slice. */
	static Input seg(final int size, final int slices) throws IOException {
		final Geometry g = grid(size);
		final DicomDataset ds = dataset(SEG, "SEG");
		ds.add(text(0x00280002, Vr.US, null, new byte[] { 1, 0 }));
		ds.add(text(0x00280004, Vr.CS, "MONOCHROME2"));
		final int segments = 3;
		ds.add(text(0x00280008, Vr.IS, Integer.toString(segments * slices)));
		ds.add(text(0x00280010, Vr.US, null, u16(size)));
		ds.add(text(0x00280011, Vr.US, null, u16(size)));
		ds.add(text(0x00280100, Vr.US, null, u16(1)));
		ds.add(text(0x00280101, Vr.US, null, u16(1)));
		ds.add(text(0x00280102, Vr.US, null, u16(0)));
		ds.add(text(0x00280103, Vr.US, null, u16(0)));
		ds.add(text(0x00620001, Vr.CS, "BINARY"));
		final List<DicomDataset> segs = new ArrayList<>();
		for (int s = 0; s < segments; s++) {
			final DicomDataset it = item();
			it.add(text(0x00620004, Vr.US, null, u16(s + 1)));
			it.add(text(0x00620005, Vr.LO, "segment " + (s + 1)));
			segs.add(it);
		}
		ds.add(DicomElement.ofItems(0x00620002, Vr.SQ, "SQ", true, false, DicomElement.UNDEFINED_LENGTH, -1, segs));
		final DicomDataset orientation = item();
		orientation.add(text(0x00200037, Vr.DS, "1\\0\\0\\0\\1\\0"));
		final DicomDataset measures = item();
		measures.add(text(0x00280030, Vr.DS, "0.7\\0.7"));
		final DicomDataset shared = item();
		shared.add(DicomElement.ofItems(0x00209116, Vr.SQ, "SQ", true, false, DicomElement.UNDEFINED_LENGTH, -1, List.of(orientation)));
		shared.add(DicomElement.ofItems(0x00289110, Vr.SQ, "SQ", true, false, DicomElement.UNDEFINED_LENGTH, -1, List.of(measures)));
		final List<DicomDataset> perFrame = new ArrayList<>();
		final int n = size * size;
		final byte[] bits = new byte[(int) (((long) n * segments * slices + 15) / 16 * 2)];
		int frame = 0;
		for (int s = 0; s < segments; s++) {
			final double r2 = Math.pow((0.35 - 0.1 * s) * size, 2);
			for (int k = 0; k < slices; k++, frame++) {
				final DicomDataset pf = item();
				final DicomDataset pos = item();
				final double[] ipp = g.indexToPhysical(new double[] { 0, 0, k });
				pos.add(text(0x00200032, Vr.DS, String.format(Locale.ROOT, "%.4f\\%.4f\\%.4f", ipp[0], ipp[1], ipp[2])));
				pf.add(DicomElement.ofItems(0x00209113, Vr.SQ, "SQ", true, false, DicomElement.UNDEFINED_LENGTH, -1, List.of(pos)));
				final DicomDataset id = item();
				id.add(text(0x0062000B, Vr.US, null, u16(s + 1)));
				pf.add(DicomElement.ofItems(0x0062000A, Vr.SQ, "SQ", true, false, DicomElement.UNDEFINED_LENGTH, -1, List.of(id)));
				perFrame.add(pf);
				for (int y = 0; y < size; y++)
					for (int x = 0; x < size; x++) {
						final double dx = x - size / 2.0, dy = y - size / 2.0;
						if (dx * dx + dy * dy >= r2) continue;
						final long bit = (long) frame * n + (long) y * size + x;
						bits[(int) (bit >>> 3)] |= 1 << (bit & 7);
					}
			}
		}
		ds.add(DicomElement.ofItems(0x52009229, Vr.SQ, "SQ", true, false, DicomElement.UNDEFINED_LENGTH, -1, List.of(shared)));
		ds.add(DicomElement.ofItems(0x52009230, Vr.SQ, "SQ", true, false, DicomElement.UNDEFINED_LENGTH, -1, perFrame));
		ds.add(DicomElement.ofBytes(0x7FE00010, Vr.OB, bits));
		return new Input(write(ds, SEG, "seg"), g, new long[] { size, size, slices });
	}

	private static byte[] u16(final int v) {
		return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
	}

	private static DicomDataset item() {
		return new DicomDataset("bench", Encoding.EXPLICIT_LITTLE, StandardCharsets.US_ASCII);
	}

	private static DicomDataset dataset(final String sopClass, final String modality) {
		final DicomDataset ds = item();
		ds.add(text(0x00080016, Vr.UI, sopClass));
		ds.add(text(0x00080018, Vr.UI, ROOT + ".1"));
		ds.add(text(0x00080060, Vr.CS, modality));
		ds.add(text(0x0020000D, Vr.UI, ROOT + ".2"));
		ds.add(text(0x0020000E, Vr.UI, ROOT + ".3"));
		return ds;
	}

	/** A text element padded to even length (UI with NUL, others with a space), or a binary one when {@code bytes} is given. */
	private static DicomElement text(final int tag, final Vr vr, final String value) {
		return text(tag, vr, value, null);
	}

	private static DicomElement text(final int tag, final Vr vr, final String value, final byte[] bytes) {
		byte[] v = bytes != null ? bytes : value.getBytes(StandardCharsets.US_ASCII);
		if (v.length % 2 == 1) {
			v = Arrays.copyOf(v, v.length + 1);
			v[v.length - 1] = (byte) (vr == Vr.UI ? 0 : ' ');
		}
		return DicomElement.ofBytes(tag, vr, v);
	}

	private static Path write(final DicomDataset ds, final String sopClass, final String name) throws IOException {
		final DicomDataset meta = new DicomDataset("bench", Encoding.EXPLICIT_LITTLE, StandardCharsets.US_ASCII);
		meta.add(DicomElement.ofBytes(0x00020001, Vr.OB, new byte[] { 0, 1 }));
		meta.add(text(0x00020002, Vr.UI, sopClass));
		meta.add(text(0x00020003, Vr.UI, ROOT + ".1"));
		meta.add(text(0x00020010, Vr.UI, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()));
		final Path f = Files.createTempFile("medprep-bench-" + name, ".dcm");
		f.toFile().deleteOnExit();
		try (OutputStream out = Files.newOutputStream(f)) {
			DicomFileWriter.write(meta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ds, out);
		}
		return f;
	}
}

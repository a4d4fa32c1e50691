package org.medprep.core.normalize;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.medprep.core.Planes;
import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.bias.N4BiasFieldCorrection;
import org.medprep.core.normalize.ZScoreNormalization;
import org.medprep.core.phantom.BrainPhantom;
import org.medprep.core.phantom.ScannerResponse;
import org.medprep.core.segment.MaskRule;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Quality numbers for the normalize area (not a unit test; run by hand):
 * <pre>
 * java -cp target/classes:target/test-classes:$(deps) org.medprep.core.normalize.NormalizeQualityReport OUT_DIR [ITK_N4_BINARY]
 * </pre>
 * 1. N4 on the standard T1 phantom (known multiplicative field): correlation
 * of the estimated field with the truth over the brain, white-matter CoV
 * before/after; with an ITK N4 program (see the report), the same numbers for
 * ITK on the same phantom (written as MetaImage .mhd/.raw).
 * 2. A simulated multi-scanner cohort: spread of the white-matter means
 * before and after each normalization.
 */
public final class NormalizeQualityReport {

	private static final PrintStream OUT = System.out;

	public static void main(final String[] args) throws Exception {
		final Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/normalize-quality");
		Files.createDirectories(dir);
		final String itk = args.length > 1 ? args[1] : null;
		n4Report(dir, itk);
		cohortReport();
	}

	static void n4Report(final Path dir, final String itk) throws Exception {
		final BrainPhantom p = BrainPhantom.standard();
		final Volume<ShortType> image = p.image();
		final Volume<UnsignedByteType> labels = p.labels();
		final RandomAccessibleInterval<FloatType> truth = p.biasField().data();
		final RandomAccessibleInterval<UnsignedByteType> brain = labels.data();
		writeMeta(dir.resolve("phantom"), image.data(), "MET_SHORT");
		writeMeta(dir.resolve("mask"), MaskRule.above(labels.data(), 0), "MET_UCHAR");

		final double cvBefore = Metrics.coefficientOfVariation(image.data(), labels.data(), BrainPhantom.LABEL_WM);
		final long t0 = System.nanoTime();
		final N4BiasFieldCorrection.Result r = N4BiasFieldCorrection.correct(image, labels.data(), N4BiasFieldCorrection.Options.defaults(), ProgressListener.NONE);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		OUT.printf(Locale.ROOT, "N4 on the 192x192x160 T1 phantom (bias log-amplitude 0.2, noise 20), mask = brain, defaults (shrink 4, 4 x 50 iterations)%n");
		OUT.printf(Locale.ROOT, "%-10s %12s %12s %12s %10s %s%n", "", "field corr", "WM CoV bef", "WM CoV aft", "seconds", "iterations");
		OUT.printf(Locale.ROOT, "%-10s %12.5f %12.5f %12.5f %10.2f %s (last convergence %s)%n", "MedPrep", Metrics.correlation(r.biasField().data(), truth, brain),
			cvBefore, Metrics.coefficientOfVariation(r.corrected().data(), labels.data(), BrainPhantom.LABEL_WM), seconds,
			java.util.Arrays.toString(r.iterations()), java.util.Arrays.toString(r.convergence()));
		if (itk != null) {
			final Process proc = new ProcessBuilder(itk, dir.resolve("phantom.mhd").toString(), dir.resolve("mask.mhd").toString(),
				dir.resolve("itk_field.mhd").toString(), dir.resolve("itk_corrected.mhd").toString()).redirectErrorStream(true).start();
			final String log = new String(proc.getInputStream().readAllBytes());
			if (proc.waitFor() != 0) throw new IOException("ITK N4 failed: " + log);
			final RandomAccessibleInterval<FloatType> field = readFloatMeta(dir.resolve("itk_field.mhd"), image.dimensions());
			final RandomAccessibleInterval<FloatType> corrected = readFloatMeta(dir.resolve("itk_corrected.mhd"), image.dimensions());
			OUT.printf(Locale.ROOT, "%-10s %12.5f %12.5f %12.5f %s%n", "ITK 5.2", Metrics.correlation(field, truth, brain), cvBefore,
				Metrics.coefficientOfVariation(corrected, labels.data(), BrainPhantom.LABEL_WM), log.trim().replace('\n', ' '));
			OUT.printf(Locale.ROOT, "MedPrep vs ITK field correlation over the brain: %.5f%n", Metrics.correlation(r.biasField().data(), field, brain));
		}
		OUT.printf(Locale.ROOT, "noise floor: WM CoV of the phantom without bias = %.5f%n%n",
			Metrics.coefficientOfVariation(p.withBias(0).image().data(), labels.data(), BrainPhantom.LABEL_WM));
	}

	static void cohortReport() {
		final BrainPhantom base = BrainPhantom.standard();
		final ScannerResponse[] scanners = { ScannerResponse.IDENTITY, new ScannerResponse(1.8, 50, 1), new ScannerResponse(0.55, 0, 0.9),
			new ScannerResponse(1.3, -40, 1.15), new ScannerResponse(2.5, 100, 0.85), new ScannerResponse(0.8, 20, 1.05) };
		final List<Volume<ShortType>> cohort = new ArrayList<>();
		for (int i = 0; i < scanners.length; i++) cohort.add(base.withScanner(scanners[i]).withBiasShape(i + 1).withSeed(11 + i).image());
		final RandomAccessibleInterval<UnsignedByteType> labels = base.labels().data();

		final List<Volume<? extends RealType<?>>> n4 = new ArrayList<>();
		for (final Volume<ShortType> v : cohort) n4.add(N4BiasFieldCorrection.correct(v, null, N4BiasFieldCorrection.Options.defaults(), ProgressListener.NONE).corrected());
		final List<Volume<? extends RealType<?>>> raw = new ArrayList<>(cohort);

		final Map<String, List<Volume<? extends RealType<?>>>> methods = new LinkedHashMap<>();
		methods.put("none", raw);
		methods.put("z-score (voxels > 0)", map(raw, v -> ZScoreNormalization.apply(v, VoxelSelection.nonZero())));
		methods.put("FCM (WM, weighted)", map(raw, v -> FcmNormalization.normalize(v, VoxelSelection.nonZero(), TissueType.WM, TissueMeanMode.MEMBERSHIP_WEIGHTED, 0.8, 1, 0)));
		methods.put("FCM (WM, membership > 0.8)", map(raw, v -> FcmNormalization.normalize(v, VoxelSelection.nonZero(), TissueType.WM, TissueMeanMode.THRESHOLD, 0.8, 1, 0)));
		methods.put("Nyul (trained on the cohort)", nyul(raw));
		methods.put("WhiteStripe", map(raw, v -> WhiteStripe.normalize(v, VoxelSelection.nonZero(), 0.05)));
		methods.put("N4 only", n4);
		methods.put("N4 + FCM (WM, weighted)", map(n4, v -> FcmNormalization.normalize(v, MaskRule.POSITIVE.select(v.data()), TissueType.WM, TissueMeanMode.MEMBERSHIP_WEIGHTED, 0.8, 1, 0)));
		methods.put("N4 + Nyul", nyul(n4));
		methods.put("N4 + WhiteStripe", map(n4, v -> WhiteStripe.normalize(v, MaskRule.POSITIVE.select(v.data()), 0.05)));

		OUT.printf(Locale.ROOT, "Multi-scanner cohort: 6 T1 phantoms 192x192x160, scanners (scale, offset, gamma) %s, different bias fields (log-amplitude 0.2)%n",
			java.util.Arrays.toString(scanners));
		OUT.printf(Locale.ROOT, "spread = std of the 6 WM means / mean (WM mean - CSF mean) (scale- and offset-free); CoV = std / mean of the WM means%n");
		OUT.printf(Locale.ROOT, "%-30s %10s %10s %10s %s%n", "normalization", "spread", "WM CoV", "intra-WM", "WM means");
		for (final Map.Entry<String, List<Volume<? extends RealType<?>>>> e : methods.entrySet()) {
			final double[] wm = new double[6], csf = new double[6];
			double intra = 0;
			for (int i = 0; i < 6; i++) {
				final double[] ms = Metrics.meanStd(e.getValue().get(i).data(), labels, BrainPhantom.LABEL_WM);
				wm[i] = ms[0];
				intra += ms[1] / Math.abs(ms[0]) / 6;
				csf[i] = Metrics.meanStd(e.getValue().get(i).data(), labels, BrainPhantom.LABEL_CSF)[0];
			}
			double mean = 0, contrast = 0;
			for (int i = 0; i < 6; i++) {
				mean += wm[i] / 6;
				contrast += (wm[i] - csf[i]) / 6;
			}
			double ss = 0;
			for (final double w : wm) ss += (w - mean) * (w - mean);
			final double std = Math.sqrt(ss / 6);
			final StringBuilder sb = new StringBuilder();
			for (final double w : wm) sb.append(String.format(Locale.ROOT, "%.4g ", w));
			OUT.printf(Locale.ROOT, "%-30s %10.4f %10s %10.4f %s%n", e.getKey(), std / contrast, Math.abs(mean) > 0.5 ? String.format(Locale.ROOT, "%.4f", std / Math.abs(mean)) : "n/a",
				intra, sb.toString().trim());
		}
	}

	private interface Op {
		Volume<? extends RealType<?>> apply(Volume<? extends RealType<?>> v);
	}

	private static List<Volume<? extends RealType<?>>> map(final List<? extends Volume<? extends RealType<?>>> in, final Op op) {
		final List<Volume<? extends RealType<?>>> out = new ArrayList<>();
		for (final Volume<? extends RealType<?>> v : in) out.add(op.apply(v));
		return out;
	}

	private static List<Volume<? extends RealType<?>>> nyul(final List<? extends Volume<? extends RealType<?>>> in) {
		final List<RandomAccessibleInterval<? extends RealType<?>>> data = new ArrayList<>();
		final List<VoxelSelection> fg = new ArrayList<>();
		for (final Volume<? extends RealType<?>> v : in) {
			data.add(v.data());
			fg.add(MaskRule.POSITIVE.select(v.data()));
		}
		final NyulStandardScale scale = NyulNormalization.train(data, fg, NyulStandardScale.defaultPercentiles(), 1, 100);
		return map(in, v -> NyulNormalization.apply(v, MaskRule.POSITIVE.select(v.data()), scale));
	}

	/** MetaImage header + raw little-endian data. */
	static void writeMeta(final Path base, final RandomAccessibleInterval<? extends RealType<?>> img, final String type) throws IOException {
		final int bytes = type.equals("MET_SHORT") ? 2 : type.equals("MET_UCHAR") ? 1 : 4;
		final List<double[]> planes = Planes.map(img, (z, v) -> v);
		final ByteBuffer buf = ByteBuffer.allocate((int) (img.dimension(0) * img.dimension(1) * img.dimension(2) * bytes)).order(ByteOrder.LITTLE_ENDIAN);
		for (final double[] plane : planes)
			for (final double v : plane) {
				if (bytes == 2) buf.putShort((short) v);
				else if (bytes == 1) buf.put((byte) v);
				else buf.putFloat((float) v);
			}
		Files.write(Path.of(base + ".raw"), buf.array());
		Files.writeString(Path.of(base + ".mhd"), "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\nCompressedData = False\n"
			+ "DimSize = " + img.dimension(0) + " " + img.dimension(1) + " " + img.dimension(2) + "\nElementSpacing = 1 1 1\nOffset = 0 0 0\n"
			+ "ElementType = " + type + "\nElementDataFile = " + base.getFileName() + ".raw\n");
	}

	/** Reads a float MetaImage written by ITK (uncompressed, little-endian, external data file). */
	static RandomAccessibleInterval<FloatType> readFloatMeta(final Path header, final long[] dims) throws IOException {
		String dataFile = null;
		for (final String line : Files.readAllLines(header)) {
			final String[] kv = line.split("=", 2);
			if (kv.length < 2) continue;
			final String k = kv[0].trim(), v = kv[1].trim();
			if (k.equals("ElementType") && !v.equals("MET_FLOAT")) throw new IOException(header + ": expected MET_FLOAT, got " + v);
			if (k.equals("CompressedData") && v.equals("True")) throw new IOException(header + ": compressed");
			if (k.equals("ElementDataFile")) dataFile = v;
		}
		final ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(header.resolveSibling(dataFile))).order(ByteOrder.LITTLE_ENDIAN);
		final float[] f = new float[(int) (dims[0] * dims[1] * dims[2])];
		buf.asFloatBuffer().get(f);
		return ArrayImgs.floats(f, dims);
	}
}

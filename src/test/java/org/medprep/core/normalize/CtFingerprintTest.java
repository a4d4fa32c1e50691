package org.medprep.core.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.core.Geometry;
import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.io.models.ModelFileException;
import org.medprep.io.models.CtFingerprintFile;


import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

class CtFingerprintTest {

	@TempDir
	Path dir;

	@Test
	void knownForegroundDistribution() {
		// foreground values 0..999 once each (label 1), background 5000 (label 0)
		final short[] v = new short[20 * 10 * 10];
		final byte[] l = new byte[v.length];
		for (int i = 0; i < v.length; i++) {
			v[i] = (short) (i < 1000 ? i : 5000);
			l[i] = (byte) (i < 1000 ? 1 : 0);
		}
		final Volume<ShortType> image = Volume.of(ArrayImgs.shorts(v, 20, 10, 10), Geometry.of(new double[] { 0.8, 0.8, 2.5 }, new double[3]));
		final Volume<UnsignedByteType> label = image.withData(ArrayImgs.unsignedBytes(l, 20, 10, 10));
		final CtFingerprint fp = CtFingerprint.extract(List.of(image, image), List.of(label, label), 200_000, 1, ProgressListener.NONE);
		assertEquals(200_000, fp.samplesPerCase());
		// uniform on 0..999: mean 499.5, std 288.7, 0.5 % and 99.5 % near 5 and 994
		assertEquals(499.5, fp.mean(), 2);
		assertEquals(288.7, fp.std(), 1);
		assertEquals(5, fp.percentile005(), 1.5);
		assertEquals(994, fp.percentile995(), 1.5);
		assertEquals(0, fp.min(), 0);
		assertEquals(999, fp.max(), 0);
		assertArrayEquals(new double[] { 0.8, 0.8, 2.5 }, fp.medianSpacing(), 0);
		// every voxel is non-zero but one: the crop keeps the whole image
		assertArrayEquals(new double[] { 20, 10, 10 }, fp.shapesAfterCrop()[0], 0);
		// deterministic
		assertEquals(fp.mean(), CtFingerprint.extract(List.of(image, image), List.of(label, label), 200_000, 1, ProgressListener.NONE).mean(), 0);
	}

	@Test
	void defaultSampleCountIsNnUnets() {
		assertEquals(25_000_000, CtFingerprint.samplesPerCase(4, 0));
		assertEquals(33_333_333, CtFingerprint.samplesPerCase(3, 0));
		assertEquals(1000, CtFingerprint.samplesPerCase(3, 1000));
	}

	@Test
	void targetSpacingFollowsNnUnetsAnisotropyRule() {
		// isotropic enough: the median
		assertArrayEquals(new double[] { 0.8, 0.8, 2.0 }, CtFingerprint.targetSpacing(new double[][] { { 0.7, 0.7, 1.5 }, { 0.8, 0.8, 2.0 }, { 0.9, 0.9, 2.5 } },
			new double[][] { { 512, 512, 100 }, { 512, 512, 100 }, { 512, 512, 100 } }), 1e-12);
		// z spacing > 3x and z size * 3 < the others: z gets the 10th percentile of the z spacings
		final double[][] spacings = { { 0.7, 0.7, 5 }, { 0.8, 0.8, 4 }, { 0.9, 0.9, 6 }, { 0.75, 0.75, 3 }, { 0.8, 0.8, 5 } };
		final double[][] sizes = { { 512, 512, 40 }, { 512, 512, 50 }, { 512, 512, 30 }, { 512, 512, 60 }, { 512, 512, 45 } };
		final double[] t = CtFingerprint.targetSpacing(spacings, sizes);
		assertEquals(0.8, t[0], 1e-12);
		assertEquals(0.8, t[1], 1e-12);
		assertEquals(3.4, t[2], 1e-12); // numpy percentile([3, 4, 5, 5, 6], 10) = 3.4
		// spacing anisotropic but not the voxel counts: the median stays
		final double[][] bigZ = { { 0.8, 0.8, 5 }, { 0.8, 0.8, 5 } };
		assertEquals(5, CtFingerprint.targetSpacing(bigZ, new double[][] { { 200, 200, 150 }, { 200, 200, 150 } })[2], 0);
		// 10th percentile below the other spacings: raised to max(other) + 1e-5
		final double[][] low = { { 0.5, 0.5, 1.8 }, { 0.5, 0.5, 1.8 }, { 1.9, 1.9, 6 } };
		final double[] t2 = CtFingerprint.targetSpacing(low, new double[][] { { 400, 400, 20 }, { 400, 400, 20 }, { 400, 400, 20 } });
		assertEquals(1.8, t2[2], 1e-12); // median z 1.8 > 3 x 0.5: percentile 10 of z = 1.8 >= other max 0.5
	}

	@Test
	void normalizationClipsAndStandardizes() throws Exception {
		final CtPhantom p = new CtPhantom(32, 32, 8, new double[] { 1, 1, 2 }, 10, 3);
		final Volume<ShortType> image = p.image();
		final CtFingerprint fp = CtFingerprint.extract(List.of(image), List.of(p.labels()), 50_000, 7, ProgressListener.NONE);
		final Path file = dir.resolve("fp.json");
		CtFingerprintFile.write(fp, file);
		final CtFingerprint back = CtFingerprintFile.read(file);
		assertEquals(fp.mean(), back.mean(), 0);
		assertEquals(fp.percentile995(), back.percentile995(), 0);
		assertArrayEquals(fp.targetSpacing(), back.targetSpacing(), 0);
		final Volume<FloatType> out = CtDatasetNormalization.apply(image, back);
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final FloatType t : Views.iterable(out.data())) {
			lo = Math.min(lo, t.get());
			hi = Math.max(hi, t.get());
		}
		assertEquals((fp.percentile005() - fp.mean()) / fp.std(), lo, 1e-5);
		assertEquals((fp.percentile995() - fp.mean()) / fp.std(), hi, 1e-5);
	}

	@Test
	void badInput() throws Exception {
		final CtPhantom p = new CtPhantom(16, 16, 4, new double[] { 1, 1, 1 }, 5, 1);
		final Volume<UnsignedByteType> empty = p.labels().withData(ArrayImgs.unsignedBytes(16, 16, 4));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> CtFingerprint.extract(List.of(p.image()), List.of(empty), 10, 1, ProgressListener.NONE));
		assertEquals("no case has foreground (label > 0) voxels", e.getMessage());
		final Volume<UnsignedByteType> small = Volume.of(ArrayImgs.unsignedBytes(8, 8, 4), Geometry.identity());
		e = assertThrows(IllegalArgumentException.class, () -> CtFingerprint.extract(List.of(p.image()), List.of(small), 10, 1, ProgressListener.NONE));
		assertTrue(e.getMessage().startsWith("case 1: image sizes do not match"), e.getMessage());
		final ModelFileException m = assertThrows(ModelFileException.class, () -> CtFingerprintFile.read(dir.resolve("x.json")));
		assertTrue(m.getMessage().startsWith("file not found"), m.getMessage());
	}
}

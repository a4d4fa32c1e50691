package org.medprep.core.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.phantom.BrainPhantom;
import org.medprep.core.phantom.ScannerResponse;
import org.medprep.core.segment.MaskRule;
import org.medprep.core.stats.Percentiles;
import org.medprep.io.models.ModelFileException;
import org.medprep.io.models.NyulScaleFile;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.real.FloatType;

class NyulNormalizationTest {

	@TempDir
	Path dir;

	static List<Volume<ShortType>> cohort() {
		final BrainPhantom base = BrainPhantom.standard().withSize(40, 40, 32).withBias(0.1);
		final List<Volume<ShortType>> images = new ArrayList<>();
		images.add(base.image());
		images.add(base.withScanner(new ScannerResponse(1.7, 40, 1.1)).withBiasShape(2).withSeed(2).image());
		images.add(base.withScanner(new ScannerResponse(0.6, 10, 0.85)).withBiasShape(3).withSeed(3).image());
		return images;
	}

	static NyulStandardScale train(final List<Volume<ShortType>> images) {
		final List<RandomAccessibleInterval<ShortType>> data = new ArrayList<>();
		final List<VoxelSelection> fg = new ArrayList<>();
		for (final Volume<ShortType> v : images) {
			data.add(v.data());
			fg.add(MaskRule.POSITIVE.select(v.data()));
		}
		return NyulNormalization.train(data, fg, NyulStandardScale.defaultPercentiles(), 1, 100);
	}

	@Test
	void defaultPercentilesAreThoseOfIntensityNormalization() {
		assertArrayEquals(new double[] { 1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 99 }, NyulStandardScale.defaultPercentiles(), 0);
		assertArrayEquals(new double[] { 2, 5, 25, 45, 98 }, NyulStandardScale.percentiles(2, 98, 5, 45, 20), 0);
	}

	@Test
	void mapsTheTrainingLandmarksOntoTheStandardScaleExactly() {
		final List<Volume<ShortType>> images = cohort();
		final NyulStandardScale scale = train(images);
		assertEquals(1, scale.scale()[0], 1e-12);
		assertEquals(100, scale.scale()[10], 1e-12);
		for (final Volume<ShortType> image : images) {
			final VoxelSelection fg = VoxelSelection.nonZero();
			final double[] landmarks = NyulNormalization.landmarks(image.data(), fg, scale.percentiles());
			for (int i = 0; i < landmarks.length; i++)
				assertEquals(scale.scale()[i], NyulNormalization.map(landmarks[i], landmarks, scale.scale()), 1e-9);
			// and the normalized image's own landmarks land on the scale (up to the kinks between order statistics)
			final Volume<FloatType> out = NyulNormalization.apply(image, fg, scale);
			final double[] after = Percentiles.of(out.data(), MaskRule.POSITIVE.select(image.data()), scale.percentiles());
			assertArrayEquals(scale.scale(), after, 0.5);
		}
	}

	@Test
	void extrapolatesBeyondTheEndLandmarks() {
		final double[] from = { 10, 20, 40 }, to = { 1, 50, 100 };
		assertEquals(1 - 4.9 * 10, NyulNormalization.map(0, from, to), 1e-12);
		assertEquals(100 + 2.5 * 20, NyulNormalization.map(60, from, to), 1e-12);
		assertEquals(25.5, NyulNormalization.map(15, from, to), 1e-12);
		assertEquals(50, NyulNormalization.map(20, from, to), 1e-12);
	}

	@Test
	void matchesANumpyScipyReference() throws Exception {
		// fixture from make_fixtures.py: intensity-normalization's NyulNormalize on three small arrays
		final List<String> lines = Files.readAllLines(Path.of(getClass().getResource("/org/medprep/normalize/nyul_reference.txt").toURI()));
		final List<RandomAccessibleInterval<FloatType>> images = new ArrayList<>();
		final List<VoxelSelection> fg = new ArrayList<>();
		double[] expectedScale = null, expectedOut = null;
		for (final String line : lines) {
			if (line.startsWith("#") || line.isBlank()) continue;
			final String[] kv = line.split(":", 2);
			final double[] v = Arrays.stream(kv[1].trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
			if (kv[0].startsWith("image")) {
				final float[] f = new float[v.length];
				for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
				final RandomAccessibleInterval<FloatType> img = ArrayImgs.floats(f, 10, 10, v.length / 100);
				images.add(img);
				fg.add(MaskRule.POSITIVE.select(img));
			}
			else if (kv[0].equals("scale")) expectedScale = v;
			else if (kv[0].equals("normalized0")) expectedOut = v;
		}
		final NyulStandardScale scale = NyulNormalization.train(images, fg, NyulStandardScale.defaultPercentiles(), 1, 100);
		assertArrayEquals(expectedScale, scale.scale(), 1e-4);
		final Volume<FloatType> out = NyulNormalization.apply(Volume.of(images.get(0), org.medprep.core.Geometry.identity()), fg.get(0), scale);
		int i = 0;
		for (final FloatType t : net.imglib2.view.Views.flatIterable(out.data())) assertEquals(expectedOut[i++], t.get(), 1e-3);
	}

	@Test
	void writesAndReadsTheStandardScale() throws Exception {
		final NyulStandardScale scale = train(cohort());
		final Path file = dir.resolve("sub/nyul.json");
		NyulScaleFile.write(scale, file);
		final NyulStandardScale back = NyulScaleFile.read(file);
		assertArrayEquals(scale.scale(), back.scale(), 0);
		assertArrayEquals(scale.percentiles(), back.percentiles(), 0);
		assertEquals(3, back.trainingImages());
		assertEquals(1, Files.list(file.getParent()).count(), "no temporary file is left behind");
	}

	@Test
	void missingOrMalformedFilesAreReportedClearly() throws Exception {
		final Path missing = dir.resolve("none.json");
		ModelFileException e = assertThrows(ModelFileException.class, () -> NyulScaleFile.read(missing));
		assertEquals("file not found: " + missing, e.getMessage());

		final Path file = dir.resolve("bad.json");
		final String good = "{\"format\": \"medprep-nyul-standard-scale\", \"version\": 1, \"percentiles\": [1, 50, 99],"
			+ " \"standard_scale\": [1, 40, 100], \"output_min\": 1, \"output_max\": 100, \"training_images\": 2}";
		Files.write(file, good.getBytes(StandardCharsets.UTF_8));
		assertArrayEquals(new double[] { 1, 40, 100 }, NyulScaleFile.read(file).scale(), 0);

		e = assertThrows(ModelFileException.class, () -> readText(file, good.replace("100, \"training", "100,, \"training")));
		assertTrue(e.getMessage().startsWith("malformed JSON in " + file + " at line 1, column "), e.getMessage());
		e = assertThrows(ModelFileException.class, () -> readText(file, good.replace("\"standard_scale\": [1, 40, 100], ", "")));
		assertEquals("malformed " + file + ": missing \"standard_scale\"", e.getMessage());
		e = assertThrows(ModelFileException.class, () -> readText(file, good.replace("[1, 40, 100]", "[1, 40]")));
		assertTrue(e.getMessage().contains("standard scale has 2 values for 3 percentiles"), e.getMessage());
		e = assertThrows(ModelFileException.class, () -> readText(file, good.replace("[1, 40, 100]", "[1, \"x\", 100]")));
		assertTrue(e.getMessage().contains("\"standard_scale\"[1] must be a number"), e.getMessage());
		e = assertThrows(ModelFileException.class, () -> readText(file, good.replace("nyul-standard-scale", "ct-fingerprint")));
		assertTrue(e.getMessage().contains("is not a medprep-nyul-standard-scale file"), e.getMessage());
		e = assertThrows(ModelFileException.class, () -> readText(file, good + " x"));
		assertTrue(e.getMessage().contains("unexpected text after the JSON value"), e.getMessage());
		e = assertThrows(ModelFileException.class, () -> readText(file, ""));
		assertTrue(e.getMessage().contains("unexpected end of file"), e.getMessage());
		e = assertThrows(ModelFileException.class, () -> readText(file, good.replace("[1, 40, 100]", "[1, 100, 40]")));
		assertTrue(e.getMessage().contains("must increase strictly"), e.getMessage());
	}

	private static NyulStandardScale readText(final Path file, final String text) throws Exception {
		Files.write(file, text.getBytes(StandardCharsets.UTF_8));
		return NyulScaleFile.read(file);
	}

	@Test
	void constantOrTooFewValuesAreRejected() {
		final RandomAccessibleInterval<ShortType> constant = ArrayImgs.shorts(8, 8, 8);
		for (final ShortType t : constant) t.set((short) 5);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NyulNormalization.train(List.of(constant),
			List.of(VoxelSelection.all()), NyulStandardScale.defaultPercentiles(), 1, 100));
		assertTrue(e.getMessage().startsWith("training image 1: the landmarks of all voxels do not increase strictly"), e.getMessage());
		final IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> NyulNormalization.train(List.<RandomAccessibleInterval<? extends RealType<?>>>of(),
			List.of(), NyulStandardScale.defaultPercentiles(), 1, 100));
		assertEquals("Nyul training needs at least one image", empty.getMessage());
	}
}

package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.Opener;
import ij.measure.Calibration;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.ComputedPlanes;
import org.medprep.core.History;
import org.medprep.core.Volume;
import org.medprep.core.intensity.HuWindow;
import org.medprep.core.intensity.WindowOutput;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.RealType;

/**
 * The CLI's own TIFF stack reading and writing against ImageJ's: fixtures that
 * tifffile wrote (src/test/python/make_tiff_fixtures.py: v = 100 z + 10 y + x + base)
 * read to their known values and to what ImageJ's opener makes of them; stacks the CLI
 * writes open in ImageJ as the stack ImageJ's own writer would have saved.
 */
class TiffStackFilesTest {

	@TempDir
	Path dir;

	private static Path fixture(final String name) throws URISyntaxException {
		return Path.of(TiffStackFilesTest.class.getResource("/org/medprep/io/tiff/" + name).toURI());
	}

	/** 100 z + 10 y + x + base over 5 x 4 x 3, x fastest. */
	private static double[] known(final double base) {
		final double[] v = new double[60];
		for (int z = 0, i = 0; z < 3; z++) for (int y = 0; y < 4; y++) for (int x = 0; x < 5; x++) v[i++] = 100 * z + 10 * y + x + base;
		return v;
	}

	@ParameterizedTest
	@ValueSource(strings = { "imagej_int16_le.tif:-50", "imagej_uint16_be.tif:1000", "imagej_float32_le.tif:0.25", "pages_uint8_be.tif:0",
		"strips_int16_le.tif:-50" })
	void readsTheFixturesToTheirValuesAsImageJDoes(final String spec) throws Exception {
		final String name = spec.substring(0, spec.indexOf(':'));
		final double base = Double.parseDouble(spec.substring(spec.indexOf(':') + 1));
		final Path file = fixture(name);
		final ImagePlus fast = TiffStackReading.open(file);
		assertNotNull(fast, name + " is of the simple kind");
		assertArrayEquals(known(base), TestVolumes.values(ImagePlusVolumes.toVolume(fast).data()), 0, name);
		assertEquals(3, fast.getStackSize());
		if (name.startsWith("imagej")) {
			assertEquals(0.5, fast.getCalibration().pixelWidth, 1e-6);
			assertEquals(2.5, fast.getCalibration().pixelDepth, 0);
		}
		if (name.startsWith("strips")) {
			// ImageJ 1.54p's own reader fails on tifffile's several strips per plane (their byte counts
			// come out as -257); this one reads them
			assertEquals(0.5, fast.getCalibration().pixelWidth, 1e-6);
			return;
		}
		final ImagePlus ij = new Opener().openImage(file.toString());
		assertEquals(ij.getType(), fast.getType());
		assertEquals(3, fast.getStackSize());
		for (int z = 1; z <= 3; z++) assertEquals(pixels(ij, z), pixels(fast, z), name + " plane " + z);
		final Calibration a = ij.getCalibration(), b = fast.getCalibration();
		assertEquals(a.getUnit(), b.getUnit());
		assertEquals(a.pixelWidth, b.pixelWidth, 0);
		assertEquals(a.pixelDepth, b.pixelDepth, 0);
		assertEquals(a.isSigned16Bit(), b.isSigned16Bit());
		assertEquals(ImagePlusVolumes.geometryOf(ij).toString(), ImagePlusVolumes.geometryOf(fast).toString());
	}

	private static String pixels(final ImagePlus imp, final int z) {
		final Object p = imp.getStack().getPixels(z);
		if (p instanceof short[]) return Arrays.toString((short[]) p);
		if (p instanceof byte[]) return Arrays.toString((byte[]) p);
		return Arrays.toString((float[]) p);
	}

	@Test
	void leavesCompressedTiffsToImageJ() throws Exception {
		assertNull(TiffStackReading.open(fixture("zlib_int16_le.tif")));
		// and reading the volume still works, through ImageJ
		assertArrayEquals(known(-50), TestVolumes.values(ImageFiles.readVolume(fixture("zlib_int16_le.tif")).data()), 0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "float", "signed", "unsigned", "byte" })
	void writesStacksThatImageJOpensAsItsOwn(final String kind) throws IOException {
		final double[] values = new double[60];
		for (int i = 0; i < 60; i++) values[i] = kind.equals("float") ? i * 0.125 - 2 : kind.equals("signed") ? i * 37 - 900 : kind.equals("unsigned") ? i * 999 : i * 4;
		final Volume<? extends RealType<?>> v = kind.equals("float") ? TestVolumes.floats(new long[] { 5, 4, 3 }, values)
			: TestVolumes.shorts(new long[] { 5, 4, 3 }, values);
		final Volume<? extends RealType<?>> volume = kind.equals("unsigned") || kind.equals("byte") ? ImagePlusVolumes.toVolume(uncalibrated(values, kind.equals("byte"))) : v;
		final History history = History.parse("run(\"HU Window\", \"level=40 width=400\");\n");
		final Path ours = dir.resolve("ours.tif"), theirs = dir.resolve("theirs.tif");
		ImageFiles.write(volume, history, ours);
		final ImagePlus reference = ImagePlusVolumes.toImagePlus(volume, "theirs.tif", null);
		HistoryStore.put(reference, history);
		ImageFiles.write(reference, theirs);
		final ImagePlus a = new Opener().openImage(theirs.toString()), b = new Opener().openImage(ours.toString());
		assertEquals(a.getType(), b.getType());
		assertEquals(a.getStackSize(), b.getStackSize());
		for (int z = 1; z <= a.getStackSize(); z++) assertEquals(pixels(a, z), pixels(b, z), kind + " plane " + z);
		assertEquals(a.getDisplayRangeMin(), b.getDisplayRangeMin(), 0);
		assertEquals(a.getDisplayRangeMax(), b.getDisplayRangeMax(), 0);
		assertEquals(a.getCalibration().toString(), b.getCalibration().toString());
		assertEquals(a.getCalibration().isSigned16Bit(), b.getCalibration().isSigned16Bit());
		assertEquals(Arrays.asList(a.getPropertiesAsArray()), Arrays.asList(b.getPropertiesAsArray()));
		assertEquals(history.lines(), HistoryStore.of(b).lines());
		assertArrayEquals(values, TestVolumes.values(ImageFiles.readVolume(ours).data()), 0);
		assertEquals(ImagePlusVolumes.geometryOf(a).toString(), ImagePlusVolumes.geometryOf(b).toString());
	}

	/**
	 * The result of an element-wise step is written plane by plane as it is computed, never held
	 * whole: the file has the same bytes as the one written from the computed result.
	 */
	@Test
	void aResultNotYetComputedIsWrittenAsItIsComputedToTheSameBytes() throws IOException {
		final double[] values = new double[5 * 4 * 3];
		for (int i = 0; i < values.length; i++) values[i] = i * 37 - 900;
		final Volume<? extends RealType<?>> ct = TestVolumes.shorts(new long[] { 5, 4, 3 }, values);
		final History history = History.parse("run(\"HU Window\", \"level=40 width=400\");\n");
		final Volume<? extends RealType<?>> streamed = new HuWindow(40, 400).apply(ct, WindowOutput.FLOAT_UNIT);
		final Volume<? extends RealType<?>> computed = new HuWindow(40, 400).apply(ct, WindowOutput.FLOAT_UNIT);
		ComputedPlanes.computeAll(computed.data());
		assertTrue(ComputedPlanes.pending(streamed.data()).isPresent());
		assertFalse(ComputedPlanes.pending(computed.data()).isPresent());
		final Path a = dir.resolve("streamed.tif"), b = dir.resolve("computed.tif");
		ImageFiles.write(streamed, history, a);
		ImageFiles.write(computed, history, b);
		assertArrayEquals(Files.readAllBytes(b), Files.readAllBytes(a));
		assertTrue(ComputedPlanes.pending(streamed.data()).isPresent(), "writing kept none of its planes");
		final ImagePlus back = new Opener().openImage(a.toString());
		assertEquals(ImagePlus.GRAY32, back.getType());
		assertEquals((float) new HuWindow(40, 400).unit(values[37]), ((float[]) back.getStack().getPixels(2))[17]);
		assertEquals(0.0, back.getDisplayRangeMin(), 0);
		assertEquals(1.0, back.getDisplayRangeMax(), 0);
	}

	/** A 5 x 4 x 3 stack of ImageJ's unsigned 16-bit or 8-bit type, 1 mm voxels. */
	private static ImagePlus uncalibrated(final double[] values, final boolean bytes) {
		final ij.ImageStack stack = new ij.ImageStack(5, 4);
		for (int z = 0; z < 3; z++) {
			if (bytes) {
				final byte[] p = new byte[20];
				for (int i = 0; i < 20; i++) p[i] = (byte) values[20 * z + i];
				stack.addSlice(null, p);
			}
			else {
				final short[] p = new short[20];
				for (int i = 0; i < 20; i++) p[i] = (short) values[20 * z + i];
				stack.addSlice(null, p);
			}
		}
		return new ImagePlus("v", stack);
	}

	@Test
	void aTruncatedTiffFailsInOneLineNamingItAndWritesNothing() throws Exception {
		final Path cut = dir.resolve("in").resolve("cut.tif");
		Files.createDirectories(cut.getParent());
		final byte[] whole = Files.readAllBytes(fixture("imagej_int16_le.tif"));
		// tifffile put the first directory and the description before the planes (at 384, 40 bytes each):
		// keep them and the first plane, cut the file inside the second
		Files.write(cut, Arrays.copyOf(whole, 384 + 40 + 20));
		final IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> ImageFiles.readVolume(cut));
		assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("truncated"), e.getMessage());

		final StringWriter out = new StringWriter(), err = new StringWriter();
		final Path outDir = dir.resolve("out");
		final int code = MedPrepCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run", "--step", "run(\"HU Window\", \"level=40 width=400\");",
			"-i", cut.toString(), "-o", outDir.toString(), "--format", "tif");
		assertEquals(MedPrepCli.EXIT_FAILURES, code);
		final List<String> lines = Arrays.stream(err.toString().split("\n")).filter(l -> l.contains("cut.tif") && l.contains("truncated")).collect(Collectors.toList());
		assertFalse(lines.isEmpty(), err.toString());
		assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
		try (Stream<Path> s = Files.list(outDir)) {
			assertEquals(List.of("manifest.jsonl"), s.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
		}
	}
}

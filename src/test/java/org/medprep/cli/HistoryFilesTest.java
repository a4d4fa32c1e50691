package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.Geometry;
import org.medprep.core.History;
import org.medprep.core.Volume;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.ResampleToSpacing;
import org.medprep.core.spatial.Rotate;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.io.ImageFormats;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.RealType;

/** A case's history survives every format MedPrep writes, exactly, and ImageJ images in between. */
class HistoryFilesTest {

	@TempDir
	Path dir;

	private static final double A = Math.toRadians(-33);
	private static final Geometry OBLIQUE = Geometry.of(new double[] { 0.7, 0.85, 3 }, new double[] { -120.123456789, 33.1, -7.25 },
		new double[][] { { Math.cos(A), 0, Math.sin(A) }, { 0, 1, 0 }, { -Math.sin(A), 0, Math.cos(A) } });

	private static Volume<? extends RealType<?>> volume() {
		return TestVolumes.shorts(new long[] { 3, 2, 2 }, new double[] { -1000, 0, 40, 3000, -2000, 7, 8, 9, 10, 11, 12, 13 }).withGeometry(OBLIQUE);
	}

	/** Every kind of record: plans with 17 significant digits, drawn values, a field, a path with non-ASCII letters and quotes. */
	private static History history() {
		final Grid g = Grid.of(new long[] { 3, 2, 2 }, OBLIQUE);
		final SpatialPlan resample = new ResampleToSpacing(new double[] { 0.5, 0.5, 1.1 }, true).plan(g);
		final SpatialPlan rotate = new Rotate(1.5, -2, 13.000000001).plan(resample.target());
		return History.empty()
			.then(History.Step.of("run(\"Import NIfTI/MetaImage\", \"file=[/data/Müller \\\"ct\\\" §3.nii.gz] volume_index=-1\");"))
			.then(History.Step.of("run(\"Resample to Spacing\", \"spacing_x=0.5 spacing_y=0.5 spacing_z=1.1\");").withPlan(resample))
			.then(History.Step.of("run(\"Random Affine\", \"seed=42\");").withDrawn("scales", new double[] { 1.0000000000000002, 0.9, 1.1 })
				.withDrawn("degrees", new double[] { 1.5, -2, 13.000000001 }).withPlan(rotate))
			.then(History.Step.of("run(\"Random Elastic\", \"seed=7\");").withDrawn("field_seed", "-9").withField("dense sigma=3.0 alpha=2.0")
				.withPlan(SpatialPlan.identity(rotate.target())))
			.then(History.Step.of("run(\"HU Window\", \"level=-600.0 width=1500.0 output=[float 0-1] preset=[lung (W1500 L-600)]\");"));
	}

	private void roundTrip(final String name) throws IOException {
		final Path file = dir.resolve(name);
		ImageFiles.write(volume(), history(), file);
		final Volume<? extends RealType<?>> back = ImageFiles.readVolume(file);
		assertEquals(history(), HistoryStore.of(back), name);
		assertEquals(history().toText(), HistoryStore.of(back).toText(), name);
		assertArrayEquals(TestVolumes.values(volume().data()), TestVolumes.values(back.data()), 0, name);
		// and through the ImageJ image the CLI and Fiji read it as
		assertEquals(history(), HistoryStore.of(ImageFiles.read(file)), name);
	}

	@Test
	void niftiKeepsTheHistoryInAHeaderExtension() throws IOException {
		roundTrip("a.nii.gz");
		roundTrip("a.nii");
		// a .hdr/.img pair keeps it at the end of the .hdr
		ImageFormats.write(HistoryStore.with(volume(), history()), dir.resolve("pair.hdr"));
		assertEquals(history(), HistoryStore.of(ImageFormats.read(dir.resolve("pair.img"))));
		assertArrayEquals(TestVolumes.values(volume().data()), TestVolumes.values(ImageFormats.read(dir.resolve("pair.hdr")).data()), 0);
	}

	@Test
	void metaImageKeepsTheHistoryInOneAsciiHeaderField() throws IOException {
		roundTrip("a.mha");
		ImageFormats.write(HistoryStore.with(volume(), history()), dir.resolve("b.mhd"));
		final String header = new String(Files.readAllBytes(dir.resolve("b.mhd")), StandardCharsets.ISO_8859_1);
		final String field = header.lines().filter(l -> l.startsWith("MedPrepHistory = ")).findFirst().orElseThrow();
		assertTrue(field.chars().allMatch(c -> c >= 32 && c < 127), field);
		assertTrue(field.contains("M\\u00fcller \\\\\"ct\\\\\" \\u00a73.nii.gz"), field);
		assertTrue(header.endsWith("ElementDataFile = b.raw\n"), "ElementDataFile stays last: " + header);
		assertEquals(history(), HistoryStore.of(ImageFormats.read(dir.resolve("b.mhd"))));
	}

	@Test
	void tiffKeepsTheHistoryInImageJsInfo() throws IOException {
		roundTrip("a.tif");
	}

	@Test
	void anImageJImageCarriesItInOneProperty() {
		final ImagePlus imp = ImagePlusVolumes.toImagePlus(volume(), "x", null);
		HistoryStore.put(imp, history());
		assertEquals(history(), HistoryStore.of(imp));
		assertEquals(history().toText(), imp.getProp(HistoryStore.PROPERTY));
		HistoryStore.put(imp, History.empty());
		assertTrue(HistoryStore.of(imp).isEmpty());
	}

	@Test
	void aMalformedHistoryNamesTheFile() throws IOException {
		final ImagePlus imp = ImagePlusVolumes.toImagePlus(volume(), "broken.tif", null);
		imp.setProp(HistoryStore.PROPERTY, "run(\"X\");\n// plan: source 1");
		final Path file = dir.resolve("broken.tif");
		ImageFiles.write(imp, file);
		final CliTest.Run r = CliTest.cli("run", "--step", "run(\"Clip Intensity\");", "-i", file.toString(), "-o", dir.resolve("out").toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains("FAILED " + file + ": image 'broken.tif': history line 2 is malformed"), r.err);
	}

}

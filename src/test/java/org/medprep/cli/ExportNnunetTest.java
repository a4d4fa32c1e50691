package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.io.ImageFormats;
import org.medprep.testutil.Json;
import org.medprep.testutil.TestVolumes;

/**
 * {@code medprep export-nnunet} against nnU-Net v2's documented raw dataset format (documentation/dataset_format.md):
 * folder names, file names with the four-digit channel suffix, dataset.json keys and types, labels consecutive from 0,
 * one space per case; bad input gives one line, exit code 1 and no output.
 */
class ExportNnunetTest {

	private static final Pattern IMAGE = Pattern.compile("(.+)_(\\d{4})\\.nii\\.gz");

	@TempDir
	Path dir;

	/** Three CT cases (two channels: HU and a second scan on the same grid) and labels for two of them. */
	private void cases() throws IOException {
		for (final String f : new String[] { "ct", "pet", "seg", "one", "oneseg" }) Files.createDirectories(dir.resolve(f));
		for (int k = 1; k <= 3; k++) {
			final CtPhantom p = new CtPhantom(40 + k, 36, 6, new double[] { 1.2, 1.2, 3 }, 10, k);
			ImageFormats.write(p.image(), dir.resolve("ct").resolve("case" + k + ".nii.gz"));
			ImageFormats.write(p.image(), dir.resolve("pet").resolve("case" + k + ".nii.gz"));
			if (k < 3) ImageFormats.write(p.labels(), dir.resolve("seg").resolve("case" + k + ".nii.gz"));
		}
	}

	private CliTest.Run export(final String... extra) {
		final List<String> args = new ArrayList<>(List.of("export-nnunet", "--id", "501", "--name", "Chest", "--channel", "CT=" + dir.resolve("ct"),
			"--channel", "PET=" + dir.resolve("pet"), "--labels", dir.resolve("seg").toString(), "--label", "background=0", "--label", "tissue=1",
			"--label", "fat=2", "--label", "lung=3", "--label", "bone=4", "-o", dir.resolve("raw").toString()));
		args.addAll(List.of(extra));
		return CliTest.cli(args.toArray(new String[0]));
	}

	private static Set<String> names(final Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
		}
	}

	@Test
	void writesTheDocumentedLayout() throws IOException {
		cases();
		final CliTest.Run r = export();
		assertEquals(0, r.code, r.err);
		final Path ds = dir.resolve("raw").resolve("Dataset501_Chest");
		assertEquals(Set.of("dataset.json", "imagesTr", "imagesTs", "labelsTr"), names(ds));
		assertEquals(Set.of("case1_0000.nii.gz", "case1_0001.nii.gz", "case2_0000.nii.gz", "case2_0001.nii.gz"), names(ds.resolve("imagesTr")));
		assertEquals(Set.of("case3_0000.nii.gz", "case3_0001.nii.gz"), names(ds.resolve("imagesTs")));
		assertEquals(Set.of("case1.nii.gz", "case2.nii.gz"), names(ds.resolve("labelsTr")));
		for (final String f : names(ds.resolve("imagesTr"))) assertTrue(IMAGE.matcher(f).matches(), f);
		@SuppressWarnings("unchecked")
		final Map<String, Object> json = (Map<String, Object>) Json.parse(new String(Files.readAllBytes(ds.resolve("dataset.json")), StandardCharsets.UTF_8));
		assertEquals(Set.of("channel_names", "labels", "numTraining", "file_ending", "name", "description"), json.keySet());
		assertEquals(Map.of("0", "CT", "1", "PET"), json.get("channel_names"));
		assertEquals(Map.of("background", 0.0, "tissue", 1.0, "fat", 2.0, "lung", 3.0, "bone", 4.0), json.get("labels"));
		assertEquals(2.0, json.get("numTraining"));
		assertEquals(".nii.gz", json.get("file_ending"));
		// images keep their voxels and geometry; label maps are the same labels on the same grid
		final Volume<?> in = ImageFormats.read(dir.resolve("ct").resolve("case2.nii.gz"));
		final Volume<?> img = ImageFormats.read(ds.resolve("imagesTr").resolve("case2_0000.nii.gz"));
		final Volume<?> lab = ImageFormats.read(ds.resolve("labelsTr").resolve("case2.nii.gz"));
		assertArrayEquals(TestVolumes.values(real(in).data()), TestVolumes.values(real(img).data()), 0);
		assertTrue(img.geometry().sameSpace(in.geometry(), 1e-6) && lab.geometry().sameSpace(in.geometry(), 1e-6));
		assertArrayEquals(TestVolumes.values(real(ImageFormats.read(dir.resolve("seg").resolve("case2.nii.gz"))).data()), TestVolumes.values(real(lab).data()), 0);
		// never over an existing dataset
		final CliTest.Run again = export();
		assertEquals(1, again.code);
		assertTrue(again.err.contains("already exists"), again.err);
	}

	@Test
	void badCasesGiveOneLineAndNoOutput() throws IOException {
		cases();
		// an undeclared label
		final CliTest.Run undeclared = CliTest.cli("export-nnunet", "--id", "7", "--name", "Lungs", "--channel", "CT=" + dir.resolve("ct"), "--labels",
			dir.resolve("seg").toString(), "--label", "background=0", "--label", "lung=1", "-o", dir.resolve("raw").toString());
		assertEquals(1, undeclared.code);
		assertEquals("medprep: " + dir.resolve("seg").resolve("case1.nii.gz") + ": label 2 is not declared (declared: 0 to 1)", undeclared.err.trim());
		assertFalse(Files.exists(dir.resolve("raw").resolve("Dataset007_Lungs")));
		// a second channel on another grid
		final CtPhantom moved = new CtPhantom(41, 36, 6, new double[] { 1.2, 1.2, 3 }, 10, 1);
		ImageFormats.write(moved.image().withGeometry(moved.geometry().withOrigin(new double[] { 0, 0, 5 })), dir.resolve("pet").resolve("case1.nii.gz"));
		final CliTest.Run space = export();
		assertEquals(1, space.code);
		assertTrue(space.err.trim().startsWith("medprep: " + dir.resolve("pet").resolve("case1.nii.gz") + ": spacing, origin or direction differ"), space.err);
		assertEquals(1, space.err.trim().split("\n").length, "one line: " + space.err);
		assertTrue(!Files.exists(dir.resolve("raw")) || names(dir.resolve("raw")).isEmpty(), "no output, no staging folder left");
		// labels that are not consecutive from 0
		final CliTest.Run gap = CliTest.cli("export-nnunet", "--id", "7", "--name", "Lungs", "--channel", "CT=" + dir.resolve("ct"), "--labels",
			dir.resolve("seg").toString(), "--label", "background=0", "--label", "lung=3", "-o", dir.resolve("raw").toString());
		assertEquals(MedPrepCli.EXIT_USAGE, gap.code);
		assertTrue(gap.err.contains("consecutive from 0"), gap.err);
	}

	@Test
	void aFloatLabelMapIsRefused() throws IOException {
		cases();
		final Volume<?> fractional = Volume.of(net.imglib2.img.array.ArrayImgs.floats(new float[] { 0.5f }, 1, 1, 1), Geometry.identity());
		ImageFormats.write(fractional, dir.resolve("one").resolve("x.nii.gz"));
		ImageFormats.write(fractional, dir.resolve("oneseg").resolve("x.nii.gz"));
		final CliTest.Run r = CliTest.cli("export-nnunet", "--id", "8", "--name", "X", "--channel", "CT=" + dir.resolve("one"), "--labels",
			dir.resolve("oneseg").toString(), "--label", "background=0", "-o", dir.resolve("raw").toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains("x.nii.gz: not a label map: a label map holds whole numbers"), r.err);
	}

	@Test
	void aTiffCaseIsRefusedWithTheFormatToWrite() throws IOException {
		cases();
		Files.write(dir.resolve("ct").resolve("case4.tif"), new byte[] { 0 });
		final CliTest.Run r = export();
		assertEquals(MedPrepCli.EXIT_USAGE, r.code);
		assertTrue(r.err.contains("case4.tif: a TIFF; the nnU-Net export reads NIfTI and MetaImage cases"), r.err);
		assertFalse(Files.exists(dir.resolve("raw").resolve("Dataset501_Chest")));
	}

	/**
	 * The README's chain on CT cases with label maps: reoriented to RAS with the labels, body-masked and windowed in one
	 * pipeline, then exported; the labels are the reoriented ones, on the image's grid.
	 */
	@Test
	void theDocumentedChainEndsInAnNnUnetDataset() throws IOException {
		cases();
		final Path pipeline = dir.resolve("prepare.ijm");
		Files.write(pipeline, List.of("run(\"Reorient\", \"orientation=RAS label=seg\");", "run(\"Apply Mask\", \"mask=[CT body] outside=-2000\");",
			"run(\"HU Window\", \"level=-600 width=1500 output=[float 0-1]\");"));
		final CliTest.Run run = CliTest.cli("run", "--pipeline", pipeline.toString(), "-i", dir.resolve("ct").toString(), "--label", "seg=" + dir.resolve("seg"),
			"-o", dir.resolve("prepared").toString());
		// case3 has no label map: its run fails (the pipeline names seg), the others go on
		assertEquals(1, run.code, run.err);
		assertTrue(run.err.contains("case3"), run.err);
		// the run wrote each case's image to prepared/<case>.nii.gz and its reoriented label map to prepared/seg/<case>.nii.gz
		final CliTest.Run r = CliTest.cli("export-nnunet", "--id", "502", "--name", "Prepared", "--channel", "CT=" + dir.resolve("prepared"), "--labels",
			dir.resolve("prepared").resolve("seg").toString(), "--label", "background=0", "--label", "tissue=1", "--label", "fat=2",
			"--label", "lung=3", "--label", "bone=4", "-o", dir.resolve("raw").toString());
		assertEquals(0, r.code, r.err);
		final Path ds = dir.resolve("raw").resolve("Dataset502_Prepared");
		assertEquals(Set.of("case1.nii.gz", "case2.nii.gz"), names(ds.resolve("labelsTr")));
		final Volume<?> img = ImageFormats.read(ds.resolve("imagesTr").resolve("case1_0000.nii.gz"));
		final Volume<?> lab = ImageFormats.read(ds.resolve("labelsTr").resolve("case1.nii.gz"));
		assertEquals("RAS", org.medprep.core.spatial.Orientation.of(img.geometry()).code());
		assertTrue(lab.geometry().sameSpace(img.geometry(), 1e-6));
		final double[] v = TestVolumes.values(real(img).data()), l = TestVolumes.values(real(lab).data());
		long body = 0, maskedAway = 0;
		for (int i = 0; i < v.length; i++) {
			assertTrue(v[i] >= 0 && v[i] <= 1, "windowed to 0..1");
			// air (-1000 HU) would window to 0.23: outside the body the mask set -2000, which windows to 0
			if (l[i] == 0) assertEquals(0, v[i], 0, "outside the body");
			else {
				body++;
				if (v[i] == 0) maskedAway++;
			}
		}
		// on a 41x36x6 phantom the 3 mm opening trims a few staircase corners of the body outline
		assertTrue(maskedAway < 0.03 * body, maskedAway + " of " + body + " body voxels masked");
	}

	@SuppressWarnings("unchecked")
	private static Volume<? extends net.imglib2.type.numeric.RealType<?>> real(final Volume<?> v) {
		return (Volume<? extends net.imglib2.type.numeric.RealType<?>>) (Object) v;
	}
}

package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.core.History;
import org.medprep.core.Volume;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.core.spatial.Orientation;
import org.medprep.io.ImageFormats;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.RealType;

/**
 * The dataset commands on a case in medprep run: label utilities change the case's label maps (written to out/NAME/),
 * Label Statistics reads the member its option names, and Reorient is a spatial step of the history (fused with the
 * next one, undone by Invert Spatial History in a later run).
 */
class DatasetPipelineTest {

	@TempDir
	Path dir;

	private static final CtPhantom PHANTOM = new CtPhantom(30, 26, 8, new double[] { 1.2, 1.1, 2.5 }, 10, 6);

	private void inputs() throws IOException {
		Files.createDirectories(dir.resolve("ct"));
		Files.createDirectories(dir.resolve("seg"));
		ImageFormats.write(PHANTOM.image(), dir.resolve("ct").resolve("case1.nii.gz"));
		ImageFormats.write(PHANTOM.labels(), dir.resolve("seg").resolve("case1.nii.gz"));
	}

	@Test
	void labelCommandsChangeTheCasesLabelMap() throws IOException {
		inputs();
		final Path pipeline = dir.resolve("labels.ijm");
		Files.write(pipeline, List.of("run(\"Remove Labels\", \"labels=2\");", "run(\"Sequential Labels\", \"\");", "run(\"Label Statistics\", \"label=seg\");"));
		final CliTest.Run r = CliTest.cli("run", "--pipeline", pipeline.toString(), "-i", dir.resolve("ct").toString(), "--label", "seg=" + dir.resolve("seg"),
			"-o", dir.resolve("out").toString());
		assertEquals(0, r.code, r.err);
		// the CT is untouched, the label map lost label 2 and was renumbered: 1, 3, 4 -> 1, 2, 3
		assertArrayEquals(TestVolumes.values(PHANTOM.image().data()), values(dir.resolve("out").resolve("case1.nii.gz")), 0);
		final double[] in = TestVolumes.values(PHANTOM.labels().data()), out = values(dir.resolve("out").resolve("seg").resolve("case1.nii.gz"));
		for (int i = 0; i < in.length; i++) {
			final double expected = in[i] == 2 ? 0 : in[i] <= 1 ? in[i] : in[i] - 1;
			assertEquals(expected, out[i], 0, "voxel " + i);
		}
		final List<String> mapping = Files.readAllLines(dir.resolve("out").resolve("case1_mapping.csv"), StandardCharsets.UTF_8);
		assertEquals(4, mapping.size(), "header and the labels 1, 3, 4: " + mapping);
		assertTrue(mapping.get(2).startsWith("seg,3"), mapping.toString());
		// the statistics are the renumbered map's: labels 1 to 3
		final List<String> stats = Files.readAllLines(dir.resolve("out").resolve("case1_statistics.csv"), StandardCharsets.UTF_8);
		assertEquals(4, stats.size(), stats.toString());
		assertTrue(stats.get(3).startsWith("3,"), stats.toString());
		final History h = HistoryStore.of(ImageFormats.read(dir.resolve("out").resolve("seg").resolve("case1.nii.gz")));
		assertTrue(h.lines().get(0).startsWith("run(\"Remove Labels\""), h.toText());
		// a case without a label map: the label command works on the -i image, which must then be a label map
		final CliTest.Run ct = CliTest.cli("run", "--step", "run(\"Keep Largest Component\", \"\");", "-i", dir.resolve("ct").toString(), "-o",
			dir.resolve("bad").toString());
		assertEquals(1, ct.code);
		assertTrue(ct.err.contains("Keep Largest Component: 'image' is not a label map"), ct.err);
		assertFalse(Files.exists(dir.resolve("bad").resolve("case1.nii.gz")));
	}

	@Test
	void reorientIsASpatialStepOfTheHistoryAndIsUndoneInALaterRun() throws IOException {
		inputs();
		final Path pipeline = dir.resolve("pre.ijm");
		Files.write(pipeline, List.of("run(\"Reorient\", \"orientation=RAS\");", "run(\"Crop or Pad\", \"size_x=24 size_y=24 size_z=8\");"));
		final CliTest.Run r = CliTest.cli("run", "--pipeline", pipeline.toString(), "-i", dir.resolve("ct").toString(), "--label", "seg=" + dir.resolve("seg"),
			"-o", dir.resolve("pre").toString());
		assertEquals(0, r.code, r.err);
		final Volume<?> pre = ImageFormats.read(dir.resolve("pre").resolve("case1.nii.gz"));
		final Volume<?> seg = ImageFormats.read(dir.resolve("pre").resolve("seg").resolve("case1.nii.gz"));
		assertEquals("RAS", Orientation.of(pre.geometry()).code());
		assertTrue(seg.geometry().sameSpace(pre.geometry()));
		final History h = HistoryStore.of(pre);
		assertEquals(2, h.spatialChain().plans().size(), h.toText());
		// the label map's prediction goes back onto the original scan exactly
		final CliTest.Run back = CliTest.cli("run", "--step", "run(\"Invert Spatial History\", \"reference=pre interpolation=nearest\");", "-i",
			dir.resolve("pre").resolve("seg").toString(), "--ref", "pre=" + dir.resolve("pre"), "-o", dir.resolve("back").toString());
		assertEquals(0, back.code, back.err);
		final Volume<?> original = ImageFormats.read(dir.resolve("back").resolve("case1.nii.gz"));
		assertTrue(original.geometry().sameSpace(PHANTOM.geometry()));
		final double[] labels = TestVolumes.values(PHANTOM.labels().data()), restored = TestVolumes.values(real(original).data());
		// the crop to 24 x 24 removed x < 3, x >= 27, y < 1 and y >= 25 of the 30 x 26 grid (in RAS order: those columns and rows)
		long kept = 0;
		for (int i = 0; i < labels.length; i++) {
			if (restored[i] == labels[i]) kept++;
			else assertEquals(0, restored[i], 0, "a voxel the crop removed gets the fill");
		}
		assertTrue(kept >= 24 * 24 * 8, kept + " voxels restored");
	}

	private static double[] values(final Path p) throws IOException {
		return TestVolumes.values(real(ImageFormats.read(p)).data());
	}

	@SuppressWarnings("unchecked")
	private static Volume<? extends RealType<?>> real(final Volume<?> v) {
		return (Volume<? extends RealType<?>>) (Object) v;
	}
}

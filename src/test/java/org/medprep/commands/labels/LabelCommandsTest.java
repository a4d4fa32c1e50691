package org.medprep.commands.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.testutil.TestVolumes;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/** The label commands through a real SciJava context, on a small known map and on the CT phantom's tissue labels. */
class LabelCommandsTest extends HeadlessCommandTest {

	/** 8x4x2 at 0.5 x 0.5 x 2 mm: label 3 in a block of 6 and a lone voxel, label 7 in 2 voxels, the rest background. */
	private static ImagePlus small() {
		final double[] v = new double[64];
		for (final int i : new int[] { 0, 1, 2, 8, 9, 10 }) v[i] = 3;
		v[6] = 3;
		v[30] = 7;
		v[31 + 32] = 7;
		final Volume<? extends RealType<?>> vol = Volume.of(ArrayImgs.doubles(v, 8, 4, 2), Geometry.of(new double[] { 0.5, 0.5, 2 }, new double[] { 1, 2, 3 }));
		return ImagePlusVolumes.toImagePlus(vol, "seg", null);
	}

	private static CommandInvocation.Result run(final Class<?> command, final String options, final ImagePlus imp) {
		return invocation.run(commands.getCommand(command.getName()), options, imp);
	}

	private static double[] values(final Object imp) {
		return TestVolumes.values(ImagePlusVolumes.toVolume((ImagePlus) imp).data());
	}

	@Test
	void keepLargestDropsTheLoneVoxelAndRecordsTheStep() {
		final ImagePlus out = (ImagePlus) run(KeepLargestComponentCommand.class, "scope=[per label] connectivity=6", small()).outputs().get("result");
		final double[] v = values(out);
		assertEquals(0, v[6], "the lone 3 goes");
		assertEquals(3, v[0]);
		assertEquals(7, v[30], "7 has two 1-voxel pieces: the first in scan order stays");
		assertEquals(0, v[63]);
		assertEquals(ImagePlus.GRAY8, out.getType());
		assertTrue(HistoryStore.of(out).lines().get(0).startsWith("run(\"Keep Largest Component\", "), HistoryStore.of(out).toString());
		final double[] fg = values(run(KeepLargestComponentCommand.class, "scope=foreground components=2 connectivity=26", small()).outputs().get("result"));
		assertEquals(3, fg[0]);
		assertEquals(7, fg[30], "7 at (6,3,0) and (7,3,1) touch by an edge: 26-connected they are one piece of 2");
		assertEquals(7, fg[63]);
		assertEquals(0, fg[6]);
	}

	@Test
	void remapRemoveAndSequential() {
		final double[] remapped = values(run(RemapLabelsCommand.class, "table=[3:1, 7:0]", small()).outputs().get("result"));
		assertEquals(1, remapped[0]);
		assertEquals(0, remapped[30]);
		final double[] removed = values(run(RemoveLabelsCommand.class, "labels=3", small()).outputs().get("result"));
		assertEquals(0, removed[0]);
		assertEquals(7, removed[30]);
		final CommandInvocation.Result r = run(SequentialLabelsCommand.class, "", small());
		final double[] seq = values(r.outputs().get("result"));
		assertEquals(1, seq[0]);
		assertEquals(2, seq[30]);
		final ResultsTable mapping = (ResultsTable) r.outputs().get("mapping");
		assertEquals(2, mapping.size());
		assertEquals(7, mapping.getValue("from", 1), 0);
		assertEquals(2, mapping.getValue("to", 1), 0);
	}

	@Test
	void fillLabelHolesFillsTheLungsCavities() {
		final CtPhantom phantom = new CtPhantom(24, 22, 8, new double[] { 1.2, 1.2, 3 }, 0, 1);
		final double[] labels = TestVolumes.values(phantom.labels().data());
		// punch a one-voxel hole into a lung (label 3) and remove the lung label there
		int hole = -1;
		for (int i = 24 * 22 * 4; i < labels.length && hole < 0; i++)
			if (labels[i] == 3 && labels[i - 1] == 3 && labels[i + 1] == 3 && labels[i - 24] == 3 && labels[i + 24] == 3 && labels[i - 528] == 3
				&& labels[i + 528] == 3) hole = i;
		assertTrue(hole > 0);
		labels[hole] = 0;
		final ImagePlus holed = ImagePlusVolumes.toImagePlus(Volume.of(ArrayImgs.doubles(labels, 24, 22, 8), phantom.geometry()), "seg", null);
		final double[] filled = values(run(FillLabelHolesCommand.class, "connectivity=6", holed).outputs().get("result"));
		assertEquals(3, filled[hole]);
		labels[hole] = 3;
		assertArrayEquals(labels, filled, 0, "only the hole changes (the air outside the body touches the faces)");
	}

	@Test
	void statisticsTableOfThePhantom() {
		final CtPhantom phantom = new CtPhantom(24, 22, 8, new double[] { 1.2, 1.1, 3 }, 0, 1);
		final ImagePlus seg = ImagePlusVolumes.toImagePlus(phantom.labels(), "seg", null);
		final ResultsTable t = (ResultsTable) run(LabelStatisticsCommand.class, "", seg).outputs().get("statistics");
		assertEquals(4, t.size(), "soft tissue, fat, lung, bone");
		long total = 0;
		for (int r = 0; r < t.size(); r++) {
			total += (long) t.getValue("voxels", r);
			assertEquals(t.getValue("voxels", r) * 1.2 * 1.1 * 3, t.getValue("volume_mm3", r), 1e-9);
		}
		long nonZero = 0;
		for (final double v : TestVolumes.values(phantom.labels().data())) if (v != 0) nonZero++;
		assertEquals(nonZero, total);
		// the phantom is centred on the origin and left-right symmetric: the lungs' centroid has x = 0
		assertEquals(0, t.getValue("centroid_x_mm", 2), 1e-9);
		assertEquals(3, t.getValue("label", 2), 0);
	}

	@Test
	void aCtIsNotALabelMap() {
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(new CtPhantom(16, 16, 2, new double[] { 1, 1, 1 }, 0, 1).image(), "ct", null);
		final CommandFailedException e = assertThrows(CommandFailedException.class, () -> run(KeepLargestComponentCommand.class, "", ct));
		assertEquals("Keep Largest Component: 'ct' is not a label map: a label map holds whole numbers from 0 to 16777216, but voxel (0, 0, 0) is -2000.0",
			e.getMessage());
		final CommandFailedException t = assertThrows(CommandFailedException.class, () -> run(RemapLabelsCommand.class, "table=[1-2]", small()));
		assertEquals("Remap Labels: remap entry '1-2' is not from:to (e.g. 1:2)", t.getMessage());
		final RuntimeException c = assertThrows(RuntimeException.class, () -> run(KeepLargestComponentCommand.class, "connectivity=8", small()));
		assertTrue(c.getMessage().contains("connectivity"), c.getMessage());
	}
}

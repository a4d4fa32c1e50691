package org.medprep.commands.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import ij.process.ShortProcessor;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImageTitleService;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.core.segment.NmfKMeansSegmentationTest;

import net.imglib2.Cursor;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

/** The segmentation commands run headless through a real SciJava context, as a macro would call them. */
class SegmentCommandsTest extends HeadlessCommandTest {


	/** The 40 x 30 x 6 phantom of the core test as a 16-bit stack. */
	private static ImagePlus phantom() {
		final ImageStack stack = new ImageStack(40, 30);
		final Cursor<UnsignedShortType> c = Views.flatIterable(NmfKMeansSegmentationTest.phantom()).cursor();
		for (int z = 0; z < 6; z++) {
			final short[] p = new short[40 * 30];
			for (int i = 0; i < p.length; i++) p[i] = (short) c.next().get();
			stack.addSlice(new ShortProcessor(40, 30, p, null));
		}
		final ImagePlus imp = new ImagePlus("knee.tif", stack);
		imp.getCalibration().pixelWidth = 0.5;
		imp.getCalibration().pixelHeight = 0.5;
		imp.getCalibration().pixelDepth = 3;
		imp.getCalibration().setUnit("mm");
		return imp;
	}

	private static Map<String, Object> run(final Class<?> command, final String options, final ImagePlus imp) {
		return invocation.run(commands.getCommand(command.getName()), options, imp).outputs();
	}

	@Test
	void wholePipeline() {
		final Map<String, Object> out = run(NmfKMeansSegmentCommand.class, "n_components=2 k=3 kmin=2 kmax=3 inverted=true", phantom());
		final ImagePlus labels = (ImagePlus) out.get("result");
		assertEquals(ImagePlus.GRAY8, labels.getType());
		assertEquals("knee-labels", labels.getTitle());
		assertEquals(6, labels.getStackSize());
		assertEquals(0.5, labels.getCalibration().pixelWidth, 0);
		assertEquals(0, labels.getProcessor().getLut().getRed(0)); // background black, labels coloured
		assertTrue(labels.getProcessor().getLut().getRGB(2) != labels.getProcessor().getLut().getRGB(3));
		final ImagePlus basis = (ImagePlus) out.get("basis");
		assertEquals(2, basis.getStackSize());
		assertEquals("knee-basis", basis.getTitle());
		assertEquals("knee-foreground", ((ImagePlus) out.get("mask")).getTitle());
		assertEquals(ImagePlus.GRAY32, basis.getType());
		assertTrue(out.get("inverted_image") instanceof ImagePlus);
		final ResultsTable clusters = (ResultsTable) out.get("clusters");
		assertEquals(3, clusters.size());
		assertArrayEquals(new double[] { 1, 2, 3 }, clusters.getColumn("label"), 0);
		assertArrayEquals(new double[] { 0, 1, 1 }, clusters.getColumn("kept"), 0);
		final double[] inertia = clusters.getColumn("inertia"); // the clustering's, on every row: no filler zeros
		assertTrue(inertia[0] > 0, java.util.Arrays.toString(inertia));
		assertArrayEquals(new double[] { inertia[0], inertia[0], inertia[0] }, inertia, 0);
		final ResultsTable nmf = (ResultsTable) out.get("nmf");
		assertEquals(2, nmf.size());
		assertTrue(nmf.getValue("iterations", 0) >= 1);
		// only labels 0, 2, 3 and their counts match the table
		final long[] counts = new long[256];
		for (int z = 1; z <= 6; z++) {
			final byte[] p = (byte[]) labels.getStack().getPixels(z);
			for (final byte b : p) counts[b & 0xff]++;
		}
		assertEquals(0, counts[1]);
		assertEquals((long) clusters.getValue("voxels", 1), counts[2]);
		assertEquals((long) clusters.getValue("voxels", 2), counts[3]);
		final List<String> history = HistoryStore.of(labels).lines();
		assertTrue(history.get(history.size() - 1).startsWith("run(\"NMF K-Means Segment\", \"n_components=2 nmf_init=nndsvd"), history.toString());
	}

	@Test
	void kMeansWithAMaskImage() {
		final ImagePlus img = phantom();
		final ImageStack ms = new ImageStack(40, 30);
		for (int z = 0; z < 6; z++) {
			final ByteProcessor bp = new ByteProcessor(40, 30);
			for (int y = 0; y < 30; y++) for (int x = 0; x < 20; x++) bp.set(x, y, 255); // left half
			ms.addSlice(bp);
		}
		context.service(ImageTitleService.class).register("left half", new ImagePlus("left half", ms));
		try {
			final Map<String, Object> out = run(KMeansClusterCommand.class, "k=2 mask=[left half]", img);
			final ImagePlus labels = (ImagePlus) out.get("result");
			final byte[] p = (byte[]) labels.getStack().getPixels(1);
			for (int y = 0; y < 30; y++) {
				assertTrue((p[y * 40 + 5] & 0xff) >= 1);
				assertEquals(0, p[y * 40 + 30]);
			}
			final ResultsTable t = (ResultsTable) out.get("clusters");
			assertEquals(20 * 30 * 6, t.getValue("voxels", 0) + t.getValue("voxels", 1), 0);
		}
		finally {
			context.service(ImageTitleService.class).clear();
		}
		final CommandFailedException e = assertThrows(CommandFailedException.class, () -> run(KMeansClusterCommand.class, "k=300", img));
		assertTrue(e.getMessage().contains("K = 300"), e.getMessage());
	}

	@Test
	void foregroundMaskAndBasis() {
		final ImagePlus mask = (ImagePlus) run(ForegroundMaskCommand.class, "method=[largest component + fill holes]", phantom()).get("result");
		final byte[] p = (byte[]) mask.getStack().getPixels(3);
		assertEquals(255, p[15 * 40 + 20] & 0xff); // centre of the limb
		assertEquals(0, p[0] & 0xff);
		final Map<String, Object> out = run(NmfBasisCommand.class, "n_components=3 init=nndsvd max_iter=50", phantom());
		assertEquals(3, ((ImagePlus) out.get("result")).getStackSize());
		assertEquals(3, ((ResultsTable) out.get("nmf")).size());
		final CommandFailedException e = assertThrows(CommandFailedException.class, () -> run(NmfBasisCommand.class, "n_components=7 init=nndsvd", phantom()));
		assertTrue(e.getMessage().contains("n_components = 7 is larger than min(n_samples, n_features) = min(1200, 6)"), e.getMessage());
	}
}

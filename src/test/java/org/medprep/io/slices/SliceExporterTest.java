package org.medprep.io.slices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.Opener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.core.Volume;
import org.medprep.core.slices.SliceAxis;
import org.medprep.core.slices.SliceSelection;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.RealType;

/** Slices written as TIFF, read back by ImageJ with values and pixel size. */
class SliceExporterTest {

	@TempDir
	Path dir;

	/** 4 x 3 x 10 volume; value = 100 z + 10 y + x, and slices z < 2 are empty (0). */
	private static Volume<? extends RealType<?>> volume() {
		final double[] v = new double[4 * 3 * 10];
		for (int z = 0, i = 0; z < 10; z++)
			for (int y = 0; y < 3; y++)
				for (int x = 0; x < 4; x++, i++)
					v[i] = z < 2 ? 0 : 100 * z + 10 * y + x;
		return TestVolumes.shorts(new long[] { 4, 3, 10 }, v);
	}

	@Test
	void pythonRangeAndEmptySlicesSkipped() throws IOException {
		// 20 %..80 % of 10 slices: 2..7 ; slices 0, 1 are empty anyway
		final List<SliceExporter.Slice> s = SliceExporter.export(volume(), SliceAxis.AXIAL, new SliceSelection(10, 80, 0.5), 0, dir, "ct");
		assertEquals(List.of(2, 3, 4, 5, 6, 7), s.stream().map(x -> x.index).collect(Collectors.toList()));
		assertEquals(List.of("ct_axial002.tif", "ct_axial003.tif", "ct_axial004.tif", "ct_axial005.tif", "ct_axial006.tif", "ct_axial007.tif"), listing());
		final ImagePlus imp = new Opener().openImage(dir.resolve("ct_axial005.tif").toString());
		assertEquals(4, imp.getWidth());
		assertEquals(3, imp.getHeight());
		final float[] px = (float[]) imp.getProcessor().convertToFloatProcessor().getPixels();
		assertArrayEquals(new float[] { 500, 501, 502, 503, 510, 511, 512, 513, 520, 521, 522, 523 }, px, 0);
		assertEquals(0.8, imp.getCalibration().pixelWidth, 1e-6);
		assertEquals("mm", imp.getCalibration().getUnit());
	}

	@Test
	void sagittalSlicesAreYByZ() throws IOException {
		SliceExporter.export(volume(), SliceAxis.SAGITTAL, new SliceSelection(0, 100, 0), -1, dir, "s");
		assertEquals(4, listing().size());
		final ImagePlus imp = new Opener().openImage(dir.resolve("s_sagittal001.tif").toString());
		assertEquals(3, imp.getWidth());
		assertEquals(10, imp.getHeight());
		assertEquals(100 * 9 + 10 * 2 + 1, imp.getProcessor().getPixelValue(2, 9), 0);
		assertEquals(2.0, imp.getCalibration().pixelHeight, 1e-6);
	}

	@Test
	void badRangesAndMissingFoldersWriteNothing() throws IOException {
		assertThrows(IllegalArgumentException.class, () -> new SliceSelection(80, 20, 0));
		assertThrows(IllegalArgumentException.class, () -> new SliceSelection(0, 100, 1.5));
		final IOException e = assertThrows(IOException.class,
			() -> SliceExporter.export(volume(), SliceAxis.AXIAL, new SliceSelection(0, 100, 0), 0, dir.resolve("missing"), "x"));
		assertTrue(e.getMessage().contains("does not exist"));
		assertEquals(List.of(), listing());
	}

	private List<String> listing() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}

package org.medprep.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

class ForegroundMaskTest {

	private static String plane(final RandomAccessibleInterval<UnsignedByteType> m, final int z) {
		final StringBuilder sb = new StringBuilder();
		final RandomAccess<UnsignedByteType> ra = m.randomAccess();
		for (int y = 0; y < m.dimension(1); y++) {
			for (int x = 0; x < m.dimension(0); x++) sb.append(ra.setPositionAndGet(m.min(0) + x, m.min(1) + y, m.min(2) + z).get());
			sb.append('\n');
		}
		return sb.toString();
	}

	private static RandomAccessibleInterval<UnsignedShortType> image(final String... rows) {
		final int ny = rows.length, nx = rows[0].length();
		final ArrayImg<UnsignedShortType, ShortArray> img = ArrayImgs.unsignedShorts(nx, ny, 1);
		final RandomAccess<UnsignedShortType> ra = img.randomAccess();
		for (int y = 0; y < ny; y++)
			for (int x = 0; x < nx; x++) ra.setPositionAndGet(x, y, 0).set(rows[y].charAt(x) == '#' ? 500 : rows[y].charAt(x) == '+' ? 300 : 20);
		return Views.translate(img, 3, 4, -1);
	}

	@Test
	void rowFillFillsBetweenTheOutermostPixels() {
		final RandomAccessibleInterval<UnsignedShortType> img = image(
			".......",
			".#...#.",
			"..#.#..",
			".......");
		final RandomAccessibleInterval<UnsignedByteType> m = ForegroundMask.compute(img, ForegroundMethod.ROW_FILL, Double.NaN);
		assertEquals("0000000\n0111110\n0011100\n0000000\n", plane(m, 0));
	}

	@Test
	void otsuOnABimodalHistogram() {
		assertEquals(20, ForegroundMask.otsuThreshold(image("..#", "#..")), 0.0); // two values: the lower one
		// scikit-image: threshold_otsu(np.array([1, 1, 2, 9, 10, 10])) == 2
		assertEquals(2, ForegroundMask.otsu(new double[] { 1, 2, 9, 10 }, new double[] { 2, 1, 1, 2 }), 0.0);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ForegroundMask.otsuThreshold(image("...", "...")));
		assertEquals("Otsu's threshold needs at least two distinct intensities; the image has 1", e.getMessage());
	}

	@Test
	void largestComponentWithHolesFilled() {
		final RandomAccessibleInterval<UnsignedShortType> img = image(
			"##.......",
			"##..####.",
			"....#..#.",
			"....####.",
			"........#");
		final RandomAccessibleInterval<UnsignedByteType> m = ForegroundMask.compute(img, ForegroundMethod.LARGEST_COMPONENT, 100);
		assertEquals(
			"000000000\n" +
			"000011110\n" +
			"000011110\n" +
			"000011110\n" +
			"000000000\n", plane(m, 0));
	}

	@Test
	void componentsConnectThroughFacesOnlyAndAcrossSlices() {
		// slice 0 rows "10" "00" "01", slice 1 rows "01" "00" "01": only (1, 2) is connected (through z)
		final ArrayImg<UnsignedByteType, ?> mask = ArrayImgs.unsignedBytes(new byte[] {
			1, 0, 0, 0,
			0, 1, 0, 1,
			0, 0, 0, 1 }, 2, 3, 2);
		final RandomAccessibleInterval<UnsignedByteType> m = ForegroundMask.largestComponent(mask);
		assertEquals("00\n00\n01\n", plane(m, 0));
		assertEquals("00\n00\n01\n", plane(m, 1));
		// an empty mask gives an empty component
		assertEquals("00\n00\n00\n", plane(ForegroundMask.largestComponent(ArrayImgs.unsignedBytes(2, 3, 1)), 0));
	}
}

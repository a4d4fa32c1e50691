package org.medprep.core.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.labels.LargestComponents.Scope;
import org.medprep.core.segment.ConnectedComponents;
import org.medprep.core.segment.Connectivity;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.RealType;

/**
 * The label utilities on small known volumes, and against scipy.ndimage / scikit-image on the fixture made by
 * src/test/resources/org/medprep/labels/make_fixtures.py (random blobs of labels 2, 5, 9, closed shells, edge- and
 * corner-only contacts).
 */
class LabelOperationsTest {

	private static final String DIR = "/org/medprep/labels/";
	private static final int[] SIZE = { 30, 24, 20 };
	private static final Geometry GEOMETRY = Geometry.of(new double[] { 0.8, 0.9, 2.5 }, new double[] { -10, 20, 5 });

	@Test
	void componentsAreNumberedAsScipyNumbersThem() {
		final int[] lab = fixture("labels");
		for (final Connectivity c : Connectivity.values()) {
			final ConnectedComponents cc = ConnectedComponents.ofNonZero(lab, SIZE, c);
			assertArrayEquals(fixture("components_" + c.label()), cc.labels(), c.label() + "-connectivity");
		}
	}

	@Test
	void largestComponentsAgreeWithScipy() {
		final LabelMap map = LabelMap.of(fixture("labels"), SIZE, GEOMETRY);
		for (final Connectivity c : Connectivity.values()) {
			assertArrayEquals(fixture("largest_per_label_" + c.label()), new LargestComponents(Scope.PER_LABEL, c).apply(map).labels(), c.label());
			assertArrayEquals(fixture("largest2_foreground_" + c.label()),
				new LargestComponents(Scope.FOREGROUND, c, 2, LabelSet.of()).apply(map).labels(), c.label());
		}
		assertArrayEquals(fixture("labels"), map.labels(), "the input is not modified");
	}

	@Test
	void holesAgreeWithScipy() {
		final LabelMap map = LabelMap.of(fixture("labels"), SIZE, GEOMETRY);
		for (final Connectivity c : Connectivity.values())
			assertArrayEquals(fixture("holes_" + c.label()), new LabelHoles(c).apply(map).labels(), c.label());
		final LabelMap five = LabelMap.of(fixture("label5"), SIZE, GEOMETRY);
		assertArrayEquals(fixture("label5_filled"), new LabelHoles(Connectivity.SIX).apply(five).labels(), "scipy binary_fill_holes");
	}

	@Test
	void sequentialLabelsAgreeWithScikitImage() {
		final LabelMap map = LabelMap.of(fixture("labels"), SIZE, GEOMETRY);
		final LabelRemap seq = LabelRemap.sequential(map);
		assertEquals("2:1,5:2,9:3", seq.toString());
		assertArrayEquals(fixture("sequential"), seq.apply(map).labels());
	}

	@Test
	void statisticsAgreeWithScipy() {
		final List<LabelStatistics.Row> rows = LabelStatistics.of(LabelMap.of(fixture("labels"), SIZE, GEOMETRY));
		final String[] lines = text("statistics.txt").trim().split("\n");
		assertEquals(lines.length - 1, rows.size());
		for (int k = 0; k < rows.size(); k++) {
			final String[] f = lines[k + 1].split(" ");
			final LabelStatistics.Row r = rows.get(k);
			assertEquals(Integer.parseInt(f[0]), r.label());
			assertEquals(Long.parseLong(f[1]), r.voxels());
			assertEquals(Double.parseDouble(f[2]), r.volumeMm3(), 1e-9);
			for (int d = 0; d < 3; d++) {
				assertEquals(Double.parseDouble(f[3 + d]), r.centroidMm()[d], 1e-9);
				assertEquals(Integer.parseInt(f[6 + d]), r.min()[d]);
				assertEquals(Integer.parseInt(f[9 + d]), r.max()[d]);
			}
		}
	}

	/** A 6x3x1 strip: label 1 in three pieces of sizes 3, 1, 2 (the 2 joins diagonally), label 4 one voxel. */
	@Test
	void knownAnswersOnATinyMap() {
		final int[] strip = {
			1, 1, 0, 1, 0, 4,
			1, 0, 0, 0, 1, 0,
			0, 0, 0, 0, 0, 1 };
		final LabelMap map = LabelMap.of(strip, new int[] { 6, 3, 1 }, Geometry.identity());
		assertArrayEquals(new int[] {
			1, 1, 0, 0, 0, 4,
			1, 0, 0, 0, 0, 0,
			0, 0, 0, 0, 0, 0 }, new LargestComponents(Scope.PER_LABEL, Connectivity.SIX).apply(map).labels());
		// 18-connected (in a plane: 8-connected) the 1s at (3,0), (4,1), (5,2) and the 4 at (5,0) touch by corners...
		final ConnectedComponents cc = ConnectedComponents.ofNonZero(strip, new int[] { 6, 3, 1 }, Connectivity.EIGHTEEN);
		assertEquals(2, cc.count());
		assertEquals(4, cc.size(2));
		// ...but per label the 4 is its own
		assertEquals(3, ConnectedComponents.ofEqualValues(strip, new int[] { 6, 3, 1 }, Connectivity.EIGHTEEN).count());
		// the three largest 6-connected pieces of label 1: sizes 3, 1, 1 (ties to the first in scan order)
		assertArrayEquals(new int[] {
			1, 1, 0, 1, 0, 0,
			1, 0, 0, 0, 1, 0,
			0, 0, 0, 0, 0, 0 }, new LargestComponents(Scope.FOREGROUND, Connectivity.SIX, 3, LabelSet.of(1)).apply(map.withLabels(
				LabelRemap.removing(LabelSet.of(4)).apply(map).labels())).labels());
		assertArrayEquals(new int[] {
			7, 7, 0, 7, 0, 0,
			7, 0, 0, 0, 7, 0,
			0, 0, 0, 0, 0, 7 }, LabelRemap.parse(" 1:7 , 4:0").apply(map).labels());
	}

	@Test
	void aHoleBetweenTwoLabelsStaysBackground() {
		// 5x3x3: the middle voxel is enclosed by 1 on one side and 2 elsewhere
		final int[] v = new int[45];
		java.util.Arrays.fill(v, 2);
		v[22] = 0;
		final LabelMap one = LabelMap.of(v.clone(), new int[] { 5, 3, 3 }, Geometry.identity());
		assertEquals(2, new LabelHoles(Connectivity.SIX).apply(one).labels()[22], "enclosed by 2 only");
		v[21] = 1;
		final LabelMap two = LabelMap.of(v, new int[] { 5, 3, 3 }, Geometry.identity());
		assertEquals(0, new LabelHoles(Connectivity.SIX).apply(two).labels()[22], "enclosed by 1 and 2");
	}

	@Test
	void readingAndWritingKeepsValuesAndChoosesTheSmallestType() {
		final Volume<? extends RealType<?>> v = TestVolumes.floats(new long[] { 3, 2, 1 }, new double[] { 0, 1, 300, 2, 0, 7 });
		final LabelMap map = LabelMap.read(v);
		assertArrayEquals(new int[] { 0, 1, 300, 2, 0, 7 }, map.labels());
		assertArrayEquals(new int[] { 1, 2, 7, 300 }, map.presentLabels());
		final Volume<? extends RealType<?>> out = map.toVolume();
		assertTrue(out.data().getType() instanceof net.imglib2.type.numeric.integer.UnsignedShortType);
		assertArrayEquals(TestVolumes.values(v.data()), TestVolumes.values(out.data()), 0);
		assertTrue(LabelMap.of(new int[] { 3 }, new int[] { 1, 1, 1 }, Geometry.identity()).toVolume().data().getType()
			instanceof net.imglib2.type.numeric.integer.UnsignedByteType);
	}

	@Test
	void badInputIsRefusedWithTheReason() {
		final IllegalArgumentException frac = assertThrows(IllegalArgumentException.class,
			() -> LabelMap.read(TestVolumes.floats(new long[] { 2, 1, 1 }, new double[] { 1, 1.5 })));
		assertEquals("a label map holds whole numbers from 0 to 16777216, but voxel (1, 0, 0) is 1.5", frac.getMessage());
		assertThrows(IllegalArgumentException.class, () -> LabelMap.read(TestVolumes.floats(new long[] { 1, 1, 1 }, new double[] { -1 })));
		assertEquals("remap entry '3' is not from:to (e.g. 1:2)", assertThrows(IllegalArgumentException.class, () -> LabelRemap.parse("1:2,3")).getMessage());
		assertEquals("label 1 is remapped twice in '1:2,1:3'", assertThrows(IllegalArgumentException.class, () -> LabelRemap.parse("1:2,1:3")).getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelRemap.parse("a:1")).getMessage().startsWith("'a:1' is not a label"));
		assertThrows(IllegalArgumentException.class, () -> LabelRemap.parse(""));
		assertThrows(IllegalArgumentException.class, () -> LabelSet.parse("4-2"));
		assertThrows(IllegalArgumentException.class, () -> new LargestComponents(Scope.PER_LABEL, Connectivity.SIX, 0, LabelSet.of()));
		assertEquals("connectivity must be 6, 18 or 26, got '8'", assertThrows(IllegalArgumentException.class, () -> Connectivity.fromLabel("8")).getMessage());
		assertArrayEquals(new int[] { 2, 3, 4, 7 }, LabelSet.parse("2-4, 7").values());
	}

	private static final Map<String, String> TYPES = new HashMap<>();

	static {
		for (final String line : text("fixtures.txt").split("\n")) {
			if (line.startsWith("#") || line.isBlank()) continue;
			final String[] f = line.trim().split("\\s+");
			TYPES.put(f[0], f[1]);
		}
	}

	private static int[] fixture(final String name) {
		final String type = TYPES.get(name);
		final int n = SIZE[0] * SIZE[1] * SIZE[2];
		final int[] out = new int[n];
		if ("u1".equals(type)) {
			final byte[] b = bytes(name + ".u8");
			for (int i = 0; i < n; i++) out[i] = b[i] & 0xff;
		}
		else ByteBuffer.wrap(bytes(name + ".i32")).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
		return out;
	}

	private static String text(final String name) {
		return new String(bytes(name), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(final String name) {
		try (InputStream in = LabelOperationsTest.class.getResourceAsStream(DIR + name)) {
			if (in == null) throw new IllegalStateException("missing fixture " + DIR + name);
			return in.readAllBytes();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

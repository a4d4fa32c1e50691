package org.medprep.core.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.phantom.CtPhantom;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

class SpatialChainTest {

	private static final CtPhantom PHANTOM = new CtPhantom(40, 36, 12, new double[] { 1, 1, 2 }, 0, 5);

	/** Upsample by 2 (nearest neighbour round trips exactly), crop x, pad y and z, flip x, rotate by 0 or 5 degrees. */
	private static SpatialChain preprocessing(final Grid original, final double degrees) {
		SpatialChain chain = SpatialChain.empty();
		chain = chain.then(new ResampleToSpacing(new double[] { 0.5, 0.5, 1 }, true).plan(original));
		chain = chain.then(new CropOrPad(new long[] { 60, 80, 30 }).plan(last(chain)));
		chain = chain.then(new Flip(true, false, false).plan(last(chain)));
		chain = chain.then(new Rotate(0, 0, degrees).plan(last(chain)));
		return chain;
	}

	private static Grid last(final SpatialChain c) {
		return c.plans().get(c.plans().size() - 1).target();
	}

	@Test
	void textRoundTripsExactly() {
		final double a = Math.toRadians(12);
		final Geometry oblique = Geometry.of(new double[] { 0.7, 0.7, 3 }, new double[] { -120.25, 33.1, -7 },
			new double[][] { { Math.cos(a), -Math.sin(a), 0 }, { Math.sin(a), Math.cos(a), 0 }, { 0, 0, 1 } });
		final SpatialChain chain = preprocessing(Grid.of(new long[] { 40, 36, 12 }, oblique), 5);
		final SpatialChain back = SpatialChain.parse(chain.toText());
		assertEquals(chain.toText(), back.toText());
		assertEquals(4, back.plans().size());
		for (int i = 0; i < 4; i++) {
			assertEquals(chain.plans().get(i).source(), back.plans().get(i).source());
			assertEquals(chain.plans().get(i).target(), back.plans().get(i).target());
			assertEquals(chain.plans().get(i).pullBack(), back.plans().get(i).pullBack());
		}
		assertTrue(SpatialChain.parse("  ").isEmpty());
	}

	@Test
	void invertingBringsALabelMapBackOntoTheOriginalGrid() {
		final Volume<UnsignedByteType> labels = PHANTOM.labels();
		final SpatialChain chain = preprocessing(Grid.of(labels), 0);
		final Volume<? extends RealType<?>> pre = chain.composed().apply(labels, Sampling.labels());
		assertArrayEquals(new long[] { 60, 80, 30 }, pre.dimensions());
		// a "prediction" without geometry, as a network writes it
		final Volume<? extends RealType<?>> prediction = pre.withGeometry(Geometry.identity());
		final Volume<? extends RealType<?>> back = chain.invert(prediction, Sampling.labels());
		assertEquals(labels.geometry(), back.geometry());
		assertArrayEquals(labels.dimensions(), back.dimensions());
		final float[] a = FloatVolumes.read(labels.data()), b = FloatVolumes.read(back.data());
		// the crop kept original x 5..34 (80 -> 60 upsampled voxels), all of y and z: exact there, background elsewhere
		for (int z = 0; z < 12; z++)
			for (int y = 0; y < 36; y++)
				for (int x = 0; x < 40; x++) {
					final int i = (z * 36 + y) * 40 + x;
					assertEquals(x >= 5 && x < 35 ? a[i] : 0, b[i], 0, "voxel " + x + "," + y + "," + z);
				}
	}

	@Test
	void mismatchedInputsAreRejected() {
		final SpatialChain chain = preprocessing(Grid.of(PHANTOM.labels()), 5);
		final Volume<? extends RealType<?>> wrong = PHANTOM.labels();
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> chain.invert(wrong, Sampling.labels()));
		assertTrue(e.getMessage().contains("spatial history ends on a 60x80x30 grid"), e.getMessage());
		final IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> SpatialChain.parse("plan source 1 2 3"));
		assertTrue(p.getMessage().startsWith("spatial history line 1 is malformed"), p.getMessage());
		final IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
			() -> chain.then(new Flip(true, true, true).plan(Grid.of(PHANTOM.labels()))));
		assertTrue(c.getMessage().contains("plans do not chain"), c.getMessage());
	}
}

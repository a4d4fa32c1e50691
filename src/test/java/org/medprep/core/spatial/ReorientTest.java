package org.medprep.core.spatial;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.testutil.TestVolumes;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.view.Views;

/**
 * Reorientation: agreement with nibabel's ornt_transform / apply_orientation / as_closest_canonical on the fixture of
 * src/test/resources/org/medprep/spatial/orientation/make_fixtures.py, and exact round trips for all 48 axis codes.
 */
class ReorientTest {

	private static final String DIR = "/org/medprep/spatial/orientation/";
	private static final long[] SHAPE = { 5, 4, 3 };

	@Test
	void thereAre48DistinctCodesThatParseBack() {
		final Set<String> codes = new HashSet<>();
		for (final Orientation o : Orientation.all()) {
			codes.add(o.code());
			assertEquals(o, Orientation.parse(o.code().toLowerCase()));
		}
		assertEquals(48, codes.size());
		assertEquals("LPS", Orientation.of(Geometry.identity()).code(), "MedPrep's identity direction is DICOM's LPS");
	}

	@Test
	void agreesWithNibabelForAll48Codes() {
		final Volume<ShortType> input = fixture();
		assertEquals("IRA", Orientation.of(input.geometry()).code(), "nibabel's aff2axcodes of the fixture");
		final short[] all = shorts(bytes("reoriented.i16"));
		final List<String> lines = dataLines("reoriented.txt");
		assertEquals(48, lines.size());
		final int n = (int) (SHAPE[0] * SHAPE[1] * SHAPE[2]);
		for (int c = 0; c < 48; c++) {
			final String[] f = lines.get(c).split(" ");
			final Volume<ShortType> out = new Reorient(Orientation.parse(f[0])).apply(input);
			final short[] expected = java.util.Arrays.copyOfRange(all, c * n, (c + 1) * n);
			assertArrayEquals(expected, values(out), "voxels for " + f[0]);
			assertEquals(f[0], Orientation.of(out.geometry()).code());
			final double[][] ras = rasAffine(out.geometry());
			for (int i = 0; i < 16; i++)
				assertEquals(Double.parseDouble(f[1 + i]), ras[i / 4][i % 4], 1e-12, f[0] + " affine element " + i);
		}
	}

	@Test
	void canonicalIsNibabelsClosestCanonical() {
		final Volume<ShortType> ras = new Reorient(Orientation.parse("RAS")).apply(fixture());
		final String[] f = text("canonical.txt").trim().split(" ");
		final double[][] a = rasAffine(ras.geometry());
		for (int i = 0; i < 16; i++) assertEquals(Double.parseDouble(f[i]), a[i / 4][i % 4], 1e-12);
	}

	/**
	 * Voxels, spacing and direction cosines come back bit for bit; the origin within 1e-12 mm, since the new first
	 * voxel's position is a floating-point sum ((o + v) - v may differ from o in the last bit).
	 */
	@Test
	void roundTripsAreExactForAll48CodesOnATranslatedObliquePhantom() {
		final double t = Math.toRadians(7);
		final Geometry oblique = Geometry.of(new double[] { 0.7, 0.9, 2.5 }, new double[] { -120.3, 33.7, -41.1 },
			new double[][] { { 0, Math.cos(t), -Math.sin(t) }, { 0, Math.sin(t), Math.cos(t) }, { -1, 0, 0 } });
		final Volume<ShortType> phantom = new CtPhantom(9, 8, 6, new double[] { 1, 1, 1 }, 30, 3).image();
		final Volume<ShortType> input = Volume.of(Views.translate(phantom.data(), TestVolumes.OFFSET), oblique);
		final Orientation original = Orientation.of(oblique);
		final short[] before = values(input);
		for (final Orientation o : Orientation.all()) {
			final Volume<ShortType> there = new Reorient(o).apply(input);
			assertEquals(o, Orientation.of(there.geometry()));
			assertSamePlaces(input, there);
			final Volume<ShortType> back = new Reorient(original).apply(there);
			assertArrayEquals(before, values(back), o.code());
			assertArrayEquals(input.dimensions(), back.dimensions());
			for (int d = 0; d < 3; d++) {
				assertEquals(input.geometry().spacing(d), back.geometry().spacing(d), 0, o.code());
				assertEquals(input.geometry().origin(d), back.geometry().origin(d), 1e-12, o.code());
				for (int r = 0; r < 3; r++) assertEquals(input.geometry().direction(r, d), back.geometry().direction(r, d), 0, o.code());
			}
		}
	}

	@Test
	void thePlanResamplesToTheSameVoxelsAndInverts() {
		final Volume<ShortType> input = fixture();
		for (final String code : new String[] { "RAS", "LPS", "PIR", "SLA" }) {
			final Reorient r = new Reorient(Orientation.parse(code));
			final SpatialPlan plan = r.plan(Grid.of(input));
			assertTrue(plan.target().sameSpace(Grid.of(r.apply(input)), 0));
			final Volume<? extends RealType<?>> resampled = plan.apply(input, Sampling.labels());
			assertArrayEquals(values(r.apply(input)), values(resampled), code);
			final Volume<? extends RealType<?>> back = SpatialChain.empty().then(plan).invert(resampled, Sampling.labels());
			assertArrayEquals(values(input), values(back), code);
		}
	}

	/**
	 * As a subject's spatial step (what the Reorient command does, fused or alone), the plan copies the voxels in
	 * their own type: doubles and 32-bit integers that a float cannot hold come through bit for bit, for all 48 codes,
	 * on an oblique, off-origin grid; fused with a flip it is still one exact copy.
	 */
	@Test
	void asASubjectStepTheVoxelsAreCopiedExactlyInTheirOwnType() {
		final double t = Math.toRadians(11);
		final Geometry oblique = Geometry.of(new double[] { 0.8, 1.1, 3 }, new double[] { 17.5, -4.25, 60 },
			new double[][] { { Math.cos(t), 0, Math.sin(t) }, { 0, -1, 0 }, { -Math.sin(t), 0, Math.cos(t) } });
		final int n = 5 * 4 * 3;
		final double[] d = new double[n];
		final int[] ints = new int[n];
		for (int i = 0; i < n; i++) {
			d[i] = 1e17 + 16 * i + Math.PI * i;
			ints[i] = (1 << 30) + 2 * i + 1;
		}
		final Volume<? extends RealType<?>> doubles = Volume.of(Views.translate(ArrayImgs.doubles(d, SHAPE), TestVolumes.OFFSET), oblique);
		final Volume<? extends RealType<?>> integers = Volume.of(ArrayImgs.ints(ints, SHAPE), oblique);
		for (final Orientation o : Orientation.all()) {
			final Reorient r = new Reorient(o);
			final SpatialStep step = SpatialStep.of(r.plan(Grid.of(doubles)), Sampling.labels(), Interpolation.NEAREST);
			final org.medprep.core.Subject moved = org.medprep.core.Subject.of("image", doubles).withLabel("ints", integers).transform(step);
			assertArrayEquals(TestVolumes.values(reoriented(r, doubles).data()), TestVolumes.values(moved.main().data()), 0, o.code());
			assertArrayEquals(TestVolumes.values(reoriented(r, integers).data()), TestVolumes.values(moved.volume("ints").data()), 0, o.code());
			assertTrue(net.imglib2.util.Util.getTypeFromInterval(moved.main().data()) instanceof net.imglib2.type.numeric.real.DoubleType, o.code());
			assertTrue(net.imglib2.util.Util.getTypeFromInterval(moved.volume("ints").data()) instanceof net.imglib2.type.numeric.integer.IntType, o.code());
			assertTrue(moved.grid().sameSpace(Grid.of(reoriented(r, doubles)), 0), o.code());
			// a flip after it: one resampling of both plans, still whole voxels
			final SpatialStep flip = SpatialStep.of(new Flip(true, false, true).plan(moved.grid()), Sampling.labels(), Interpolation.NEAREST);
			final org.medprep.core.Subject both = org.medprep.core.Subject.of("image", doubles).transform(step).transform(flip);
			final Volume<? extends RealType<?>> stepByStep = flip.applyToImage(reoriented(r, doubles));
			assertArrayEquals(TestVolumes.values(stepByStep.data()), TestVolumes.values(both.main().data()), 0, o.code() + " then a flip");
		}
		assertEquals(null, VoxelCopy.of(doubles, new ResampleToSpacing(new double[] { 1, 1, 1 }, false).plan(Grid.of(doubles)).target(),
			PhysicalAffine.identity()), "a new spacing is not a copy");
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Volume<? extends RealType<?>> reoriented(final Reorient r, final Volume<? extends RealType<?>> v) {
		return r.apply((Volume) v);
	}

	@Test
	void badCodesAreRefusedWithTheReason() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Orientation.parse("RA")).getMessage().contains("three letters"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Orientation.parse("RAX")).getMessage().contains("'X' is not one of"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Orientation.parse("RLS")).getMessage().contains("left-right axis twice"));
		assertThrows(IllegalArgumentException.class, () -> Orientation.parse(null));
	}

	/** Every voxel of {@code out} holds the input's value at the same physical point. */
	private static void assertSamePlaces(final Volume<ShortType> in, final Volume<ShortType> out) {
		final RandomAccess<ShortType> a = Views.zeroMin(in.data()).randomAccess(), b = out.data().randomAccess();
		final long[] n = out.dimensions();
		for (int z = 0; z < n[2]; z++)
			for (int y = 0; y < n[1]; y++)
				for (int x = 0; x < n[0]; x++) {
					final double[] idx = in.geometry().physicalToIndex(out.geometry().indexToPhysical(new double[] { x, y, z }));
					final long[] i = new long[3];
					for (int d = 0; d < 3; d++) {
						i[d] = Math.round(idx[d]);
						assertEquals(i[d], idx[d], 1e-9);
					}
					b.setPosition(new long[] { x, y, z });
					assertEquals(a.setPositionAndGet(i).get(), b.get().get());
				}
	}

	private static Volume<ShortType> fixture() {
		final String[] f = text("affine.txt").trim().split("\\s+");
		final double[][] ras = new double[4][4];
		for (int i = 0; i < 16; i++) ras[i / 4][i % 4] = Double.parseDouble(f[i]);
		final double[] spacing = new double[3], origin = new double[3];
		final double[][] dir = new double[3][3];
		for (int c = 0; c < 3; c++) {
			spacing[c] = Math.sqrt(ras[0][c] * ras[0][c] + ras[1][c] * ras[1][c] + ras[2][c] * ras[2][c]);
			for (int r = 0; r < 3; r++) dir[r][c] = (r < 2 ? -1 : 1) * ras[r][c] / spacing[c];
		}
		for (int r = 0; r < 3; r++) origin[r] = (r < 2 ? -1 : 1) * ras[r][3];
		return Volume.of(ArrayImgs.shorts(shorts(bytes("input.i16")), SHAPE), Geometry.of(spacing, origin, dir));
	}

	/** MedPrep's LPS geometry as nibabel's RAS affine. */
	private static double[][] rasAffine(final Geometry g) {
		final double[][] a = new double[4][4];
		for (int r = 0; r < 3; r++) {
			final double s = r < 2 ? -1 : 1;
			for (int c = 0; c < 3; c++) a[r][c] = s * g.direction(r, c) * g.spacing(c);
			a[r][3] = s * g.origin(r);
		}
		a[3][3] = 1;
		return a;
	}

	private static short[] values(final Volume<? extends RealType<?>> v) {
		final double[] d = TestVolumes.values(v.data());
		final short[] s = new short[d.length];
		for (int i = 0; i < d.length; i++) s[i] = (short) d[i];
		return s;
	}

	private static short[] shorts(final byte[] b) {
		final short[] s = new short[b.length / 2];
		ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
		return s;
	}

	private static List<String> dataLines(final String name) {
		final List<String> out = new ArrayList<>();
		for (final String l : text(name).split("\n"))
			if (!l.startsWith("#") && !l.isBlank()) out.add(l.trim());
		return out;
	}

	private static String text(final String name) {
		return new String(bytes(name), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(final String name) {
		try (InputStream in = ReorientTest.class.getResourceAsStream(DIR + name)) {
			if (in == null) throw new IllegalStateException("missing fixture " + DIR + name);
			return in.readAllBytes();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

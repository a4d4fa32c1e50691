package org.medprep.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medprep.core.ComputedPlanes;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.intensity.HuWindow;
import org.medprep.core.intensity.WindowOutput;
import org.medprep.io.Fixtures;
import org.medprep.io.storage.RasAffine;
import org.medprep.io.storage.StoredType;
import org.medprep.io.storage.VoxelType;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

class NiftiWriterTest {

	private static final Properties EXPECTED = Fixtures.properties(NiftiWriterTest.class, "expected.properties");

	@TempDir
	Path dir;

	/** The volume make_fixtures.py wrote with nibabel as writer_reference.nii. */
	static Volume<ShortType> referenceVolume() {
		final PlanarImg<ShortType, ?> img = PlanarImgs.shorts(7, 6, 5);
		int i = 0;
		for (final ShortType t : Views.flatIterable(img)) t.set((short) (-1000 + 11 * i++));
		final double[] rot = Fixtures.doubles(EXPECTED.getProperty("writer_reference.rotation"));
		final double[] spacing = { 0.75, 0.8, 2.0 };
		final double[][] ras = new double[4][4];
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++) ras[r][c] = rot[3 * r + c] * spacing[c];
		ras[0][3] = -100;
		ras[1][3] = 50;
		ras[2][3] = 25;
		ras[3][3] = 1;
		return Volume.of(img, RasAffine.toGeometry(ras));
	}

	@Test
	void headerMatchesNibabelFieldByField() throws Exception {
		final Path out = dir.resolve("medprep.nii");
		NiftiWriter.write(referenceVolume(), out);
		final ByteBuffer ours = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
		final ByteBuffer nib = ByteBuffer.wrap(Files.readAllBytes(NiftiReaderTest.fixture("writer_reference"))).order(ByteOrder.LITTLE_ENDIAN);
		assertEquals(nib.capacity(), ours.capacity(), "file length");
		assertEquals(nib.getInt(0), ours.getInt(0), "sizeof_hdr");
		for (int o = 40; o < 56; o += 2) assertEquals(nib.getShort(o), ours.getShort(o), "dim at " + o);
		assertEquals(nib.getShort(70), ours.getShort(70), "datatype");
		assertEquals(nib.getShort(72), ours.getShort(72), "bitpix");
		for (int o = 76; o < 108; o += 4) assertEquals(nib.getFloat(o), ours.getFloat(o), 1e-6, "pixdim at " + o);
		assertEquals(nib.getFloat(108), ours.getFloat(108), "vox_offset");
		assertEquals(nib.get(123), ours.get(123), "xyzt_units");
		assertEquals(nib.getShort(252), ours.getShort(252), "qform_code");
		assertEquals(nib.getShort(254), ours.getShort(254), "sform_code");
		for (int o = 256; o < 328; o += 4) assertEquals(nib.getFloat(o), ours.getFloat(o), 2e-5, "quaternion/qoffset/srow at " + o);
		assertEquals(nib.getInt(344), ours.getInt(344), "magic");
		// scl_slope: nibabel writes NaN, MedPrep 1 (ITK, dcm2niix); both mean no scaling
		assertEquals(1f, ours.getFloat(112));
		assertEquals(0f, ours.getFloat(116));
		final byte[] a = Arrays.copyOfRange(nib.array(), 352, nib.capacity());
		final byte[] b = Arrays.copyOfRange(ours.array(), 352, ours.capacity());
		assertArrayEquals(a, b, "voxel data");
	}

	@ParameterizedTest
	@ValueSource(strings = { "out.nii", "out.nii.gz", "out.hdr", "out.img.gz" })
	void roundTripKeepsValuesTypeAndGeometry(final String name) throws Exception {
		final Volume<ShortType> v = referenceVolume();
		final Path out = dir.resolve(name);
		NiftiWriter.write(v, out);
		final NiftiImage back = NiftiReader.read(out);
		assertEquals(VoxelType.INT16, back.storedType());
		assertArrayEquals(Fixtures.values(v.data()), NiftiReaderTest.values(back.volume(0)), 0);
		assertTrue(v.geometry().sameSpace(back.geometry(), 1e-5), v.geometry() + " vs " + back.geometry());
		assertEquals(noTemporaryFiles(), List.of(), "temporary files left");
	}

	@Test
	void float32AndFourD() throws Exception {
		final Volume<ShortType> v = referenceVolume();
		final Path out = dir.resolve("four.nii.gz");
		NiftiWriter.write(List.of(v, v, v), out, StoredType.FLOAT32);
		final NiftiImage back = NiftiReader.read(out);
		assertEquals(VoxelType.FLOAT32, back.storedType());
		assertEquals(3, back.size());
		assertArrayEquals(Fixtures.values(v.data()), NiftiReaderTest.values(back.volume(2)), 0);
		assertEquals(4, back.header().dim()[0]);
	}

	@Test
	void leftHandedObliqueGeometryRoundTripsThroughTheQform() throws Exception {
		// qfac = -1 case; read back through the qform alone to check the quaternion
		final double c = Math.cos(0.3), s = Math.sin(0.3);
		final double[][] dir = { { c, -s, 0 }, { s, c, 0 }, { 0, 0, -1 } };
		final Geometry g = Geometry.of(new double[] { 0.5, 0.7, 3 }, new double[] { 10, -20, 30 }, dir);
		final Volume<FloatType> v = Volume.of(ArrayImgs.floats(4, 3, 2), g);
		final NiftiHeader h = NiftiWriter.header(v, 1, VoxelType.FLOAT32, true);
		assertEquals(-1, h.pixdim[0]);
		h.sformCode = 0;
		final Geometry back = RasAffine.toGeometry(NiftiTransforms.qform(dir(), h));
		assertTrue(g.sameSpace(back, 1e-6), g + " vs " + back);
	}

	@Test
	void wrongExtensionIsRefusedAndNothingIsWritten() throws Exception {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> NiftiWriter.write(referenceVolume(), dir.resolve("x.tif")));
		assertTrue(e.getMessage().contains("x.tif"), e.getMessage());
		assertEquals(List.of(), list());
	}

	@Test
	void failedWriteLeavesNoFileAndKeepsTheOldOne() throws Exception {
		final Path out = dir.resolve("old.nii");
		Files.write(out, new byte[] { 1, 2, 3 });
		// a volume whose data throws while being written
		final PlanarImg<ShortType, ?> img = PlanarImgs.shorts(4, 4, 4);
		final Volume<FloatType> failing = Volume.of(net.imglib2.converter.Converters.convert(
			(net.imglib2.RandomAccessibleInterval<ShortType>) img, (a, b) -> {
				throw new IllegalStateException("disk on fire");
			}, new FloatType()), Geometry.identity());
		assertThrows(IllegalStateException.class, () -> NiftiWriter.write(failing, out));
		assertArrayEquals(new byte[] { 1, 2, 3 }, Files.readAllBytes(out));
		assertEquals(List.of("old.nii"), list());
		assertThrows(IllegalStateException.class, () -> NiftiWriter.write(failing, dir.resolve("new.hdr")));
		assertEquals(List.of("old.nii"), list());
	}

	private Path dir() {
		return dir.resolve("x.nii");
	}

	private List<String> noTemporaryFiles() throws IOException {
		return list().stream().filter(n -> n.endsWith(".part")).collect(Collectors.toList());
	}

	private List<String> list() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	/** A float result not computed yet is written plane by plane as it is computed: same bytes, nothing kept. */
	@Test
	void aResultNotYetComputedIsWrittenAsItIsComputedToTheSameBytes() throws IOException {
		final PlanarImg<ShortType, ?> ct = PlanarImgs.shorts(6, 5, 4);
		int v = -1200;
		for (final ShortType t : ct) t.set((short) (v += 23));
		final Volume<ShortType> input = Volume.of(ct, Geometry.of(new double[] { 0.7, 0.7, 2.5 }, new double[] { -3, 4, 5 }));
		final Volume<?> streamed = new HuWindow(40, 400).apply(input, WindowOutput.FLOAT_UNIT);
		final Volume<?> computed = new HuWindow(40, 400).apply(input, WindowOutput.FLOAT_UNIT);
		ComputedPlanes.computeAll(computed.data());
		for (final String name : new String[] { "v.nii", "v.nii.gz" }) {
			final Path a = dir.resolve("streamed-" + name), b = dir.resolve("computed-" + name);
			NiftiWriter.write(streamed, a);
			NiftiWriter.write(computed, b);
			assertArrayEquals(Files.readAllBytes(b), Files.readAllBytes(a), name);
		}
		assertTrue(ComputedPlanes.pending(streamed.data()).isPresent(), "writing kept none of its planes");
		final float[] back = new float[120];
		int k = 0;
		for (final Object t : Views.flatIterable(NiftiReader.read(dir.resolve("streamed-v.nii.gz")).volume(0).data())) back[k++] = ((FloatType) t).get();
		assertEquals((float) new HuWindow(40, 400).unit(-1200 + 23 * 31), back[30]);
	}
}

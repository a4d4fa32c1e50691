package org.medprep.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.io.storage.ImageFormatException;
import org.medprep.io.storage.StoredType;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.view.Views;

class ImageFormatsTest {

	@TempDir
	Path dir;

	static Volume<ShortType> ct() {
		final RandomAccessibleInterval<ShortType> img = PlanarImgs.shorts(5, 4, 3);
		int i = 0;
		for (final ShortType t : Views.flatIterable(img)) t.set((short) (i++ * 37 - 1024));
		final double c = Math.cos(0.2), s = Math.sin(0.2);
		return Volume.of(img, Geometry.of(new double[] { 0.7, 0.7, 2.5 }, new double[] { -120, 80.5, 300 },
			new double[][] { { 1, 0, 0 }, { 0, c, -s }, { 0, s, c } }));
	}

	@SuppressWarnings("unchecked")
	static double[] values(final Volume<?> v) {
		return Fixtures.values((RandomAccessibleInterval<? extends RealType<?>>) (Object) v.data());
	}

	@ParameterizedTest
	@ValueSource(strings = { "a.nii", "a.nii.gz", "a.hdr", "A.IMG", "a.mha", "a.mhd", "a.hdr.gz" })
	void writeThenReadEveryFormat(final String name) throws Exception {
		final Volume<ShortType> v = ct();
		ImageFormats.write(v, dir.resolve(name));
		final Volume<?> back = ImageFormats.read(dir.resolve(name));
		assertArrayEquals(values(v), values(back), 0);
		assertEquals(ShortType.class, back.data().getType().getClass());
		assertTrue(v.geometry().sameSpace(back.geometry(), 1e-5), back.geometry().toString());
		assertTrue(ImageFormats.describe(dir.resolve(name)).size() > 5);
	}

	@Test
	void formatsByName() {
		assertEquals(ImageFormat.NII_GZ, ImageFormat.require(Paths.get("x/CT.NII.GZ")));
		assertEquals(ImageFormat.NII, ImageFormat.require(Paths.get("ct.nii")));
		assertEquals(ImageFormat.NIFTI_PAIR, ImageFormat.require(Paths.get("ct.img")));
		assertEquals(ImageFormat.MHD, ImageFormat.require(Paths.get("ct.mhd")));
		assertEquals(ImageFormat.NII_GZ, ImageFormat.fromLabel("nii.gz"));
		assertEquals(ImageFormat.MHA, ImageFormat.fromLabel(".mha"));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFormat.require(Paths.get("ct.tif")));
		assertTrue(e.getMessage().contains("ct.tif") && e.getMessage().contains(".mha"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> ImageFormats.write(ct(), dir.resolve("ct.dcm")));
	}

	@Test
	void fourD() throws Exception {
		final Path four = Fixtures.nifti("four_d");
		final ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFormats.read(four));
		assertTrue(e.getMessage().contains("3 volumes"), e.getMessage());
		final List<Volume<?>> all = ImageFormats.readAll(four);
		assertEquals(3, all.size());
		assertArrayEquals(values(all.get(2)), values(ImageFormats.read(four, 2)), 0);
		final Path out = dir.resolve("four.nii");
		ImageFormats.writeAll(all, out, StoredType.KEEP);
		assertEquals(3, ImageFormats.readAll(out).size());
		assertThrows(IllegalArgumentException.class, () -> ImageFormats.writeAll(all, dir.resolve("four.mha"), StoredType.KEEP));
	}

	@Test
	void niftiToMetaImageKeepsLpsGeometry() throws Exception {
		// RAS in the NIfTI, LPS in the MetaImage: the physical point of a voxel must not move
		final Volume<?> nii = ImageFormats.read(Fixtures.nifti("oblique_sform"));
		ImageFormats.write(nii, dir.resolve("o.mha"));
		final Volume<?> mha = ImageFormats.read(dir.resolve("o.mha"));
		final double[] index = { 2, 3, 4 };
		assertArrayEquals(nii.geometry().indexToPhysical(index), mha.geometry().indexToPhysical(index), 1e-9);
		// nibabel's affine maps (2,3,4) to RAS; LPS negates x and y
		final double[][] a = Fixtures.matrix4(Fixtures.niftiExpected().getProperty("oblique_sform.affine"));
		final double[] ras = new double[3];
		for (int r = 0; r < 3; r++) ras[r] = a[r][0] * 2 + a[r][1] * 3 + a[r][2] * 4 + a[r][3];
		assertArrayEquals(new double[] { -ras[0], -ras[1], ras[2] }, mha.geometry().indexToPhysical(index), 1e-4);
	}
}

package org.medprep.commands.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.measure.Calibration;
import ij.process.ShortProcessor;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.intensity.HuWindow;
import org.medprep.core.intensity.WindowOutput;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.testutil.TestVolumes;

import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.util.Util;

public class ImagePlusVolumesTest {

	/** A 2x2x2 CT as ImageJ's DICOM reader opens a signed CT with rescale slope 1, intercept -1024: raw + 32768 - 1024... */
	public static ImagePlus signedCt(final short[] storedSigned, final double intercept) {
		final ImageStack stack = new ImageStack(2, 2);
		for (int z = 0; z < 2; z++) {
			final short[] raw = new short[4];
			// ImageJ adds 32768 to signed stored values and shows them through a straight line
			for (int i = 0; i < 4; i++) raw[i] = (short) (storedSigned[z * 4 + i] + 32768);
			stack.addSlice(new ShortProcessor(2, 2, raw, null));
		}
		final ImagePlus imp = new ImagePlus("ct.dcm", stack);
		final Calibration cal = imp.getCalibration();
		cal.setFunction(Calibration.STRAIGHT_LINE, new double[] { -32768 + intercept, 1 }, "HU");
		cal.pixelWidth = 0.7;
		cal.pixelHeight = 0.7;
		cal.pixelDepth = 2.5;
		cal.setUnit("mm");
		return imp;
	}

	@Test
	void rawValuesAreSeenThroughTheCalibrationFunction() {
		// raw 32992 is -800 HU in a signed CT without intercept (the example)
		final ImagePlus imp = signedCt(new short[] { 224, 0, -1000, 1000, 2, 3, 4, 5 }, 0);
		assertEquals(32992, imp.getStack().getProcessor(1).get(0, 0));
		final Volume<? extends RealType<?>> v = ImagePlusVolumes.toVolume(imp);
		assertEquals(224 - 32768 + 32768 - 0, TestVolumes.values(v.data())[0], 0);
		assertTrue(Util.getTypeFromInterval(v.data()) instanceof IntType, "integer calibration stays integer");
		final ImagePlus minus800 = signedCt(new short[] { 224, 0, 0, 0, 0, 0, 0, 0 }, -1024);
		assertEquals(-800, TestVolumes.values(ImagePlusVolumes.toVolume(minus800).data())[0], 0);
		assertArrayEquals(new double[] { 0.7, 0.7, 2.5 }, v.geometry().spacing(), 1e-12);
	}

	@Test
	void ctSavedByImageJIsWindowedInHounsfieldUnits(@TempDir final Path dir) {
		final ImagePlus imp = signedCt(new short[] { 1184, 1024, 864, 1424, 0, 1064, 2000, -1000 }, -1024);
		final String file = dir.resolve("ct.tif").toString();
		assertTrue(new FileSaver(imp).saveAsTiffStack(file));
		final ImagePlus reopened = new Opener().openImage(file);
		final Volume<? extends RealType<?>> hu = ImagePlusVolumes.toVolume(reopened);
		assertArrayEquals(new double[] { 160, 0, -160, 400, -1024, 40, 976, -2024 }, TestVolumes.values(hu.data()), 0);
		final Volume<? extends RealType<?>> w = new HuWindow(40, 400).apply(hu, WindowOutput.FLOAT_UNIT);
		assertArrayEquals(new double[] { 0.8, 0.4, 0, 1, 0, 0.5, 1, 0 }, TestVolumes.values(w.data()), 1e-7);
	}

	@Test
	void floatStacksAreWrappedWithoutCopying() {
		final ImagePlus imp = new ImagePlus("f", new ij.process.FloatProcessor(3, 2, new float[] { 1, 2, 3, 4, 5, 6 }));
		final Volume<? extends RealType<?>> v = ImagePlusVolumes.toVolume(imp);
		assertTrue(v.data() instanceof PlanarImg);
		assertSame(imp.getStack().getPixels(1), ((PlanarImg<?, ?>) v.data()).getPlane(0).getCurrentStorageArray());
		final ImagePlus back = ImagePlusVolumes.toImagePlus(v, "back", imp);
		assertSame(imp.getStack().getPixels(1), back.getStack().getPixels(1));
	}

	@Test
	void geometryAndSignedDataSurviveTheRoundTrip(@TempDir final Path dir) {
		final Volume<?> ct = new CtPhantom(16, 16, 4, new double[] { 0.5, 0.6, 2 }, 5, 3).image();
		final double c = Math.cos(0.3), s = Math.sin(0.3);
		final Geometry oblique = Geometry.of(new double[] { 0.5, 0.6, 2 }, new double[] { -12.5, 40, 7 }, new double[][] { { c, 0, s }, { 0, 1, 0 }, { -s, 0, c } });
		final ImagePlus imp = ImagePlusVolumes.toImagePlus(ct.withGeometry(oblique), "ct", null);
		assertTrue(imp.getCalibration().isSigned16Bit());
		final String file = dir.resolve("ct.tif").toString();
		assertTrue(new FileSaver(imp).saveAsTiffStack(file));
		final Volume<? extends RealType<?>> back = ImagePlusVolumes.toVolume(new Opener().openImage(file));
		assertArrayEquals(TestVolumes.values(ct.data()), TestVolumes.values(back.data()), 0);
		assertEquals(oblique, back.geometry());
	}

	@Test
	void rejectsRgbAndMultiChannelImages() {
		final ImagePlus rgb = new ImagePlus("rgb", new ij.process.ColorProcessor(2, 2));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ImagePlusVolumes.toVolume(rgb)).getMessage().contains("grayscale"));
		final ImageStack st = new ImageStack(2, 2);
		st.addSlice(new ij.process.FloatProcessor(2, 2));
		st.addSlice(new ij.process.FloatProcessor(2, 2));
		final ImagePlus hyper = new ImagePlus("hyper", st);
		hyper.setDimensions(2, 1, 1);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ImagePlusVolumes.toVolume(hyper)).getMessage().contains("channels"));
	}

	@Test
	void micronCalibrationIsConvertedToMillimetres() {
		final ImagePlus imp = new ImagePlus("m", new ij.process.FloatProcessor(2, 2));
		imp.getCalibration().setUnit("µm");
		imp.getCalibration().pixelWidth = 500;
		imp.getCalibration().pixelHeight = 250;
		imp.getCalibration().pixelDepth = 1000;
		assertArrayEquals(new double[] { 0.5, 0.25, 1 }, ImagePlusVolumes.toVolume(imp).geometry().spacing(), 1e-12);
	}

}

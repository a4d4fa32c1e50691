package org.medprep.commands.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ShortProcessor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.testutil.HeadlessCommandTest;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.core.Volume;
import org.medprep.io.Fixtures;
import org.medprep.io.storage.VoxelType;
import org.medprep.io.nifti.NiftiImage;
import org.medprep.io.nifti.NiftiReader;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/** Import and export run headless through a real SciJava context, on the nibabel fixtures. */
class IoCommandsTest extends HeadlessCommandTest {

	private static final Properties EXPECTED = Fixtures.niftiExpected();

	@TempDir
	Path dir;

	private static ImagePlus importFile(final String options) {
		return (ImagePlus) invocation.run(commands.getCommand(ImportVolumeCommand.class.getName()), options, null).outputs().get("result");
	}

	private static void export(final ImagePlus imp, final String options) {
		invocation.run(commands.getCommand(ExportVolumeCommand.class.getName()), options, imp);
	}

	@SuppressWarnings("unchecked")
	private static double[] values(final Volume<?> v) {
		return Fixtures.values((RandomAccessibleInterval<? extends RealType<?>>) (Object) v.data());
	}

	@Test
	void importScaledNiftiGivesPhysicalValuesAndGeometry() {
		final Path file = Fixtures.nifti("int16_scaled");
		final ImagePlus imp = importFile("file=[" + file + "]");
		assertEquals("int16_scaled.nii", imp.getTitle());
		assertEquals(5, imp.getStackSize());
		assertEquals("mm", imp.getCalibration().getUnit());
		assertEquals(2.5, imp.getCalibration().pixelDepth, 0);
		final Volume<?> v = ImagePlusVolumes.toVolume(imp);
		assertArrayEquals(Fixtures.doubles(EXPECTED.getProperty("int16_scaled.values")), values(v), 0);
		// nibabel's RAS origin (120.5, 99.25, -40) is LPS (-120.5, -99.25, -40)
		assertArrayEquals(new double[] { -120.5, -99.25, -40 }, v.geometry().origin(), 1e-9);
		assertEquals(List.of("run(\"Import NIfTI/MetaImage\", \"file=" + file + " volume_index=-1\");"), HistoryStore.of(imp).lines());
	}

	@Test
	void fourDOpensAsHyperstackOrOneVolume() {
		final Path file = Fixtures.nifti("four_d");
		final ImagePlus all = importFile("file=[" + file + "]");
		assertEquals(3, all.getNFrames());
		assertEquals(5, all.getNSlices());
		assertTrue(all.isHyperStack());
		final double[] expected = Fixtures.doubles(EXPECTED.getProperty("four_d.values"));
		final ImagePlus one = importFile("file=[" + file + "] volume_index=2");
		assertEquals(1, one.getNFrames());
		assertArrayEquals(Arrays.copyOfRange(expected, 2 * 210, 3 * 210), values(ImagePlusVolumes.toVolume(one)), 0);
		// frame 3 of the hyperstack holds the same pixels
		final ImageStack s = all.getStack();
		for (int z = 1; z <= 5; z++)
			assertArrayEquals((short[]) one.getStack().getPixels(z), (short[]) s.getPixels(all.getStackIndex(1, z, 3)));
	}

	@Test
	void exportSignedCtKeepsInt16AndHu() throws Exception {
		final ImageStack stack = new ImageStack(2, 2);
		final short[] hu = { -1000, -500, 0, 40, 100, 400, 1000, 3000 };
		for (int z = 0; z < 2; z++) {
			final short[] raw = new short[4];
			for (int i = 0; i < 4; i++) raw[i] = (short) (hu[z * 4 + i] + 1024 + 32768); // stored = HU + 1024, signed, ImageJ offset
			stack.addSlice(new ShortProcessor(2, 2, raw, null));
		}
		final ImagePlus ct = new ImagePlus("ct", stack);
		final Calibration cal = ct.getCalibration();
		cal.setFunction(Calibration.STRAIGHT_LINE, new double[] { -32768 - 1024, 1 }, "HU");
		cal.pixelWidth = 0.7;
		cal.pixelHeight = 0.7;
		cal.pixelDepth = 2.5;
		cal.setUnit("mm");
		for (final String name : new String[] { "ct.nii.gz", "ct.mha" }) {
			final Path out = dir.resolve(name);
			export(ct, "file=[" + out + "] stored_type=keep");
			final ImagePlus back = importFile("file=[" + out + "]");
			assertArrayEquals(new double[] { -1000, -500, 0, 40, 100, 400, 1000, 3000 }, values(ImagePlusVolumes.toVolume(back)), 0, name);
		}
		final NiftiImage nii = NiftiReader.read(dir.resolve("ct.nii.gz"));
		assertEquals(VoxelType.INT16, nii.storedType());
		assertEquals(0.7, nii.geometry().spacing(0), 1e-6);
		export(ct, "file=[" + dir.resolve("f.nii") + "] stored_type=float32");
		assertEquals(VoxelType.FLOAT32, NiftiReader.read(dir.resolve("f.nii")).storedType());
	}

	@Test
	void failuresNameTheFileAndLeaveNothing() throws Exception {
		final Path missing = dir.resolve("missing.nii");
		final CommandFailedException e = assertThrows(CommandFailedException.class, () -> importFile("file=[" + missing + "]"));
		assertTrue(e.getMessage().contains("missing.nii") && e.getMessage().contains("not found"), e.getMessage());
		final ImagePlus ct = importFile("file=[" + Fixtures.nifti("float32") + "]");
		final CommandFailedException w = assertThrows(CommandFailedException.class, () -> export(ct, "file=[" + dir.resolve("x.png") + "]"));
		assertTrue(w.getMessage().contains("x.png"), w.getMessage());
		assertFalse(Files.list(dir).findAny().isPresent(), "no file written");
	}
}

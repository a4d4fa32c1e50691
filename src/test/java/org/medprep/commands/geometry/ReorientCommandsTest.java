package org.medprep.commands.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.ImageTitleService;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.core.spatial.Orientation;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.RealType;

/** Reorient and Resample to Reference through a real SciJava context, with a label map following by title. */
class ReorientCommandsTest extends HeadlessCommandTest {

	private static final CtPhantom PHANTOM = new CtPhantom(24, 22, 8, new double[] { 1.2, 1.1, 3 }, 5, 11);

	@AfterEach
	void forgetTitles() {
		context.service(ImageTitleService.class).clear();
	}

	private static ImagePlus image(final Volume<? extends RealType<?>> v, final String title) {
		final ImagePlus imp = ImagePlusVolumes.toImagePlus(v, title, null);
		context.service(ImageTitleService.class).register(title, imp);
		return imp;
	}

	private static CommandInvocation.Result run(final Class<?> command, final String options, final ImagePlus imp) {
		return invocation.run(commands.getCommand(command.getName()), options, imp);
	}

	private static double[] values(final Object imp) {
		return TestVolumes.values(ImagePlusVolumes.toVolume((ImagePlus) imp).data());
	}

	private static Geometry geometry(final Object imp) {
		return ImagePlusVolumes.toVolume((ImagePlus) imp).geometry();
	}

	@Test
	void reorientCarriesTheLabelMapAndInvertsExactly() {
		final ImagePlus ct = image(PHANTOM.image(), "ct");
		image(PHANTOM.labels(), "seg");
		final CommandInvocation.Result r = run(ReorientCommand.class, "orientation=PIR label=seg", ct);
		final ImagePlus out = (ImagePlus) r.outputs().get("result"), lab = (ImagePlus) r.outputs().get("label_result");
		assertNotNull(lab);
		assertEquals("PIR", Orientation.of(geometry(out)).code());
		assertEquals(22, out.getWidth(), "x now runs towards posterior (the input's y)");
		assertEquals(8, out.getHeight(), "y towards inferior (the input's 8 slices)");
		assertEquals(24, out.getStackSize());
		assertTrue(geometry(out).sameSpace(geometry(lab), 0));
		assertEquals(ct.getCalibration().isSigned16Bit(), out.getCalibration().isSigned16Bit(), "a signed CT stays signed 16-bit");
		assertTrue(HistoryStore.of(out).lines().get(0).startsWith("run(\"Reorient\", ") && HistoryStore.of(out).lines().get(0).contains("orientation=PIR"), HistoryStore.of(out).toString());
		context.service(ImageTitleService.class).register("pre", lab);
		final ImagePlus back = (ImagePlus) run(InvertSpatialHistoryCommand.class, "reference=pre interpolation=nearest", lab).outputs().get("result");
		assertArrayEquals(TestVolumes.values(PHANTOM.labels().data()), values(back), 0);
		assertTrue(geometry(back).sameSpace(PHANTOM.geometry(), 1e-9));
		final ImagePlus ctBack = (ImagePlus) run(ReorientCommand.class, "orientation=LPS", out).outputs().get("result");
		assertArrayEquals(values(ct), values(ctBack), 0);
	}

	@Test
	void resampleToReferenceTakesTheReferenceGrid() {
		final ImagePlus ct = image(PHANTOM.image(), "ct");
		image(PHANTOM.labels(), "seg");
		final ImagePlus ref = (ImagePlus) run(ResampleToSpacingCommand.class, "spacing_x=2 spacing_y=2 spacing_z=2", ct).outputs().get("result");
		context.service(ImageTitleService.class).register("ref", ref);
		final CommandInvocation.Result r = run(ResampleToReferenceCommand.class, "reference=ref interpolation=nearest label=seg fill=-1000", ct);
		final ImagePlus out = (ImagePlus) r.outputs().get("result"), lab = (ImagePlus) r.outputs().get("label_result");
		assertEquals(ref.getWidth(), out.getWidth());
		assertEquals(ref.getStackSize(), lab.getStackSize());
		assertTrue(geometry(out).sameSpace(geometry(ref), 1e-9));
		assertTrue(geometry(lab).sameSpace(geometry(ref), 1e-9));
		for (final double v : values(lab)) assertTrue(v >= 0 && v <= 4 && v == Math.rint(v), "label " + v);
		// onto its own grid: an identity, exactly
		final ImagePlus same = (ImagePlus) run(ResampleToReferenceCommand.class, "reference=ct interpolation=linear", ct).outputs().get("result");
		assertArrayEquals(values(ct), values(same), 0);
	}

	@Test
	void badInputGetsAClearMessage() {
		final ImagePlus ct = image(PHANTOM.image(), "ct");
		final CommandFailedException e = assertThrows(CommandFailedException.class, () -> run(ReorientCommand.class, "orientation=RAX", ct));
		assertEquals("Reorient: orientation code 'RAX': 'X' is not one of L, R, A, P, S, I", e.getMessage());
		final CommandFailedException m = assertThrows(CommandFailedException.class, () -> run(ResampleToReferenceCommand.class, "", ct));
		assertEquals("Resample to Reference: name the reference image (reference=<title>)", m.getMessage());
	}
}

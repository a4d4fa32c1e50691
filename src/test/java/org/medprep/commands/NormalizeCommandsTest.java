package org.medprep.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.ImageTitleService;
import org.medprep.testutil.HeadlessCommandTest;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.commands.intensity.CtDatasetFingerprintCommand;
import org.medprep.commands.intensity.CtDatasetNormalizeCommand;
import org.medprep.commands.intensity.FcmNormalizeCommand;
import org.medprep.commands.intensity.IntensityHistogramsCommand;
import org.medprep.commands.intensity.N4BiasCorrectionCommand;
import org.medprep.commands.intensity.NyulApplyCommand;
import org.medprep.commands.intensity.NyulTrainCommand;
import org.medprep.commands.intensity.WhiteStripeNormalizeCommand;
import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.phantom.BrainPhantom;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.core.phantom.ScannerResponse;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/** The intensity-normalization commands run headless through a real SciJava context on small phantoms. */
class NormalizeCommandsTest extends HeadlessCommandTest {

	private static final BrainPhantom PHANTOM = BrainPhantom.standard().withSize(40, 40, 32).withBias(0.1);

	@TempDir
	Path dir;

	@AfterEach
	void forget() {
		context.service(ImageTitleService.class).clear();
	}

	private static ImagePlus imp(final Volume<? extends RealType<?>> v, final String title) {
		return ImagePlusVolumes.toImagePlus(v, title, null);
	}

	private static CommandInvocation.Result run(final Class<?> command, final String options, final ImagePlus imp) {
		return invocation.run(commands.getCommand(command.getName()), options, imp);
	}

	private static double wmMean(final ImagePlus out) {
		final RandomAccessibleInterval<? extends RealType<?>> data = ImagePlusVolumes.toVolume(out).data();
		final List<double[]> sums = Planes.map(data, PHANTOM.labels().data(), (z, v, l) -> {
			double n = 0, s = 0;
			for (int i = 0; i < v.length; i++)
				if (l[i] == BrainPhantom.LABEL_WM) {
					n++;
					s += v[i];
				}
			return new double[] { n, s };
		});
		double n = 0, s = 0;
		for (final double[] p : sums) {
			n += p[0];
			s += p[1];
		}
		return s / n;
	}

	@Test
	void fcmNormalizeOnAT1AndFromAT1ReferenceOnAFlair() {
		final ImagePlus t1 = imp(PHANTOM.image(), "t1");
		final CommandInvocation.Result r = run(FcmNormalizeCommand.class, "tissue=[white matter] target=2", t1);
		assertEquals(2, wmMean((ImagePlus) r.outputs().get("result")), 0.04);
		assertTrue(((ImagePlus) r.outputs().get("membership")).getTitle().endsWith("wm-membership"));
		assertEquals("run(\"FCM Normalize\", \"mask=[voxels > 0] tissue=[white matter] mean=membership-weighted threshold=0.8 target=2.0 t1_reference=none seed=0\");",
			HistoryStore.of((ImagePlus) r.outputs().get("result")).lines().get(0));

		context.service(ImageTitleService.class).register("t1", t1);
		final ImagePlus flair = imp(PHANTOM.withMeans(150, 700, 500).image(), "flair");
		final ImagePlus out = (ImagePlus) run(FcmNormalizeCommand.class, "t1_reference=t1 mean=[membership above threshold]", flair).outputs().get("result");
		assertEquals(1, wmMean(out), 0.02);
	}

	@Test
	void whiteStripe() {
		final ImagePlus out = (ImagePlus) run(WhiteStripeNormalizeCommand.class, "width=0.05", imp(PHANTOM.image(), "t1")).outputs().get("result");
		final org.medprep.core.normalize.WhiteStripe ws = org.medprep.core.normalize.WhiteStripe.find(PHANTOM.image().data(),
			org.medprep.core.VoxelSelection.nonZero(), 0.05);
		assertEquals(wmMean(imp(ws.apply(PHANTOM.image()), "core")), wmMean(out), 1e-9);
		assertTrue(Math.abs(wmMean(out)) < 1, "WM mean within one stripe standard deviation of 0: " + wmMean(out));
	}

	@Test
	void nyulTrainThenApply() throws Exception {
		final ImageTitleService titles = context.service(ImageTitleService.class);
		titles.register("a", imp(PHANTOM.image(), "a"));
		titles.register("b", imp(PHANTOM.withScanner(new ScannerResponse(2, 30, 1.1)).withSeed(5).image(), "b"));
		final Path file = dir.resolve("nyul.json");
		run(NyulTrainCommand.class, "images=[a,b] standard_scale=[" + file + "]", null);
		assertTrue(Files.readString(file).contains("\"standard_scale\""));
		final ImagePlus out = (ImagePlus) run(NyulApplyCommand.class, "standard_scale=[" + file + "]", titles.find("b")).outputs().get("result");
		assertTrue(wmMean(out) > 50 && wmMean(out) < 100, "WM on the standard scale: " + wmMean(out));
		assertEquals("run(\"Nyul Apply\", \"standard_scale=" + file + " mask=[voxels > 0]\");", HistoryStore.of(out).lines().get(0));

		final RuntimeException e = assertThrows(RuntimeException.class,
			() -> run(NyulApplyCommand.class, "standard_scale=[" + dir.resolve("missing.json") + "]", titles.find("a")));
		assertEquals("Nyul Apply: standard scale file not found: " + dir.resolve("missing.json"), e.getMessage());
	}

	@Test
	void ctFingerprintThenNormalize() throws Exception {
		final CtPhantom ct = new CtPhantom(32, 32, 8, new double[] { 0.8, 0.8, 3 }, 10, 2);
		final ImageTitleService titles = context.service(ImageTitleService.class);
		titles.register("ct", imp(ct.image(), "ct"));
		titles.register("seg", imp(ct.labels(), "seg"));
		final Path file = dir.resolve("fp.json");
		run(CtDatasetFingerprintCommand.class, "images=ct labels=seg samples_per_case=10000 fingerprint=[" + file + "]", null);
		assertTrue(Files.readString(file).contains("percentile_99_5"));
		final ImagePlus out = (ImagePlus) run(CtDatasetNormalizeCommand.class, "fingerprint=[" + file + "]", titles.find("ct")).outputs().get("result");
		assertEquals(ImagePlus.GRAY32, out.getType());
	}

	@Test
	void n4OutputsTheCorrectedImageAndTheField() {
		final ImagePlus t1 = imp(PHANTOM.image(), "t1");
		final CommandInvocation.Result r = run(N4BiasCorrectionCommand.class, "shrink_factor=2 iterations=5,5", t1);
		final ImagePlus field = (ImagePlus) r.outputs().get("bias_field");
		assertEquals(t1.getStackSize(), field.getStackSize());
		final RuntimeException e = assertThrows(RuntimeException.class, () -> run(N4BiasCorrectionCommand.class, "iterations=50,x", t1));
		assertTrue(e.getMessage().contains("iterations must be comma-separated whole numbers"), e.getMessage());
	}

	@Test
	void intensityHistogramsBeforeAndAfter() {
		final ImageTitleService titles = context.service(ImageTitleService.class);
		titles.register("a", imp(PHANTOM.image(), "a"));
		titles.register("b", imp(PHANTOM.withScanner(new ScannerResponse(2, 30, 1.1)).image(), "b"));
		titles.register("a-n", imp(PHANTOM.image(), "a-n"));
		titles.register("b-n", imp(PHANTOM.image(), "b-n"));
		final ImagePlus plot = (ImagePlus) run(IntensityHistogramsCommand.class, "images=[a,b] images_after=[a-n,b-n] width=400 height=200", null)
			.outputs().get("plot");
		assertEquals(ImagePlus.COLOR_RGB, plot.getType());
		assertEquals(400, plot.getWidth());
		assertEquals(400, plot.getHeight());
	}
}

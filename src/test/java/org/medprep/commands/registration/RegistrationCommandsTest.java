package org.medprep.commands.registration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.bench.RegistrationCase;
import org.medprep.bench.RegistrationCases;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.geometry.InvertSpatialHistoryCommand;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.ImageTitleService;
import org.medprep.core.History;
import org.medprep.core.Volume;
import org.medprep.core.phantom.MultimodalHeadPhantom;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.io.transform.TransformFiles;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.RealType;

/** Register Images and Apply Transform headless through a real SciJava context, as a macro or Fiji runs them. */
class RegistrationCommandsTest extends HeadlessCommandTest {

	private static final RegistrationCase CASE = RegistrationCases.rigid(4);
	/** 4.8 mm voxels: the accuracy is checked in core; here that the command gets it (under half a voxel). */
	private static final String QUICK = "transform=rigid levels=3 iterations=100 seed=21";

	@TempDir
	Path dir;

	@AfterEach
	void forgetTitles() {
		context.service(ImageTitleService.class).clear();
	}

	private static ImagePlus named(final Volume<?> v, final String title) {
		@SuppressWarnings("unchecked")
		final ImagePlus imp = ImagePlusVolumes.toImagePlus((Volume<? extends RealType<?>>) (Object) v, title, null);
		context.service(ImageTitleService.class).register(title, imp);
		return imp;
	}

	private static CommandInvocation.Result run(final Class<?> command, final String options, final ImagePlus active) {
		return invocation.run(commands.getCommand(command.getName()), options, active);
	}

	private static double[] values(final Object imp) {
		return TestVolumes.values(ImagePlusVolumes.toVolume((ImagePlus) imp).data());
	}

	/** The transform a registered image's history holds. */
	private static PhysicalAffine transformOf(final ImagePlus imp) {
		return RegistrationHistory.latest(HistoryStore.of(imp), imp.getTitle()).transform();
	}

	private static String lastLine(final ImagePlus imp) {
		final List<String> lines = HistoryStore.of(imp).lines();
		return lines.get(lines.size() - 1);
	}

	@Test
	void registersT2ontoT1WithTheLabelMapTheTransformFileAndAPreview() throws Exception {
		named(CASE.fixed(), "t1");
		final ImagePlus t2 = named(CASE.moving(), "t2");
		named(MultimodalHeadPhantom.foreground(CASE.movingGrid(), CASE.truth().inverse()), "head");
		final Path tfm = dir.resolve("t2-to-t1.tfm");
		final CommandInvocation.Result r = run(RegisterImagesCommand.class, "fixed=t1 moving=t2 label=head " + QUICK + " transform_file=" + tfm, t2);
		final ImagePlus out = (ImagePlus) r.outputs().get("result");
		assertEquals("t2-registered", out.getTitle());
		assertTrue(Grid.of(ImagePlusVolumes.toVolume(out)).sameSpace(CASE.fixedGrid(), 1e-9), "the result lies on the fixed grid");
		assertTrue(CASE.meanTargetRegistrationError(transformOf(out)) < 2.4, "mean TRE " + CASE.meanTargetRegistrationError(transformOf(out)));
		// the file says the same as the history, and so does the output object
		final PhysicalAffine written = TransformFiles.read(tfm).transform();
		for (int row = 0; row < 3; row++) assertArrayEquals(transformOf(out).matrix()[row], written.matrix()[row], 1e-9);
		assertEquals(new String(Files.readAllBytes(tfm)), r.outputs().get("registration").toString());
		assertEquals("tfm", ((RegistrationTransform) r.outputs().get("registration")).extension());
		// the label map moved the same way, with no new values, and carries the same history
		final ImagePlus label = (ImagePlus) r.outputs().get("label_result");
		for (final double v : values(label)) assertTrue(v == 0 || v == 1, "label value " + v);
		assertTrue(Grid.of(ImagePlusVolumes.toVolume(label)).sameSpace(CASE.fixedGrid(), 1e-9));
		assertEquals(HistoryStore.of(out), HistoryStore.of(label));
		final ImagePlus preview = (ImagePlus) r.outputs().get("preview_image");
		assertEquals("t2-t1-checkerboard", preview.getTitle());
		assertEquals(ImagePlus.GRAY32, preview.getType());
		// the history records the seed and what was found, and replays to the same voxels
		final History.Step step = HistoryStore.of(out).steps().get(HistoryStore.of(out).size() - 1);
		final String line = step.line();
		assertTrue(line.startsWith("run(\"Register Images\", \"") && line.contains("seed=21") && line.contains("fixed=t1"), line);
		assertTrue(step.drawn().containsKey("parameters") && step.drawn().containsKey("centre_mm"), step.drawn().toString());
		final String options = line.substring(line.indexOf(", \"") + 3, line.lastIndexOf("\")")).replace("transform_file=" + tfm, "");
		assertArrayEquals(values(out), values(run(RegisterImagesCommand.class, options, t2).outputs().get("result")), 0);
	}

	@Test
	void anEmptySeedIsDrawnAndRecordedAndTheRecordedSeedReplaysTheTransform() {
		named(CASE.fixed(), "t1");
		final ImagePlus t2 = named(CASE.moving(), "t2");
		final ImagePlus out = (ImagePlus) run(RegisterImagesCommand.class, "fixed=t1 transform=rigid levels=2 iterations=40 preview=none seed=", t2).outputs()
			.get("result");
		final String line = lastLine(out);
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile("seed=(\\d+)").matcher(line);
		assertTrue(m.find(), line);
		final ImagePlus again = (ImagePlus) run(RegisterImagesCommand.class, "fixed=t1 transform=rigid levels=2 iterations=40 preview=none seed=" + m.group(1), t2)
			.outputs().get("result");
		assertArrayEquals(transformOf(out).matrix()[0], transformOf(again).matrix()[0], 0);
		assertArrayEquals(values(out), values(again), 0);
	}

	@Test
	void applyTransformMovesFurtherImagesAndInvertSpatialHistoryUndoesIt() throws Exception {
		named(CASE.fixed(), "t1");
		final ImagePlus t2 = named(CASE.moving(), "t2");
		final ImagePlus head = named(MultimodalHeadPhantom.foreground(CASE.movingGrid(), CASE.truth().inverse()), "head");
		final CommandInvocation.Result r = run(RegisterImagesCommand.class, "fixed=t1 label=head label_method=nearest preview=none " + QUICK, t2);
		final ImagePlus out = (ImagePlus) r.outputs().get("result");
		assertNull(r.outputs().get("preview_image"));
		context.service(ImageTitleService.class).register("t2-registered", out);
		// the label map through Apply Transform, from the registered image's history: the same voxels as Register's label output
		final ImagePlus moved = (ImagePlus) run(ApplyTransformCommand.class, "registered=t2-registered interpolation=nearest", head).outputs().get("result");
		assertArrayEquals(values(r.outputs().get("label_result")), values(moved), 0);
		assertTrue(lastLine(moved).startsWith("run(\"Apply Transform\""), lastLine(moved));
		// a further image with a label map of its grid: both follow in one step (the label as a label map, nearest)
		final CommandInvocation.Result both = run(ApplyTransformCommand.class, "registered=t2-registered label=head interpolation=linear", t2);
		assertArrayEquals(values(out), values(both.outputs().get("result")), 0);
		assertArrayEquals(values(moved), values(both.outputs().get("label_result")), 0);
		// the same from an elastix parameter file (which names the fixed grid) and from an ITK file with the fixed image named
		final Path txt = dir.resolve("TransformParameters.0.txt"), tfm = dir.resolve("t.tfm");
		((RegistrationTransform) r.outputs().get("registration")).write(txt);
		((RegistrationTransform) r.outputs().get("registration")).write(tfm);
		assertArrayEquals(values(moved), values(run(ApplyTransformCommand.class, "interpolation=nearest transform_file=" + txt, head).outputs().get("result")), 0);
		assertArrayEquals(values(moved),
			values(run(ApplyTransformCommand.class, "interpolation=nearest fixed=t1 transform_file=" + tfm, head).outputs().get("result")), 0);
		final String noGrid = assertThrows(CommandFailedException.class, () -> run(ApplyTransformCommand.class, "transform_file=" + tfm, head)).getMessage();
		assertTrue(noGrid.contains("name the fixed image"), noGrid);
		// Invert Spatial History brings the registered T2 back onto its own grid, where it matches the original (twice interpolated)
		final ImagePlus back = (ImagePlus) run(InvertSpatialHistoryCommand.class, "interpolation=linear", out).outputs().get("result");
		assertTrue(Grid.of(ImagePlusVolumes.toVolume(back)).sameSpace(CASE.movingGrid(), 1e-9));
		final double[] a = values(back), b = values(t2), mask = values(head);
		double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
		int n = 0;
		for (int i = 0; i < a.length; i++)
			if (mask[i] != 0 && a[i] != 0) {
				sa += a[i];
				sb += b[i];
				saa += a[i] * a[i];
				sbb += b[i] * b[i];
				sab += a[i] * b[i];
				n++;
			}
		final double correlation = (sab - sa * sb / n) / Math.sqrt((saa - sa * sa / n) * (sbb - sb * sb / n));
		assertTrue(n > 1000 && correlation > 0.8, n + " voxels, correlation " + correlation);
		// exactly the inverse of the registration's plan applied to the result
		final SpatialPlan plan = SpatialPlan.of(CASE.movingGrid(), CASE.fixedGrid(), transformOf(out));
		final Volume<?> expected = plan.inverse().apply(ImagePlusVolumes.toVolume(out), Sampling.linear());
		assertArrayEquals(TestVolumes.values(expected.data()), a, 1e-3);
	}

	@Test
	void badInputGetsOneMessageAndNoOutput() {
		final ImagePlus t1 = named(CASE.fixed(), "t1");
		final String same = assertThrows(CommandFailedException.class, () -> run(RegisterImagesCommand.class, "fixed=t1 " + QUICK, t1)).getMessage();
		assertTrue(same.contains("the fixed and the moving image are the same image ('t1')"), same);
		final ImagePlus flat = named(Volume.of(net.imglib2.img.array.ArrayImgs.floats(CASE.movingGrid().size()), CASE.movingGrid().geometry()), "flat");
		final String constant = assertThrows(CommandFailedException.class, () -> run(RegisterImagesCommand.class, "fixed=t1 " + QUICK, flat)).getMessage();
		assertTrue(constant.contains("moving image is constant"), constant);
		final String missing = assertThrows(CommandFailedException.class, () -> run(RegisterImagesCommand.class, "fixed=nowhere " + QUICK, flat)).getMessage();
		assertTrue(missing.contains("nowhere"), missing);
		final String badFile = assertThrows(CommandFailedException.class,
			() -> run(RegisterImagesCommand.class, "fixed=t1 transform_file=" + dir.resolve("t.mat") + " " + QUICK, flat)).getMessage();
		assertTrue(badFile.contains("must end in .tfm (ITK) or .txt"), badFile);
		final String noTransform = assertThrows(CommandFailedException.class, () -> run(ApplyTransformCommand.class, "", flat)).getMessage();
		assertTrue(noTransform.contains("give a registered image"), noTransform);
		final String notRegistered = assertThrows(CommandFailedException.class, () -> run(ApplyTransformCommand.class, "registered=t1", flat)).getMessage();
		assertTrue(notRegistered.contains("carries no registration"), notRegistered);
		assertTrue(HistoryStore.of(flat).isEmpty());
		assertTrue(!Files.exists(dir.resolve("t.mat")));
	}
}

package org.medprep.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.io.FileSaver;
import ij.plugin.frame.Recorder;

import java.awt.Choice;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.GeneratedFiles;
import org.medprep.commands.ImagePlusVolumes;
import org.medprep.core.VoxelSelection;
import org.medprep.core.intensity.HuWindow;
import org.medprep.core.intensity.WindowOutput;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.core.stats.IntensityStatistics;

/**
 * The ImageJ 1.x bridge driven for real: ImageJ builds its menus from a plugin
 * jar holding MedPrep's plugins.config, a macro runs a command in batch mode,
 * and an interactive run with the Recorder open records Fiji's line. Needs a
 * display (Xvfb); CI sets medprep.requireDisplayTests so these never skip there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ij1BridgeTest {

	@TempDir
	static Path dir;
	private static ImageJ imagej;

	@BeforeAll
	static void startImageJ() throws IOException {
		if (GraphicsEnvironment.isHeadless()) {
			if (Boolean.getBoolean("medprep.requireDisplayTests")) fail("ImageJ 1.x display tests required but there is no display (run under xvfb-run)");
			Assumptions.abort("no display: ImageJ 1.x menu tests skipped (run under xvfb-run)");
		}
		final Path plugins = Files.createDirectories(dir.resolve("plugins"));
		// the standalone jar's plugins.config; the classes themselves come from the test class path
		try (OutputStream out = Files.newOutputStream(plugins.resolve("MedPrep_.jar")); JarOutputStream jar = new JarOutputStream(out)) {
			jar.putNextEntry(new JarEntry("plugins.config"));
			jar.write(Files.readAllBytes(GeneratedFiles.projectDir().resolve("src/main/ij1/plugins.config")));
			jar.closeEntry();
		}
		System.setProperty("plugins.dir", plugins.toString());
		imagej = new ImageJ(ImageJ.NO_SHOW);
	}

	@AfterAll
	static void stopImageJ() {
		if (imagej == null) return;
		WindowManager.closeAllWindows();
		if (Recorder.getInstance() != null) Recorder.getInstance().close();
		imagej.exitWhenQuitting(false);
		imagej.quit();
	}

	@Test
	@Order(1)
	void menusListTheCommands() {
		assertEquals("org.medprep.ij1.MedPrepPlugIn(\"org.medprep.commands.intensity.HuWindowCommand\")", Menus.getCommands().get("HU Window"));
		assertNotNull(Menus.getCommands().get("Percentile Clip"));
	}

	@Test
	@Order(2)
	void macroInBatchModeGivesTheExpectedStatistics() throws IOException {
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(new CtPhantom(48, 48, 6, new double[] { 1, 1, 2 }, 10, 5).image(), "ct", null);
		final Path file = dir.resolve("ct.tif");
		assertTrue(new FileSaver(ct).saveAsTiffStack(file.toString()));
		final String macro = "setBatchMode(true);\n" + "open('" + file + "');\n"
			+ "run(\"HU Window\", \"level=40 width=400 output=[float 0-1]\");\n"
			+ "Stack.getStatistics(n, mean, min, max, std);\n" + "title = getTitle();\n" + "close('*');\n"
			+ "return title + ' ' + n + ' ' + d2s(mean, 9) + ' ' + min + ' ' + max;";
		final String result = IJ.runMacro(macro);
		final IntensityStatistics expected = IntensityStatistics.of(
			new HuWindow(40, 400).apply(ImagePlusVolumes.toVolume(ct), WindowOutput.FLOAT_UNIT).data(), VoxelSelection.all());
		final String[] parts = result.split(" ");
		assertEquals("ct-window", parts[0]);
		assertEquals(48 * 48 * 6, Long.parseLong(parts[1]));
		assertEquals(expected.mean(), Double.parseDouble(parts[2]), 1e-7);
		assertEquals(0, Double.parseDouble(parts[3]), 0);
		assertEquals(1, Double.parseDouble(parts[4]), 0);
	}

	@Test
	@Order(3)
	void interactiveRunRecordsTheLineFijiWould() throws Exception {
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(new CtPhantom(32, 32, 4, new double[] { 1, 1, 2 }, 0, 5).image(), "ct-interactive", null);
		ct.show();
		waitFor(() -> WindowManager.getCurrentImage() == ct, "the image to show");
		final Recorder recorder = new Recorder();
		waitFor(() -> Recorder.record, "the Recorder to open");
		IJ.doCommand("HU Window");
		final GenericDialog[] dialog = new GenericDialog[1];
		waitFor(() -> (dialog[0] = openDialog("HU Window")) != null, "the HU Window dialog");
		EventQueue.invokeAndWait(() -> {
			((TextField) dialog[0].getNumericFields().get(0)).setText("50");
			((Choice) dialog[0].getChoices().get(0)).select("8-bit 0-255");
			dialog[0].actionPerformed(new ActionEvent(dialog[0].getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
		});
		final String expected = "run(\"HU Window\", \"level=50.0 width=400.0 output=[8-bit 0-255] preset=custom\");";
		waitFor(() -> recorder.getText().contains(expected), "the recorded line; Recorder has:\n" + recorder.getText());
		waitFor(() -> WindowManager.getImage("ct-interactive-window") != null, "the output image");
		final ImagePlus out = WindowManager.getImage("ct-interactive-window");
		assertEquals(ImagePlus.GRAY8, out.getType());
		// soft tissue (40 HU) in W400 L50: (40 + 150) / 400 * 255 = 121.1
		assertEquals(121, out.getStack().getProcessor(2).get(16, 16));
	}

	/**
	 * A whole session clicked in the ImageJ UI with the Recorder open (import a CT and its
	 * label map, window, resample and one random affine with the label), whose Recorder
	 * text then runs unchanged as a pipeline on a folder of cases, each with its own draw.
	 */
	@Test
	@Order(4)
	void aRecordedSessionRunsUnchangedOnAFolder() throws Exception {
		WindowManager.closeAllWindows();
		final Path session = Files.createDirectories(dir.resolve("session"));
		final CtPhantom phantom = new CtPhantom(32, 28, 8, new double[] { 1, 1, 2.5 }, 5, 11);
		org.medprep.io.ImageFormats.write(phantom.image(), session.resolve("case001.nii.gz"));
		org.medprep.io.ImageFormats.write(phantom.labels(), session.resolve("case001_seg.nii.gz"));
		final Recorder recorder = Recorder.getInstance() != null ? Recorder.getInstance() : new Recorder();
		waitFor(() -> Recorder.record, "the Recorder to open");
		final int recordedBefore = recorder.getText().length();

		click(org.medprep.commands.io.ImportVolumeCommand.class, "Import NIfTI/MetaImage", java.util.Map.of("file", session.resolve("case001.nii.gz").toString()));
		waitFor(() -> WindowManager.getImage("case001.nii.gz") != null, "the CT");
		click(org.medprep.commands.io.ImportVolumeCommand.class, "Import NIfTI/MetaImage",
			java.util.Map.of("file", session.resolve("case001_seg.nii.gz").toString()));
		waitFor(() -> WindowManager.getImage("case001_seg.nii.gz") != null, "the label map");
		activate("case001.nii.gz");
		click(org.medprep.commands.intensity.HuWindowCommand.class, "HU Window", java.util.Map.of("preset", "tutorial range (-1000 to 400)"));
		waitFor(() -> WindowManager.getImage("case001-window") != null, "the windowed CT; Recorder has:\n" + recorder.getText().substring(recordedBefore));
		activate("case001-window");
		click(org.medprep.commands.geometry.ResampleToSpacingCommand.class, "Resample to Spacing",
			java.util.Map.of("label", "case001_seg.nii.gz", "spacing_x", "1.5", "spacing_y", "1.5", "spacing_z", "2.5"));
		waitFor(() -> WindowManager.getImage("case001-window-resampled") != null && WindowManager.getImage("case001_seg-resampled") != null,
			"the resampled CT and label map");
		activate("case001-window-resampled");
		click(org.medprep.commands.augment.RandomAffineCommand.class, "Random Affine",
			java.util.Map.of("label", "case001_seg-resampled", "degrees_x", "0", "degrees_y", "0", "degrees_z", "20"));
		waitFor(() -> WindowManager.getImage("case001-window-resampled-raffine") != null, "the augmented CT");
		waitFor(() -> recorder.getText().contains("run(\"Random Affine\""), "the recorded Random Affine; Recorder has:\n" + recorder.getText());
		final String transcript = recorder.getText().substring(recordedBefore);
		WindowManager.closeAllWindows();
		assertTrue(transcript.startsWith("run(\"Import NIfTI/MetaImage\", \"file=" + session.resolve("case001.nii.gz") + " volume_index=-1\");\n"
			+ "run(\"Import NIfTI/MetaImage\", \"file=" + session.resolve("case001_seg.nii.gz") + " volume_index=-1\");\n"), transcript);
		assertTrue(transcript.contains("\nselectImage(\"case001-window-resampled\");\nrun(\"Random Affine\", \"label=case001_seg-resampled "), transcript);

		// the folder: three cases, the first two with identical voxels, so only their draws can tell them apart
		final Path ct = Files.createDirectories(dir.resolve("cases/ct")), seg = Files.createDirectories(dir.resolve("cases/seg"));
		for (final String name : new String[] { "p01", "p02", "p03" }) {
			final CtPhantom p = name.equals("p03") ? new CtPhantom(30, 26, 8, new double[] { 1.2, 1.2, 2 }, 5, 3) : phantom;
			org.medprep.io.ImageFormats.write(p.image(), ct.resolve(name + ".nii.gz"));
			org.medprep.io.ImageFormats.write(p.labels(), seg.resolve(name + ".nii.gz"));
		}
		final Path pipeline = Files.write(dir.resolve("session.ijm"), transcript.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		final java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
		final int code = org.medprep.cli.MedPrepCli.execute(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), "run", "--pipeline",
			pipeline.toString(), "-i", ct.toString(), "--label", "case001_seg.nii.gz=" + seg, "-o", dir.resolve("out").toString());
		assertEquals(0, code, "transcript:\n" + transcript + "\n" + err);
		assertTrue(out.toString().startsWith("3 case(s), 0 failed"), out.toString());
		assertTrue(err.toString().contains("line 1: \"Import NIfTI/MetaImage\" is the case input"), err.toString());
		assertTrue(err.toString().contains("label=case001_seg-resampled is the transformed 'case001_seg.nii.gz'"), err.toString());
		final Path o = dir.resolve("out");
		assertTrue(!java.util.Arrays.equals(values(o.resolve("p01.nii.gz")), values(o.resolve("p02.nii.gz"))), "identical cases got the same draw");
		// the label map, a member of each case, is written under its name (the title the session gave it)
		final Path labels = o.resolve("case001_seg.nii.gz");
		assertTrue(!java.util.Arrays.equals(values(labels.resolve("p01.nii.gz")), values(labels.resolve("p02.nii.gz"))));
		for (final String name : new String[] { "p01", "p02", "p03" })
			for (final double l : values(labels.resolve(name + ".nii.gz")))
				assertTrue(l == Math.rint(l) && l >= 0 && l <= CtPhantom.LABEL_BONE, name + ": label " + l);
		final String[] history = org.medprep.io.ImageFormats.read(o.resolve("p02.nii.gz")).metadata().get(org.medprep.core.Volume.HISTORY).split("\n");
		assertTrue(java.util.Arrays.stream(history).anyMatch(l -> l.startsWith("run(\"Random Affine\", \"label=case001_seg.nii.gz")), String.join("\n", history));
	}

	/** Runs a command from the menu as a user does: its dialog filled with these values, the rest left as offered, then OK. */
	private static void click(final Class<?> command, final String title, final java.util.Map<String, String> values) throws Exception {
		final String recorded = "run(\"" + title + "\", \"";
		final int before = count(Recorder.getInstance().getText(), recorded);
		IJ.doCommand(title);
		final GenericDialog[] dialog = new GenericDialog[1];
		waitFor(() -> (dialog[0] = openDialog(title)) != null, "the " + title + " dialog");
		final org.scijava.command.CommandInfo info = Ij1Context.get().service(org.scijava.command.CommandService.class).getCommand(command.getName());
		EventQueue.invokeAndWait(() -> {
			int n = 0, s = 0, c = 0, b = 0;
			for (final org.scijava.module.ModuleItem<?> item : org.medprep.commands.CommandOptions.optionItems(info)) {
				final Class<?> t = item.getType();
				final String v = values.get(item.getName());
				if (t == double.class || t == int.class || t == long.class || t == float.class) {
					final TextField f = (TextField) dialog[0].getNumericFields().get(n++);
					if (v != null) f.setText(v);
				}
				else if (t == boolean.class) b++;
				else if (t == String.class && (item.getChoices() != null && !item.getChoices().isEmpty()
					|| item.getInitializer() != null && !item.getInitializer().isEmpty())) {
					final Choice ch = (Choice) dialog[0].getChoices().get(c++);
					if (v != null) ch.select(v);
				}
				else {
					final TextField f = (TextField) dialog[0].getStringFields().get(s++);
					if (v != null) f.setText(v);
				}
			}
			dialog[0].actionPerformed(new ActionEvent(dialog[0].getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
		});
		// a user waits for the command to finish (the Recorder writes its line then) before the next click
		waitFor(() -> count(Recorder.getInstance().getText(), recorded) > before, "the Recorder to write " + title);
	}

	private static int count(final String text, final String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
		return n;
	}

	@SuppressWarnings("unchecked")
	private static double[] values(final Path file) throws IOException {
		return org.medprep.testutil.TestVolumes.values(
			(net.imglib2.RandomAccessibleInterval<? extends net.imglib2.type.numeric.RealType<?>>) (Object) org.medprep.io.ImageFormats.read(file).data());
	}

	/** Clicks on an image window, as a user does before the next command. */
	private static void activate(final String title) throws Exception {
		final ImagePlus imp = WindowManager.getImage(title);
		final long end = System.currentTimeMillis() + 30_000;
		// windows shown a moment ago may still be activated by late window events: click until the choice holds
		do {
			EventQueue.invokeAndWait(() -> {
				imp.getWindow().toFront();
				WindowManager.setCurrentWindow(imp.getWindow());
			});
			Thread.sleep(300);
			EventQueue.invokeAndWait(() -> {});
		}
		while (WindowManager.getCurrentImage() != imp && System.currentTimeMillis() < end);
		assertTrue(WindowManager.getCurrentImage() == imp, "'" + title + "' did not become the current image");
	}

	private static GenericDialog openDialog(final String title) {
		for (final Window w : Window.getWindows())
			if (w instanceof GenericDialog && w.isShowing() && title.equals(((GenericDialog) w).getTitle())) return (GenericDialog) w;
		return null;
	}

	private interface Condition {
		boolean holds();
	}

	private static void waitFor(final Condition c, final String what) throws InterruptedException {
		final long end = System.currentTimeMillis() + 30_000;
		while (!c.holds()) {
			if (System.currentTimeMillis() > end) fail("timed out waiting for " + what);
			Thread.sleep(50);
		}
	}
}

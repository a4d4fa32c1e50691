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

	@Test
	@Order(6)
	void openAndDragAndDropReadNiftiAndMetaImageThroughMedPrep() throws IOException {
		final org.medprep.core.Volume<?> ct = new CtPhantom(24, 20, 6, new double[] { 0.7, 0.7, 3 }, 0, 2).image();
		for (final String name : new String[] { "open.nii.gz", "open.mha" }) {
			final Path file = dir.resolve(name);
			org.medprep.io.ImageFormats.write(ct, file);
			final ImagePlus imp = IJ.openImage(file.toString()); // File>Open, open() and drag and drop go through the same Opener
			assertNotNull(imp, name);
			assertEquals(name, imp.getTitle());
			assertEquals(6, imp.getStackSize());
			assertEquals(0.7, imp.getCalibration().pixelWidth, 1e-6); // NIfTI and MetaImage keep spacing as float32
			org.junit.jupiter.api.Assertions.assertArrayEquals(org.medprep.testutil.TestVolumes.values(ct.data()),
				org.medprep.testutil.TestVolumes.values(ImagePlusVolumes.toVolume(imp).data()), 0, name + ": HU values");
		}
	}

	/** Commands that need a file, folder or earlier state to do anything: OK on their defaults must say so in one line. */
	private static final java.util.Set<String> NEED_INPUT_FILES = java.util.Set.of("CT Dataset Fingerprint", "CT Dataset Normalize", "DICOM Anonymize",
		"DICOM Series Info", "Export 2D Slices", "Export NIfTI/MetaImage", "Import DICOM SEG", "Import DICOM Series", "Import NIfTI/MetaImage",
		"Import RTSTRUCT", "Intensity Histograms", "Invert Spatial History", "Nyul Apply", "Nyul Train");

	@Test
	@Order(4)
	void okOnEveryDialogWithItsDefaultsRunsOrSaysWhatIsMissing() throws Exception {
		final CtPhantom phantom = new CtPhantom(112, 112, 72, new double[] { 1.2, 1.2, 2.5 }, 10, 5);
		// NMF factorizes non-negative data (an MR pipeline): it gets the tissue map, the other commands the CT
		final ImagePlus tissue = ImagePlusVolumes.toImagePlus(phantom.labels(), "tissue-dialogs", null);
		tissue.show();
		tissue.setSlice(30);
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(phantom.image(), "ct-dialogs", null);
		ct.show();
		ct.setSlice(30);
		final Recorder recorder = Recorder.getInstance() != null ? Recorder.getInstance() : new Recorder();
		waitFor(() -> Recorder.record, "the Recorder to open");
		final Path shots = Files.createDirectories(GeneratedFiles.projectDir().resolve("target/screenshots"));
		final StringBuilder widths = new StringBuilder();
		final java.util.List<String> ran = new java.util.ArrayList<>();
		for (final org.scijava.command.CommandInfo info : new org.medprep.commands.CommandCatalog(
			Ij1Context.get().service(org.scijava.command.CommandService.class)).all())
		{
			final String label = org.medprep.commands.CommandOptions.label(info);
			final java.util.Set<Integer> before = imageIds();
			final String recordedBefore = recorder.getText();
			final ImagePlus input = label.startsWith("NMF") ? tissue : ct;
			IJ.selectWindow(input.getID());
			waitFor(() -> WindowManager.getCurrentImage() == input, "the input to be current");
			IJ.getErrorMessage(); // forget earlier errors
			IJ.doCommand(label);
			final GenericDialog[] dialog = new GenericDialog[1];
			waitFor(() -> (dialog[0] = openDialog(label)) != null, "the " + label + " dialog");
			final int width = dialog[0].getWidth();
			widths.append(label).append('\t').append(width).append(" x ").append(dialog[0].getHeight()).append('\n');
			if (width > 600 || label.equals("N4 Bias Correction") || label.equals("Resample to Spacing") || label.equals("Foreground Mask"))
				screenshot(dialog[0], shots.resolve("dialog-" + label.replace(' ', '_').replace('/', '_') + ".png"));
			assertTrue(width <= 720, label + "'s dialog is " + width + " px wide");
			EventQueue.invokeAndWait(() -> dialog[0].actionPerformed(new ActionEvent(dialog[0].getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK")));
			finish(label);
			final String error = IJ.getErrorMessage();
			final java.util.Set<Integer> added = imageIds();
			added.removeAll(before);
			if (NEED_INPUT_FILES.contains(label)) {
				assertNotNull(error, label + " with its defaults gave no message");
				assertTrue(!error.contains("Exception") && !error.contains("java."), label + ": " + error);
				assertEquals(recordedBefore, recorder.getText(), label + " failed but was recorded");
			}
			else {
				assertEquals(null, error, label + " failed with its defaults");
				assertTrue(!added.isEmpty(), label + " showed no image");
				final java.util.Set<String> titles = new java.util.HashSet<>();
				for (final int id : added) {
					final ImagePlus out = WindowManager.getImage(id);
					assertTrue(titles.add(out.getTitle()), label + ": two outputs titled " + out.getTitle());
					if (out.getStackSize() == ct.getStackSize()) assertEquals(30, out.getCurrentSlice(), label + " did not keep the slice");
				}
				assertTrue(recorder.getText().substring(recordedBefore.length()).contains("run(\"" + label + "\""), label + " was not recorded");
				ran.add(label);
			}
			for (final int id : added) WindowManager.getImage(id).close();
		}
		Files.write(shots.resolve("dialog-widths.txt"), widths.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertTrue(ran.size() >= 25, "ran " + ran);
		ct.close();
		tissue.close();
	}

	@Test
	@Order(5)
	void aFailedRunIsNotRecordedAndSaysWhy() throws Exception {
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(new CtPhantom(32, 32, 4, new double[] { 1, 1, 2 }, 0, 5).image(), "ct-fail", null);
		ct.show();
		waitFor(() -> WindowManager.getCurrentImage() == ct, "the image to show");
		final Recorder recorder = Recorder.getInstance() != null ? Recorder.getInstance() : new Recorder();
		waitFor(() -> Recorder.record, "the Recorder to open");
		final String recordedBefore = recorder.getText();
		IJ.getErrorMessage();
		IJ.doCommand("HU Window");
		final GenericDialog[] dialog = new GenericDialog[1];
		waitFor(() -> (dialog[0] = openDialog("HU Window")) != null, "the HU Window dialog");
		EventQueue.invokeAndWait(() -> {
			((TextField) dialog[0].getNumericFields().get(1)).setText("0");
			dialog[0].actionPerformed(new ActionEvent(dialog[0].getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
		});
		finish("HU Window");
		final String error = IJ.getErrorMessage();
		assertNotNull(error);
		assertTrue(error.contains("width must be > 0"), error);
		assertEquals(recordedBefore, recorder.getText());
		ct.close();
	}

	private static java.util.Set<Integer> imageIds() {
		final java.util.Set<Integer> ids = new java.util.HashSet<>();
		final int[] list = WindowManager.getIDList();
		if (list != null) for (final int id : list) ids.add(id);
		return ids;
	}

	/** ImageJ runs a menu command on a thread named after it. */
	private static boolean running(final String command) {
		for (final Thread t : Thread.getAllStackTraces().keySet())
			if (command.equals(t.getName()) && t.isAlive()) return true;
		return false;
	}

	/** Waits for a command's thread to end, closing the error message that holds it up, if any. */
	private static void finish(final String command) throws Exception {
		waitFor(() -> !running(command) || messageDialog() != null, command + " to finish");
		final Window message = messageDialog();
		if (message != null) EventQueue.invokeAndWait(message::dispose);
		waitFor(() -> !running(command), command + " to finish");
	}

	private static Window messageDialog() {
		for (final Window w : Window.getWindows())
			if (w instanceof ij.gui.MessageDialog && w.isShowing()) return w;
		return null;
	}

	private static void screenshot(final Window w, final Path png) throws Exception {
		EventQueue.invokeAndWait(() -> {});
		Thread.sleep(300);
		final java.awt.image.BufferedImage img = new java.awt.Robot().createScreenCapture(w.getBounds());
		javax.imageio.ImageIO.write(img, "png", png.toFile());
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

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

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
import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.imagej.ImagePlusVolumes;
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
		"DICOM Series Info", "Export 2D Slices", "Export NIfTI/MetaImage", "Export nnU-Net Dataset", "Import DICOM SEG", "Import DICOM Series", "Import NIfTI/MetaImage",
		"Import RTSTRUCT", "Intensity Histograms", "Invert Spatial History", "Nyul Apply", "Nyul Train", "Grid Aggregator", "Grid Sampler",
		"Label-Balanced Patches", "Remap Labels", "Remove Labels", "Apply Transform");

	/** Commands that work on label maps (and NMF on non-negative data): they get the phantom's tissue labels, the others its CT. */
	private static boolean onLabels(final String label, final org.scijava.command.CommandInfo info) {
		return label.startsWith("NMF") || info.getMenuPath().getMenuString().contains("Labels");
	}

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
		for (final org.scijava.command.CommandInfo info : new org.medprep.commands.engine.CommandCatalog(
			Ij1Context.get().service(org.scijava.command.CommandService.class)).all())
		{
			final String label = org.medprep.commands.engine.CommandCatalog.label(info);
			final java.util.Set<Integer> before = imageIds();
			final ImagePlus input = onLabels(label, info) ? tissue : ct;
			IJ.selectWindow(input.getID());
			waitFor(() -> WindowManager.getCurrentImage() == input, "the input to be current");
			// after the selection, which the Recorder writes as selectImage(...) when the input changes
			EventQueue.invokeAndWait(() -> {});
			final String recordedBefore = recorder.getText();
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
			else if (!makesImages(info)) {
				// a table is the result (Label Statistics): shown in its own window, titled after the command and the output
				assertEquals(null, error, label + " failed with its defaults");
				final String table = label + " " + info.outputs().iterator().next().getName();
				assertNotNull(WindowManager.getWindow(table), label + " showed no table '" + table + "'");
				assertTrue(recorder.getText().substring(recordedBefore.length()).contains("run(\"" + label + "\""), label + " was not recorded");
				final Window shown = WindowManager.getWindow(table);
				if (shown instanceof ij.text.TextWindow) ((ij.text.TextWindow) shown).close(false);
				else shown.dispose();
				ran.add(label);
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

	private static boolean makesImages(final org.scijava.command.CommandInfo info) {
		for (final org.scijava.module.ModuleItem<?> out : info.outputs())
			if (ImagePlus.class.isAssignableFrom(out.getType())) return true;
		return false;
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
		waitFor(() -> !running(command) || messageDialog() != null, () -> command + " to finish; " + whatShows(command));
		final Window message = messageDialog();
		if (message != null) EventQueue.invokeAndWait(message::dispose);
		waitFor(() -> !running(command), command + " to finish");
	}

	/** The windows on screen and where the command's thread is: what a timeout needs to be understood. */
	private static String whatShows(final String command) {
		final StringBuilder sb = new StringBuilder("windows:");
		for (final Window w : Window.getWindows())
			if (w.isShowing()) sb.append(' ').append(w.getClass().getSimpleName()).append(" '")
				.append(w instanceof java.awt.Dialog ? ((java.awt.Dialog) w).getTitle() : w instanceof java.awt.Frame ? ((java.awt.Frame) w).getTitle() : "").append('\'');
		for (final java.util.Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet())
			if (command.equals(e.getKey().getName()))
				for (int i = 0; i < Math.min(12, e.getValue().length); i++) sb.append("\n  at ").append(e.getValue()[i]);
		return sb.toString();
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

	/**
	 * A whole session clicked in the ImageJ UI with the Recorder open (import a CT and its
	 * label map, window, resample and one random affine with the label), whose Recorder
	 * text then runs unchanged as a pipeline on a folder of cases, each with its own draw.
	 */
	@Test
	@Order(7)
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
			for (final org.scijava.module.ModuleItem<?> item : org.medprep.commands.imagej.CommandOptions.optionItems(info)) {
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

	/**
	 * The command's dialog once it can be answered: showing, and the command's thread waiting in its modal
	 * loop. A modal dialog is showing a moment before that loop starts; closed in that moment, the loop
	 * starts after the close and waits for ever (the thread never leaves Dialog.show).
	 */
	private static GenericDialog openDialog(final String title) {
		if (!waitsInModalLoop(title)) return null;
		for (final Window w : Window.getWindows())
			if (w instanceof GenericDialog && w.isShowing() && title.equals(((GenericDialog) w).getTitle())) return (GenericDialog) w;
		return null;
	}

	/** True if the thread ImageJ runs {@code command} on (named after it) waits in a modal dialog's loop. */
	private static boolean waitsInModalLoop(final String command) {
		for (final java.util.Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
			if (!command.equals(e.getKey().getName())) continue;
			final Thread.State state = e.getKey().getState();
			if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) continue;
			for (final StackTraceElement f : e.getValue())
				if (f.getClassName().equals("java.awt.WaitDispatchSupport") && f.getMethodName().equals("enter")) return true;
		}
		return false;
	}

	private interface Condition {
		boolean holds();
	}

	private static void waitFor(final Condition c, final String what) throws InterruptedException {
		waitFor(c, () -> what);
	}

	private static void waitFor(final Condition c, final java.util.function.Supplier<String> what) throws InterruptedException {
		final long end = System.currentTimeMillis() + 30_000;
		while (!c.holds()) {
			if (System.currentTimeMillis() > end) fail("timed out waiting for " + what.get());
			Thread.sleep(50);
		}
	}
}

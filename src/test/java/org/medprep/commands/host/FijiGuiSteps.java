package org.medprep.commands.host;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.frame.Recorder;

import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.JSpinner;
import javax.swing.text.JTextComponent;

import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.phantom.CtPhantom;
import org.scijava.Context;

/** What a Fiji user does, step by step (see {@link FijiGuiDriver}). */
final class FijiGuiSteps {

	private FijiGuiSteps() {}

	static void run(final Context context, final Path shots) throws Exception {
		waitFor(() -> IJ.getInstance() != null, "the ImageJ 1.x window");
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(new CtPhantom(64, 64, 16, new double[] { 1, 1, 2 }, 0, 5).image(), "ct-gui", null);
		ct.show();
		ct.setSlice(9);
		waitFor(() -> WindowManager.getCurrentImage() == ct, "the CT window");
		final Recorder recorder = new Recorder();
		waitFor(() -> Recorder.record, "the Recorder");

		// a user runs HU Window from the menu, picks 8-bit in Fiji's dialog and presses OK
		IJ.doCommand("HU Window");
		JDialog dialog = waitForDialog("HU Window");
		screenshot(dialog, shots.resolve("fiji-dialog-HU_Window.png"));
		System.out.println("medprep-check dialog_width=" + dialog.getWidth());
		final JDialog d1 = dialog;
		EventQueue.invokeAndWait(() -> {
			selectChoice(d1, "8-bit 0-255");
			button(d1, "OK").doClick();
		});
		waitFor(() -> WindowManager.getImage("ct-gui-window") != null, "the HU Window output");
		final ImagePlus out = WindowManager.getImage("ct-gui-window");
		System.out.println("medprep-check output=" + out.getTitle() + " " + out.getBitDepth() + " slice " + out.getCurrentSlice());
		waitFor(() -> recorder.getText().contains("run(\"HU Window\""), "the recorded line");
		System.out.println("medprep-check recorded=" + lastLine(recorder.getText()));

		// the same with a width of 0: one message, nothing recorded
		IJ.selectWindow(ct.getID());
		waitFor(() -> WindowManager.getCurrentImage() == ct, "the CT window again");
		Thread.sleep(300);
		final String recordedBefore = recorder.getText(); // selectImage(...) of the line above is recorded too
		IJ.getErrorMessage();
		IJ.doCommand("HU Window");
		dialog = waitForDialog("HU Window");
		final JDialog d2 = dialog;
		EventQueue.invokeAndWait(() -> {
			setNumber(d2, 1, "0");
			button(d2, "OK").doClick();
		});
		waitFor(() -> messageDialog() != null, "the error message");
		final Window message = messageDialog();
		screenshot(message, shots.resolve("fiji-error-HU_Window.png"));
		EventQueue.invokeAndWait(message::dispose);
		System.out.println("medprep-check error=" + IJ.getErrorMessage());
		Thread.sleep(500);
		System.out.println("medprep-check recorded_after_failure=" + (recorder.getText().equals(recordedBefore) ? "nothing" : lastLine(recorder.getText())));

		// OK on a dialog whose default is NaN (Otsu's threshold): the same result as the default in a macro
		IJ.selectWindow(ct.getID());
		waitFor(() -> WindowManager.getCurrentImage() == ct, "the CT window for Foreground Mask");
		IJ.doCommand("Foreground Mask");
		final JDialog d3 = waitForDialog("Foreground Mask");
		screenshot(d3, shots.resolve("fiji-dialog-Foreground_Mask.png"));
		EventQueue.invokeAndWait(() -> button(d3, "OK").doClick());
		waitFor(() -> WindowManager.getImage("ct-gui-foreground") != null || messageDialog("Foreground Mask") != null, "the Foreground Mask output");
		final Window fgError = messageDialog("Foreground Mask");
		if (fgError != null) {
			System.out.println("medprep-check foreground_dialog=error " + IJ.getErrorMessage());
			EventQueue.invokeAndWait(fgError::dispose);
		}
		else {
			final ImagePlus mask = WindowManager.getImage("ct-gui-foreground");
			System.out.println("medprep-check foreground_dialog=" + new ij.process.StackStatistics(mask).mean);
		}

		// a batch-mode macro with a display sees the output as its current image
		final String title = IJ.runMacro("selectImage('ct-gui'); setBatchMode(true); run('Duplicate...', 'title=ct-batch duplicate');"
			+ " run('HU Window', 'level=40 width=400');"
			+ " t = getTitle() + ' ' + bitDepth(); setBatchMode(false); return t;".replace('\'', '"'));
		System.out.println("medprep-check batch_macro=" + title);
	}

	private static String lastLine(final String text) {
		final String[] lines = text.trim().split("\n");
		return lines[lines.length - 1];
	}

	private static JDialog waitForDialog(final String title) throws InterruptedException {
		final JDialog[] found = new JDialog[1];
		try {
			waitFor(() -> {
				for (final Window w : Window.getWindows())
					if (w instanceof JDialog && w.isShowing() && title.equals(((JDialog) w).getTitle())) found[0] = (JDialog) w;
				return found[0] != null;
			}, "the " + title + " dialog");
		}
		catch (final IllegalStateException e) {
			throw new IllegalStateException(e.getMessage() + "; showing:" + showing() + "; error: " + IJ.getErrorMessage());
		}
		Thread.sleep(500);
		return found[0];
	}

	private static String showing() {
		final StringBuilder sb = new StringBuilder();
		for (final Window w : Window.getWindows())
			if (w.isShowing()) sb.append(" [").append(w.getClass().getSimpleName()).append(' ')
				.append(w instanceof java.awt.Dialog ? ((java.awt.Dialog) w).getTitle() : w instanceof java.awt.Frame ? ((java.awt.Frame) w).getTitle() : "").append(']');
		return sb.toString();
	}

	private static Window messageDialog() {
		return messageDialog("HU Window");
	}

	/** ImageJ's error message (an AWT dialog titled after the command), not SciJava's Swing input dialog. */
	private static Window messageDialog(final String title) {
		for (final Window w : Window.getWindows())
			if (w.isShowing() && w instanceof java.awt.Dialog && !(w instanceof JDialog) && title.equals(((java.awt.Dialog) w).getTitle())) return w;
		return null;
	}

	private static AbstractButton button(final Container c, final String text) {
		for (final Component k : c.getComponents()) {
			if (k instanceof AbstractButton && text.equals(((AbstractButton) k).getText())) return (AbstractButton) k;
			if (k instanceof Container) {
				final AbstractButton b = button((Container) k, text);
				if (b != null) return b;
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static boolean selectChoice(final Container c, final String item) {
		for (final Component k : c.getComponents()) {
			if (k instanceof javax.swing.JComboBox) {
				final javax.swing.JComboBox<Object> box = (javax.swing.JComboBox<Object>) k;
				for (int i = 0; i < box.getItemCount(); i++)
					if (item.equals(String.valueOf(box.getItemAt(i)))) {
						box.setSelectedIndex(i);
						return true;
					}
			}
			if (k instanceof Container && selectChoice((Container) k, item)) return true;
		}
		return false;
	}

	/** Types into the index-th number field (Swing spinners) of the dialog. */
	private static void setNumber(final Container c, final int index, final String text) {
		final java.util.List<JSpinner> spinners = new java.util.ArrayList<>();
		collect(c, spinners);
		final JSpinner s = spinners.get(index);
		final JTextComponent field = ((JSpinner.DefaultEditor) s.getEditor()).getTextField();
		field.setText(text);
		try {
			s.commitEdit();
		}
		catch (final java.text.ParseException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void collect(final Container c, final java.util.List<JSpinner> out) {
		for (final Component k : c.getComponents()) {
			if (k instanceof JSpinner) out.add((JSpinner) k);
			else if (k instanceof Container) collect((Container) k, out);
		}
	}

	/** The window as the screen shows it, once painted: an AWT message dialog is painted a while after it shows (a capture before is all black). */
	private static void screenshot(final Window w, final Path png) throws Exception {
		BufferedImage img = null;
		for (int attempt = 0; attempt < 20 && (img == null || oneColour(img)); attempt++) {
			Thread.sleep(150);
			EventQueue.invokeAndWait(() -> {}); // the paints already queued run first
			img = new java.awt.Robot().createScreenCapture(w.getBounds());
		}
		ImageIO.write(img, "png", png.toFile());
	}

	private static boolean oneColour(final BufferedImage img) {
		final int first = img.getRGB(0, 0);
		for (int y = 0; y < img.getHeight(); y++)
			for (int x = 0; x < img.getWidth(); x++)
				if (img.getRGB(x, y) != first) return false;
		return true;
	}

	static void waitFor(final BooleanSupplier c, final String what) throws InterruptedException {
		final long end = System.currentTimeMillis() + 60_000;
		while (!c.getAsBoolean()) {
			if (System.currentTimeMillis() > end) throw new IllegalStateException("timed out waiting for " + what);
			Thread.sleep(50);
		}
	}
}

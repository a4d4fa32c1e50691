package org.medprep.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.host.FijiHostProcessor;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.testutil.TestVolumes;
import org.scijava.Cancelable;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginService;
import org.scijava.widget.InputHarvester;

/**
 * Every image command of the catalog runs headless with its default options on
 * a small CT, produces a new image, leaves its input untouched and records its
 * step as the history's last line. Commands that need files are covered by
 * their own tests.
 */
class AllCommandsTest extends HeadlessCommandTest {

	/** Defaults meant for real scans that do not fit a 40x36x12 phantom. */
	private static final java.util.Map<String, String> OPTIONS = java.util.Map.of(
		"Random Crop", "size_x=16 size_y=16 size_z=8",
		"Random Swap", "patch_x=6 patch_y=6 patch_z=4",
		"Crop or Pad", "size_x=32 size_y=40 size_z=10",
		"Resize to Shape", "size_x=20 size_y=18 size_z=6",
		"NMF Basis", "n_components=2 max_iter=50",
		"NMF K-Means Segment", "n_components=2 max_iter=50 k=3 kmin=2 kmax=3",
		"Remap Labels", "table=[1:2,3:0]",
		"Remove Labels", "labels=2");

	/** Commands that work on a label map: given the phantom's tissue labels. */
	private static final Set<String> ON_LABELS = Set.of("Keep Largest Component", "Remap Labels", "Remove Labels", "Sequential Labels",
		"Fill Label Holes");

	/** Commands that must be given a file or a recorded state to run at all, or that make only a table (tested on their own). */
	private static final Set<String> NEED_MORE = Set.of("CT Dataset Normalize", "Nyul Apply", "Invert Spatial History", "Resample to Reference",
		"Label Statistics", "Register Images", "Apply Transform");

	@Test
	void everyImageCommandRunsWithItsDefaults() {
		final List<String> ran = new ArrayList<>();
		for (final CommandInfo info : new CommandCatalog(commands).all()) {
			final String label = CommandCatalog.label(info);
			if (CommandOptions.mainImage(info) == null || NEED_MORE.contains(label) || needsFile(info)) continue;
			// NMF needs non-negative data (an MR pipeline): give it the tissue map, a CT to the others
			final CtPhantom phantom = new CtPhantom(40, 36, 12, new double[] { 1, 1.2, 2.5 }, 10, 3);
			final boolean labels = label.startsWith("NMF") || ON_LABELS.contains(label);
			final ImagePlus in = ImagePlusVolumes.toImagePlus(labels ? phantom.labels() : phantom.image(), "ct", null);
			final double[] before = TestVolumes.values(ImagePlusVolumes.toVolume(in).data());
			final CommandInvocation.Result r = invocation.run(info, OPTIONS.getOrDefault(label, ""), in);
			final Object out = r.outputs().values().stream().filter(o -> o instanceof ImagePlus).findFirst().orElse(null);
			assertNotNull(out, label + " made no image");
			final List<String> history = HistoryStore.of((ImagePlus) out).lines();
			assertTrue(!history.isEmpty() && history.get(history.size() - 1).startsWith("run(\"" + label + "\""), label + ": " + history);
			org.junit.jupiter.api.Assertions.assertArrayEquals(before, TestVolumes.values(ImagePlusVolumes.toVolume(in).data()), 0, label + " changed its input");
			ran.add(label);
		}
		assertTrue(ran.size() >= 25, "ran " + ran);
		assertTrue(ran.contains("HU Window") && ran.contains("Random Elastic") && ran.contains("N4 Bias Correction"), ran.toString());
		assertEquals(ran.size(), Set.copyOf(ran).size());
	}

	/**
	 * Every command ends a run it cannot do (here: an empty image, or no file) as cancelled with
	 * one line, never with an exception: Fiji shows that line and stops the macro at it, where an
	 * exception would be a stack trace. Run as the module service runs it, with the preprocessing of
	 * the ImageJ 1.x bridge and the CLI (no dialog, none of Fiji's host processors).
	 */
	@Test
	void aRunThatCannotWorkIsCancelledWithOneLine() throws Exception {
		final ModuleService modules = context.service(ModuleService.class);
		final PluginService plugins = context.service(PluginService.class);
		final List<String> cancelled = new ArrayList<>(), problems = new ArrayList<>();
		final Map<String, String> reasons = new HashMap<>();
		for (final CommandInfo info : new CommandCatalog(commands).all()) {
			final String label = CommandCatalog.label(info);
			final List<PreprocessorPlugin> pre = new ArrayList<>();
			for (final PreprocessorPlugin p : plugins.createInstancesOfType(PreprocessorPlugin.class))
				if (!(p instanceof InputHarvester) && !(p instanceof FijiHostProcessor)) pre.add(p);
			final Map<String, Object> inputs = new HashMap<>();
			final ModuleItem<?> main = CommandOptions.mainImage(info);
			if (main != null) inputs.put(main.getName(), new ImagePlus()); // what Fiji passes when no image is open
			// no file: given as none, so no value persisted by an earlier run fills it in
			for (final ModuleItem<?> item : info.inputs())
				if (item.getType() == File.class) inputs.put(item.getName(), null);
			final Module done;
			try {
				done = modules.run(modules.createModule(info), pre, List.of(), inputs).get();
			}
			catch (final ExecutionException e) {
				problems.add(label + " threw " + e.getCause());
				continue;
			}
			final Cancelable c = (Cancelable) done;
			final String reason = c.getCancelReason();
			if (!c.isCanceled()) problems.add(label + " ran with an empty image or no file");
			else if (reason == null || reason.isBlank() || reason.contains("\n") || reason.contains("Exception") || reason.contains("java."))
				problems.add(label + ": " + reason);
			else cancelled.add(label);
			reasons.put(label, reason);
		}
		assertEquals(List.of(), problems);
		// refused by the validaters, before any work
		assertEquals(InputChecks.EMPTY_IMAGE, reasons.get("HU Window"));
		assertEquals(InputChecks.EMPTY_IMAGE, reasons.get("Augmentation Preview"));
		assertEquals("no image file given", reasons.get("Import NIfTI/MetaImage"));
		assertEquals("no DICOM folder given", reasons.get("Import DICOM Series"));
		assertEquals("no nnUNet_raw folder given", reasons.get("Export nnU-Net Dataset")); // not SciJava's "'output_folder' is required but unset"
		assertTrue(cancelled.size() >= 60, "cancelled " + cancelled);
	}

	/** Fiji's macro semantics: an image input is the image of this run, never one remembered from an earlier dialog. */
	@Test
	void imageInputsAreNeverPersisted() {
		int images = 0;
		for (final CommandInfo info : new CommandCatalog(commands).all())
			for (final ModuleItem<?> item : info.inputs())
				if (ImagePlus.class.isAssignableFrom(item.getType())) {
					org.junit.jupiter.api.Assertions.assertFalse(item.isPersisted(), CommandCatalog.label(info) + ": " + item.getName() + " is persisted");
					images++;
				}
		assertTrue(images >= 30, images + " image inputs");
	}

	private static boolean needsFile(final CommandInfo info) {
		for (final ModuleItem<?> item : CommandOptions.optionItems(info))
			if (item.getType() == File.class && item.isRequired()) return true;
		return false;
	}
}

package org.medprep.commands.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.GeneratedFiles;
import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.core.stats.IntensityStatistics;
import org.medprep.io.ImageFormats;
import org.medprep.testutil.FijiRuntime;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.RealType;

/**
 * MedPrep in a real headless ImageJ2 + imagej-legacy (../shared/fiji-runtime),
 * as a Fiji user runs it: one headless macro chains Import, HU Window, Resample
 * and saves, runs macros/batch_folder.ijm, macros/ct_preprocess.ijm and the
 * README's macro example, all after a different HU Window preset was persisted
 * by an earlier run; the saved files are read back and compared with the same
 * steps run by the CLI's invocation in this JVM, and with values known by
 * construction. A second start checks {@code --run}.
 */
class FijiHeadlessTest extends HeadlessCommandTest {

	@TempDir
	static Path dir;

	private static CtPhantom phantom;
	private static Path ct, quarters, batchIn, out;

	@BeforeAll
	static void data() throws IOException {
		phantom = new CtPhantom(48, 40, 12, new double[] { 0.8, 0.8, 2.5 }, 10, 3);
		ct = dir.resolve("data/ct.nii.gz");
		Files.createDirectories(ct.getParent());
		ImageFormats.write(phantom.image(), ct);
		// a quarter scanner padding (-2000 HU), three quarters at 240 HU: HU Window 40/400 gives 0 and 1, mean 0.75
		final double[] hu = new double[16 * 16 * 4];
		for (int i = 0; i < hu.length; i++) hu[i] = i % 4 == 0 ? -2000 : 240;
		batchIn = Files.createDirectories(dir.resolve("batch-in"));
		quarters = batchIn.resolve("quarters.tif");
		final ImagePlus q = ImagePlusVolumes.toImagePlus(TestVolumes.shorts(new long[] { 16, 16, 4 }, hu), "quarters", null);
		assertTrue(new FileSaver(q).saveAsTiffStack(quarters.toString()));
		out = Files.createDirectories(dir.resolve("out"));
		Files.createDirectories(out.resolve("batch"));
	}

	@Test
	void chainedMacrosSeeMedPrepsResultsAndKeepTheirDefaults() throws Exception {
		final FijiRuntime fiji = FijiRuntime.require();
		final Path macros = GeneratedFiles.projectDir().resolve("macros");
		final Path readmeData = Files.createDirectories(dir.resolve("readme"));
		ImageFormats.write(phantom.image(), readmeData.resolve("case001.nii.gz"));
		final ImagePlus body = ImagePlusVolumes.toImagePlus(phantom.labels(), "case001_body", null);
		IJ.setThreshold(body, 1, 255);
		assertTrue(new FileSaver(body).saveAsTiffStack(readmeData.resolve("case001_body.tif").toString()));
		final String macro = String.join("\n",
			// a value persisted the way an earlier dialog would have (SciJava saves each run's inputs)
			"open('" + quarters + "');",
			"run('HU Window', 'preset=[lung (W1500 L-600)]');",
			"close('*');",
			// Import -> HU Window -> Resample -> save
			"run('Import NIfTI/MetaImage', 'file=[" + ct + "] volume_index=-1');",
			"run('HU Window', 'level=40 width=400 output=[float 0-1]');",
			"run('Resample to Spacing', 'spacing_x=1.5 spacing_y=1.5 spacing_z=3');",
			"print('medprep-check chain_title=' + getTitle());",
			"run('Export NIfTI/MetaImage', 'file=[" + out.resolve("chain.nii.gz") + "]');",
			"saveAs('Tiff', '" + out.resolve("chain.tif") + "');",
			"close('*');",
			"print('medprep-check open_after_close=' + nImages);",
			// File>Open / open() of a NIfTI through MedPrep's reader: HU as Import gives them
			"open('" + ct + "');",
			"Stack.getStatistics(n, mean, min, max);",
			"print('medprep-check open_title=' + getTitle() + ' ' + nSlices + ' ' + min + ' ' + max);",
			"close('*');",
			// the project's own macros
			"runMacro('" + macros.resolve("batch_folder.ijm") + "', '" + batchIn + "," + out.resolve("batch") + "');",
			"run('Import NIfTI/MetaImage', 'file=[" + ct + "]');",
			"runMacro('" + macros.resolve("ct_preprocess.ijm") + "');",
			"print('medprep-check preprocess_title=' + getTitle());",
			"saveAs('Tiff', '" + out.resolve("preprocess.tif") + "');",
			"close('*');",
			// the README's macro example, on files where it expects them
			readmeExample().replace("/data/ct/", readmeData + "/"),
			"print('medprep-check readme_title=' + getTitle());",
			"saveAs('Tiff', '" + out.resolve("readme.tif") + "');",
			"close('*');",
			"print('medprep-check done=yes');") + "\n";
		final Path file = dir.resolve("chain.ijm");
		Files.write(file, macro.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
		final FijiRuntime.Run run = fiji.run(dir.resolve("prefs-chain"), 240, "--headless", "-macro", file.toString());
		final Map<String, String> checks = run.checks();
		assertEquals("yes", checks.get("done"), "the macro did not finish:\n" + run.output);
		assertFalse(run.output.contains("Exception"), run.output);

		// Import -> HU Window -> Resample: what the CLI computes from the same file, both as NIfTI and as ImageJ's TIFF
		final ImagePlus imported = ImagePlusVolumes.toImagePlus(cast(ImageFormats.read(ct)), "ct.nii.gz", null);
		final ImagePlus windowed = image(invocation.run(command("HU Window"), "level=40 width=400 output=[float 0-1]", imported));
		final ImagePlus expected = image(invocation.run(command("Resample to Spacing"), "spacing_x=1.5 spacing_y=1.5 spacing_z=3", windowed));
		assertEquals("ct-window-resampled", checks.get("chain_title"));
		assertEquals(0, checks.get("open_after_close").compareTo("0"));
		final IntensityStatistics hu = stats(imported);
		assertEquals("ct.nii.gz 12 " + fmt(hu.min()) + " " + fmt(hu.max()), checks.get("open_title"));
		final double[] want = TestVolumes.values(ImagePlusVolumes.toVolume(expected).data());
		assertArrayEquals(want, TestVolumes.values(ImageFormats.read(out.resolve("chain.nii.gz")).data()), 1e-6);
		final ImagePlus savedTiff = IJ.openImage(out.resolve("chain.tif").toString());
		assertEquals(ImagePlus.GRAY32, savedTiff.getType());
		assertArrayEquals(want, TestVolumes.values(ImagePlusVolumes.toVolume(savedTiff).data()), 1e-6);

		// batch_folder.ijm saved the float window (mean 0.75 by construction), not the 16-bit input
		final ImagePlus batch = IJ.openImage(out.resolve("batch/quarters.tif").toString());
		assertEquals(ImagePlus.GRAY32, batch.getType());
		assertEquals(0.75, stats(batch).mean(), 1e-9);

		// ct_preprocess.ijm: Replace Padding, Clip Intensity, HU Window with the tutorial range, from a CT imported as Fiji does
		ImagePlus step = image(invocation.run(command("Replace Padding"), "padding=-2000 value=-1000", imported));
		step = image(invocation.run(command("Clip Intensity"), "min=-1000 max=400", step));
		step = image(invocation.run(command("HU Window"), "preset=[tutorial range (-1000 to 400)] output=[float 0-1]", step));
		assertEquals("ct-padfix-clip-window", checks.get("preprocess_title"));
		assertArrayEquals(TestVolumes.values(ImagePlusVolumes.toVolume(step).data()),
			TestVolumes.values(ImagePlusVolumes.toVolume(IJ.openImage(out.resolve("preprocess.tif").toString())).data()), 1e-6);

		// the README example ends with the z-scored padfix image (mask = the body): mean 0, std 1 inside the body
		assertEquals("case001-padfix-zscore", checks.get("readme_title"));
		final ImagePlus z = IJ.openImage(out.resolve("readme.tif").toString());
		final IntensityStatistics inBody = IntensityStatistics.of(ImagePlusVolumes.toVolume(z).data(),
			VoxelSelection.mask(ImagePlusVolumes.toVolume(body).data()));
		assertEquals(0, inBody.mean(), 1e-5);
		assertEquals(1, inBody.std(), 1e-5);
	}

	@Test
	void runArgumentRunsCommandsAndSaysWhenAnImageIsMissing() throws Exception {
		final FijiRuntime fiji = FijiRuntime.require();
		final Path scale = out.resolve("scale.json");
		final FijiRuntime.Run run = fiji.run(dir.resolve("prefs-run"), 120, "--headless", "--run", "HU Window", "level=40,width=400", "--run",
			"Nyul_Train", "folder=\"" + ct.getParent() + "\",standard_scale=\"" + scale + "\"");
		assertFalse(run.output.contains("NullPointerException"), run.output);
		assertFalse(run.output.contains("Exception"), run.output);
		assertTrue(run.output.contains(NoImage.message("HU Window")), run.output);
		assertTrue(Files.isRegularFile(scale), "Nyul Train wrote no scale:\n" + run.output);
		assertTrue(new String(Files.readAllBytes(scale), StandardCharsets.UTF_8).contains("medprep-nyul-standard-scale"), run.output);
	}

	/** A number as ImageJ's macro language prints it (4 decimals, none for integers). */
	private static String fmt(final double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.4f", v);
	}

	private static String readmeExample() throws IOException {
		final String readme = GeneratedFiles.read(GeneratedFiles.projectDir().resolve("README.md"));
		final int section = readme.indexOf("## Macro example");
		final int begin = readme.indexOf("```\n", section) + 4;
		return readme.substring(begin, readme.indexOf("```", begin));
	}

	private static org.scijava.command.CommandInfo command(final String label) {
		return new CommandCatalog(commands).byLabel(label);
	}

	private static ImagePlus image(final CommandInvocation.Result r) {
		return (ImagePlus) r.outputs().get("result");
	}

	private static IntensityStatistics stats(final ImagePlus imp) {
		return IntensityStatistics.of(ImagePlusVolumes.toVolume(imp).data(), VoxelSelection.all());
	}

	@SuppressWarnings("unchecked")
	private static Volume<? extends RealType<?>> cast(final Volume<?> v) {
		return (Volume<? extends RealType<?>>) (Object) v;
	}
}

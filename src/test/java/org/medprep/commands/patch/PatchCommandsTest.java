package org.medprep.commands.patch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.geometry.FlipCommand;
import org.medprep.commands.geometry.InvertSpatialHistoryCommand;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.ImageTitleService;
import org.medprep.core.History;
import org.medprep.core.patch.PatchTable;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.io.ImageFormats;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.testutil.TestVolumes;

/** Grid Sampler, Grid Aggregator and Label-Balanced Patches through a real SciJava context, writing real files. */
class PatchCommandsTest extends HeadlessCommandTest {

	private static final String HEADER = "index,file,label_file,start_x,start_y,start_z,size_x,size_y,size_z,center_x,center_y,center_z,kind";

	private static final CtPhantom PHANTOM = new CtPhantom(30, 26, 10, new double[] { 1.2, 1.1, 2.5 }, 10, 4);

	@TempDir
	Path dir;

	@AfterEach
	void forgetTitles() {
		context.service(ImageTitleService.class).clear();
	}

	private static CommandInvocation.Result run(final Class<?> command, final String options, final ImagePlus imp) {
		return invocation.run(commands.getCommand(command.getName()), options, imp);
	}

	private static double[] values(final ImagePlus imp) {
		return TestVolumes.values(ImagePlusVolumes.toVolume(imp).data());
	}

	private long files(final String glob) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> dir.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName())).count();
		}
	}

	@Test
	void sampleThenAggregateReturnsTheImageAndItsWayBack() throws IOException {
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(PHANTOM.image(), "ct.nii.gz", null);
		final ImagePlus flipped = (ImagePlus) run(FlipCommand.class, "flip_x=true", ct).outputs().get("result");
		flipped.setTitle("case7");
		final String grid = "patch_x=16 patch_y=12 patch_z=6 overlap_x=4 overlap_y=2 overlap_z=2 padding=reflect folder=[" + dir + "]";
		final ResultsTable t = (ResultsTable) run(GridSamplerCommand.class, grid, flipped).outputs().get("patches");
		assertEquals(t.size(), files("case7_p*.nii.gz"));
		assertTrue(Files.isRegularFile(dir.resolve("case7_patches.csv")));
		final String csv = new String(Files.readAllBytes(dir.resolve("case7_patches.csv")), StandardCharsets.UTF_8);
		assertTrue(csv.startsWith("# medprep patches\n# grid 30 26 10 "), csv);
		assertTrue(csv.contains("# history // plan: source"), "the flip travels with the patches");
		// the first patch starts half the overlap before the image, and its file says so
		assertEquals("case7_p0000_x-2_y-1_z-1.nii.gz", t.getStringValue("file", 0));
		assertEquals(-1.0, ImageFormats.read(dir.resolve("case7_p0000_x-2_y-1_z-1.nii.gz")).geometry().origin(2) / 2.5 - PHANTOM.geometry().origin(2) / 2.5, 1e-9);
		// a patch file's history leads to the patch's own grid: the flip, then the patch's window
		final org.medprep.core.Volume<?> patch = ImageFormats.read(dir.resolve("case7_p0000_x-2_y-1_z-1.nii.gz"));
		final org.medprep.core.spatial.SpatialChain toPatch = org.medprep.commands.imagej.HistoryStore.of(patch).spatialChain();
		assertEquals(2, toPatch.plans().size());
		assertTrue(toPatch.plans().get(1).target().sameSpace(org.medprep.core.spatial.Grid.of(patch)));
		for (final String mode : new String[] { "average", "crop" }) {
			final ImagePlus back = (ImagePlus) run(GridAggregatorCommand.class, "positions=[" + dir.resolve("case7_patches.csv") + "] mode=" + mode, null)
				.outputs().get("result");
			assertArrayEquals(values(flipped), values(back), 0, mode);
			assertTrue(ImagePlusVolumes.toVolume(back).geometry().sameSpace(ImagePlusVolumes.toVolume(flipped).geometry(), 1e-9));
			final History h = org.medprep.commands.imagej.HistoryStore.of(back);
			assertTrue(h.lines().get(h.size() - 1).startsWith("run(\"Grid Aggregator\""), h.toText());
			final ImagePlus original = (ImagePlus) run(InvertSpatialHistoryCommand.class, "interpolation=nearest", back).outputs().get("result");
			assertArrayEquals(values(ct), values(original), 0, "the aggregated prediction goes back onto the scan");
		}
	}

	@Test
	void labelBalancedPatchesAreSeeded() throws IOException {
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(PHANTOM.image(), "ct", null);
		context.service(ImageTitleService.class).register("seg", ImagePlusVolumes.toImagePlus(PHANTOM.labels(), "seg", null));
		final String options = "label=seg mode=classes ratios=[0:1,3:3] count=6 patch_x=8 patch_y=8 patch_z=4 seed=11 folder=[" + dir + "]";
		final CommandInvocation.Result r = run(LabelBalancedPatchesCommand.class, options, ct);
		assertEquals(6, files("ct_p*_label.nii.gz"));
		assertEquals(12, files("ct_p*.nii.gz"));
		final String first = new String(Files.readAllBytes(dir.resolve("ct_patches.csv")), StandardCharsets.UTF_8);
		assertTrue(r.recorded().toString().contains("seed=11"), r.recorded().toString());
		for (final String line : first.split("\n"))
			if (Character.isDigit(line.charAt(0))) assertTrue(line.endsWith(",0") || line.endsWith(",3"), line);
		run(LabelBalancedPatchesCommand.class, options, ct);
		assertEquals(first, new String(Files.readAllBytes(dir.resolve("ct_patches.csv")), StandardCharsets.UTF_8), "same seed, same patches");
		// a drawn label patch holds the label map's values at its place
		final java.util.List<String> lines = java.util.Arrays.asList(first.split("\n"));
		final String labelFile = lines.get(lines.indexOf(HEADER) + 1).split(",")[2];
		for (final double v : TestVolumes.values(ImageFormats.read(dir.resolve(labelFile)).data()))
			assertTrue(v >= 0 && v <= 4 && v == Math.rint(v));
		run(LabelBalancedPatchesCommand.class, options.replace("seed=11", "seed="), ct);
		final History drawn = PatchTable.parse(new String(Files.readAllBytes(dir.resolve("ct_patches.csv")), StandardCharsets.UTF_8)).history();
		final String step = drawn.lines().get(drawn.size() - 1);
		assertTrue(step.matches(".*seed=\\d+.*"), "an empty seed is drawn and recorded: " + step);
	}

	@Test
	void badInputWritesNothing() throws IOException {
		final ImagePlus ct = ImagePlusVolumes.toImagePlus(PHANTOM.image(), "ct", null);
		final CommandFailedException odd = assertThrows(CommandFailedException.class,
			() -> run(GridSamplerCommand.class, "patch_x=8 overlap_x=3 folder=[" + dir + "]", ct));
		assertEquals("Grid Sampler: overlap along x must be even and >= 0, got 3", odd.getMessage());
		final CommandFailedException big = assertThrows(CommandFailedException.class,
			() -> run(GridSamplerCommand.class, "patch_x=64 patch_y=8 patch_z=4 folder=[" + dir + "]", ct));
		assertTrue(big.getMessage().contains("smaller than the patch"), big.getMessage());
		assertEquals(0, files("*"), "no output");
		run(GridSamplerCommand.class, "patch_x=16 patch_y=16 patch_z=5 folder=[" + dir + "]", ct);
		Files.write(dir.resolve("ct_p0000_x0_y0_z0.nii.gz"), new byte[0]);
		final CommandFailedException broken = assertThrows(CommandFailedException.class,
			() -> run(GridAggregatorCommand.class, "positions=[" + dir.resolve("ct_patches.csv") + "]", null));
		assertTrue(broken.getMessage().startsWith("Grid Aggregator: " + dir.resolve("ct_p0000_x0_y0_z0.nii.gz")), broken.getMessage());
		final CommandFailedException noLabel = assertThrows(CommandFailedException.class,
			() -> run(LabelBalancedPatchesCommand.class, "folder=[" + dir + "]", ct));
		assertEquals("Label-Balanced Patches: name the label map (label=<title>)", noLabel.getMessage());
	}
}

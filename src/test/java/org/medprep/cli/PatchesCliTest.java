package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.core.Volume;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.io.ImageFormats;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.RealType;

/** The README's patch round trip on the command line: Grid Sampler in medprep run, Grid Aggregator in medprep exec. */
class PatchesCliTest {

	@TempDir
	Path dir;

	@Test
	void sampleInRunAggregateInExec() throws IOException {
		final CtPhantom phantom = new CtPhantom(40, 36, 10, new double[] { 1, 1, 2.5 }, 10, 3);
		Files.createDirectories(dir.resolve("in"));
		ImageFormats.write(phantom.image(), dir.resolve("in").resolve("case001.nii.gz"));
		final Path patches = dir.resolve("patches");
		final CliTest.Run run = CliTest.cli("run", "--step", "run(\"Grid Sampler\", \"patch_x=16 patch_y=16 patch_z=8 overlap_x=4 overlap_y=4 overlap_z=2 "
			+ "padding=edge folder=[" + patches + "]\");", "-i", dir.resolve("in").resolve("case001.nii.gz").toString(), "-o", dir.resolve("out").toString());
		assertEquals(0, run.code, run.err);
		assertTrue(Files.isRegularFile(patches.resolve("case001_patches.csv")));
		final CliTest.Run exec = CliTest.cli("exec", "--step", "run(\"Grid Aggregator\", \"positions=[" + patches.resolve("case001_patches.csv") + "] mode=crop\");",
			"-o", dir.resolve("agg").toString());
		assertEquals(0, exec.code, exec.err);
		final Volume<?> back = ImageFormats.read(dir.resolve("agg").resolve("grid_aggregator_result.nii.gz"));
		assertArrayEquals(TestVolumes.values(phantom.image().data()), TestVolumes.values(real(back).data()), 0);
		assertTrue(back.geometry().sameSpace(phantom.geometry(), 1e-6));
	}

	@SuppressWarnings("unchecked")
	private static Volume<? extends RealType<?>> real(final Volume<?> v) {
		return (Volume<? extends RealType<?>>) (Object) v;
	}
}

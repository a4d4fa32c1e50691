package org.medprep.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.medprep.core.Volume;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.io.ImageFormats;

/**
 * Reading and writing the 512x512x300 int16 CT phantom (quick: 64x64x16) as
 * .nii, .nii.gz and .mha, through {@link ImageFormats}. Files go to a
 * temporary folder deleted when the JVM exits. MB/s = voxels/s x 2 bytes.
 */
public class NiftiBenchmarks implements BenchmarkSuite {

	@Override
	public String name() {
		return "nifti";
	}

	@Override
	public List<BenchmarkCase> cases(final boolean quick) {
		final String size = quick ? "64x64x16" : "512x512x300";
		final long n = quick ? 64L * 64 * 16 : 512L * 512 * 300;
		final List<BenchmarkCase> cases = new ArrayList<>();
		for (final String ext : new String[] { ".nii", ".nii.gz", ".mha" }) {
			cases.add(new BenchmarkCase("write " + ext + " " + size + " int16", n, () -> new Input(phantom(quick), ext), in -> {
				final Input i = (Input) in;
				ImageFormats.write(i.volume, i.file);
				return i.file;
			}));
			cases.add(new BenchmarkCase("read " + ext + " " + size + " int16", n, () -> {
				final Input i = new Input(phantom(quick), ext);
				ImageFormats.write(i.volume, i.file);
				return i;
			}, in -> ImageFormats.read(((Input) in).file)));
		}
		return cases;
	}

	private static CtPhantom phantom(final boolean quick) {
		return quick ? new CtPhantom(64, 64, 16, new double[] { 0.7, 0.7, 1 }, 10, 42) : CtPhantom.large();
	}

	/** A volume and the temporary file it is written to. */
	private static final class Input {
		final Volume<?> volume;
		final Path file;

		Input(final CtPhantom phantom, final String ext) {
			this.volume = phantom.image();
			try {
				final Path dir = Files.createTempDirectory("medprep-bench-nifti");
				dir.toFile().deleteOnExit();
				this.file = dir.resolve("phantom" + ext);
				final File f = file.toFile();
				f.deleteOnExit();
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}
}

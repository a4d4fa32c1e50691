package org.medprep.io.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.medprep.io.metaimage.MetaImageReader;
import org.medprep.io.nifti.NiftiReader;

/** Fuzz targets for the NIfTI and MetaImage readers: a bad file may only end in an IOException naming it. */
class ImageReadersFuzzTest {

	@FuzzTest(maxDuration = "10m")
	void nifti(final byte[] data) throws IOException {
		final boolean gz = data.length > 2 && (data[0] & 0xFF) == 0x1F && (data[1] & 0xFF) == 0x8B;
		final Path p = FuzzInputs.file(gz ? ".nii.gz" : ".nii", data);
		try {
			NiftiReader.read(p);
		}
		catch (final IOException expected) {
			// a clean refusal
		}
		finally {
			Files.deleteIfExists(p);
		}
	}

	@FuzzTest(maxDuration = "10m")
	void metaImage(final byte[] data) throws IOException {
		final Path p = FuzzInputs.file(".mha", data);
		try {
			MetaImageReader.read(p);
		}
		catch (final IOException expected) {
			// a clean refusal
		}
		finally {
			Files.deleteIfExists(p);
		}
	}
}

package org.medprep.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.core.Volume;
import org.medprep.io.ImageFormats;
import org.medprep.testutil.TestVolumes;

/** MedPrep's provenance travels in a NIfTI comment extension. */
class NiftiHistoryTest {

	@TempDir
	Path dir;

	@Test
	void historyRoundTripsThroughACommentExtension() throws IOException {
		final String history = "run(\"Replace Padding\", \"padding=-2000.0 value=-1000.0\");\nrun(\"HU Window\", \"level=40.0 width=400.0\");";
		final Volume<?> v = TestVolumes.shorts(new long[] { 3, 2, 2 }, new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -12 }).withMetadata(Volume.HISTORY, history);
		for (final String name : new String[] { "h.nii", "h.nii.gz" }) {
			final Path file = dir.resolve(name);
			ImageFormats.write(v, file);
			final Volume<?> back = ImageFormats.read(file);
			assertEquals(history, back.metadata().get(Volume.HISTORY), name);
			assertArrayEquals(TestVolumes.values(v.data()), TestVolumes.values((net.imglib2.RandomAccessibleInterval) back.data()), 0);
		}
		final byte[] raw = Files.readAllBytes(dir.resolve("h.nii"));
		final ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
		final int voxOffset = (int) b.getFloat(108);
		assertEquals(0, voxOffset % 16, "vox_offset is a multiple of 16");
		assertEquals(1, raw[348], "extension flag");
		assertEquals(voxOffset - 352, b.getInt(352), "esize spans the gap");
		assertEquals(NiftiExtensions.ECODE_COMMENT, b.getInt(356));
		assertEquals(raw.length, voxOffset + 12 * 2);
	}

	@Test
	void filesWithoutHistoryHaveNoExtension() throws IOException {
		final Path file = dir.resolve("plain.nii");
		ImageFormats.write(TestVolumes.floats(new long[] { 2, 2, 1 }, new double[] { 1, 2, 3, 4 }), file);
		final byte[] raw = Files.readAllBytes(file);
		assertEquals(0, raw[348]);
		assertEquals(352 + 16, raw.length);
		assertNull(ImageFormats.read(file).metadata().get(Volume.HISTORY));
		assertFalse(ImageFormats.read(file).metadata().containsKey(Volume.HISTORY));
	}
}

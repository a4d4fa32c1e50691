package org.medprep.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomMetadata;

/** Every quick case runs; the RLE series the suite writes decodes to the native one (no timing here). */
class DecodeBenchmarksTest {

	@Test
	void quickCasesRunAndAgree() throws Exception {
		int found = 0;
		for (final BenchmarkSuite s : ServiceLoader.load(BenchmarkSuite.class))
			if (s.name().equals("decode")) found++;
		assertEquals(1, found, "registered once in META-INF/services");
		final DecodeBenchmarks suite = new DecodeBenchmarks();
		assertEquals(2, suite.cases(true).size());
		final BenchmarkCase nat = suite.cases(true).get(0);
		final BenchmarkCase rle = suite.cases(true).get(1);
		final Path rleDir = (Path) rle.setup();
		assertEquals("1.2.840.10008.1.2.5", DicomFolder.scan(rleDir).series().get(0).frames().get(0).transferSyntax().uid());
		final Volume<?> a = (Volume<?>) nat.run(nat.setup());
		final Volume<?> b = (Volume<?>) rle.run(rleDir);
		assertArrayEquals(new long[] { 64, 64, 16 }, b.dimensions());
		assertEquals(a.geometry(), b.geometry());
		final net.imglib2.Cursor<? extends net.imglib2.type.numeric.RealType<?>> ca = net.imglib2.view.Views.flatIterable(a.data()).cursor();
		final net.imglib2.Cursor<? extends net.imglib2.type.numeric.RealType<?>> cb = net.imglib2.view.Views.flatIterable(b.data()).cursor();
		while (ca.hasNext()) assertEquals(ca.next().getRealDouble(), cb.next().getRealDouble());
		assertEquals("1.2.840.10008.1.2.5", b.metadata().get(DicomMetadata.TRANSFER_SYNTAX_UID));
	}

	@Test
	void packBitsRuns() {
		// a replicate run of four 7s, a literal run of 1 2, then the -128 no-op that makes the segment even
		assertArrayEquals(new byte[] { -3, 7, 1, 1, 2, -128 }, DecodeBenchmarks.packBits(new byte[] { 7, 7, 7, 7, 1, 2 }));
		// two equal bytes are not worth a replicate run
		assertArrayEquals(new byte[] { 2, 5, 6, 6 }, DecodeBenchmarks.packBits(new byte[] { 5, 6, 6 }));
	}
}

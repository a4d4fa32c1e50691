package org.medprep.io.dicom.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medprep.core.Volume;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomMetadata;
import org.medprep.io.dicom.DicomSeriesLoader;
import org.medprep.io.dicom.DicomSeriesVolume;

/**
 * Every compressed fixture series loads to the same volume as its uncompressed
 * original (lossless syntaxes) or as the reference decoder's output (lossy
 * ones), voxel for voxel, with the same geometry and rescale.
 */
class CompressedSeriesTest {

	static Stream<CodecFixtures.Case> cases() throws Exception {
		return CodecFixtures.cases().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void decodesToTheExpectedVolume(final CodecFixtures.Case c) throws Exception {
		final DicomSeriesVolume got = loadOnly(c.folder);
		final DicomSeriesVolume want = loadOnly(c.expected);
		assertEquals(c.transferSyntax, got.volume().metadata().get(DicomMetadata.TRANSFER_SYNTAX_UID));
		assertEquals("1.2.840.10008.1.2.1", want.volume().metadata().get(DicomMetadata.TRANSFER_SYNTAX_UID), "expected is uncompressed");
		assertArrayEquals(want.volume().dimensions(), got.volume().dimensions());
		assertEquals(want.volume().geometry(), got.volume().geometry());
		assertEquals(want.rescaleSlope(), got.rescaleSlope());
		assertEquals(want.rescaleIntercept(), got.rescaleIntercept());
		final long differ = countDifferent(want.stored(), got.stored());
		assertEquals(0, differ, c + ": stored values that differ");
		assertEquals(0, countDifferent(want.volume().data(), got.volume().data()), c + ": rescaled values that differ");
		assertTrue(distinctValues(want.stored()) > 2 || c.expected.contains("bit"), "the fixture is not flat");
	}

	private static DicomSeriesVolume loadOnly(final String folder) throws Exception {
		final List<org.medprep.io.dicom.DicomSeries> series = DicomFolder.scan(CodecFixtures.get(folder)).series();
		assertEquals(1, series.size(), folder);
		return DicomSeriesLoader.load(series.get(0));
	}

	static long countDifferent(final RandomAccessibleInterval<? extends RealType<?>> a, final RandomAccessibleInterval<? extends RealType<?>> b) {
		final Cursor<? extends RealType<?>> ca = Views.flatIterable(a).cursor();
		final RandomAccess<? extends RealType<?>> rb = b.randomAccess();
		long n = 0;
		while (ca.hasNext()) {
			ca.fwd();
			rb.setPosition(ca);
			if (ca.get().getRealDouble() != rb.get().getRealDouble()) n++;
		}
		return n;
	}

	private static long distinctValues(final RandomAccessibleInterval<? extends RealType<?>> a) {
		final java.util.Set<Double> s = new java.util.HashSet<>();
		for (final RealType<?> t : Views.flatIterable(a)) if (s.add(t.getRealDouble()) && s.size() > 10) break;
		return s.size();
	}

}

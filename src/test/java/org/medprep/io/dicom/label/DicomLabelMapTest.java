package org.medprep.io.dicom.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medprep.core.Volume;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomParser;
import org.medprep.testutil.TestVolumes;

/**
 * RTSTRUCT and SEG to label maps, against the reference maps of
 * make_label_fixtures.py: skimage.draw.polygon on the same stored contours
 * (even-odd holes, later ROIs on top) and the masks the SEG frames were made
 * from. Agreement is voxel for voxel.
 */
class DicomLabelMapTest {

	@TempDir
	Path tmp;

	private static DicomLabelMap map(final String file, final Volume<?> image) throws Exception {
		if (file.startsWith("rs_"))
			return RtStructLabelMap.of(RtStruct.read(DicomParser.read(LabelFixtures.study(file + ".dcm"))), image.geometry(), image.dimensions());
		return SegmentationLabelMap.of(Segmentation.read(DicomParser.read(LabelFixtures.study(file + ".dcm"))), image.geometry(), image.dimensions());
	}

	@ParameterizedTest
	@CsvSource({ "rs_ct, ct", "rs_mr, mr", "seg_binary, ct", "seg_fractional, ct" })
	void labelMapMatchesTheReferenceVoxelForVoxel(final String file, final String image) throws Exception {
		final Volume<?> img = LabelFixtures.image(image);
		final DicomLabelMap m = map(file, img);
		final Map<String, Object> expected = LabelFixtures.expected(file);
		assertArrayEquals(img.dimensions(), m.volume().dimensions());
		assertTrue(m.volume().geometry().sameSpace(img.geometry(), 0), "the label map lies on the image's grid");
		@SuppressWarnings("unchecked")
		final double[] ours = TestVolumes.values((net.imglib2.RandomAccessibleInterval<? extends net.imglib2.type.numeric.RealType<?>>) (Object) m.volume().data());
		final int[] want = LabelFixtures.values(expected);
		assertEquals(want.length, ours.length);
		int differ = 0, labelled = 0;
		for (int i = 0; i < want.length; i++) {
			if (want[i] != (int) ours[i]) differ++;
			if (want[i] != 0) labelled++;
		}
		assertEquals(0, differ, file + ": voxels that differ from the reference (of " + labelled + " labelled)");
		assertTrue(labelled > 100, "a test that cannot fail is a defect: " + labelled + " labelled voxels");
		final List<Map<String, Object>> labels = LabelFixtures.labels(expected);
		assertEquals(labels.size(), m.labels().size());
		for (int i = 0; i < labels.size(); i++) {
			final LabelEntry e = m.labels().get(i);
			assertEquals(((Number) labels.get(i).get("label")).intValue(), e.label());
			assertEquals(labels.get(i).get("name"), e.name());
			assertEquals(((Number) labels.get(i).get("number")).intValue(), e.number());
			assertEquals(((Number) labels.get(i).get("voxels")).longValue(), e.voxels(), e.name());
		}
	}

	@Test
	void rtstructWarningsSayWhatWasLeftOut() throws Exception {
		final DicomLabelMap m = map("rs_ct", LabelFixtures.image("ct"));
		final String w = String.join("\n", m.warnings());
		assertTrue(w.contains("ROI 'Marker' (12): 1 open or point contours enclose nothing"), w);
		assertTrue(w.contains("ROI 'Empty' (5) has no contours"), w);
		assertTrue(w.contains("ROI 'Edge, clipped' (20): 1 contours lie outside the image's slices"), w);
		assertEquals("#00FF00", m.labels().get(0).color());
		// Commons CSV quotes a cell that starts with '#', so no reader takes the colour for a comment
		assertTrue(m.namesCsv().startsWith("label,name,number,color,voxels\n1,Body,1,\"#00FF00\","), m.namesCsv());
		assertTrue(m.namesCsv().contains("\n6,\"Edge, clipped\",20,\"#00FFFF\","), m.namesCsv());
	}

	@Test
	void holesFollowTheEvenOddRuleWhateverTheContourOrder() throws Exception {
		final DicomLabelMap m = map("rs_ct", LabelFixtures.image("ct"));
		final Volume<?> v = m.volume();
		// the hole's centre (12, 10) is Body (1) on the tumour's slices 2-5, not Tumor (2); the ring around it is Tumor
		for (int k = 2; k <= 5; k++) {
			assertEquals(1, at(v, 12, 10, k), "hole on slice " + k + " (slice 4 lists the hole first)");
			assertEquals(2, at(v, 12, 14, k), "ring on slice " + k);
		}
		assertEquals(1, at(v, 12, 10, 1), "no tumour on slice 1");
	}

	@Test
	void segFractionalThresholdAndFrameOffTheGrid() throws Exception {
		final DicomLabelMap m = map("seg_fractional", LabelFixtures.image("ct"));
		final Volume<?> v = m.volume();
		assertEquals(0, at(v, 0, 0, 0), "127 of 255 is below one half");
		assertEquals(1, at(v, 1, 0, 0), "128 of 255 is at least one half");
		assertTrue(String.join("\n", m.warnings()).contains("1 frames do not lie in a slice plane of the image"), m.warnings().toString());
		assertEquals(String.valueOf(LabelFixtures.expected("seg_fractional").get("frames_off_grid")), "1.0");
	}

	@Test
	void segColoursComeFromCielab() throws Exception {
		final Segmentation s = Segmentation.read(DicomParser.read(LabelFixtures.study("seg_binary.dcm")));
		assertEquals(2, s.segments().size());
		assertEquals(7, s.frames().size());
		// CIELab (60, 40, 30) is a salmon red; (50, -20, 60) an olive green
		final String liver = s.segments().get(0).color(), lesion = s.segments().get(1).color();
		assertTrue(Integer.parseInt(liver.substring(1, 3), 16) > Integer.parseInt(liver.substring(3, 5), 16), liver);
		assertTrue(Integer.parseInt(lesion.substring(3, 5), 16) > Integer.parseInt(lesion.substring(5, 7), 16), lesion);
		assertEquals("#FFFFFF", Segmentation.cielabColor(new double[] { 65535, 32896, 32896 }));
		assertEquals("#000000", Segmentation.cielabColor(new double[] { 0, 32896, 32896 }));
	}

	@Test
	void wrongObjectsAndTruncatedSegmentationsAreRefusedNamingTheFile() throws Exception {
		final Path ct = Files.list(LabelFixtures.study("ct")).sorted().findFirst().get();
		final DicomException notRs = assertThrows(DicomException.class, () -> RtStruct.read(DicomParser.read(ct)));
		assertTrue(notRs.getMessage().startsWith(ct + ": not an RT Structure Set"), notRs.getMessage());
		final DicomException notSeg = assertThrows(DicomException.class, () -> Segmentation.read(DicomParser.read(ct)));
		assertTrue(notSeg.getMessage().startsWith(ct + ": not a DICOM Segmentation"), notSeg.getMessage());
		final byte[] seg = Files.readAllBytes(LabelFixtures.study("seg_fractional.dcm"));
		final Path cut = tmp.resolve("cut.dcm");
		Files.write(cut, java.util.Arrays.copyOf(seg, seg.length - 600));
		final DicomException e = assertThrows(DicomException.class, () -> Segmentation.read(DicomParser.read(cut)));
		assertTrue(e.getMessage().startsWith(cut + ": "), e.getMessage());
	}

	static int at(final Volume<?> v, final int x, final int y, final int z) {
		@SuppressWarnings("unchecked")
		final net.imglib2.RandomAccess<? extends net.imglib2.type.numeric.RealType<?>> ra =
			((net.imglib2.RandomAccessibleInterval<? extends net.imglib2.type.numeric.RealType<?>>) (Object) v.data()).randomAccess();
		ra.setPosition(new long[] { x, y, z });
		return (int) ra.get().getRealDouble();
	}
}

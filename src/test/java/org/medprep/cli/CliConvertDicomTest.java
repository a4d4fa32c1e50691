package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.GeneratedFiles;
import org.medprep.core.Volume;
import org.medprep.io.ImageFormats;
import org.medprep.testutil.Json;
import org.medprep.testutil.TestVolumes;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * medprep convert on study folders: images, their sidecars and the label maps
 * of their RTSTRUCTs and SEGs side by side; echoes, time points and b-values
 * split as dcm2niix splits them; sidecar values equal to dcm2niix's.
 */
class CliConvertDicomTest {

	private static final Path DICOM = GeneratedFiles.projectDir().resolve("src/test/resources/org/medprep/io/dicom");

	@TempDir
	Path dir;

	@SuppressWarnings("unchecked")
	private static Map<String, Object> dcm2niix(final String input) throws IOException {
		final Map<String, Object> all = (Map<String, Object>) Json.parse(new String(Files.readAllBytes(DICOM.resolve("convert/dcm2niix.json")), StandardCharsets.UTF_8));
		return (Map<String, Object>) all.get(input);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(final Path p) throws IOException {
		return (Map<String, Object>) Json.parse(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
	}

	private CliTest.Run convert(final String input, final String... more) {
		final List<String> args = new ArrayList<>(List.of("convert", DICOM.resolve(input).toString(), dir.resolve("out").toString()));
		args.addAll(List.of(more));
		return CliTest.cli(args.toArray(new String[0]));
	}

	@Test
	void studyFolderGivesImagesAndTheirLabelMapsSideBySide() throws IOException {
		final CliTest.Run r = convert("labels/study");
		assertEquals(0, r.code, r.err);
		assertEquals(List.of("study_s3.json", "study_s3.nii.gz", "study_s3_rtstruct.nii.gz", "study_s3_rtstruct_labels.csv", "study_s3_seg.nii.gz",
			"study_s3_seg_2.nii.gz", "study_s3_seg_2_labels.csv", "study_s3_seg_labels.csv", "study_s4.json", "study_s4.nii.gz",
			"study_s4_rtstruct.nii.gz", "study_s4_rtstruct_labels.csv"), listing(dir.resolve("out")));
		final Volume<?> ct = ImageFormats.read(dir.resolve("out/study_s3.nii.gz"));
		final Volume<?> rs = ImageFormats.read(dir.resolve("out/study_s3_rtstruct.nii.gz"));
		assertTrue(rs.geometry().sameSpace(ct.geometry(), 1e-4), "the label map overlays its image");
		@SuppressWarnings("unchecked")
		final Map<String, Object> expected = (Map<String, Object>) Json.parse(new String(Files.readAllBytes(DICOM.resolve("labels/rs_ct_expected.json")), StandardCharsets.UTF_8));
		assertArrayEquals(Json.doubles(expected.get("values")), values(rs), 0, "as written to NIfTI and read back");
		final List<String> names = Files.readAllLines(dir.resolve("out/study_s3_rtstruct_labels.csv"));
		assertEquals("label,name,number,color,voxels", names.get(0));
		assertEquals("2,Tumor,7,\"#FF0000\",247", names.get(2));
		assertTrue(r.out.contains("warning: ROI 'Empty' (5) has no contours"), r.out);
		assertTrue(ImageFormats.read(dir.resolve("out/study_s4_rtstruct.nii.gz")).geometry()
			.sameSpace(ImageFormats.read(dir.resolve("out/study_s4.nii.gz")).geometry(), 1e-4), "the oblique MR's map overlays it");
	}

	@Test
	void anAnnotationWithoutItsImageIsReportedAndTheRestConverted() throws IOException {
		final Path study = Files.createDirectories(dir.resolve("study"));
		Files.copy(DICOM.resolve("labels/study/rs_mr.dcm"), study.resolve("rs_mr.dcm"));
		Files.createDirectories(study.resolve("ct"));
		try (Stream<Path> s = Files.list(DICOM.resolve("labels/study/ct"))) {
			for (final Path f : (Iterable<Path>) s::iterator) Files.copy(f, study.resolve("ct").resolve(f.getFileName()));
		}
		final CliTest.Run r = CliTest.cli("convert", study.toString(), dir.resolve("out").toString());
		assertEquals(1, r.code, r.err);
		assertTrue(r.err.contains("SKIPPED " + study.resolve("rs_mr.dcm") + ": RTSTRUCT of series 1.2.826.0.1.3680043.8.498.7734.4, which is not in"), r.err);
		assertEquals(List.of("study.json", "study.nii.gz"), listing(dir.resolve("out")));
	}

	@Test
	void aBrokenAnnotationIsReportedAndTheRestWritten() throws IOException {
		final Path study = Files.createDirectories(dir.resolve("study"));
		Files.createDirectories(study.resolve("ct"));
		try (Stream<Path> s = Files.list(DICOM.resolve("labels/study/ct"))) {
			for (final Path f : (Iterable<Path>) s::iterator) Files.copy(f, study.resolve("ct").resolve(f.getFileName()));
		}
		Files.copy(DICOM.resolve("labels/study/rs_ct.dcm"), study.resolve("rs_ct.dcm"));
		final byte[] seg = Files.readAllBytes(DICOM.resolve("labels/study/seg_binary.dcm"));
		Files.write(study.resolve("seg_cut.dcm"), java.util.Arrays.copyOf(seg, seg.length - 100)); // frames cut short
		final CliTest.Run r = CliTest.cli("convert", study.toString(), dir.resolve("out").toString());
		assertEquals(1, r.code, r.err);
		final List<String> lines = java.util.Arrays.stream(r.err.split("\n")).filter(l -> l.contains("seg_cut.dcm")).collect(Collectors.toList());
		assertEquals(1, lines.size(), r.err);
		assertFalse(r.err.contains("Exception"), r.err);
		assertEquals(List.of("study.json", "study.nii.gz", "study_rtstruct.nii.gz", "study_rtstruct_labels.csv"), listing(dir.resolve("out")),
			"the image and the good annotation, nothing of the bad one");
		final CliTest.Run info = CliTest.cli("info", study.toString());
		assertTrue(info.out.contains("RTSTRUCT " + study.resolve("rs_ct.dcm") + " of series 1.2.826.0.1.3680043.8.498.7734.3"), info.out);
	}

	@Test
	void echoesTimePointsAndBValuesAsDcm2niixWritesThem() throws IOException {
		assertEquals(0, convert("convert/echo").code);
		assertEquals(List.of("echo_e1.json", "echo_e1.nii.gz", "echo_e2.json", "echo_e2.nii.gz", "echo_e3.json", "echo_e3.nii.gz"), listing(dir.resolve("out")));
		@SuppressWarnings("unchecked")
		final Map<String, Object> e2 = (Map<String, Object>) ((Map<String, Object>) dcm2niix("echo").get("json")).get("echo_11_e2.json");
		assertEquals(e2.get("EchoNumber"), json(dir.resolve("out/echo_e2.json")).get("EchoNumber"));
		assertEquals(e2.get("EchoTime"), json(dir.resolve("out/echo_e2.json")).get("EchoTime"));
		for (final String name : new String[] { "time", "dwi" }) {
			final Path out = dir.resolve(name);
			final CliTest.Run r = CliTest.cli("convert", DICOM.resolve("convert/" + name).toString(), out.toString());
			assertEquals(0, r.code, r.err);
			assertEquals(3, ImageFormats.readAll(out.resolve(name + ".nii.gz")).size(), name + ": one 4D file of 3 volumes");
		}
		assertEquals(List.of("dwi.bval", "dwi.json", "dwi.nii.gz"), listing(dir.resolve("dwi")));
		@SuppressWarnings("unchecked")
		final String bval = (String) ((Map<String, Object>) dcm2niix("dwi").get("text")).get("dwi_13.bval");
		assertEquals(bval, new String(Files.readAllBytes(dir.resolve("dwi/dwi.bval")), StandardCharsets.UTF_8));
	}

	/**
	 * Keys both write: MedPrep's value equals dcm2niix's (numbers to 1e-9). Not compared: AcquisitionDateTime
	 * (dcm2niix v1.0.20220720 prints 12:01:2.5 for 12:01:02.5) and, for MR, SeriesInstanceUID (that version
	 * writes the Series Time there).
	 */
	private static int compare(final Map<String, Object> ours, final Map<String, Object> theirs, final String what) {
		int n = 0;
		for (final Map.Entry<String, Object> e : ours.entrySet()) {
			final String k = e.getKey();
			if (!theirs.containsKey(k) || k.startsWith("Conversion") || k.equals("AcquisitionDateTime") || k.equals("AcquisitionTime")) continue;
			if (k.equals("SeriesInstanceUID") && !String.valueOf(theirs.get(k)).contains(".")) continue;
			final Object a = e.getValue(), b = theirs.get(k);
			if (a instanceof Number && b instanceof Number) assertEquals(((Number) b).doubleValue(), ((Number) a).doubleValue(), 1e-9, what + " " + k);
			else assertEquals(String.valueOf(b), String.valueOf(a), what + " " + k);
			n++;
		}
		return n;
	}

	@Test
	void sidecarsAgreeWithDcm2niixAndHoldNoIdentifiersUnlessAsked() throws IOException {
		for (final String name : new String[] { "sidecar_mr", "sidecar_ct" }) {
			final Path out = dir.resolve(name);
			assertEquals(0, CliTest.cli("convert", DICOM.resolve("convert/" + name).toString(), out.toString()).code);
			final Map<String, Object> ours = json(out.resolve(name + ".json"));
			@SuppressWarnings("unchecked")
			final Map<String, Object> theirs = (Map<String, Object>) ((Map<String, Object>) dcm2niix(name).get("json")).values().iterator().next();
			final int same = compare(ours, theirs, name);
			assertTrue(same >= (name.endsWith("mr") ? 28 : 12), name + ": " + same + " keys compared");
			for (final String key : new String[] { "Modality", "Manufacturer", "SeriesDescription", "ImageType" }) assertTrue(ours.containsKey(key), key);
			if (name.endsWith("mr")) for (final String key : new String[] { "MagneticFieldStrength", "RepetitionTime", "EchoTime", "FlipAngle", "SliceThickness" })
				assertTrue(ours.containsKey(key) && theirs.containsKey(key), key);
			else assertEquals("STANDARD", ours.get("ConvolutionKernel"));
			final String text = new String(Files.readAllBytes(out.resolve(name + ".json")), StandardCharsets.UTF_8);
			for (final String phi : new String[] { "Doe", "MRN123", "1970", "General Hospital", "SCANNER1", "12345", "ACC1", "2024", "may name someone" })
				assertFalse(text.contains(phi), name + " sidecar holds " + phi + ":\n" + text);
			// asked for: dcm2niix -ba n's identifiers, with the same values
			final Path outId = dir.resolve(name + "_id");
			assertEquals(0, CliTest.cli("convert", "--sidecar-identifiers", DICOM.resolve("convert/" + name).toString(), outId.toString()).code);
			final Map<String, Object> withIds = json(outId.resolve(name + ".json"));
			@SuppressWarnings("unchecked")
			final Map<String, Object> theirsWithIds = (Map<String, Object>) ((Map<String, Object>) dcm2niix(name + "_identifiers").get("json")).values().iterator().next();
			compare(withIds, theirsWithIds, name + " with identifiers");
			for (final String key : new String[] { "PatientName", "PatientID", "PatientBirthDate", "PatientSex", "AccessionNumber", "InstitutionName",
				"DeviceSerialNumber", "StudyInstanceUID" })
				assertEquals(String.valueOf(theirsWithIds.get(key)), String.valueOf(withIds.get(key)), key);
			assertEquals("2024-01-01T12:01:02.5", withIds.get("AcquisitionDateTime"));
		}
	}

	@Test
	void singleImagesWithoutGeometryConvertWithTheWarningInTheSidecar() throws IOException {
		final CliTest.Run r = convert("convert/no_geometry");
		assertEquals(0, r.code, r.err);
		assertEquals(List.of("no_geometry_s31.json", "no_geometry_s31.nii.gz", "no_geometry_s32.json", "no_geometry_s32.nii.gz"), listing(dir.resolve("out")));
		final Object w = json(dir.resolve("out/no_geometry_s32.json")).get("ConversionWarnings");
		assertTrue(String.valueOf(w).contains("does not say where it is"), String.valueOf(w));
		assertArrayEquals(new long[] { 9, 8, 1 }, ImageFormats.read(dir.resolve("out/no_geometry_s32.nii.gz")).dimensions());
	}

	@SuppressWarnings("unchecked")
	private static double[] values(final Volume<?> v) {
		return TestVolumes.values((RandomAccessibleInterval<? extends RealType<?>>) (Object) v.data());
	}

	private static List<String> listing(final Path d) throws IOException {
		try (Stream<Path> s = Files.list(d)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}

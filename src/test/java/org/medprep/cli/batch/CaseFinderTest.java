package org.medprep.cli.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.io.ImageFormats;
import org.medprep.io.dicom.DicomLoadOptions;
import org.medprep.io.dicom.SlicePlane;
import org.medprep.testutil.TestFiles;
import org.medprep.testutil.TestVolumes;

/** Cases in mixed folders: image files and DICOM series, subfolders, links, names without patient data. */
class CaseFinderTest {

	private static final Path FIXTURES = TestFiles.DICOM_FIXTURES;

	@TempDir
	Path dir;

	private void nifti(final Path p) throws IOException {
		Files.createDirectories(p.getParent());
		ImageFormats.write(TestVolumes.shorts(new long[] { 2, 2, 1 }, new double[] { 1, 2, 3, 4 }), p);
	}

	private static List<String> names(final CaseFinder.Found f) {
		return f.cases().stream().map(CaseRef::name).collect(Collectors.toList());
	}

	@Test
	void aMixedFolderGivesEveryImageFileAndEveryDicomSeries() throws IOException {
		final Path in = dir.resolve("in");
		nifti(in.resolve("a.nii.gz"));
		nifti(in.resolve("sub/b.mha"));
		TestFiles.copyTree(FIXTURES.resolve("two_series"), in.resolve("dicom"));
		TestFiles.copyTree(FIXTURES.resolve("ct_axial"), in.resolve("sub/deeper/axial"));
		Files.write(in.resolve(".hidden.nii"), new byte[] { 1 });
		final CaseFinder.Found f = CaseFinder.find(Collections.singletonList(in), DicomNaming.SERIES, DicomLoadOptions.defaults());
		assertEquals(Collections.emptyList(), f.problems());
		// series 1 (CT axial), 6 (CT) and 7 (MR), named by number, modality and a digest of the UID
		assertEquals(Arrays.asList("a", "s001_CT_" + CaseFinder.digest("1.2.826.0.1.3680043.8.498.7731.1.1"),
			"s006_CT_" + CaseFinder.digest("1.2.826.0.1.3680043.8.498.7731.6.1"), "s007_MR_" + CaseFinder.digest("1.2.826.0.1.3680043.8.498.7731.7.1"),
			"sub_b"), names(f));
		final CaseRef mr = f.cases().get(3);
		assertEquals(CaseRef.Kind.DICOM_SERIES, mr.kind());
		assertEquals(2, mr.files().size());
		assertEquals("1.2.826.0.1.3680043.8.498.7731.7.1", mr.seriesUid());
		// notes.txt is neither an image nor DICOM
		assertTrue(f.notices().stream().anyMatch(n -> n.contains("1 file(s) neither images nor DICOM")), f.notices().toString());
		for (final CaseRef c : f.cases()) {
			assertFalse(c.name().contains("Fixture"), c.name());
			assertFalse(c.toString().contains("Fixture"), c.toString());
		}
	}

	@Test
	void linksAreFollowedOnceAndLoopsStop() throws IOException {
		final Path data = dir.resolve("data");
		nifti(data.resolve("x.nii"));
		final Path in = Files.createDirectories(dir.resolve("in"));
		Files.createSymbolicLink(in.resolve("linked"), data);
		Files.createSymbolicLink(in.resolve("again.nii"), data.resolve("x.nii"));
		Files.createSymbolicLink(data.resolve("loop"), data);
		final CaseFinder.Found f = CaseFinder.find(Collections.singletonList(in), DicomNaming.SERIES, DicomLoadOptions.defaults());
		assertEquals(Collections.singletonList("again"), names(f));
		assertTrue(f.notices().stream().anyMatch(n -> n.contains("the same file as")), f.notices().toString());
		assertTrue(f.notices().stream().anyMatch(n -> n.contains("link back into its own folder")), f.notices().toString());
	}

	@Test
	void descriptionAndFolderNamesOnlyWhenAsked() throws IOException {
		final Path in = dir.resolve("study");
		TestFiles.copyTree(FIXTURES.resolve("two_series"), in);
		final String uid6 = CaseFinder.digest("1.2.826.0.1.3680043.8.498.7731.6.1"), uid7 = CaseFinder.digest("1.2.826.0.1.3680043.8.498.7731.7.1");
		assertEquals(Arrays.asList("s006_CT_two_A_" + uid6, "s007_MR_two_B_" + uid7),
			names(CaseFinder.find(Collections.singletonList(in), DicomNaming.DESCRIPTION, DicomLoadOptions.defaults())));
		assertEquals(Arrays.asList("a_ct", "b_mr"), names(CaseFinder.find(Collections.singletonList(in), DicomNaming.FOLDER, DicomLoadOptions.defaults())));
		assertEquals(Collections.singletonList("ct_axial"),
			names(CaseFinder.find(Collections.singletonList(FIXTURES.resolve("ct_axial")), DicomNaming.FOLDER, DicomLoadOptions.defaults())));
	}

	@Test
	void patientWordsLeaveDescriptions() {
		assertEquals("CT_chest", CaseFinder.withoutWords("CT DOE chest John", "Doe^John 12345"));
		assertEquals("a_b-c.d", CaseFinder.sanitize("  a/b-c.d?  "));
	}

	@Test
	void thePlaneFilterKeepsMatchingSeries() {
		final DicomLoadOptions sagittal = DicomLoadOptions.defaults().withPlaneFilter(SlicePlane.fromLabel("sagittal"));
		final CaseFinder.Found f = CaseFinder.find(Arrays.asList(FIXTURES.resolve("ct_sagittal"), FIXTURES.resolve("ct_axial")), DicomNaming.SERIES, sagittal);
		assertEquals(1, f.cases().size());
		assertTrue(f.cases().get(0).name().startsWith("s002_CT_"), names(f).toString());
		assertEquals(1, f.problems().size());
		assertTrue(f.problems().get(0).startsWith(FIXTURES.resolve("ct_axial") + ": no sagittal series"), f.problems().toString());
	}

	@Test
	void missingEmptyAndUnreadableInputsAreProblemsNamingThem() throws IOException {
		final Path empty = Files.createDirectories(dir.resolve("empty"));
		// (a .txt or .list file is a list of inputs: see listFilesNameInputsRelativeToTheirFolder)
		final Path text = Files.write(dir.resolve("notes.dat"), "hello".getBytes());
		final CaseFinder.Found f = CaseFinder.find(Arrays.asList(dir.resolve("nope"), empty, text), DicomNaming.SERIES, DicomLoadOptions.defaults());
		assertEquals(0, f.cases().size());
		assertEquals(3, f.problems().size(), f.problems().toString());
		assertTrue(f.problems().get(0).startsWith(dir.resolve("nope") + ": no such file"));
		assertTrue(f.problems().get(1).startsWith(empty + ": no image files"));
		assertTrue(f.problems().get(2).startsWith(text + ": not DICOM"), f.problems().get(2));
	}

	@Test
	void listFilesNameInputsRelativeToTheirFolder() throws IOException {
		final Path lists = Files.createDirectories(dir.resolve("lists"));
		final Path a = Files.createDirectories(dir.resolve("site-a"));
		final Path b = Files.createDirectories(dir.resolve("site-b"));
		ImageFormats.write(TestVolumes.shorts(new long[] { 2, 2, 1 }, new double[] { 1, 2, 3, 4 }), a.resolve("c1.nii.gz"));
		ImageFormats.write(TestVolumes.shorts(new long[] { 2, 2, 1 }, new double[] { 1, 2, 3, 4 }), Files.createDirectories(b.resolve("sub")).resolve("c2.mha"));
		ImageFormats.write(TestVolumes.shorts(new long[] { 2, 2, 1 }, new double[] { 1, 2, 3, 4 }), b.resolve("c3.nii"));
		final Path list = Files.write(lists.resolve("cohort.txt"),
			("# cohort of the study\n\n../site-a/c1.nii.gz\r\n" + b.toAbsolutePath() + "\n../missing.nii.gz\n").getBytes(StandardCharsets.UTF_8));
		final CaseFinder.Found f = CaseFinder.find(Arrays.asList(list), DicomNaming.SERIES, DicomLoadOptions.defaults());
		assertEquals(Arrays.asList("c1", "c3", "sub_c2"), names(f));
		assertEquals(Arrays.asList(list + ", line 5: " + dir.resolve("missing.nii.gz") + ": no such file or folder"), f.problems());
		// what was searched, for output safety: the list's entries, not the list
		assertEquals(Arrays.asList(a.resolve("c1.nii.gz").toAbsolutePath().normalize(), b.toAbsolutePath()), f.searched());

		final Path empty = Files.write(lists.resolve("none.list"), "# nothing yet\n".getBytes(StandardCharsets.UTF_8));
		final CaseFinder.Found none = CaseFinder.find(Arrays.asList(empty), DicomNaming.SERIES, DicomLoadOptions.defaults());
		assertEquals(Arrays.asList(empty + ": the list names no inputs (one file or folder per line)"), none.problems());
	}

	@Test
	void theDataFilesOfHeaderFilesBelongToTheirCase() throws IOException {
		final Path in = Files.createDirectories(dir.resolve("in"));
		ImageFormats.write(TestVolumes.shorts(new long[] { 2, 2, 1 }, new double[] { 1, 2, 3, 4 }), in.resolve("pair.hdr"));
		ImageFormats.write(TestVolumes.shorts(new long[] { 2, 2, 1 }, new double[] { 1, 2, 3, 4 }), in.resolve("meta.mhd"));
		final CaseFinder.Found f = CaseFinder.find(Collections.singletonList(in), DicomNaming.SERIES, DicomLoadOptions.defaults());
		assertEquals(Arrays.asList("meta", "pair"), names(f));
		assertEquals(2, f.cases().get(0).files().size(), f.cases().get(0).files().toString());
		assertTrue(f.cases().get(0).files().get(1).endsWith(".raw") || f.cases().get(0).files().get(1).endsWith(".zraw"), f.cases().get(0).files().toString());
		assertEquals(Arrays.asList(in.resolve("pair.hdr").toString(), in.resolve("pair.img").toString()), f.cases().get(1).files());
		assertEquals(Collections.emptyList(), f.problems());
	}

	@Test
	void casesAreSmallSerializableValues() throws IOException {
		final CaseFinder.Found f = CaseFinder.find(Collections.singletonList(FIXTURES.resolve("two_series")), DicomNaming.SERIES, DicomLoadOptions.defaults());
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(f.cases().get(0));
		}
		assertTrue(bytes.size() < 2000, bytes.size() + " bytes");
	}
}

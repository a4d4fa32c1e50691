package org.medprep.commands.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.io.ImageFormats;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.testutil.TestVolumes;
import org.scijava.command.CommandInfo;

/** "Export nnU-Net Dataset" run headless from macro options: the layout and dataset.json it writes, and one line for a bad case. */
class ExportNnunetDatasetCommandTest extends HeadlessCommandTest {

	@TempDir
	Path dir;

	private static final long[] DIMS = { 3, 2, 2 };

	/** Case a with a label map (labels 0 and lung=1, or 2 when undeclared), case b without: a test case. */
	private void cases(final double lungValue) throws IOException {
		Files.createDirectories(dir.resolve("ct"));
		Files.createDirectories(dir.resolve("seg"));
		final double[] hu = { -1000, -800, 40, 40, 300, -1000, -1000, -800, 40, 40, 300, -1000 };
		ImageFormats.write(TestVolumes.shorts(DIMS, hu), dir.resolve("ct").resolve("a.nii.gz"));
		ImageFormats.write(TestVolumes.shorts(DIMS, hu), dir.resolve("ct").resolve("b.nii.gz"));
		final double[] seg = new double[12];
		seg[0] = seg[1] = lungValue;
		ImageFormats.write(TestVolumes.shorts(DIMS, seg), dir.resolve("seg").resolve("a.nii.gz"));
	}

	private Map<String, Object> export() {
		final CommandInfo info = commands.getCommand(ExportNnunetDatasetCommand.class);
		return invocation.run(info, "dataset_id=7 dataset_name=Lungs channels=[CT=" + dir.resolve("ct") + "] label_folder=[" + dir.resolve("seg")
			+ "] labels=[background=0; lung=1] output_folder=[" + dir.resolve("raw") + "]", null).outputs();
	}

	private static Set<String> names(final Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
		}
	}

	@Test
	void writesTheDatasetJsonAndTheNnUnetFileNames() throws IOException {
		cases(1);
		final Map<String, Object> out = export();
		final Path ds = dir.resolve("raw").resolve("Dataset007_Lungs");
		assertEquals(new File(ds.toString()), out.get("dataset_folder"));
		assertEquals(ds + ": 1 training case(s), 1 test case(s), 1 channel(s)", out.get("summary"));
		assertEquals(Set.of("dataset.json", "imagesTr", "imagesTs", "labelsTr"), names(ds));
		assertEquals(Set.of("a_0000.nii.gz"), names(ds.resolve("imagesTr")));
		assertEquals(Set.of("a.nii.gz"), names(ds.resolve("labelsTr")));
		assertEquals(Set.of("b_0000.nii.gz"), names(ds.resolve("imagesTs")));
		assertEquals("{\n"
			+ "  \"channel_names\": {\n"
			+ "    \"0\": \"CT\"\n"
			+ "  },\n"
			+ "  \"labels\": {\n"
			+ "    \"background\": 0,\n"
			+ "    \"lung\": 1\n"
			+ "  },\n"
			+ "  \"numTraining\": 1,\n"
			+ "  \"file_ending\": \".nii.gz\",\n"
			+ "  \"name\": \"Lungs\",\n"
			+ "  \"description\": \"written by MedPrep\"\n"
			+ "}\n", new String(Files.readAllBytes(ds.resolve("dataset.json")), StandardCharsets.UTF_8));
	}

	@Test
	void anUndeclaredLabelStopsTheExportWithOneLineAndNoOutput() throws IOException {
		cases(2);
		final CommandFailedException e = assertThrows(CommandFailedException.class, this::export);
		assertEquals("Export nnU-Net Dataset: " + dir.resolve("seg").resolve("a.nii.gz") + ": label 2 is not declared (declared: 0 to 1)", e.getMessage());
		assertFalse(Files.exists(dir.resolve("raw").resolve("Dataset007_Lungs")));
	}

	@Test
	void aChannelWithoutAFolderIsRefused() throws IOException {
		cases(1);
		final CommandInfo info = commands.getCommand(ExportNnunetDatasetCommand.class);
		final CommandFailedException e = assertThrows(CommandFailedException.class, () -> invocation.run(info, "dataset_id=7 dataset_name=Lungs channels=CT"
			+ " label_folder=[" + dir.resolve("seg") + "] labels=[background=0;lung=1] output_folder=[" + dir.resolve("raw") + "]", null));
		assertEquals("Export nnU-Net Dataset: channels takes NAME=FOLDER entries, got 'CT'", e.getMessage());
	}
}

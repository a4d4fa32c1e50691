package org.medprep.commands.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.ImageTitleService;
import org.medprep.commands.imagej.LabelMaps;
import org.medprep.core.Volume;
import org.medprep.testutil.HeadlessCommandTest;
import org.medprep.testutil.Json;
import org.medprep.testutil.TestVolumes;

/**
 * "Import RTSTRUCT" and "Import DICOM SEG" headless: the image named by title,
 * the label map on its grid equal to make_label_fixtures.py's reference.
 */
class ImportLabelMapCommandsTest extends HeadlessCommandTest {

	static Path labels(final String name) throws Exception {
		return Paths.get(ImportLabelMapCommandsTest.class.getResource("/org/medprep/io/dicom/labels/rs_ct_expected.json").toURI()).getParent()
			.resolve(name);
	}

	private static ImagePlus series(final String folder) throws Exception {
		final ImagePlus imp = (ImagePlus) invocation.run(commands.getCommand(ImportDicomSeriesCommand.class.getName()),
			"folder=[" + labels("study/" + folder) + "]", null).outputs().get("result");
		context.service(ImageTitleService.class).register(imp.getTitle(), imp);
		return imp;
	}

	@AfterEach
	void forget() {
		context.service(ImageTitleService.class).clear();
	}

	@SuppressWarnings("unchecked")
	private static double[] expected(final String name) throws Exception {
		final Map<String, Object> e = (Map<String, Object>) Json.parse(new String(Files.readAllBytes(labels(name + "_expected.json")), StandardCharsets.UTF_8));
		return Json.doubles(e.get("values"));
	}

	@Test
	void importRtStructOntoTheNamedImage() throws Exception {
		final ImagePlus ct = series("ct");
		final Outputs r = run(ImportRtStructCommand.class, "file=[" + labels("study/rs_ct.dcm") + "] image=[" + ct.getTitle() + "]");
		final ImagePlus map = r.map;
		assertEquals("label CT-rtstruct", map.getTitle());
		assertEquals(ImagePlus.GRAY8, map.getType());
		assertTrue(LabelMaps.isLabelMap(map), "shown as a label map, with the label colours");
		final Volume<?> v = ImagePlusVolumes.toVolume(map);
		assertTrue(v.geometry().sameSpace(ImagePlusVolumes.toVolume(ct).geometry(), 1e-9));
		assertArrayEquals(expected("rs_ct"), TestVolumes.values(ImagePlusVolumes.toVolume(map).data()), 0);
		assertEquals(6, r.table.size());
		assertEquals("Tumor", r.table.getStringValue("name", 1));
		assertEquals(7, (int) r.table.getValue("number", 1));
		assertTrue(v.metadata().getOrDefault("DicomWarnings", "").contains("ROI 'Empty' (5) has no contours"), v.metadata().toString());
		final List<String> history = HistoryStore.of(map).lines();
		assertTrue(history.get(history.size() - 1).startsWith("run(\"Import RTSTRUCT\", \"file="), history.toString());
	}

	@Test
	void importSegOntoTheNamedImage() throws Exception {
		final ImagePlus ct = series("ct");
		final Outputs r = run(ImportDicomSegCommand.class, "file=[" + labels("study/seg_binary.dcm") + "] image=[" + ct.getTitle() + "]");
		assertEquals("label CT-seg", r.map.getTitle());
		assertTrue(LabelMaps.isLabelMap(r.map), "shown as a label map, with the label colours");
		assertArrayEquals(expected("seg_binary"), TestVolumes.values(ImagePlusVolumes.toVolume(r.map).data()), 0);
		assertEquals("Lesion", r.table.getStringValue("name", 1));
	}

	@Test
	void refusesAnImageOfAnotherSeriesAndNamesIt() throws Exception {
		series("ct");
		final ImagePlus mr = series("mr");
		final CommandFailedException e = assertThrows(CommandFailedException.class,
			() -> run(ImportRtStructCommand.class, "file=[" + labels("study/rs_ct.dcm") + "] image=[" + mr.getTitle() + "]"));
		assertTrue(e.getMessage().contains("annotates series") && e.getMessage().contains("'label MR'"), e.getMessage());
		final CommandFailedException none = assertThrows(CommandFailedException.class,
			() -> run(ImportDicomSegCommand.class, "file=[" + labels("study/seg_binary.dcm") + "] image=[nothing open]"));
		assertTrue(none.getMessage().contains("no image titled 'nothing open'"), none.getMessage());
		final CommandFailedException notSeg = assertThrows(CommandFailedException.class,
			() -> run(ImportDicomSegCommand.class, "file=[" + labels("study/rs_ct.dcm") + "] image=[label MR]"));
		assertTrue(notSeg.getMessage().contains("rs_ct.dcm: not a DICOM Segmentation"), notSeg.getMessage());
	}

	/** The two outputs of a run. */
	static final class Outputs {
		final ImagePlus map;
		final ResultsTable table;

		Outputs(final Map<String, Object> outputs) {
			this.map = (ImagePlus) outputs.get("label_map");
			this.table = (ResultsTable) outputs.get("labels");
		}
	}

	private static Outputs run(final Class<?> command, final String options) {
		return new Outputs(invocation.run(commands.getCommand(command.getName()), options, null).outputs());
	}
}

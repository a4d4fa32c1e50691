package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.History;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.io.ImageFormats;
import org.medprep.testutil.Json;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.integer.ShortType;

/** Help everywhere, usage without arguments, and info that reads headers only, TIFF too, with the history and typed JSON. */
class CliMannersTest {

	@TempDir
	Path dir;

	@Test
	void helpOnEverySubcommandAndAsACommand() {
		for (final String sub : new String[] { "list", "run", "exec", "convert", "info", "anonymize", "demo", "bench" }) {
			final CliTest.Run r = CliTest.cli(sub, "--help");
			assertEquals(0, r.code, sub + ": " + r.err);
			assertTrue(r.out.contains("Usage: medprep " + sub), sub + ": " + r.out);
		}
		final CliTest.Run help = CliTest.cli("help");
		assertEquals(0, help.code);
		assertTrue(help.out.contains("Usage: medprep") && help.out.contains("convert"), help.out);
		final CliTest.Run helpRun = CliTest.cli("help", "run");
		assertTrue(helpRun.out.contains("--shard") && helpRun.out.contains("--seed"), helpRun.out);
	}

	@Test
	void versionNamesTheGzipDeflaterAndInflater() {
		final CliTest.Run r = CliTest.cli("--version");
		assertEquals(0, r.code, r.err);
		final String[] lines = r.out.trim().split("\\R");
		assertEquals(3, lines.length, r.out);
		assertTrue(lines[0].startsWith("medprep "), r.out);
		// on the machines MedPrep is built and benchmarked on, ISA-L loads; elsewhere the line says zlib
		final boolean linuxX86 = "Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch"));
		assertEquals(linuxX86 ? "gzip output: ISA-L (Intel GKL), level 1" : "gzip output: zlib, level 1", lines[1]);
		assertEquals(linuxX86 ? "gzip input: ISA-L (Intel GKL) for one-member files, MedPrep's members on all threads"
			: "gzip input: zlib, MedPrep's members on all threads", lines[2]);
		assertEquals("", r.err);
	}

	@Test
	void noArgumentsPrintsUsageAndExits2() {
		final CliTest.Run r = CliTest.cli();
		assertEquals(2, r.code);
		assertTrue(r.err.contains("Usage: medprep"), r.err);
		assertEquals("", r.out);
	}

	private Path niftiWithHistory(final String name) throws IOException {
		final Volume<ShortType> v = TestVolumes.shorts(new long[] { 4, 3, 2 }, new double[24]);
		final Volume<ShortType> withHistory = Volume.of(v.data(), Geometry.of(new double[] { 0.5, 0.75, 2 }, new double[] { 10, -20, 30 }),
			Map.of(Volume.HISTORY, "run(\"HU Window\", \"level=40.0 width=400.0\");\nrun(\"Random Flip\", \"seed=7\");"));
		final Path p = dir.resolve(name);
		ImageFormats.write(withHistory, p);
		return p;
	}

	@Test
	void infoReadsOnlyTheHeaderAndShowsTheHistory() throws IOException {
		final Path p = niftiWithHistory("ct.nii");
		// cut the voxels off: reading them would fail, the header is all info needs
		try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
			f.setLength(f.length() - 40);
		}
		final CliTest.Run text = CliTest.cli("info", p.toString());
		assertEquals(0, text.code, text.err);
		assertTrue(text.out.contains("size: [4, 3, 2]"), text.out);
		assertTrue(text.out.contains("spacing: [0.5, 0.75, 2.0]"), text.out);
		assertTrue(text.out.contains("history: \n  run(\"HU Window\", \"level=40.0 width=400.0\");\n  run(\"Random Flip\", \"seed=7\");"), text.out);
		final CliTest.Run json = CliTest.cli("info", "--json", p.toString());
		assertEquals(0, json.code, json.err);
		final Map<?, ?> m = (Map<?, ?>) Json.parse(json.out);
		assertEquals(Arrays.asList(4.0, 3.0, 2.0), m.get("size"));
		assertEquals(Arrays.asList(0.5, 0.75, 2.0), m.get("spacing"));
		assertEquals(Arrays.asList(10.0, -20.0, 30.0), m.get("origin"));
		assertEquals("int16", m.get("value_type"));
		assertEquals(2, ((List<?>) m.get("history")).size());
		final Map<?, ?> header = (Map<?, ?>) m.get("header");
		assertEquals(Arrays.asList(3.0, 4.0, 3.0, 2.0, 1.0, 1.0, 1.0, 1.0), header.get("dim"));
		assertTrue(header.get("bitpix") instanceof Number, String.valueOf(header.get("bitpix")));
		assertTrue(header.get("format") instanceof String);
	}

	@Test
	void infoReadsTiffHeadersAndTheirHistory() throws IOException {
		final ImagePlus imp = ImagePlusVolumes.toImagePlus(TestVolumes.shorts(new long[] { 5, 4, 3 }, new double[60]), "t", null);
		HistoryStore.put(imp, HistoryStore.of(imp).then(History.Step.of("run(\"Clip Intensity\", \"min=-1000.0 max=400.0\");")));
		final Path p = dir.resolve("t.tif");
		ImageFiles.write(imp, p);
		final CliTest.Run json = CliTest.cli("info", "--json", p.toString());
		assertEquals(0, json.code, json.err);
		final Map<?, ?> m = (Map<?, ?>) Json.parse(json.out);
		assertEquals(Arrays.asList(5.0, 4.0, 3.0), m.get("size"));
		assertEquals(Arrays.asList("run(\"Clip Intensity\", \"min=-1000.0 max=400.0\");"), m.get("history"));
		final CliTest.Run text = CliTest.cli("info", p.toString());
		assertTrue(text.out.contains("format: TIFF"), text.out);
		assertFalse(text.out.contains("history: (none)"), text.out);
	}

	@Test
	void infoOnABrokenFileNamesIt() throws IOException {
		final Path p = Files.write(dir.resolve("bad.nii"), new byte[] { 1, 2, 3 });
		final CliTest.Run r = CliTest.cli("info", p.toString());
		assertTrue(r.code != 0);
		assertTrue(r.err.startsWith("medprep: " + p), r.err);
		assertFalse(r.err.contains("Exception"), r.err);
	}

	@Test
	void headerValuesBecomeJsonNumbers() {
		assertEquals(3L, InfoCommand.typedValue("3"));
		assertEquals(Arrays.asList(1L, 2.5, -3L), InfoCommand.typedValue("[1, 2.5, -3]"));
		assertEquals(Arrays.asList(256L, 256L, 96L), InfoCommand.typedValue("256 256 96"));
		assertEquals("4 (int16)", InfoCommand.typedValue("4 (int16)"));
		assertEquals("NaN", InfoCommand.typedValue("NaN"));
		assertEquals("MET_SHORT", InfoCommand.typedValue("MET_SHORT"));
	}
}

package org.medprep.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.io.storage.RasAffine;

/**
 * Agreement with DCMTK's dcmdump (header values) and dcm2niix + nibabel (voxels
 * and affine), recorded by make_fixtures.py.
 */
class ReferenceToolAgreementTest {

	@Test
	void headerValuesMatchDcmdump() throws Exception {
		final List<String> lines = Files.readAllLines(Fixtures.get("dcmdump_expected.tsv"), StandardCharsets.UTF_8);
		int compared = 0;
		for (final String line : lines) {
			if (line.startsWith("#") || line.isEmpty()) continue;
			final String[] f = line.split("\t", -1);
			final DicomFile file = DicomParser.readHeader(Fixtures.get(f[0]));
			final int tag = (int) Long.parseLong(f[1], 16);
			final DicomDataset ds = (tag >>> 16) == 2 ? file.meta() : file.dataset();
			// dcmdump lists elements in file order, items inline: take the first occurrence in the same order
			final DicomDataset holder = firstHolder(ds, tag);
			final String ours = holder == null ? "<absent>" : holder.getString(tag, "<absent>");
			final String theirs = f[2];
			final String what = f[0] + " " + DicomDictionary.describe(tag);
			if (ours.equals(theirs)) {
				compared++;
				continue;
			}
			// numbers may be printed differently (e.g. DS "3" vs "3.0"): compare values
			final String[] a = ours.split("\\\\");
			final String[] b = theirs.split("\\\\");
			assertEquals(b.length, a.length, what + ": ours " + ours + ", dcmdump " + theirs);
			for (int i = 0; i < a.length; i++)
				assertEquals(Double.parseDouble(b[i]), Double.parseDouble(a[i]), 0, what + ": ours " + ours + ", dcmdump " + theirs);
			compared++;
		}
		assertTrue(compared >= 100, "compared " + compared + " values");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ct_axial", "ct_sagittal" })
	void volumeMatchesDcm2niix(final String series) throws Exception {
		final String json = new String(Files.readAllBytes(Fixtures.get(series + "_dcm2niix.json")), StandardCharsets.UTF_8);
		final double[] shape = numbers(json, "shape");
		final double[] affine = numbers(json, "affine"); // 4x4 RAS, row major
		final double[] values = numbers(json, "values"); // i fastest
		final Volume<?> v = DicomSeriesLoaderTest.loadOne(series).volume();
		final Geometry g = v.geometry();
		final int ni = (int) shape[0], nj = (int) shape[1], nk = (int) shape[2];
		assertEquals(v.numVoxels(), (long) ni * nj * nk);
		int n = 0;
		for (int k = 0; k < nk; k++)
			for (int j = 0; j < nj; j++)
				for (int i = 0; i < ni; i++) {
					// dcm2niix voxel centre in RAS, then LPS (one sign flip of x and y)
					final double[] ras = new double[3];
					for (int r = 0; r < 3; r++) ras[r] = affine[4 * r] * i + affine[4 * r + 1] * j + affine[4 * r + 2] * k + affine[4 * r + 3];
					final double[] lps = { -ras[0], -ras[1], ras[2] };
					final double[] idx = g.physicalToIndex(lps);
					final int[] ours = new int[3];
					for (int d = 0; d < 3; d++) {
						ours[d] = (int) Math.round(idx[d]);
						assertTrue(ours[d] >= 0 && ours[d] < v.dimension(d), "voxel " + i + "," + j + "," + k + " maps outside: " + idx[d]);
					}
					// same place within 1e-3 mm
					final double[] back = g.indexToPhysical(new double[] { ours[0], ours[1], ours[2] });
					for (int d = 0; d < 3; d++)
						assertEquals(lps[d], back[d], 1e-3, "position of dcm2niix voxel " + i + "," + j + "," + k);
					assertEquals(values[n], DicomSeriesLoaderTest.at(v.data(), ours[0], ours[1], ours[2]), 1e-3,
						"value of dcm2niix voxel " + i + "," + j + "," + k);
					n++;
				}
		assertEquals(values.length, n);
		// the 4x4 affine itself: our geometry as a RAS affine (RasAffine), expressed in dcm2niix's voxel order
		final double[][] ourAffine = new double[3][4];
		final double[] o = rasOfDcm2niixVoxel(g, affine, 0, 0, 0);
		final int[][] unit = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
		for (int c = 0; c < 3; c++) {
			final double[] p = rasOfDcm2niixVoxel(g, affine, unit[c][0], unit[c][1], unit[c][2]);
			for (int r = 0; r < 3; r++) ourAffine[r][c] = p[r] - o[r];
		}
		for (int r = 0; r < 3; r++) ourAffine[r][3] = o[r];
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++)
				assertEquals(affine[4 * r + c], ourAffine[r][c], 1e-3, series + ": affine[" + r + "][" + c + "]");
	}

	/** Our RAS position of the voxel of ours that dcm2niix's voxel (i, j, k) lands on. */
	private static double[] rasOfDcm2niixVoxel(final Geometry g, final double[] affine, final int i, final int j, final int k) {
		final double[] lps = new double[3];
		for (int r = 0; r < 3; r++) lps[r] = (r < 2 ? -1 : 1) * (affine[4 * r] * i + affine[4 * r + 1] * j + affine[4 * r + 2] * k + affine[4 * r + 3]);
		final double[] idx = g.physicalToIndex(lps);
		for (int d = 0; d < 3; d++) idx[d] = Math.round(idx[d]);
		// our affine in RAS through the project's one LPS<->RAS conversion
		final double[][] a = RasAffine.fromGeometry(g);
		final double[] ras = new double[3];
		for (int r = 0; r < 3; r++) ras[r] = a[r][0] * idx[0] + a[r][1] * idx[1] + a[r][2] * idx[2] + a[r][3];
		return ras;
	}

	private static DicomDataset firstHolder(final DicomDataset ds, final int tag) {
		for (final DicomElement e : ds.elements()) {
			if (e.tag() == tag) return ds;
			for (final DicomDataset item : e.items()) {
				final DicomDataset h = firstHolder(item, tag);
				if (h != null) return h;
			}
		}
		return null;
	}

	/** The numbers of a top-level JSON array field (nested arrays flattened); enough for the fixture files. */
	private static double[] numbers(final String json, final String key) {
		final int start = json.indexOf("\"" + key + "\"");
		assertTrue(start >= 0, "no " + key);
		int i = json.indexOf('[', start);
		int depth = 0;
		int end = i;
		for (; end < json.length(); end++) {
			if (json.charAt(end) == '[') depth++;
			if (json.charAt(end) == ']' && --depth == 0) break;
		}
		final Matcher m = Pattern.compile("-?[0-9.]+(?:[eE][-+]?[0-9]+)?").matcher(json.substring(i, end));
		final List<Double> out = new ArrayList<>();
		while (m.find()) out.add(Double.parseDouble(m.group()));
		return out.stream().mapToDouble(Double::doubleValue).toArray();
	}
}

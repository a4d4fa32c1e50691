package org.medprep.io.dicom.label;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.medprep.core.Volume;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomSeriesLoader;
import org.medprep.testutil.Json;

/** The fixtures of make_label_fixtures.py: two image series, two RTSTRUCTs, two SEGs, and the label maps they must give. */
final class LabelFixtures {

	private LabelFixtures() {}

	static Path root() {
		final URL url = LabelFixtures.class.getResource("/org/medprep/io/dicom/labels/rs_ct_expected.json");
		if (url == null) throw new IllegalStateException("label fixtures missing from the test classpath");
		try {
			return Paths.get(url.toURI()).getParent();
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static Path study(final String relative) {
		return root().resolve("study").resolve(relative);
	}

	/** The image series in study/{@code name} (ct or mr), loaded. */
	static Volume<?> image(final String name) throws IOException {
		return DicomSeriesLoader.load(DicomFolder.scan(study(name)).series().get(0)).volume();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> expected(final String name) {
		return (Map<String, Object>) Json.parse(read(root().resolve(name + "_expected.json")));
	}

	static int[] values(final Map<String, Object> expected) {
		final double[] d = Json.doubles(expected.get("values"));
		final int[] v = new int[d.length];
		for (int i = 0; i < d.length; i++) v[i] = (int) d[i];
		return v;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> labels(final Map<String, Object> expected) {
		return (List<Map<String, Object>>) expected.get("labels");
	}

	private static String read(final Path p) {
		try {
			return new String(java.nio.file.Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}

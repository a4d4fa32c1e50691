package org.medprep.core.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the scikit-learn fixtures made by src/test/resources/org/medprep/segment/make_fixtures.py. */
final class Fixtures {

	private Fixtures() {}

	static byte[] bytes(final String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/org/medprep/segment/" + name)) {
			if (in == null) throw new IllegalStateException("missing fixture " + name);
			return in.readAllBytes();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static double[] uint16(final String name) {
		final ByteBuffer b = ByteBuffer.wrap(bytes(name)).order(ByteOrder.LITTLE_ENDIAN);
		final double[] out = new double[b.remaining() / 2];
		for (int i = 0; i < out.length; i++) out[i] = b.getShort() & 0xffff;
		return out;
	}

	static double[] float64(final String name) {
		final ByteBuffer b = ByteBuffer.wrap(bytes(name)).order(ByteOrder.LITTLE_ENDIAN);
		final double[] out = new double[b.remaining() / 8];
		for (int i = 0; i < out.length; i++) out[i] = b.getDouble();
		return out;
	}

	/** Data rows of a tab-separated file (comment lines and the header skipped). */
	static List<String[]> tsv(final String name) {
		final List<String[]> rows = new ArrayList<>();
		boolean header = true;
		for (final String line : new String(bytes(name), StandardCharsets.UTF_8).split("\n")) {
			if (line.startsWith("#") || line.isEmpty()) continue;
			if (header) { header = false; continue; }
			rows.add(line.split("\t"));
		}
		return rows;
	}
}

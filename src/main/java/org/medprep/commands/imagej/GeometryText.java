package org.medprep.commands.imagej;

import java.util.Locale;

import org.medprep.core.Geometry;

/**
 * The one-line text form of a {@link Geometry} kept in an ImagePlus property:
 * {@code spacing=sx,sy,sz origin=ox,oy,oz direction=d00,d01,...,d22} (row-major,
 * mm, LPS). Doubles are written in full precision so a round trip is exact.
 */
final class GeometryText {

	private GeometryText() {}

	static String format(final Geometry g) {
		final StringBuilder sb = new StringBuilder("spacing=");
		join(sb, g.spacing());
		sb.append(" origin=");
		join(sb, g.origin());
		sb.append(" direction=");
		final double[][] d = g.direction();
		join(sb, new double[] { d[0][0], d[0][1], d[0][2], d[1][0], d[1][1], d[1][2], d[2][0], d[2][1], d[2][2] });
		return sb.toString();
	}

	/** @throws IllegalArgumentException naming what is malformed */
	static Geometry parse(final String text) {
		double[] spacing = null, origin = null, dir = null;
		for (final String part : text.trim().split("\\s+")) {
			final int eq = part.indexOf('=');
			if (eq < 0) throw new IllegalArgumentException("malformed geometry property: '" + part + "' in '" + text + "'");
			final String key = part.substring(0, eq);
			final double[] values = numbers(part.substring(eq + 1), text);
			if (key.equals("spacing")) spacing = values;
			else if (key.equals("origin")) origin = values;
			else if (key.equals("direction")) dir = values;
		}
		if (spacing == null || origin == null || dir == null || dir.length != 9)
			throw new IllegalArgumentException("geometry property needs spacing, origin and 9 direction cosines: '" + text + "'");
		return Geometry.of(spacing, origin, new double[][] { { dir[0], dir[1], dir[2] }, { dir[3], dir[4], dir[5] }, { dir[6], dir[7], dir[8] } });
	}

	private static double[] numbers(final String csv, final String text) {
		final String[] items = csv.split(",");
		final double[] v = new double[items.length];
		for (int i = 0; i < items.length; i++) {
			try {
				v[i] = Double.parseDouble(items[i]);
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException("malformed number '" + items[i] + "' in geometry property '" + text + "'");
			}
		}
		return v;
	}

	private static void join(final StringBuilder sb, final double[] v) {
		for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%s", Double.toString(v[i])));
	}
}

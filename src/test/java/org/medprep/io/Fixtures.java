package org.medprep.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/** Test fixtures on the class path and the values recorded next to them. */
public final class Fixtures {

	private Fixtures() {}

	public static Path path(final Class<?> near, final String name) {
		try {
			return Paths.get(near.getResource(name).toURI());
		}
		catch (final URISyntaxException | NullPointerException e) {
			throw new IllegalStateException("missing test fixture " + name + " next to " + near.getName(), e);
		}
	}

	/** The NIfTI fixtures written by nibabel (nifti/make_fixtures.py) and what nibabel read from them. */
	public static final String NIFTI_FOLDER = "/org/medprep/io/nifti/";

	public static Properties niftiExpected() {
		return properties(Fixtures.class, NIFTI_FOLDER + "expected.properties");
	}

	/** The path of a nibabel fixture by its name in expected.properties. */
	public static Path nifti(final String name) {
		return path(Fixtures.class, NIFTI_FOLDER + niftiExpected().getProperty(name + ".file"));
	}

	public static Properties properties(final Class<?> near, final String name) {
		try (InputStream in = near.getResourceAsStream(name)) {
			if (in == null) throw new IllegalStateException("missing test fixture " + name);
			final Properties p = new Properties();
			p.load(in);
			return p;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static double[] doubles(final String spaceSeparated) {
		final String[] parts = spaceSeparated.trim().split("\\s+");
		final double[] d = new double[parts.length];
		for (int i = 0; i < parts.length; i++) d[i] = Double.parseDouble(parts[i]);
		return d;
	}

	/** A 4x4 matrix from 16 row-major numbers. */
	public static double[][] matrix4(final String rowMajor) {
		final double[] d = doubles(rowMajor);
		final double[][] m = new double[4][4];
		for (int i = 0; i < 16; i++) m[i / 4][i % 4] = d[i];
		return m;
	}

	/** The voxel values, x fastest (numpy order 'F'). */
	public static double[] values(final RandomAccessibleInterval<? extends RealType<?>> img) {
		final long n = net.imglib2.util.Intervals.numElements(img);
		final double[] v = new double[(int) n];
		int i = 0;
		for (final RealType<?> t : Views.flatIterable(img)) v[i++] = t.getRealDouble();
		return v;
	}
}

package org.medprep.core.registration;

/** The starting transform of a registration (see {@link Initialization}). */
final class Initializer {

	private Initializer() {}

	static ParametricTransform initial(final TransformType type, final Initialization how, final LevelImage fixed, final LevelImage fixedMask,
		final LevelImage moving, final LevelImage movingMask)
	{
		switch (how) {
			case NONE:
				return ParametricTransform.identity(type, fixed.grid.center());
			case GEOMETRY_CENTRE: {
				final double[] f = fixed.grid.center(), m = moving.grid.center();
				return ParametricTransform.identity(type, f).withTranslation(new double[] { m[0] - f[0], m[1] - f[1], m[2] - f[2] });
			}
			default: {
				final double[] f = centreOfMass(fixed, fixedMask), m = centreOfMass(moving, movingMask);
				return ParametricTransform.identity(type, f).withTranslation(new double[] { m[0] - f[0], m[1] - f[1], m[2] - f[2] });
			}
		}
	}

	/**
	 * The centre (mm) of the intensities above the image's minimum, inside the mask.
	 * Summed plane by plane, in order, so the result is the same on any machine.
	 */
	static double[] centreOfMass(final LevelImage image, final LevelImage mask) {
		final double min = IntensityRange.of(image, mask)[0];
		double w = 0, sx = 0, sy = 0, sz = 0;
		final float[] d = image.data;
		for (int z = 0, i = 0; z < image.nz; z++) {
			double pw = 0, px = 0, py = 0;
			for (int y = 0; y < image.ny; y++) {
				double rw = 0, rx = 0;
				for (int x = 0; x < image.nx; x++, i++) {
					if (mask != null && mask.data[i] == 0) continue;
					final double v = d[i] - min;
					rw += v;
					rx += v * x;
				}
				pw += rw;
				px += rx;
				py += rw * y;
			}
			w += pw;
			sx += px;
			sy += py;
			sz += pw * z;
		}
		if (!(w > 0)) return image.grid.center();
		return image.grid.geometry().indexToPhysical(new double[] { sx / w, sy / w, sz / w });
	}
}

package org.medprep.bench;

import java.util.ArrayList;
import java.util.List;

import org.medprep.core.Volume;
import org.medprep.core.registration.Registration;
import org.medprep.core.registration.RegistrationSettings;
import org.medprep.core.registration.TransformType;
import org.medprep.core.spatial.Sampling;

import net.imglib2.type.numeric.real.FloatType;

/**
 * Registration of the T1 head to the moved T2 head ({@link RegistrationCases#affine}):
 * both 160x160x128, oblique, with elastix's default affine settings (Mattes MI,
 * 32 bins, 4 levels, 256 iterations, 2048 points per iteration), and rigid;
 * the second case also resamples the moving image onto the fixed grid. The
 * median time is the time of one registration; voxels are the fixed image's.
 * Quick: the same head at 6 mm (27x27x21).
 */
public class RegistrationBenchmarks implements BenchmarkSuite {

	@Override
	public String name() {
		return "registration";
	}

	@Override
	public List<BenchmarkCase> cases(final boolean quick) {
		final RegistrationCase c = RegistrationCases.affine(quick ? 6 : 1);
		final long voxels = c.fixedGrid().numVoxels();
		final String size = c.fixedGrid().size(0) + "x" + c.fixedGrid().size(1) + "x" + c.fixedGrid().size(2);
		final List<BenchmarkCase> cases = new ArrayList<>();
		final RegistrationSettings affine = RegistrationSettings.defaults().withSeed(1);
		cases.add(new BenchmarkCase("Register affine MI 4 levels " + size, voxels, () -> pair(c), p -> register(p, affine, false)));
		cases.add(new BenchmarkCase("Register rigid MI 4 levels + resample " + size, voxels, () -> pair(c),
			p -> register(p, affine.withTransform(TransformType.RIGID), true)));
		return cases;
	}

	private static Object pair(final RegistrationCase c) {
		return new Object[] { c.fixed(), c.moving() };
	}

	@SuppressWarnings("unchecked")
	private static Object register(final Object pair, final RegistrationSettings settings, final boolean resample) {
		final Volume<FloatType> fixed = (Volume<FloatType>) ((Object[]) pair)[0], moving = (Volume<FloatType>) ((Object[]) pair)[1];
		final org.medprep.core.registration.RegistrationResult r = new Registration(settings).register(fixed, moving);
		return resample ? r.resample(moving, Sampling.linear()) : r;
	}
}

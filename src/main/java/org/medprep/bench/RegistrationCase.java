package org.medprep.bench;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.phantom.MultimodalHeadPhantom;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;

import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A registration problem with a known answer: a T1 {@link MultimodalHeadPhantom} on the
 * fixed grid, the same head moved by {@code truth} and imaged in T2 (the
 * inverted contrast, its own bias field and noise) on the moving grid. The
 * truth is the transform a registration should find: fixed mm to moving mm.
 */
public final class RegistrationCase {

	private final String name;
	private final Grid fixedGrid, movingGrid;
	private final PhysicalAffine truth;
	private final MultimodalHeadPhantom phantom;

	public RegistrationCase(final String name, final Grid fixedGrid, final Grid movingGrid, final PhysicalAffine truth, final MultimodalHeadPhantom phantom) {
		this.name = name;
		this.fixedGrid = fixedGrid;
		this.movingGrid = movingGrid;
		this.truth = truth;
		this.phantom = phantom;
	}

	public String name() { return name; }
	public Grid fixedGrid() { return fixedGrid; }
	public Grid movingGrid() { return movingGrid; }
	/** The transform from fixed to moving patient coordinates that the moving image was made with. */
	public PhysicalAffine truth() { return truth; }

	public Volume<FloatType> fixed() {
		return phantom.image(fixedGrid, MultimodalHeadPhantom.Contrast.T1, PhysicalAffine.identity());
	}

	public Volume<FloatType> moving() {
		return phantom.image(movingGrid, MultimodalHeadPhantom.Contrast.T2, truth.inverse());
	}

	/** The head on the fixed grid: where the target registration error is measured. */
	public Volume<UnsignedByteType> fixedForeground() {
		return MultimodalHeadPhantom.foreground(fixedGrid, PhysicalAffine.identity());
	}

	/** Mean distance (mm) between where {@code estimate} and the truth take the fixed image's head voxels. */
	public double meanTargetRegistrationError(final PhysicalAffine estimate) {
		final Volume<UnsignedByteType> fg = fixedForeground();
		final Geometry g = fixedGrid.geometry();
		final net.imglib2.Cursor<UnsignedByteType> c = net.imglib2.view.Views.flatIterable(fg.data()).localizingCursor();
		double sum = 0;
		long n = 0;
		final double[] index = new double[3];
		while (c.hasNext()) {
			if (c.next().get() == 0) continue;
			for (int d = 0; d < 3; d++) index[d] = c.getDoublePosition(d);
			final double[] x = g.indexToPhysical(index);
			final double[] a = estimate.apply(x), b = truth.apply(x);
			sum += Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
			n++;
		}
		return sum / n;
	}
}

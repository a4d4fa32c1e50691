package org.medprep.commands.imagej;

import ij.VirtualStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.medprep.core.ComputedPlanes;

/**
 * A float stack over a result whose planes are not computed yet: each read
 * computes its plane afresh and nothing is kept. For writers, which read each
 * plane once ({@link #pending} lets them compute into buffers of their own);
 * never shown to a user, since every read pays the computation again.
 */
public final class ComputedStack extends VirtualStack {

	private final ComputedPlanes.Pending pending;

	ComputedStack(final int width, final int height, final int depth, final ComputedPlanes.Pending pending) {
		super(width, height, depth);
		setBitDepth(32);
		this.pending = pending;
	}

	/** The planes, for a writer that fills its own buffers. */
	public ComputedPlanes.Pending pending() {
		return pending;
	}

	@Override
	public Object getPixels(final int n) {
		if (n < 1 || n > size()) throw new IllegalArgumentException("plane " + n + " of " + size());
		final float[] plane = new float[getWidth() * getHeight()];
		pending.fill(n - 1, plane);
		return plane;
	}

	@Override
	public ImageProcessor getProcessor(final int n) {
		return new FloatProcessor(getWidth(), getHeight(), (float[]) getPixels(n));
	}
}

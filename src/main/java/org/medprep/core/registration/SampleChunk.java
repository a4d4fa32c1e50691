package org.medprep.core.registration;

/**
 * The points of one chunk of samples that map inside the moving image (and
 * masks), with what the metrics need of each: fixed and moving values, the
 * moving image's gradient (per mm of moving space) and the point's offset
 * from the transform centre (mm). Scratch memory reused from one iteration to
 * the next by one task at a time.
 */
final class SampleChunk {

	final double[] ux, uy, uz;
	final double[] fixed, moving;
	final double[] gx, gy, gz;
	final double[] dx, dy, dz;
	/** Points drawn, and how many of them are valid (stored first). */
	int drawn, count;

	SampleChunk(final int capacity) {
		ux = new double[capacity];
		uy = new double[capacity];
		uz = new double[capacity];
		fixed = new double[capacity];
		moving = new double[capacity];
		gx = new double[capacity];
		gy = new double[capacity];
		gz = new double[capacity];
		dx = new double[capacity];
		dy = new double[capacity];
		dz = new double[capacity];
	}

	int capacity() {
		return ux.length;
	}
}

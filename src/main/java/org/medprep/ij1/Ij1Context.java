package org.medprep.ij1;

import org.scijava.Context;

/**
 * The SciJava context of the ImageJ 1.x bridge. Plain ImageJ 1.x has no
 * context to hand a plugin, and creating one per command costs a second, so
 * the bridge keeps one per JVM, created on first use. (Fiji never uses this:
 * there the commands run in Fiji's own context.)
 */
final class Ij1Context {

	private static volatile Context context;

	private Ij1Context() {}

	static Context get() {
		Context c = context;
		if (c == null) {
			synchronized (Ij1Context.class) {
				c = context;
				if (c == null) context = c = new Context();
			}
		}
		return c;
	}
}

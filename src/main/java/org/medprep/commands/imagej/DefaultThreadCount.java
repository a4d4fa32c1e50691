package org.medprep.commands.imagej;

import ij.Prefs;

import org.medprep.commands.engine.ThreadCount;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/** ImageJ's thread setting, until this context is given its own count. */
@Plugin(type = Service.class)
public class DefaultThreadCount extends AbstractService implements ThreadCount {

	/** 0 until set: then ImageJ's setting is read at each use, as Fiji's users expect when they change it. */
	private volatile int explicit;

	@Override
	public int count() {
		return explicit > 0 ? explicit : Math.max(1, Prefs.getThreads());
	}

	@Override
	public void set(final int threads) {
		if (threads < 1) throw new IllegalArgumentException("the thread count must be at least 1, got " + threads);
		explicit = threads;
	}
}

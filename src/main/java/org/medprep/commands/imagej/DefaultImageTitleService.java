package org.medprep.commands.imagej;

import ij.ImagePlus;
import ij.WindowManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/** Registered images first, then ImageJ's WindowManager (open and batch-mode images). */
@Plugin(type = Service.class)
public class DefaultImageTitleService extends AbstractService implements ImageTitleService {

	private final Map<String, ImagePlus> registered = new LinkedHashMap<>();

	@Override
	public synchronized void register(final String title, final ImagePlus imp) {
		registered.put(title, imp);
	}

	@Override
	public synchronized void unregister(final String title) {
		registered.remove(title);
	}

	@Override
	public synchronized boolean isRegistered(final String title) {
		return registered.containsKey(title);
	}

	@Override
	public synchronized void clear() {
		registered.clear();
	}

	@Override
	public synchronized ImagePlus find(final String title) {
		final ImagePlus r = registered.get(title);
		if (r != null) return r;
		final ImagePlus open = WindowManager.getImage(title);
		if (open != null) return open;
		throw new IllegalArgumentException("no image titled '" + title + "'; available: " + titles());
	}

	@Override
	public synchronized List<String> titles() {
		final List<String> t = new ArrayList<>(registered.keySet());
		final int[] ids = WindowManager.getIDList();
		if (ids != null) {
			for (final int id : ids) {
				final ImagePlus imp = WindowManager.getImage(id);
				if (imp != null && !t.contains(imp.getTitle())) t.add(imp.getTitle());
			}
		}
		return t;
	}
}

package org.medprep.commands.host;

import ij.ImagePlus;

import org.medprep.commands.engine.CommandCatalog;
import org.scijava.module.Module;

/** Which modules are MedPrep's, and what their main image input holds. */
final class MedPrepModules {

	private MedPrepModules() {}

	static boolean isMedPrep(final Module module) {
		final String c = module.getInfo().getDelegateClassName();
		return c != null && c.startsWith("org.medprep.");
	}

	static String label(final Module module) {
		return CommandCatalog.label(module.getInfo());
	}

	/** A real image: not null, and not the empty {@code new ImagePlus()} a converter makes when no image is open. */
	static boolean isImage(final Object value) {
		return value instanceof ImagePlus && ((ImagePlus) value).getWidth() > 0 && ((ImagePlus) value).getStackSize() > 0;
	}
}

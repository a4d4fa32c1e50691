package org.medprep.commands.imagej;

import ij.Macro;

import org.medprep.commands.engine.MacroOptionSyntax;

/**
 * A command's macro options read with ImageJ's own {@link Macro#getValue},
 * exactly as Fiji's imagej-legacy fills SciJava inputs from a macro. Writing
 * options, listing their keys and setting one are
 * {@link MacroOptionSyntax}, which needs no ImageJ.
 */
public final class MacroOptions {

	private MacroOptions() {}

	/** The value of {@code key}, or null when absent (ImageJ's rules: keys are matched at word starts). */
	public static String get(final String options, final String key) {
		if (options == null) return null;
		return Macro.getValue(options, key, null);
	}
}

package org.medprep.commands;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The provenance of an image: the macro lines that made it, oldest first, in
 * exactly the form the Recorder writes and a pipeline file holds
 * ({@code run("HU Window", "level=40.0 width=400.0 ...");}), with random seeds
 * as drawn. Kept in an ImagePlus property, so it is saved in ImageJ TIFFs.
 */
public final class History {

	public static final String PROPERTY = "MedPrep.History";

	private History() {}

	public static List<String> of(final ImagePlus imp) {
		final String text = imp.getProp(PROPERTY);
		if (text == null || text.trim().isEmpty()) return Collections.emptyList();
		return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(text.trim().split("\n"))));
	}

	/** Appends one line to the image's history. */
	public static void append(final ImagePlus imp, final String line) {
		final List<String> lines = new ArrayList<>(of(imp));
		lines.add(line);
		imp.setProp(PROPERTY, String.join("\n", lines));
	}
}

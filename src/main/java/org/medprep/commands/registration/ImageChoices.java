package org.medprep.commands.registration;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.List;

import org.medprep.commands.imagej.ImageTitleService;



/** The image-title options of the registration commands: fixed choices first, then the images that can be named. */
final class ImageChoices {

	static final String THIS_IMAGE = "this image";
	static final String NONE = "None";

	private ImageChoices() {}

	static List<String> of(final ImageTitleService titles, final String... first) {
		final List<String> choices = new ArrayList<>(List.of(first));
		if (titles != null)
			for (final String t : titles.titles())
				if (!choices.contains(t)) choices.add(t);
		return choices;
	}

	/** The first image other than {@code self}, or "" when there is none. */
	static String other(final ImageTitleService titles, final ImagePlus self) {
		if (titles == null) return "";
		for (final String t : titles.titles())
			if (self == null || !t.equals(self.getTitle())) return t;
		return "";
	}

	static boolean isNone(final String choice) {
		return choice == null || choice.trim().isEmpty() || NONE.equals(choice);
	}
}

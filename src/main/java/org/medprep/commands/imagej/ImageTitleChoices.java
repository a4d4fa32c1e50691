package org.medprep.commands.imagej;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The choices of an option that names a second image (a mask, a label map, a
 * reference): its fixed choices first, then the titles of the images that can
 * be named, except the input image itself.
 */
public final class ImageTitleChoices {

	private ImageTitleChoices() {}

	/** {@code first}, then every title {@code titles} knows other than {@code self}'s (none without the service). */
	public static List<String> of(final Collection<String> first, final ImageTitleService titles, final ImagePlus self) {
		final List<String> choices = new ArrayList<>(first);
		if (titles != null)
			for (final String t : titles.titles())
				if (self == null || !t.equals(self.getTitle())) choices.add(t);
		return choices;
	}

	/** Like {@link #of(Collection, ImageTitleService, ImagePlus)}, the fixed choices given one by one. */
	public static List<String> of(final ImageTitleService titles, final ImagePlus self, final String... first) {
		return of(Arrays.asList(first), titles, self);
	}
}

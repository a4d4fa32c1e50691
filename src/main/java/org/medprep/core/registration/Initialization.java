package org.medprep.core.registration;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;
import java.util.Arrays;
import java.util.List;

/**
 * Where the optimization starts. {@link #NONE}: the identity in patient
 * coordinates (the scanner already placed both images, e.g. two series of one
 * session). {@link #GEOMETRY_CENTRE}: a translation that puts the centre of the
 * moving grid on the centre of the fixed grid. {@link #CENTRE_OF_MASS}: a
 * translation that puts the moving image's intensity centre of mass on the
 * fixed one's (intensities above each image's minimum, inside its mask), for
 * images from different scanners or an atlas. The transform's centre (the
 * fixed point of its rotation and scaling) is the fixed image's centre of mass
 * for the latter, else the centre of its grid.
 */
public enum Initialization implements Labelled {
	NONE("none"),
	GEOMETRY_CENTRE("geometry centre"),
	CENTRE_OF_MASS("centre of mass");

	private final String label;

	Initialization(final String label) {
		this.label = label;
	}

	@Override
	public String label() { return label; }

	/** The US spelling ("center"). */
	@Override
	public List<String> oldSpellings() {
		return label.contains("centre") ? List.of(label.replace("centre", "center")) : List.of();
	}

	public static String[] labels() {
		return Labels.of(Initialization.class).toArray(new String[0]);
	}

	/** Accepts the label, the enum name and the US spellings. @throws IllegalArgumentException listing the valid labels */
	public static Initialization fromLabel(final String label) {
		for (final Initialization i : values())
			if (i.label.equalsIgnoreCase(label) || i.name().equalsIgnoreCase(label) || i.label.replace("centre", "center").equalsIgnoreCase(label)) return i;
		throw new IllegalArgumentException("unknown initialization '" + label + "'; choose one of " + Arrays.toString(labels()));
	}
}

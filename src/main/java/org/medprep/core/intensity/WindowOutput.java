package org.medprep.core.intensity;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;

/** What a window produces: the network input range, a viewable 8-bit image, or HU limited to the window. */
public enum WindowOutput implements Labelled {
	FLOAT_UNIT("float 0-1"), BYTE("8-bit 0-255"), HU_CLIPPED("HU clipped");

	private final String label;

	WindowOutput(final String label) { this.label = label; }

	@Override
	public String label() { return label; }

	public static String[] labels() {
		return Labels.of(WindowOutput.class).toArray(new String[0]);
	}

	public static WindowOutput fromLabel(final String label) {
		return Labels.parse(WindowOutput.class, label, "window output");
	}
}

package org.medprep.core.intensity;

import java.util.Arrays;

/** What a window produces: the network input range, a viewable 8-bit image, or HU limited to the window. */
public enum WindowOutput {
	FLOAT_UNIT("float 0-1"), BYTE("8-bit 0-255"), HU_CLIPPED("HU clipped");

	private final String label;

	WindowOutput(final String label) { this.label = label; }

	public String label() { return label; }

	public static String[] labels() {
		return Arrays.stream(values()).map(WindowOutput::label).toArray(String[]::new);
	}

	public static WindowOutput fromLabel(final String label) {
		for (final WindowOutput o : values())
			if (o.label.equalsIgnoreCase(label) || o.name().equalsIgnoreCase(label)) return o;
		throw new IllegalArgumentException("unknown window output '" + label + "'; choose one of " + Arrays.toString(labels()));
	}
}

package org.medprep.io.dicom.label;

/**
 * One label of a label map made from an RTSTRUCT or a SEG: its value in the
 * map, the ROI or segment name and number in the DICOM object, its display
 * colour, and how many voxels got it.
 */
public final class LabelEntry {

	private final int label;
	private final String name;
	private final int number;
	private final String color;
	private final long voxels;

	LabelEntry(final int label, final String name, final int number, final String color, final long voxels) {
		this.label = label;
		this.name = name;
		this.number = number;
		this.color = color;
		this.voxels = voxels;
	}

	/** The value of this label's voxels (1, 2, ... in the order of the DICOM object; 0 is background). */
	public int label() { return label; }
	/** ROI Name (3006,0026) or Segment Label (0062,0005). */
	public String name() { return name; }
	/** ROI Number (3006,0022) or Segment Number (0062,0004). */
	public int number() { return number; }
	/** "#RRGGBB" from ROI Display Color or the Recommended Display CIELab Value; "" when the object gives none. */
	public String color() { return color; }
	/** Voxels of the map with this label (after later labels painted over earlier ones). */
	public long voxels() { return voxels; }

	LabelEntry withVoxels(final long n) {
		return new LabelEntry(label, name, number, color, n);
	}

	@Override
	public String toString() {
		return label + " " + name + " (" + number + ", " + voxels + " voxels)";
	}
}

package org.medprep.commands.geometry;

import org.scijava.plugin.Parameter;

/**
 * A geometry command that brings a case to a number of voxels per axis (Crop
 * or Pad, Resize to Shape): the three sizes are its first options, after the
 * label map ones, with the same names, labels and defaults in both.
 */
public abstract class ToShapeCommand extends GeometryCommand {

	@Parameter(label = "Size x", min = "1", description = "Output voxels along x.")
	private long size_x = 128;

	@Parameter(label = "Size y", min = "1", description = "Output voxels along y.")
	private long size_y = 128;

	@Parameter(label = "Size z", min = "1", description = "Output voxels along z.")
	private long size_z = 64;

	/** The output size in voxels, x, y, z. */
	protected final long[] shape() {
		return new long[] { size_x, size_y, size_z };
	}
}

package org.medprep.commands.augment;

import org.medprep.core.Labelled;

/** Units of a blur's sigma: mm (divided by each axis' spacing, TorchIO) or voxels (nnU-Net). */
public enum SigmaUnits implements Labelled {
	MM("mm"),
	VOXELS("voxels");

	private final String label;

	SigmaUnits(final String label) { this.label = label; }

	@Override
	public String label() { return label; }
}

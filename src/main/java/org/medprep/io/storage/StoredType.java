package org.medprep.io.storage;

import org.medprep.core.Labelled;
import java.util.Optional;

/** How a writer stores voxel values. */
public enum StoredType implements Labelled {

	/** The volume's own type if the format has it, else float32. */
	KEEP("keep"),
	/** Always float32. */
	FLOAT32("float32");

	private final String label;

	StoredType(final String label) {
		this.label = label;
	}

	@Override
	public String label() { return label; }

	public static String[] labels() {
		final StoredType[] all = values();
		final String[] l = new String[all.length];
		for (int i = 0; i < all.length; i++) l[i] = all[i].label;
		return l;
	}

	public static StoredType fromLabel(final String label) {
		for (final StoredType t : values())
			if (t.label.equalsIgnoreCase(label)) return t;
		throw new IllegalArgumentException("unknown stored type '" + label + "', expected one of " + String.join(", ", labels()));
	}

	/** The voxel type to write for data of this ImgLib2 type. */
	public VoxelType voxelType(final Object imgLib2Type) {
		if (this == FLOAT32) return VoxelType.FLOAT32;
		final Optional<VoxelType> own = VoxelType.of(imgLib2Type);
		return own.orElse(VoxelType.FLOAT32);
	}
}

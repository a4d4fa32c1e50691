package org.medprep.commands;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.scijava.module.MutableModuleItem;

import net.imglib2.type.numeric.RealType;

/**
 * The {@code mask} option shared by the statistics-based commands: "All voxels",
 * "Non-zero voxels", or the title of an open mask image (non-zero = inside).
 */
public final class MaskChoice {

	public static final String ALL = VoxelSelection.Kind.ALL.label();
	public static final String NON_ZERO = VoxelSelection.Kind.NON_ZERO.label();

	private MaskChoice() {}

	/** Offers the two fixed choices and the titles of the images that can serve as a mask. */
	public static void offerChoices(final MutableModuleItem<String> item, final ImageTitleService titles, final ImagePlus self) {
		final List<String> choices = new ArrayList<>();
		choices.add(ALL);
		choices.add(NON_ZERO);
		if (titles != null)
			for (final String t : titles.titles())
				if (self == null || !t.equals(self.getTitle())) choices.add(t);
		item.setChoices(choices);
	}

	/**
	 * @param lookup finds a mask by name (the subject's member, or an image of that title)
	 * @throws IllegalArgumentException if the mask image is missing or of another size
	 */
	public static VoxelSelection resolve(final String choice, final Volume<? extends RealType<?>> image,
		final Function<String, Volume<? extends RealType<?>>> lookup)
	{
		if (choice == null || choice.equals(ALL)) return VoxelSelection.all();
		if (choice.equals(NON_ZERO)) return VoxelSelection.nonZero();
		final Volume<? extends RealType<?>> mask = lookup.apply(choice);
		try {
			Planes.requireSameSize(image.data(), mask.data());
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("mask '" + choice + "' does not match the image: " + e.getMessage());
		}
		return VoxelSelection.mask(mask.data());
	}
}

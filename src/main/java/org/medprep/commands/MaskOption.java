package org.medprep.commands;

import ij.ImagePlus;

import java.util.function.Function;

import org.medprep.commands.imagej.ImageTitleChoices;
import org.medprep.commands.imagej.ImageTitleService;
import org.medprep.core.Labels;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.segment.MaskRule;
import org.scijava.module.MutableModuleItem;

import net.imglib2.type.numeric.RealType;

/**
 * The {@code mask} option of every command that learns statistics from some
 * voxels: a {@link MaskRule} ("all voxels", "non-zero voxels", "voxels > 0",
 * "Otsu threshold") or the title of an open mask image (non-zero = inside).
 * The old spellings ("All voxels", "Non-zero voxels") are accepted.
 */
public final class MaskOption {

	private MaskOption() {}

	/** Offers the rules and the titles of the images that can serve as a mask (not {@code self}). */
	public static void offerChoices(final MutableModuleItem<String> item, final ImageTitleService titles, final ImagePlus self) {
		item.setChoices(ImageTitleChoices.of(Labels.of(MaskRule.class), titles, self));
	}

	/** The rule {@code choice} names, or null for an image title. */
	public static MaskRule rule(final String choice) {
		return choice == null ? MaskRule.ALL : Labels.find(MaskRule.class, choice).orElse(null);
	}

	/**
	 * @param lookup finds a mask by name (the subject's member, or an image of that title)
	 * @throws IllegalArgumentException if the mask image is missing or of another size
	 */
	public static VoxelSelection resolve(final String choice, final Volume<? extends RealType<?>> image,
		final Function<String, Volume<? extends RealType<?>>> lookup)
	{
		final MaskRule rule = rule(choice);
		if (rule != null) return rule.select(image.data());
		final Volume<? extends RealType<?>> mask = maskImage(choice, image, lookup);
		return VoxelSelection.mask(mask.data());
	}

	/**
	 * The mask image a title names, checked against the image's size.
	 *
	 * @throws IllegalArgumentException if it is missing or of another size
	 */
	public static Volume<? extends RealType<?>> maskImage(final String choice, final Volume<? extends RealType<?>> image,
		final Function<String, Volume<? extends RealType<?>>> lookup)
	{
		final Volume<? extends RealType<?>> mask = lookup.apply(choice);
		try {
			MaskRule.within(image.data(), mask.data());
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("mask '" + choice + "' does not match the image: " + e.getMessage());
		}
		return mask;
	}
}

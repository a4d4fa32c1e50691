package org.medprep.commands.intensity;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.medprep.commands.ImageTitleService;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.normalize.Foreground;
import org.scijava.module.MutableModuleItem;

import net.imglib2.type.numeric.RealType;

/**
 * The {@code mask} option of the normalization commands: a foreground rule
 * ("voxels > 0", "Otsu threshold", "all voxels") or the title of an open mask
 * image (non-zero = inside).
 */
final class ForegroundChoice {

	static final String DEFAULT = Foreground.POSITIVE.label();

	private ForegroundChoice() {}

	static void offerChoices(final MutableModuleItem<String> item, final ImageTitleService titles, final ImagePlus self) {
		final List<String> choices = new ArrayList<>();
		for (final String l : Foreground.labels()) choices.add(l);
		if (titles != null)
			for (final String t : titles.titles())
				if (self == null || !t.equals(self.getTitle())) choices.add(t);
		item.setChoices(choices);
	}

	/** @throws IllegalArgumentException if a named mask is missing or of another size */
	static VoxelSelection resolve(final String choice, final Volume<? extends RealType<?>> image, final Function<String, Volume<? extends RealType<?>>> lookup) {
		for (final Foreground f : Foreground.values())
			if (f.label().equals(choice)) return f.select(image.data(), null);
		final Volume<? extends RealType<?>> mask = lookup.apply(choice);
		try {
			return Foreground.POSITIVE.select(image.data(), mask.data());
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("mask '" + choice + "' does not match the image: " + e.getMessage());
		}
	}

	/** The mask image itself for a title, or null for a foreground rule. */
	static Volume<? extends RealType<?>> maskImage(final String choice, final Function<String, Volume<? extends RealType<?>>> lookup) {
		for (final Foreground f : Foreground.values())
			if (f.label().equals(choice)) return null;
		return lookup.apply(choice);
	}
}

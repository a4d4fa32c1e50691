package org.medprep.commands.imagej;

import ij.ImagePlus;

import java.util.List;

import org.scijava.service.SciJavaService;

/**
 * Finds images by title, the way macros name secondary inputs (a mask, a
 * label map): images registered by the host (the CLI registers
 * {@code --image TITLE=PATH}), then ImageJ's open images.
 */
public interface ImageTitleService extends SciJavaService {

	/** Makes {@code imp} findable as {@code title} (replacing an earlier one). */
	void register(String title, ImagePlus imp);

	/** Forgets the image registered as {@code title} (open images stay findable). */
	void unregister(String title);

	/** Whether an image is registered as {@code title} (not counting open images). */
	boolean isRegistered(String title);

	void clear();

	/**
	 * @throws IllegalArgumentException naming the title and the images available
	 */
	ImagePlus find(String title);

	/** Titles that can be named: registered ones first, then open images. */
	List<String> titles();
}

package org.medprep.commands.imagej;

import ij.ImagePlus;

import org.medprep.core.History;
import org.medprep.core.Subject;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * The edge between ImageJ and MedPrep's case model: ImagePlus images in, a
 * {@link Subject} for the work, ImagePlus images out. Pixels are wrapped, not
 * copied, where the type allows ({@link ImagePlusVolumes}); the subject's
 * history comes from and goes to the images through {@link HistoryStore}.
 */
public final class SubjectImages {

	private SubjectImages() {}

	/**
	 * The subject of one image: the image as its main scalar image, named by its
	 * title, with the image's history.
	 * @throws IllegalArgumentException for images MedPrep cannot work on, or a malformed history
	 */
	public static Subject of(final ImagePlus image) {
		final History history = HistoryStore.of(image);
		return Subject.of(image.getTitle(), ImagePlusVolumes.toVolume(image)).withHistory(history);
	}

	/**
	 * With another image as a member (a label map named by its title in a macro).
	 * @throws IllegalArgumentException if it is not on the subject's grid, naming it
	 */
	public static Subject with(final Subject subject, final String name, final Subject.Kind kind, final ImagePlus imp) {
		final Volume<? extends RealType<?>> v = ImagePlusVolumes.toVolume(imp);
		try {
			return subject.with(name, kind, v);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("image '" + imp.getTitle() + "' cannot join '" + subject.mainName() + "': " + e.getMessage());
		}
	}

	/**
	 * One member as a new image titled {@code title}, carrying the subject's
	 * history; {@code template} (the image the command started from) lends its
	 * calibration unit where the spacing is unchanged. A label map member comes
	 * out marked as one, with the label colours ({@link LabelMaps}).
	 */
	public static ImagePlus toImagePlus(final Subject subject, final String member, final String title, final ImagePlus template) {
		final ImagePlus imp = ImagePlusVolumes.toImagePlus(subject.volume(member), title, template);
		HistoryStore.put(imp, subject.history());
		return subject.kind(member) == Subject.Kind.LABEL ? LabelMaps.mark(imp) : imp;
	}
}

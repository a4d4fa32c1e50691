package org.medprep.commands.imagej;

import ij.ImagePlus;

import org.medprep.core.History;
import org.medprep.core.Volume;

/**
 * The one place that knows where a case's {@link History} lives in each
 * container, as its text ({@link History#toText}):
 * <ul>
 * <li>an ImagePlus: the property {@value #PROPERTY}, which ImageJ saves in
 * the TIFFs it writes (the image's info) and reads back;</li>
 * <li>a Volume: the metadata entry {@link Volume#HISTORY}, which the NIfTI
 * writer stores as a comment header extension and the MetaImage writer as a
 * header field, and their readers read back.</li>
 * </ul>
 * Everything that converts between these containers goes through here, so a
 * history survives every format MedPrep writes.
 */
public final class HistoryStore {

	/** The ImagePlus property holding the history text. */
	public static final String PROPERTY = "MedPrep.History";

	private HistoryStore() {}

	/**
	 * The image's history (empty if it has none).
	 * @throws IllegalArgumentException naming the image if its history is malformed
	 */
	public static History of(final ImagePlus imp) {
		try {
			return History.parse(imp.getProp(PROPERTY));
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("image '" + imp.getTitle() + "': " + e.getMessage());
		}
	}

	/** Sets the image's history (an empty history removes the property). */
	public static void put(final ImagePlus imp, final History history) {
		imp.setProp(PROPERTY, history.isEmpty() ? null : history.toText());
	}

	/**
	 * The history a volume brought from its file (empty if none).
	 * @throws IllegalArgumentException if it is malformed
	 */
	public static History of(final Volume<?> volume) {
		return History.parse(volume.metadata().get(Volume.HISTORY));
	}

	/** The volume with {@code history} as the one its writer stores (none for an empty history). */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static <V extends Volume<?>> V with(final V volume, final History history) {
		return (V) ((Volume) volume).withMetadata(Volume.HISTORY, history.isEmpty() ? null : history.toText());
	}

	/** The volume without a history entry (a subject member: the subject holds the history). */
	public static <V extends Volume<?>> V without(final V volume) {
		return volume.metadata().containsKey(Volume.HISTORY) ? with(volume, History.empty()) : volume;
	}
}

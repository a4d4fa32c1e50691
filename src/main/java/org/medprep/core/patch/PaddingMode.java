package org.medprep.core.patch;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;

import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * What a patch sees beyond the image's faces, with numpy's {@code np.pad}
 * names (TorchIO's {@code padding_mode}): {@link #NONE} (patches stay inside),
 * {@link #CONSTANT} (a fill value), {@link #EDGE} (the edge voxel repeats),
 * {@link #REFLECT} ({@code d c b | a b c d | c b a}) and {@link #SYMMETRIC}
 * ({@code c b a | a b c d | d c b}).
 */
public enum PaddingMode implements Labelled {
	NONE("none"),
	CONSTANT("constant"),
	EDGE("edge"),
	REFLECT("reflect"),
	SYMMETRIC("symmetric");

	private final String label;

	PaddingMode(final String label) {
		this.label = label;
	}

	@Override
	public String label() { return label; }

	/** The image extended to infinity by this mode ({@link #NONE} extends by the fill value too; patches just never reach it). */
	<T extends RealType<T>> RandomAccessible<T> extend(final RandomAccessibleInterval<T> image, final double fill) {
		switch (this) {
			case EDGE: return Views.extendBorder(image);
			case REFLECT: return Views.extendMirrorSingle(image);
			case SYMMETRIC: return Views.extendMirrorDouble(image);
			default: {
				final T value = image.getType().createVariable();
				value.setReal(fill);
				return Views.extendValue(image, value);
			}
		}
	}

	public static String[] labels() {
		return Labels.of(PaddingMode.class).toArray(new String[0]);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static PaddingMode fromLabel(final String label) {
		return Labels.parse(PaddingMode.class, label, "padding mode");
	}
}

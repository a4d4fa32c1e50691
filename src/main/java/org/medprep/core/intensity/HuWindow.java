package org.medprep.core.intensity;

import org.medprep.core.FloatKernels;
import org.medprep.core.Planes;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * A CT display window: values below {@code level - width/2} map to the bottom,
 * above {@code level + width/2} to the top, linearly in between. Works on the
 * volume's physical values (HU), never on raw stored values.
 * <p>
 * The mapping is the plain linear one used by deep-learning pipelines
 * (MONAI ScaleIntensityRange with clipping), not DICOM's display-oriented
 * {@code c - 0.5, w - 1} variant.
 */
public final class HuWindow {

	private final double level;
	private final double width;

	/** @throws IllegalArgumentException if width is not positive or a value is not finite */
	public HuWindow(final double level, final double width) {
		if (!Double.isFinite(level)) throw new IllegalArgumentException("window level must be finite, got " + level);
		if (!(width > 0) || !Double.isFinite(width)) throw new IllegalArgumentException("window width must be > 0, got " + width);
		this.level = level;
		this.width = width;
	}

	public static HuWindow of(final WindowPreset preset) {
		if (preset == WindowPreset.CUSTOM) throw new IllegalArgumentException("the custom preset has no fixed window: give level and width");
		return new HuWindow(preset.level(), preset.width());
	}

	public double level() { return level; }
	public double width() { return width; }
	public double lower() { return level - width / 2; }
	public double upper() { return level + width / 2; }

	/** Position in the window, 0 at the bottom, 1 at the top, clamped. */
	public double unit(final double hu) {
		return Math.max(0, Math.min(1, (hu - lower()) / width));
	}

	public Volume<? extends RealType<?>> apply(final Volume<? extends RealType<?>> volume, final WindowOutput output) {
		final double lo = lower(), hi = upper();
		switch (output) {
			case BYTE:
				return volume.withData(Planes.mapBytes(volume.data(), (in, n, out, at) -> {
					for (int i = 0; i < n; i++) out[at + i] = (byte) Math.round(255 * unit(in[i]));
				}, (in, out) -> FloatKernels.unitWindowBytes(in, out, lo, width)));
			case HU_CLIPPED:
				return new IntensityClip(lo, hi).apply(volume).withMetadata(Volume.UNITS, volume.metadata().get(Volume.UNITS));
			default:
				// the per-voxel loop written out with min/max (branch-free, vectorizable) and a multiplication
				final double inv = 1 / width;
				return volume.withData(Planes.mapFloats(volume.data(), (in, n, out, at) -> {
					for (int i = 0; i < n; i++) out[at + i] = (float) Math.max(0, Math.min(1, (in[i] - lo) * inv));
				}, (in, out) -> FloatKernels.unitWindow(in, out, lo, inv, FloatKernels.UNROLLED))).withMetadata(Volume.UNITS, null);
		}
	}

	@Override
	public String toString() {
		return "window L" + level + " W" + width;
	}
}

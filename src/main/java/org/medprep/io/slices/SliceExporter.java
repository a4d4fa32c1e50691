package org.medprep.io.slices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.medprep.core.Volume;
import org.medprep.core.slices.SliceAxis;
import org.medprep.core.slices.SliceSelection;
import org.medprep.io.storage.AtomicFiles;
import org.medprep.io.tiff.TiffPlaneWriter;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

/**
 * Exports the 2D slices of a volume that feed a 2D network: one TIFF per slice
 * across the chosen axis, within a range of the axis, skipping slices without
 * enough foreground. Files are named {@code <prefix>_<axis><index>.tif} with
 * the index counted in the volume (zero-padded), so a slice can be traced back.
 * All files are written, or none.
 */
public final class SliceExporter {

	/** One exported slice. */
	public static final class Slice {
		public final int index;
		public final double foregroundFraction;
		public final Path file;

		Slice(final int index, final double foregroundFraction, final Path file) {
			this.index = index;
			this.foregroundFraction = foregroundFraction;
			this.file = file;
		}
	}

	private SliceExporter() {}

	/**
	 * @param background voxels above it count as foreground
	 * @return the slices written, in index order
	 * @throws IOException if the folder is missing or a file cannot be written (then no file is left)
	 */
	public static List<Slice> export(final Volume<? extends RealType<?>> volume, final SliceAxis axis, final SliceSelection selection,
		final double background, final Path folder, final String prefix) throws IOException
	{
		if (!Files.isDirectory(folder)) throw new IOException(folder + ": output folder does not exist");
		if (prefix == null || prefix.isEmpty() || prefix.contains("/") || prefix.contains("\\"))
			throw new IllegalArgumentException("file name prefix must be a plain name, got '" + prefix + "'");
		final RandomAccessibleInterval<? extends RealType<?>> data = volume.data();
		final int n = (int) data.dimension(axis.dimension());
		final double[] fractions = new double[n];
		for (int i = selection.first(n); i < selection.end(n); i++) fractions[i] = foreground(slice(data, axis, i), background);
		final List<Integer> kept = selection.select(fractions);
		final TiffPlaneWriter.Sample sample = sampleOf(data.getType());
		final int width = (int) data.dimension(axis.columnAxis()), height = (int) data.dimension(axis.rowAxis());
		final double pw = volume.geometry().spacing(axis.columnAxis()), ph = volume.geometry().spacing(axis.rowAxis());
		final String digits = "%0" + Math.max(3, Integer.toString(n - 1).length()) + "d";
		final Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
		final List<Slice> slices = new ArrayList<>();
		for (final int i : kept) {
			final Path file = folder.resolve(prefix + "_" + axis.name().toLowerCase(Locale.ROOT) + String.format(Locale.ROOT, digits, i) + ".tif");
			files.put(file, out -> TiffPlaneWriter.write(out, values(slice(data, axis, i)), width, height, sample, pw, ph));
			slices.add(new Slice(i, fractions[i], file));
		}
		if (!files.isEmpty()) AtomicFiles.write(files);
		return slices;
	}

	private static RandomAccessibleInterval<? extends RealType<?>> slice(final RandomAccessibleInterval<? extends RealType<?>> data, final SliceAxis axis,
		final int index)
	{
		return Views.hyperSlice(data, axis.dimension(), data.min(axis.dimension()) + index);
	}

	private static double foreground(final RandomAccessibleInterval<? extends RealType<?>> slice, final double background) {
		long fg = 0, all = 0;
		for (final RealType<?> t : Views.flatIterable(slice)) {
			all++;
			if (t.getRealDouble() > background) fg++;
		}
		return all == 0 ? 0 : (double) fg / all;
	}

	/** The slice's values, row by row (x fastest, as {@link SliceAxis} orders the axes). */
	private static double[] values(final RandomAccessibleInterval<? extends RealType<?>> slice) {
		final double[] v = new double[(int) (slice.dimension(0) * slice.dimension(1))];
		final Cursor<? extends RealType<?>> c = Views.flatIterable(slice).cursor();
		for (int i = 0; c.hasNext(); i++) v[i] = c.next().getRealDouble();
		return v;
	}

	/** Integer types TIFF holds as they are; everything else as float32. */
	static TiffPlaneWriter.Sample sampleOf(final Object type) {
		if (type instanceof UnsignedByteType) return TiffPlaneWriter.Sample.UINT8;
		if (type instanceof UnsignedShortType) return TiffPlaneWriter.Sample.UINT16;
		if (type instanceof ShortType) return TiffPlaneWriter.Sample.INT16;
		return TiffPlaneWriter.Sample.FLOAT32;
	}
}

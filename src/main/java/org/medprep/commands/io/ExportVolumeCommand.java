package org.medprep.commands.io;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.Failures;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.stats.IntensityStatistics;
import org.medprep.io.ImageFormats;
import org.medprep.io.storage.StoredType;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * {@code run("Export NIfTI/MetaImage", "file=/out/ct.nii.gz stored_type=keep compress=false")}:
 * writes the image with its geometry (sform and qform in NIfTI, LPS in
 * MetaImage) and physical values; the format follows the file name. Written
 * atomically: a failed export leaves no file.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Export>Export NIfTI/MetaImage",
	description = "Save the image as NIfTI (.nii, .nii.gz, .hdr) or MetaImage (.mha, .mhd) with its geometry.")
public class ExportVolumeCommand extends ContextCommand {

	@Parameter(label = "Image", persist = false, validater = "checkImage", description = "The image to save (the active image in ImageJ).")
	private ImagePlus image;

	/** Refuses an empty image (what Fiji passes when none is open) before any work. */
	private void checkImage() {
		InputChecks.refuse(this, InputChecks.image(image));
	}

	@Parameter(label = "File", validater = "checkFile", style = "save", description = "Output file: .nii, .nii.gz, .hdr, .mha or .mhd (the ending chooses the format).")
	private File file;

	/** Refuses a run with nowhere to write, before any work. */
	private void checkFile() {
		InputChecks.refuse(this, InputChecks.given("output file", file));
	}

	@ChoicesOf(StoredType.class)
	@Parameter(label = "Stored type", choices = { "keep", "float32" },
		description = "keep: the image's own type where the format has it (signed 16-bit CT stays int16); float32: always 32-bit float.")
	private String stored_type = StoredType.KEEP.label();

	@Parameter(label = "Compress MetaImage", description = "zlib-compress .mha/.mhd data (NIfTI is compressed when the name ends in .gz).")
	private boolean compress = false;

	@Override
	public void run() {
		Failures.run(this, this::execute); // a bad input cancels with one line
	}

	private void execute() {
		if (!CommandOptions.isGiven(file)) throw new IllegalArgumentException("no output file given");
		final StoredType type = StoredType.fromLabel(stored_type);
		final Volume<? extends RealType<?>> volume = HistoryStore.with(narrowed(ImagePlusVolumes.toVolume(image)), HistoryStore.of(image));
		try {
			ImageFormats.write(volume, file.toPath(), type, compress);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
	}

	/**
	 * ImageJ shows signed 16-bit data (a CT) through a calibration function,
	 * which reaches MedPrep as 32-bit integers; stored as they are, a CT would
	 * double in size. Integer values that fit int16 (else uint16) are written
	 * as such.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Volume<? extends RealType<?>> narrowed(final Volume<? extends RealType<?>> v) {
		if (!(v.data().getType() instanceof IntType)) return v;
		final IntensityStatistics s = IntensityStatistics.of(v.data(), VoxelSelection.all());
		final RandomAccessibleInterval<IntType> ints = (RandomAccessibleInterval) v.data();
		if (s.min() >= Short.MIN_VALUE && s.max() <= Short.MAX_VALUE)
			return v.withData(Converters.convert(ints, (in, out) -> out.set((short) in.get()), new ShortType()));
		if (s.min() >= 0 && s.max() <= 65535)
			return v.withData(Converters.convert(ints, (in, out) -> out.set(in.get()), new UnsignedShortType()));
		return v;
	}
}

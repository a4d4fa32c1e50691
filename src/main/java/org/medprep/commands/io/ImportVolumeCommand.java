package org.medprep.commands.io;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.medprep.commands.engine.Failures;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.Volume;
import org.medprep.io.ImageFormats;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/**
 * {@code run("Import NIfTI/MetaImage", "file=/data/ct.nii.gz volume_index=-1")}:
 * a .nii, .nii.gz, .hdr/.img, .mha or .mhd file as one image with its
 * calibration (mm), geometry and physical values (NIfTI scaling applied). A 4D
 * NIfTI opens as a hyperstack (one frame per volume), or one volume.
 */
@Plugin(type = Command.class, headless = true, menuPath = "File>Import>Import NIfTI/MetaImage",
	description = "Open a NIfTI (.nii, .nii.gz, .hdr/.img) or MetaImage (.mha, .mhd) volume with its geometry and values.")
public class ImportVolumeCommand extends ContextCommand {

	@Parameter(label = "File", validater = "checkFile", style = "open", description = "The .nii, .nii.gz, .hdr/.img, .mha or .mhd file.")
	private File file;

	/** Refuses a missing input before any work. */
	private void checkFile() {
		InputChecks.refuse(this, InputChecks.existing("image file", file));
	}

	@Parameter(label = "Volume index (4D)", min = "-1",
		description = "For 4D NIfTI files: -1 opens all volumes as a hyperstack, 0, 1, ... opens one volume. Ignored for 3D files.")
	private int volume_index = -1;

	@Parameter(type = ItemIO.OUTPUT, label = "Result")
	private ImagePlus result;

	@Override
	public void run() {
		Failures.run(this, this::execute); // a bad input cancels with one line
	}

	private void execute() {
		if (!CommandOptions.isGiven(file)) throw new IllegalArgumentException("no file given");
		if (volume_index < -1) throw new IllegalArgumentException("volume_index must be -1 (all) or a volume number from 0, got " + volume_index);
		final List<Volume<?>> volumes;
		try {
			volumes = volume_index == -1 ? ImageFormats.readAll(file.toPath()) : List.of(ImageFormats.read(file.toPath(), volume_index));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
		result = imageOf(volumes, file.getName());
	}

	/** A NIfTI or MetaImage file as ImageJ opens it through MedPrep's reader (File>Open, drag and drop, open()). */
	public static ImagePlus open(final java.nio.file.Path file) throws IOException {
		return imageOf(ImageFormats.readAll(file), file.getFileName().toString());
	}

	/** True for the file names MedPrep's reader opens from ImageJ's File>Open: .nii, .nii.gz, .mha, .mhd. */
	public static boolean opens(final String path) {
		final String p = path.toLowerCase(java.util.Locale.ROOT);
		return p.endsWith(".nii") || p.endsWith(".nii.gz") || p.endsWith(".mha") || p.endsWith(".mhd");
	}

	/** One volume as an image; several as a hyperstack with one frame per volume. */
	@SuppressWarnings("unchecked")
	static ImagePlus imageOf(final List<Volume<?>> volumes, final String title) {
		final ImagePlus first = ImagePlusVolumes.toImagePlus((Volume<? extends RealType<?>>) (Object) volumes.get(0), title, null);
		// the history the file kept; the import step is appended by HistoryPostprocessor
		HistoryStore.put(first, HistoryStore.of(volumes.get(0)));
		if (volumes.size() == 1) return first;
		final ImageStack stack = new ImageStack(first.getWidth(), first.getHeight());
		for (final Volume<?> v : volumes) {
			final ImagePlus frame = ImagePlusVolumes.toImagePlus((Volume<? extends RealType<?>>) (Object) v, title, null);
			if (frame.getType() != first.getType())
				throw new IllegalStateException("volumes of " + title + " convert to different ImageJ types");
			for (int z = 1; z <= frame.getStackSize(); z++) stack.addSlice(null, frame.getStack().getPixels(z));
		}
		first.setStack(stack, 1, volumes.get(0).data().dimension(2) > Integer.MAX_VALUE ? 1 : (int) volumes.get(0).dimension(2), volumes.size());
		first.setOpenAsHyperStack(true);
		return first;
	}
}

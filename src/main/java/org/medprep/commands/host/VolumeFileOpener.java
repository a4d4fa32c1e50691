package org.medprep.commands.host;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Paths;

import org.medprep.commands.io.ImportVolumeCommand;
import org.scijava.Priority;
import org.scijava.io.AbstractIOPlugin;
import org.scijava.io.IOPlugin;
import org.scijava.io.location.FileLocation;
import org.scijava.io.location.Location;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

/**
 * Fiji's File>Open, {@code open()} and drag and drop of .nii, .nii.gz, .mha
 * and .mhd through MedPrep's reader (HU, geometry and history as Import
 * NIfTI/MetaImage gives them). imagej-legacy asks the "eager" I/O plugins
 * before ImageJ 1.x's own opener; the low priority leaves SciJava's
 * {@code io.open} to the dataset readers that scripts expect.
 */
@Plugin(type = IOPlugin.class, priority = Priority.LOW, attrs = @Attr(name = "eager"))
public class VolumeFileOpener extends AbstractIOPlugin<ImagePlus> {

	@Override
	public Class<ImagePlus> getDataType() {
		return ImagePlus.class;
	}

	@Override
	public boolean supportsOpen(final String source) {
		return ImportVolumeCommand.opens(source);
	}

	@Override
	public boolean supportsOpen(final Location source) {
		return source instanceof FileLocation && supportsOpen(((FileLocation) source).getFile().getPath());
	}

	@Override
	public ImagePlus open(final String source) throws IOException {
		final ImagePlus imp = ImportVolumeCommand.open(Paths.get(source));
		if (askedToDisplay()) imp.show();
		return imp;
	}

	/**
	 * imagej-legacy hands an opened ImagePlus back to {@code IJ.openImage}, but for
	 * File>Open, {@code open()}, Open Recent and drag and drop it shows only datasets
	 * and drops anything else: opened for one of those, the image is shown here, on the
	 * caller's thread, as ImageJ 1.x would (in batch mode it becomes the macro's image).
	 */
	private static boolean askedToDisplay() {
		return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith("net.imagej.legacy.")
			&& DISPLAYING_HOOKS.contains(f.getMethodName())));
	}

	private static final java.util.Set<String> DISPLAYING_HOOKS = java.util.Set.of("interceptFileOpen", "interceptOpenRecent",
		"interceptDragAndDropFile");

	@Override
	public ImagePlus open(final Location source) throws IOException {
		return open(((FileLocation) source).getFile().getPath());
	}
}

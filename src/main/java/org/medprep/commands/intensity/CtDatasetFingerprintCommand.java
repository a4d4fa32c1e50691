package org.medprep.commands.intensity;

import ij.ImagePlus;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.medprep.commands.OpenImagesCommand;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.Volume;
import org.medprep.core.normalize.CtFingerprint;
import org.medprep.io.models.CtFingerprintFile;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import net.imglib2.type.numeric.RealType;

/** {@code run("CT Dataset Fingerprint", "image_folder=/data/images label_folder=/data/labels fingerprint=/data/fingerprint.json")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>CT Dataset Fingerprint",
	description = "nnU-Net's dataset fingerprint for CT: foreground (label > 0) intensities sampled across a cohort, their 0.5/99.5 percentiles, mean and"
		+ " std, the median spacing and nnU-Net's target spacing, written to a JSON file for CT Dataset Normalize.")
public class CtDatasetFingerprintCommand extends OpenImagesCommand {

	@Parameter(label = "Images", required = false, description = "Comma-separated titles of open CT images; leave empty to use the image folder.")
	private String images = "";

	@Parameter(label = "Image folder", required = false, style = FileWidget.DIRECTORY_STYLE, description = "A folder of CT images, paired with the label folder by sorted name.")
	private File image_folder;

	@Parameter(label = "Label maps", required = false, description = "Comma-separated titles of the label maps, in the order of the images.")
	private String labels = "";

	@Parameter(label = "Label folder", required = false, style = FileWidget.DIRECTORY_STYLE, description = "A folder of label maps, one per image, in the same sorted order.")
	private File label_folder;

	@Parameter(label = "Fingerprint file", validater = "checkFingerprint", style = FileWidget.SAVE_STYLE, description = "Where to write the fingerprint (JSON).")
	private File fingerprint;

	/** Refuses a run with nowhere to write, before any work. */
	private void checkFingerprint() {
		InputChecks.refuse(this, InputChecks.given("fingerprint file", fingerprint));
	}

	@Parameter(label = "Samples per case", min = "0", description = "Foreground samples drawn per case (with replacement); 0 = nnU-Net's 10e7 / cases.")
	private long samples_per_case = 0;

	@Parameter(label = "Seed", description = "Seed of the sampling.")
	private long seed = CtFingerprint.DEFAULT_SEED;

	@Parameter(type = ItemIO.OUTPUT, label = "Fingerprint")
	private String summary;

	@Override
	protected void execute() {
		if (fingerprint == null) throw new IllegalArgumentException("no fingerprint file given");
		final List<ImagePlus> imageImps = ImageLists.resolve(images, image_folder, titles, "CT images");
		final List<ImagePlus> labelImps = ImageLists.resolve(labels, label_folder, titles, "label maps");
		if (imageImps.size() != labelImps.size())
			throw new IllegalArgumentException("there must be one label map per image: " + imageImps.size() + " images, " + labelImps.size() + " label maps");
		final CtFingerprint fp = Threads.call(getContext(), () -> {
			final List<Volume<? extends RealType<?>>> vs = new ArrayList<>(), ls = new ArrayList<>();
			for (int i = 0; i < imageImps.size(); i++) {
				vs.add(ImagePlusVolumes.toVolume(imageImps.get(i)));
				ls.add(ImagePlusVolumes.toVolume(labelImps.get(i)));
			}
			return CtFingerprint.extract(vs, ls, samples_per_case, seed, (done, total, message) -> {
				if (status != null) status.showStatus((int) done, (int) total, message);
			});
		});
		ModelFiles.write(fp, fingerprint, CtFingerprintFile::write);
		summary = fp.toString();
	}
}

import ij.ImagePlus;
import ij.plugin.PlugIn;

/**
 * ImageJ 1.x opens file types it does not know through a plugin of this name:
 * MedPrep's reader for .nii, .nii.gz, .mha and .mhd. Only in the standalone
 * jar for plain ImageJ 1.x (Fiji has its own HandleExtraFileTypes).
 */
public class HandleExtraFileTypes extends ImagePlus implements PlugIn {

	@Override
	public void run(final String path) {
		org.medprep.ij1.VolumeFileOpening.open(path, this);
	}
}

package org.medprep.commands.registration;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;

import org.medprep.commands.ImagePlusVolumes;
import org.medprep.commands.VolumeCommand;
import org.medprep.core.Volume;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialChain;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.io.transform.ItkTransformFile;
import org.medprep.io.transform.StoredTransform;
import org.medprep.io.transform.TransformFiles;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import net.imglib2.type.numeric.RealType;

/**
 * {@code run("Apply Transform", "moving=t2 registered=flair-registered interpolation=linear")}:
 * moves a further image (T2, a label map) the way a registration moved the
 * moving image, onto the fixed grid, in one resampling: the transform comes
 * from an image made by {@code Register Images} or from a transform file
 * (ITK .tfm or elastix TransformParameters). The image may lie on any grid
 * in the moving image's patient space (e.g. a T2 of the same session), since
 * the transform is in patient coordinates. Enters the spatial history.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Registration>Apply Transform",
	description = "Resample an image or label map with the transform of a registration (from a registered image, or an ITK .tfm / elastix TransformParameters "
		+ "file) onto the fixed grid, so further series and labels follow a registration.")
public class ApplyTransformCommand extends VolumeCommand {

	public static final String FROM_TRANSFORM = "from the transform";

	@Parameter(label = "Image to move", initializer = "initImages", persist = false,
		description = "Title of the image to transform, or 'this image' (the active image).")
	private String moving = ImageChoices.THIS_IMAGE;

	@Parameter(label = "Registered image", persist = false,
		description = "Title of an output of Register Images whose transform is applied; None to read the transform file.")
	private String registered = ImageChoices.NONE;

	@Parameter(label = "Transform file", style = FileWidget.OPEN_STYLE, required = false, persist = false,
		description = "With registered=None: an ITK transform (.tfm) or elastix TransformParameters file (fixed to moving, patient mm).")
	private File transform_file;

	@Parameter(label = "Fixed grid", persist = false,
		description = "Title of the image whose grid the result lies on, or 'from the transform' (the registered image's, or the elastix file's grid).")
	private String fixed = FROM_TRANSFORM;

	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline", "label (one-hot linear)" },
		description = "linear or cubic B-spline for images; nearest or label (each label's mask linearly, the largest wins) for label maps.")
	private String interpolation = Interpolation.LINEAR.label();

	@Parameter(label = "Fill value", description = "Value of fixed-grid voxels that map outside the image (0 for label maps).")
	private double fill = 0;

	private SpatialPlan plan;

	protected void initImages() {
		getInfo().getMutableInput("moving", String.class).setChoices(ImageChoices.of(titles, ImageChoices.THIS_IMAGE));
		getInfo().getMutableInput("registered", String.class).setChoices(ImageChoices.of(titles, ImageChoices.NONE, ImageChoices.THIS_IMAGE));
		getInfo().getMutableInput("fixed", String.class).setChoices(ImageChoices.of(titles, FROM_TRANSFORM));
	}

	@Override
	public void run() {
		final ImagePlus active = image;
		if (!ImageChoices.THIS_IMAGE.equals(moving)) image = imageTitled(moving);
		final StoredTransform stored = stored(active);
		final Grid target = FROM_TRANSFORM.equals(fixed) ? gridFrom(stored) : Grid.of(ImagePlusVolumes.toVolume(imageTitled(fixed)));
		plan = SpatialPlan.of(Grid.of(ImagePlusVolumes.toVolume(image)), target, stored.transform());
		final ImagePlus input = image;
		super.run();
		if (result == null) return;
		SpatialChain chain = SpatialChain.parse(input.getProp(ImagePlusVolumes.SPATIAL_CHAIN_PROPERTY));
		if (!chain.isEmpty() && !chain.plans().get(chain.plans().size() - 1).target().sameSpace(plan.source(), 1e-6)) chain = SpatialChain.empty();
		result.setProp(ImagePlusVolumes.SPATIAL_CHAIN_PROPERTY, chain.then(plan).toText());
	}

	/** The transform: the registered image's (with its grid), or the file's. */
	private StoredTransform stored(final ImagePlus active) {
		if (!ImageChoices.isNone(registered)) {
			final ImagePlus reg = ImageChoices.THIS_IMAGE.equals(registered) ? active : imageTitled(registered);
			final String text = reg.getProp(RegisterImagesCommand.TRANSFORM_PROPERTY);
			if (text == null)
				throw new IllegalArgumentException("'" + reg.getTitle() + "' carries no registration (only the outputs of Register Images do); give a transform file");
			try {
				final StoredTransform t = ItkTransformFile.parse(text, reg.getTitle());
				return new StoredTransform(t.transform(), t.centre(), Grid.of(ImagePlusVolumes.toVolume(reg)));
			}
			catch (final IOException e) {
				throw new IllegalArgumentException("the registration of '" + reg.getTitle() + "' cannot be read: " + e.getMessage(), e);
			}
		}
		if (transform_file == null || transform_file.getPath().isEmpty())
			throw new IllegalArgumentException("give a registered image (registered=TITLE) or a transform file (transform_file=...)");
		try {
			return TransformFiles.read(transform_file.toPath());
		}
		catch (final IOException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
	}

	private static Grid gridFrom(final StoredTransform t) {
		if (t.fixedGrid() == null)
			throw new IllegalArgumentException("an ITK transform file does not say which grid to resample onto: name the fixed image (fixed=TITLE)");
		return t.fixedGrid();
	}

	@Override
	protected Volume<? extends RealType<?>> process(final Volume<? extends RealType<?>> in) {
		return plan.apply(in, Sampling.of(Interpolation.fromLabel(interpolation), BoundaryMode.BOX, fill));
	}

	@Override
	protected String titleSuffix() {
		return "transformed";
	}
}

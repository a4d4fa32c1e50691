package org.medprep.commands.registration;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import org.medprep.commands.ImagePlusVolumes;
import org.medprep.commands.Seeds;
import org.medprep.commands.SpatialCommand;
import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;
import org.medprep.core.augment.Subject;
import org.medprep.core.registration.Initialization;
import org.medprep.core.registration.MetricType;
import org.medprep.core.registration.Registration;
import org.medprep.core.registration.RegistrationPreview;
import org.medprep.core.registration.RegistrationResult;
import org.medprep.core.registration.RegistrationSettings;
import org.medprep.core.registration.SamplingStrategy;
import org.medprep.core.registration.TransformType;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialChain;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * {@code run("Register Images", "fixed=t1 moving=flair transform=affine metric=[Mattes mutual information] seed=7")}:
 * aligns the moving image to the fixed one in patient coordinates and
 * resamples it onto the fixed grid. Also gives the transform (ITK .tfm, or
 * elastix parameters, optionally written to a file), a preview, and the same
 * resampling of a label map on the moving grid; the step enters the result's
 * spatial history, so {@code Invert Spatial History} brings results back onto
 * the moving grid, and {@code Apply Transform} moves further images the same way.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Registration>Register Images",
	description = "Rigid or affine registration of two 3D images in patient coordinates (Mattes mutual information for different contrasts), "
		+ "the moving image resampled onto the fixed grid; elastix's default affine settings, with a recorded seed.")
public class RegisterImagesCommand extends SpatialCommand {

	public static final String THIS_IMAGE = ImageChoices.THIS_IMAGE;
	/** The image property holding the registration (ITK .tfm text) of a registered image. */
	public static final String TRANSFORM_PROPERTY = "MedPrep.Registration";

	@Parameter(label = "Fixed image", initializer = "initImages", persist = false,
		description = "Title of the image to align to (the result lies on its grid), or 'this image'.")
	private String fixed = "";

	@Parameter(label = "Moving image", persist = false, description = "Title of the image that is moved, or 'this image' (the active image).")
	private String moving = THIS_IMAGE;

	@Parameter(label = "Transform", choices = { "translation", "rigid", "similarity", "affine" },
		description = "translation (3 parameters), rigid (rotation + translation, 6), similarity (+ one scale, 7) or affine (12).")
	private String transform = TransformType.AFFINE.label();

	@Parameter(label = "Metric", choices = { "Mattes mutual information", "mean squares", "normalized correlation" },
		description = "Mattes mutual information for different contrasts (T1 to FLAIR, CT to MR); mean squares or correlation for the same contrast.")
	private String metric = MetricType.MATTES_MI.label();

	@Parameter(label = "Histogram bins", min = "8", max = "256", description = "Bins of the mutual information's joint histogram (elastix: 32).")
	private int bins = 32;

	@Parameter(label = "Pyramid levels", min = "1", max = "8",
		description = "Resolutions, coarse to fine: level l of L is smoothed by a Gaussian of 2^(L-1-l)/2 voxels and shrunk by up to 2^(L-1-l); the finest is the image itself.")
	private int levels = 4;

	@Parameter(label = "Iterations per level", min = "1", description = "Adaptive stochastic gradient descent iterations at every level (elastix: 256).")
	private int iterations = 256;

	@Parameter(label = "Samples per iteration", min = "64", description = "Random points of the fixed image per iteration (elastix: 2048).")
	private int samples = 2048;

	@Parameter(label = "Sampling", choices = { "random", "regular grid", "all voxels" },
		description = "random: new random points every iteration (from the seed); regular grid or all voxels: the same points every iteration.")
	private String sampling = SamplingStrategy.RANDOM.label();

	@Parameter(label = "Initialization", choices = { "centre of mass", "geometry centre", "none" },
		description = "Starting translation: align the intensity centres of mass, or the grid centres, or none (trust the scanner coordinates).")
	private String initialization = Initialization.CENTRE_OF_MASS.label();

	@Parameter(label = "Seed", persist = false,
		description = "Same seed, same transform whatever the thread count; empty: a seed is drawn and recorded.")
	private String seed = "";

	@Parameter(label = "Fixed mask", persist = false, description = "Title of a mask on the fixed grid: only its non-zero voxels are sampled; or None.")
	private String fixed_mask = ImageChoices.NONE;

	@Parameter(label = "Moving mask", persist = false, description = "Title of a mask on the moving grid: points mapped outside it do not count; or None.")
	private String moving_mask = ImageChoices.NONE;

	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline" }, description = "How the moving image is resampled onto the fixed grid.")
	private String interpolation = Interpolation.LINEAR.label();

	@Parameter(label = "Fill value", description = "Value of fixed-grid voxels that map outside the moving image.")
	private double fill = 0;

	@Parameter(label = "Preview", choices = { "checkerboard", "colour overlay", "none" },
		description = "checkerboard of fixed and registered moving (float); colour overlay (RGB: fixed magenta, moving green; for viewing, not for NIfTI); or none.")
	private String preview = "checkerboard";

	@Parameter(label = "Transform file", style = FileWidget.SAVE_STYLE, required = false, persist = false,
		description = "Optional: where to write the transform, .tfm (ITK, fixed to moving LPS mm) or .txt (elastix TransformParameters).")
	private File transform_file;

	@Parameter(type = ItemIO.OUTPUT, label = "Preview image", required = false)
	private ImagePlus preview_image;

	@Parameter(type = ItemIO.OUTPUT, label = "Registration", required = false)
	private RegistrationTransform registration;

	private ImagePlus fixedImage;
	private RegistrationResult registered;

	protected void initImages() {
		getInfo().getMutableInput("fixed", String.class).setChoices(ImageChoices.of(titles, THIS_IMAGE));
		getInfo().getMutableInput("moving", String.class).setChoices(ImageChoices.of(titles, THIS_IMAGE));
		getInfo().getMutableInput("fixed_mask", String.class).setChoices(ImageChoices.of(titles, ImageChoices.NONE));
		getInfo().getMutableInput("moving_mask", String.class).setChoices(ImageChoices.of(titles, ImageChoices.NONE));
		if (fixed == null || fixed.isEmpty()) fixed = ImageChoices.other(titles, image);
	}

	@Override
	public void run() {
		if (fixed == null || fixed.trim().isEmpty()) throw new IllegalArgumentException("name the fixed image (fixed=TITLE, or fixed=[this image])");
		final ImagePlus active = image;
		final ImagePlus movingImage = THIS_IMAGE.equals(moving) ? active : imageTitled(moving);
		fixedImage = THIS_IMAGE.equals(fixed) ? active : imageTitled(fixed);
		if (fixedImage == movingImage) throw new IllegalArgumentException("the fixed and the moving image are the same image ('" + fixedImage.getTitle() + "')");
		// the moving image is the one processed: the result keeps its history, and the label map must lie on its grid
		image = movingImage;
		super.run();
		if (result == null || registered == null) return;
		SpatialChain chain = SpatialChain.parse(movingImage.getProp(ImagePlusVolumes.SPATIAL_CHAIN_PROPERTY));
		if (!chain.isEmpty() && !chain.plans().get(chain.plans().size() - 1).target().sameSpace(registered.plan().source(), 1e-6)) chain = SpatialChain.empty();
		final String history = chain.then(registered.plan()).toText();
		for (final ImagePlus out : new ImagePlus[] { result, label_result }) {
			if (out == null) continue;
			out.setProp(ImagePlusVolumes.SPATIAL_CHAIN_PROPERTY, history);
			out.setProp(TRANSFORM_PROPERTY, registration.toString());
		}
		if (transform_file != null && !transform_file.getPath().isEmpty()) {
			try {
				registration.write(transform_file.toPath());
			}
			catch (final IOException e) {
				throw new IllegalArgumentException("cannot write the transform to " + transform_file + ": " + e.getMessage(), e);
			}
		}
	}

	@Override
	protected Volume<? extends RealType<?>> process(final Volume<? extends RealType<?>> in) {
		final Subject subject = subject(in);
		final Volume<? extends RealType<?>> fixedVolume = ImagePlusVolumes.toVolume(fixedImage);
		final Volume<? extends RealType<?>> fixedMask = mask(fixed_mask, "fixed", fixedVolume);
		final Volume<? extends RealType<?>> movingMask = mask(moving_mask, "moving", in);
		final long used = Seeds.resolve(seed);
		seed = Long.toString(used);
		final RegistrationSettings settings = RegistrationSettings.defaults().withTransform(TransformType.fromLabel(transform))
			.withMetric(MetricType.fromLabel(metric)).withBins(bins).withLevels(levels).withIterations(iterations).withSamples(samples)
			.withSampling(SamplingStrategy.fromLabel(sampling)).withInitialization(Initialization.fromLabel(initialization)).withSeed(used);
		final Interpolation resampling = Interpolation.fromLabel(interpolation);
		if (resampling == Interpolation.LABEL) throw new IllegalArgumentException("the image is resampled with nearest, linear or cubic B-spline interpolation");
		final Sampling sampling = Sampling.of(resampling, BoundaryMode.BOX, fill);
		registered = new Registration(settings).register(fixedVolume, in, fixedMask, movingMask, progress());
		registration = new RegistrationTransform(registered.pullBack(), registered.transform().centre(), registered.fixedGrid());
		final Volume<? extends RealType<?>> out = registered.resample(in, sampling);
		for (final Volume<? extends RealType<?>> labels : subject.labels().values()) setLabelResult(registered.resample(labels, labelSampling()));
		preview_image = preview(fixedVolume, out);
		return out;
	}

	private Volume<? extends RealType<?>> mask(final String title, final String which, final Volume<? extends RealType<?>> image) {
		if (ImageChoices.isNone(title)) return null;
		final Volume<? extends RealType<?>> mask = ImagePlusVolumes.toVolume(imageTitled(title));
		for (int d = 0; d < 3; d++)
			if (mask.dimension(d) != image.dimension(d))
				throw new IllegalArgumentException("the " + which + " mask '" + title + "' is " + size(mask) + " but the " + which + " image is " + size(image));
		return mask;
	}

	private ImagePlus preview(final Volume<? extends RealType<?>> fixedVolume, final Volume<? extends RealType<?>> out) {
		final String base = baseTitle(image.getTitle()) + "-" + baseTitle(fixedImage.getTitle());
		switch (preview) {
			case "none":
				return null;
			case "checkerboard":
				return ImagePlusVolumes.toImagePlus(RegistrationPreview.checkerboard(fixedVolume, out, 8), base + "-checkerboard", fixedImage);
			case "colour overlay":
				return overlay(RegistrationPreview.normalized(fixedVolume), RegistrationPreview.normalized(out), base + "-overlay");
			default:
				throw new IllegalArgumentException("preview must be checkerboard, colour overlay or none, got '" + preview + "'");
		}
	}

	/** Fixed in magenta, moving in green: grey where they agree. */
	private ImagePlus overlay(final Volume<FloatType> f, final Volume<FloatType> m, final String title) {
		final int nx = (int) f.dimension(0), ny = (int) f.dimension(1), nz = (int) f.dimension(2);
		final ImageStack stack = new ImageStack(nx, ny);
		final PlanarImg<FloatType, FloatArray> pf = (PlanarImg<FloatType, FloatArray>) f.data(), pm = (PlanarImg<FloatType, FloatArray>) m.data();
		for (int z = 0; z < nz; z++) {
			final float[] a = pf.getPlane(z).getCurrentStorageArray(), b = pm.getPlane(z).getCurrentStorageArray();
			final int[] rgb = new int[nx * ny];
			for (int i = 0; i < rgb.length; i++) {
				final int r = Math.round(255 * a[i]), g = Math.round(255 * b[i]);
				rgb[i] = 0xFF000000 | r << 16 | g << 8 | r;
			}
			stack.addSlice(null, new ColorProcessor(nx, ny, rgb));
		}
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setCalibration(fixedImage.getCalibration().copy());
		imp.setProp(ImagePlusVolumes.GEOMETRY_PROPERTY, fixedImage.getProp(ImagePlusVolumes.GEOMETRY_PROPERTY));
		return imp;
	}

	private ProgressListener progress() {
		if (status == null) return ProgressListener.NONE;
		return (done, total, message) -> {
			status.showProgress((int) done, (int) total);
			status.showStatus(message);
		};
	}

	private static String size(final Volume<?> v) {
		return String.format(Locale.ROOT, "%dx%dx%d", v.dimension(0), v.dimension(1), v.dimension(2));
	}

	@Override
	protected String titleSuffix() {
		return "registered";
	}
}

package org.medprep.commands.registration;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import org.medprep.commands.SpatialCommand;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.Labels;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
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
import org.medprep.core.spatial.SpatialStep;
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
 * resamples it onto the fixed grid.
 * <p>
 * A spatial step on the case whose main image is the moving one: every member
 * (further images on the moving grid, label maps, nearest or one-hot) moves
 * with the same transform, and the plan enters the history, so
 * {@code Invert Spatial History} brings results back onto the moving grid (in
 * this run, or from the files in a later one) and {@code Apply Transform}
 * reads the transform back from any output. The fixed image is named by title
 * (in {@code medprep run} a {@code --ref}); it is read, never moved. Also
 * gives the transform (ITK .tfm, or elastix parameters) and a preview.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Registration>Register Images",
	description = "Rigid or affine registration of two 3D images in patient coordinates (Mattes mutual information for different contrasts), "
		+ "the moving image resampled onto the fixed grid; elastix's default affine settings, with a recorded seed.")
public class RegisterImagesCommand extends SpatialCommand {

	public static final String THIS_IMAGE = ImageChoices.THIS_IMAGE;

	@Parameter(label = "Fixed image", initializer = "initImages", persist = false,
		description = "Title of the image to align to (the result lies on its grid); in medprep run a --ref NAME.")
	private String fixed = "";

	@Parameter(label = "Moving image", persist = false,
		description = "Title of the image that is moved, or 'this image' (the active image). In medprep run the case is moved: a member's name picks the member "
			+ "the metric reads, any other title means the case's main image.")
	private String moving = THIS_IMAGE;

	@ChoicesOf(TransformType.class)
	@Parameter(label = "Transform", choices = { "translation", "rigid", "similarity", "affine" },
		description = "translation (3 parameters), rigid (rotation + translation, 6), similarity (+ one scale, 7) or affine (12).")
	private String transform = TransformType.AFFINE.label();

	@ChoicesOf(MetricType.class)
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

	@ChoicesOf(SamplingStrategy.class)
	@Parameter(label = "Sampling", choices = { "random", "regular grid", "all voxels" },
		description = "random: new random points every iteration (from the seed); regular grid or all voxels: the same points every iteration.")
	private String sampling = SamplingStrategy.RANDOM.label();

	@ChoicesOf(value = Initialization.class, only = { "CENTRE_OF_MASS", "GEOMETRY_CENTRE", "NONE" })
	@Parameter(label = "Initialization", choices = { "centre of mass", "geometry centre", "none" },
		description = "Starting translation: align the intensity centres of mass, or the grid centres, or none (trust the scanner coordinates).")
	private String initialization = Initialization.CENTRE_OF_MASS.label();

	@Parameter(label = "Seed", required = false, persist = false,
		description = "Same seed, same transform whatever the thread count; empty: a seed is drawn and recorded.")
	private String seed = "";

	@Parameter(label = "Fixed mask", persist = false, description = "Title of a mask on the fixed grid: only its non-zero voxels are sampled; or None.")
	private String fixed_mask = ImageChoices.NONE;

	@Parameter(label = "Moving mask", persist = false,
		description = "Title of a mask on the moving grid (or a label map of the case): points mapped outside it do not count; or None.")
	private String moving_mask = ImageChoices.NONE;

	@ChoicesOf(value = Interpolation.class, only = { "NEAREST", "LINEAR", "CUBIC" })
	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline" }, description = "How the scalar images are resampled onto the fixed grid.")
	private String interpolation = Interpolation.LINEAR.label();

	@Parameter(label = "Fill value", description = "Value of fixed-grid voxels that map outside the moving image (label maps get 0).")
	private double fill = 0;

	@ChoicesOf(RegistrationPreviewKind.class)
	@Parameter(label = "Preview", choices = { "checkerboard", "colour overlay", "none" },
		description = "checkerboard of fixed and registered moving (float); colour overlay (RGB: fixed magenta, moving green; for viewing, not for NIfTI); or none.")
	private String preview = "checkerboard";

	@Parameter(label = "Transform file", style = FileWidget.SAVE_STYLE, required = false, persist = false,
		description = "Optional: where to write the transform, .tfm (ITK, fixed to moving LPS mm) or .txt (elastix TransformParameters). "
			+ "medprep run writes each case's as <case>_registration.tfm instead (.txt if this name ends in .txt).")
	private File transform_file;

	@Parameter(type = ItemIO.OUTPUT, label = "Preview image", required = false)
	private ImagePlus preview_image;

	@Parameter(type = ItemIO.OUTPUT, label = "Registration", required = false)
	private RegistrationTransform registration;

	protected void initImages() {
		getInfo().getMutableInput("fixed", String.class).setChoices(ImageChoices.of(titles));
		getInfo().getMutableInput("moving", String.class).setChoices(ImageChoices.of(titles, THIS_IMAGE));
		getInfo().getMutableInput("fixed_mask", String.class).setChoices(ImageChoices.of(titles, ImageChoices.NONE));
		getInfo().getMutableInput("moving_mask", String.class).setChoices(ImageChoices.of(titles, ImageChoices.NONE));
		if (fixed == null || fixed.isEmpty()) fixed = ImageChoices.other(titles, image);
	}

	/**
	 * In ImageJ: the moving image named by {@code moving} (or the active image)
	 * is the case; the transform file, if named, is written once the step succeeded.
	 */
	@Override
	protected void execute() {
		// a moving image that is not open, or a transform file that cannot be written, cancels with one line, as the step's own failures do
		if (!THIS_IMAGE.equals(moving) && moving != null && !moving.trim().isEmpty() && (image == null || !moving.equals(image.getTitle())))
			image = imageTitled(moving);
		super.execute();
		if (isCanceled() || result == null || registration == null || !hasTransformFile()) return;
		try {
			registration.write(transform_file.toPath());
		}
		catch (final IOException e) {
			throw new IllegalArgumentException("cannot write the transform to " + transform_file + ": " + e.getMessage(), e);
		}
	}

	@Override
	protected SpatialStep step(final Subject in, final StepRecord record) {
		if (ImageChoices.isNone(fixed) || THIS_IMAGE.equals(fixed))
			throw new IllegalArgumentException("name the fixed image by its title (fixed=TITLE; in medprep run, --ref TITLE=PATH)");
		final String movingName = in.has(moving) ? moving : in.mainName();
		if (fixed.equals(movingName) || fixed.equals(in.mainName()))
			throw new IllegalArgumentException("the fixed and the moving image are the same image ('" + fixed + "')");
		if (in.has(fixed))
			throw new IllegalArgumentException("the fixed image '" + fixed + "' is a member of the case, which moves with the moving image; name an image that is "
				+ "not (in medprep run, --ref " + fixed + "=PATH)");
		final Volume<? extends RealType<?>> fixedVolume = named(in, fixed);
		final Volume<? extends RealType<?>> movingVolume = in.volume(movingName);
		final Volume<? extends RealType<?>> fixedMask = mask(in, fixed_mask, "fixed", fixedVolume);
		final Volume<? extends RealType<?>> movingMask = mask(in, moving_mask, "moving", movingVolume);
		final Interpolation resampling = Interpolation.fromLabel(interpolation);
		if (resampling == Interpolation.LABEL) throw new IllegalArgumentException("the image is resampled with nearest, linear or cubic B-spline interpolation");
		final String extension = extension();
		final long used = record.resolveSeed(seed);
		final RegistrationSettings settings = RegistrationSettings.defaults().withTransform(TransformType.fromLabel(transform))
			.withMetric(MetricType.fromLabel(metric)).withBins(bins).withLevels(levels).withIterations(iterations).withSamples(samples)
			.withSampling(SamplingStrategy.fromLabel(sampling)).withInitialization(Initialization.fromLabel(initialization)).withSeed(used);
		final RegistrationResult registered = new Registration(settings).register(fixedVolume, movingVolume, fixedMask, movingMask, progress);
		// what the registration found: the transform's parameters about its centre (the plan holds the same map as a matrix)
		record.drawn("centre_mm", registered.transform().centre());
		record.drawn("parameters", registered.transform().parameters());
		registration = new RegistrationTransform(registered.pullBack(), registered.transform().centre(), registered.fixedGrid(), extension);
		final Sampling images = Sampling.of(resampling, BoundaryMode.BOX, fill);
		preview_image = preview(in, fixedVolume, registered, movingVolume, images);
		return SpatialStep.of(registered.plan(), images, labelInterpolation());
	}

	private boolean hasTransformFile() {
		return CommandOptions.isGiven(transform_file);
	}

	/** How hosts write the transform output: as the transform file is named, ITK by default. */
	private String extension() {
		if (!hasTransformFile()) return "tfm";
		final String name = transform_file.getName().toLowerCase(Locale.ROOT);
		if (name.endsWith(".txt")) return "txt";
		if (name.endsWith(".tfm")) return "tfm";
		throw new IllegalArgumentException("transform file " + transform_file + " must end in .tfm (ITK) or .txt (elastix TransformParameters)");
	}

	private Volume<? extends RealType<?>> mask(final Subject in, final String title, final String which, final Volume<? extends RealType<?>> onGrid) {
		if (ImageChoices.isNone(title)) return null;
		final Volume<? extends RealType<?>> mask = named(in, title);
		for (int d = 0; d < 3; d++)
			if (mask.dimension(d) != onGrid.dimension(d))
				throw new IllegalArgumentException("the " + which + " mask '" + title + "' is " + size(mask) + " but the " + which + " image is " + size(onGrid));
		return mask;
	}

	private ImagePlus preview(final Subject in, final Volume<? extends RealType<?>> fixedVolume, final RegistrationResult registered,
		final Volume<? extends RealType<?>> movingVolume, final Sampling images)
	{
		final String base = baseTitle(in.mainName()) + "-" + baseTitle(fixed);
		switch (Labels.parse(RegistrationPreviewKind.class, preview, "preview")) {
			case NONE:
				return null;
			case CHECKERBOARD:
				return ImagePlusVolumes.toImagePlus(RegistrationPreview.checkerboard(fixedVolume, registered.resample(movingVolume, images), 8),
					base + "-checkerboard", null);
			case COLOUR_OVERLAY:
				return overlay(RegistrationPreview.normalized(fixedVolume), RegistrationPreview.normalized(registered.resample(movingVolume, images)),
					base + "-overlay");
			default:
				throw new IllegalArgumentException("preview must be checkerboard, colour overlay or none, got '" + preview + "'");
		}
	}

	/** Fixed in magenta, moving in green: grey where they agree. */
	private static ImagePlus overlay(final Volume<FloatType> f, final Volume<FloatType> m, final String title) {
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
		// the calibration and geometry of the fixed grid, from a view of the fixed image (its planes are wrapped, not copied)
		final ImagePlus grid = ImagePlusVolumes.toImagePlus(f, title, null);
		imp.setCalibration(grid.getCalibration().copy());
		imp.setProp(ImagePlusVolumes.GEOMETRY_PROPERTY, grid.getProp(ImagePlusVolumes.GEOMETRY_PROPERTY));
		return imp;
	}

	private static String size(final Volume<?> v) {
		return String.format(Locale.ROOT, "%dx%dx%d", v.dimension(0), v.dimension(1), v.dimension(2));
	}

	@Override
	protected String titleSuffix() {
		return "registered";
	}
}

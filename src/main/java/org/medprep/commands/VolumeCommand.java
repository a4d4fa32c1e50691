package org.medprep.commands;

import ij.ImagePlus;

import java.util.LinkedHashSet;
import java.util.Set;

import org.medprep.commands.engine.RecordsHistory;
import org.medprep.commands.engine.StepRecord;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.CommandProgress;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.commands.imagej.SubjectImages;
import org.medprep.core.History;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.scijava.ItemIO;
import org.scijava.module.ModuleItem;
import org.scijava.plugin.Parameter;

import net.imglib2.type.numeric.RealType;

/**
 * The shape of a MedPrep command that works on a case: a {@link Subject} in,
 * a new Subject out ({@link #process}), the step added to the subject's
 * history with the values it really used ({@link StepRecord}). Inputs are
 * never modified.
 * <p>
 * Two ways in. In ImageJ and Fiji, {@link #run} converts the active image
 * (and the images the command names, see {@link #subjectOf}) into a subject
 * once, and the result back into images ({@code result}, with the history).
 * Pipelines ({@code medprep run}) call {@link #apply} with the subject they
 * carry from step to step, so a case flows from reader to writer without
 * ImagePlus round trips; the {@code image} input is then not set.
 * <p>
 * Subclasses declare their options as {@code @Parameter} fields (names are
 * the macro keys) and implement {@link #process}; bad parameters throw
 * {@link IllegalArgumentException} before any output exists. Nothing of a
 * run is kept in fields but the outputs and its {@link #progress}.
 */
public abstract class VolumeCommand extends OpenImagesCommand implements RecordsHistory {

	@Parameter(label = "Image", persist = false, validater = "checkImage", description = "The image to process (the active image in ImageJ).")
	protected ImagePlus image;

	/** Refuses an empty image (what Fiji passes when none is open) before any work. */
	protected void checkImage() {
		InputChecks.refuse(this, InputChecks.image(image));
	}

	@Parameter(type = ItemIO.OUTPUT, label = "Result")
	protected ImagePlus result;

	/**
	 * In ImageJ and Fiji: the active image (and the images the options name) as
	 * a subject, the step, the result published as images.
	 */
	@Override
	protected void execute() {
		final String label = label();
		showStatus(label + " on " + image.getTitle() + "...");
		// resampling is lazy: the result is materialized here, with the thread setting in effect
		// and every parallel task a checkpoint for a stop request
		final Subject out = Threads.call(getContext(), () -> apply(subjectOf(image)).materialize(), progress);
		publish(out);
		showStatus(label + " done");
	}

	/**
	 * Runs this command on a subject, with the options set on it: the work of
	 * {@link #process}, and the step appended to the history. Spatial steps
	 * come back pending (resampled when voxels are read, fused with the next
	 * ones); call it with the thread setting in effect ({@link Threads#call}).
	 *
	 * @throws IllegalArgumentException for bad options or inputs, with a message for the user
	 */
	public final Subject apply(final Subject in) {
		// a pipeline's step does not go through run(): its progress belongs to the calling thread
		if (progress == null) progress = CommandProgress.of(this, status, label());
		final StepRecord record = new StepRecord(label(), CommandOptions.recorded(this));
		final Subject out = process(in, record);
		return out.withStep(record.toStep());
	}

	/**
	 * The work: a new subject from {@code in}. Record in {@code record} what the
	 * step really used (a drawn seed, drawn parameters, the values of a preset);
	 * spatial commands record their plan through {@link SpatialCommand}.
	 */
	protected abstract Subject process(Subject in, StepRecord record);

	/** Short suffix for the output title, e.g. "window". */
	protected abstract String titleSuffix();

	/** The subject a run from ImageJ works on: the image, with its history. {@link SpatialCommand} adds its label map. */
	protected Subject subjectOf(final ImagePlus imp) {
		return SubjectImages.of(imp);
	}

	/** Sets the outputs from the result subject: {@code result} is the main member; every image output carries the history. */
	protected void publish(final Subject out) {
		result = unshared(SubjectImages.toImagePlus(out, out.mainName(), outputTitle(), image), image);
		for (final ModuleItem<?> item : getInfo().outputs()) {
			final Object value = getOutput(item.getName());
			if (value instanceof ImagePlus && value != result) HistoryStore.put((ImagePlus) value, out.history());
		}
	}

	/**
	 * The output image with pixels of its own: a step that left a member as it
	 * was (a random step not applied) would otherwise give an image wrapping
	 * the input's arrays, and editing one would change the other.
	 */
	protected static ImagePlus unshared(final ImagePlus output, final ImagePlus input) {
		if (input != null && output.getStackSize() == input.getStackSize() && output.getStack().getPixels(1) == input.getStack().getPixels(1))
			output.setStack(output.getStack().duplicate());
		return output;
	}

	protected String outputTitle() {
		return baseTitle(image == null ? "image" : image.getTitle()) + "-" + titleSuffix();
	}

	/** A title without its file extension ("ct.tif" -> "ct", "ct.nii.gz" -> "ct"). */
	public static String baseTitle(final String t) {
		final String s = t.toLowerCase(java.util.Locale.ROOT).endsWith(".gz") ? t.substring(0, t.length() - 3) : t;
		final int dot = s.lastIndexOf('.');
		return dot > 0 && s.length() - dot <= 5 ? s.substring(0, dot) : s;
	}

	/**
	 * A secondary input named in the options (a mask, a reference): the
	 * subject's member of that name, else the image of that title (a macro
	 * names secondary inputs by title).
	 *
	 * @throws IllegalArgumentException naming the title if there is neither
	 */
	protected Volume<? extends RealType<?>> named(final Subject subject, final String title) {
		if (subject.has(title)) return subject.volume(title);
		return ImagePlusVolumes.toVolume(imageTitled(title));
	}

	/** The history of a secondary input: the subject's own for a member, else the titled image's. */
	protected History namedHistory(final Subject subject, final String title) {
		if (subject.has(title)) return subject.history();
		return HistoryStore.of(imageTitled(title));
	}

	/**
	 * Sets the choices of {@code key}, an option that names a second image (a
	 * mask, a reference, a label map): {@code first}, then the titles of the
	 * other open images. The work of such an option's initializer.
	 */
	protected final void offerImageTitles(final String key, final String... first) {
		offerImageTitles(key, image, first);
	}

	/** The initializer of a {@code mask} option ({@link MaskOption}): the mask rules, then the other open images. */
	protected void initMask() {
		MaskOption.offerChoices(getInfo().getMutableInput("mask", String.class), titles, image);
	}

	/** The members of {@code subject} this step's options name (its mask, its reference): inputs of the step, not transformed by it. */
	protected Set<String> membersNamedInOptions(final Subject subject) {
		final Set<String> named = new LinkedHashSet<>();
		for (final String value : CommandOptions.recorded(this).values())
			if (subject.has(value) && !value.equals(subject.mainName())) named.add(value);
		return named;
	}

	/**
	 * The subject with its main member replaced by a step's result of another
	 * kind (a segmentation, a mask); a result on another grid (basis images)
	 * starts a subject of its own, keeping the history.
	 */
	protected static Subject replaceMain(final Subject in, final Subject.Kind kind, final Volume<? extends RealType<?>> volume) {
		if (org.medprep.core.spatial.Grid.of(volume).sameSpace(in.grid())) return in.with(in.mainName(), kind, volume);
		return Subject.of(in.mainName(), kind, volume).withHistory(in.history()).withFusion(in.fusion());
	}

	private void showStatus(final String message) {
		if (status != null) status.showStatus(message);
	}
}

package org.medprep.commands;

import ij.ImagePlus;

import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.engine.Failures;
import org.medprep.commands.imagej.CommandProgress;
import org.medprep.commands.imagej.ImageTitleChoices;
import org.medprep.commands.imagej.ImageTitleService;
import org.scijava.app.StatusService;
import org.scijava.command.DynamicCommand;
import org.scijava.plugin.Parameter;

/**
 * The base of the commands that work with the images open in ImageJ: they
 * find a second image by its title (a macro names secondary inputs by title),
 * offer the open images' titles as choices, and report progress on the status
 * bar. {@link #run} does the work of {@link #execute}, where a bad input or a
 * stop request cancels the command with one line that names the problem
 * ({@link Failures}).
 * <p>
 * Its only parameters are services, which no dialog or macro shows, so a subclass's
 * options keep the order it declares them in. Both services are optional: a
 * command run without them (a bare context in a test) still runs, and only a
 * lookup by title fails, with a message.
 */
public abstract class OpenImagesCommand extends DynamicCommand {

	@Parameter(required = false)
	protected StatusService status;

	@Parameter(required = false)
	protected ImageTitleService titles;

	/**
	 * Progress and stop requests of this run (a command instance runs once), set
	 * by {@link #run} (and, for a pipeline's step, by {@link VolumeCommand#apply}):
	 * core algorithms that report progress get it.
	 */
	protected CommandProgress progress;

	@Override
	public void run() {
		final String label = label();
		progress = CommandProgress.of(this, status, label);
		Failures.run(this, label, this::execute);
	}

	/** The command's work; throws what {@link Failures} turns into a cancel. */
	protected abstract void execute();

	/** The command's menu label (its macro name): how messages and progress name it. */
	protected String label() {
		return getInfo() == null ? getClass().getSimpleName() : CommandCatalog.label(getInfo());
	}

	/** The image named by {@code title}. */
	protected ImagePlus imageTitled(final String title) {
		if (titles == null) throw new IllegalStateException("no image lookup available to find '" + title + "'");
		return titles.find(title);
	}

	/**
	 * Sets the choices of {@code key}, an option that names a second image (a
	 * mask, a reference, a label map): {@code first}, then the titles of the
	 * open images other than {@code self}. The work of such an option's initializer.
	 */
	protected final void offerImageTitles(final String key, final ImagePlus self, final String... first) {
		getInfo().getMutableInput(key, String.class).setChoices(ImageTitleChoices.of(titles, self, first));
	}
}

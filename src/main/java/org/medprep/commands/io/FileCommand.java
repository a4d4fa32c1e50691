package org.medprep.commands.io;

import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.engine.Failures;
import org.medprep.commands.imagej.CommandProgress;
import org.scijava.app.StatusService;
import org.scijava.command.CommandInfo;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;

/**
 * A command that works on files and folders rather than on an open case and
 * reports its progress (DICOM folder scans and imports, de-identification,
 * patch aggregation). A failure its user can act on (a bad input, a stop
 * request) cancels it with one line that names the problem ({@link Failures});
 * {@link #progress()} reports to the host's status bar and lets Esc or cancel
 * stop the work. Import NIfTI/MetaImage and the exports, which have no status
 * service, stay outside: given one, Import NIfTI/MetaImage no longer let the
 * ImageJ Recorder write the selectImage line that follows it in Fiji.
 */
public abstract class FileCommand extends ContextCommand {

	@Parameter(required = false)
	private StatusService status;

	/** The command's work; throws what {@link Failures} turns into a cancel. */
	protected abstract void execute();

	@Override
	public final void run() {
		Failures.run(this, label(), this::execute);
	}

	/** The menu label, "DICOM Series Info": how messages and progress name the command. */
	protected final String label() {
		return CommandCatalog.label(new CommandInfo(getClass()));
	}

	/** Progress and stop requests for this run, shown under the command's label. */
	protected final CommandProgress progress() {
		return CommandProgress.of(this, status, label());
	}

	/** The host's status bar, or null headless. */
	protected final StatusService status() {
		return status;
	}
}

package org.medprep.commands.engine;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A command output that is neither an image nor a table but a file of its own
 * kind (a registration's transform). Hosts that write outputs (the CLI) name
 * the file after the output and {@link #extension}, and stage it with the
 * case's other outputs; in ImageJ it stays an object of the command.
 */
public interface FileOutput {

	/** The file ending MedPrep writes this output with, without the dot ({@code "tfm"}). */
	String extension();

	/**
	 * Writes the output to {@code file} (whose name ends with {@link #extension}).
	 * @throws IOException naming the file if it cannot be written
	 */
	void write(Path file) throws IOException;
}

package org.medprep.commands.intensity;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.medprep.io.models.ModelFileException;

/**
 * The files of the learn-then-apply intensity commands (Nyul Train and Apply,
 * CT Dataset Fingerprint and Normalize): what the learning command writes and
 * the applying one reads, a failure either way turned into the one line the
 * command cancels with.
 */
final class ModelFiles {

	private ModelFiles() {}

	/** A model file's reader ({@code NyulScaleFile::read}). */
	@FunctionalInterface
	interface Reader<T> {
		T read(Path file) throws ModelFileException;
	}

	/** A model file's writer ({@code NyulScaleFile::write}). */
	@FunctionalInterface
	interface Writer<T> {
		void write(T model, Path file) throws IOException;
	}

	/**
	 * The model in {@code file}, the option {@code name} ("standard scale file").
	 *
	 * @throws IllegalArgumentException when none is given, or with the reader's message
	 */
	static <T> T read(final File file, final String name, final Reader<T> reader) {
		if (file == null) throw new IllegalArgumentException("no " + name + " given");
		try {
			return reader.read(file.toPath());
		}
		catch (final ModelFileException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
	}

	/** @throws IllegalArgumentException naming the file when it cannot be written */
	static <T> void write(final T model, final File file, final Writer<T> writer) {
		try {
			writer.write(model, file.toPath());
		}
		catch (final IOException e) {
			throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage(), e);
		}
	}
}

package org.medprep.commands.registration;

import java.io.IOException;
import java.nio.file.Path;

import org.medprep.commands.engine.FileOutput;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;
import org.medprep.io.transform.ItkTransformFile;
import org.medprep.io.transform.TransformFiles;

/**
 * The transform output of {@code Register Images}: fixed to moving patient
 * coordinates about its centre, with the fixed grid. Its text is the ITK
 * {@code .tfm} file; the CLI writes it beside each case's images as
 * {@code <case>_registration.tfm} (or {@code .txt}, elastix TransformParameters,
 * when the command was asked for that format). Immutable.
 */
public final class RegistrationTransform implements FileOutput {

	private final PhysicalAffine transform;
	private final double[] centre;
	private final Grid fixedGrid;
	private final String extension;

	/** @param extension "tfm" (ITK) or "txt" (elastix TransformParameters): how hosts write it */
	public RegistrationTransform(final PhysicalAffine transform, final double[] centre, final Grid fixedGrid, final String extension) {
		if (!"tfm".equals(extension) && !"txt".equals(extension))
			throw new IllegalArgumentException("a transform is written as tfm (ITK) or txt (elastix), not '" + extension + "'");
		this.transform = transform;
		this.centre = centre.clone();
		this.fixedGrid = fixedGrid;
		this.extension = extension;
	}

	public PhysicalAffine transform() { return transform; }
	public double[] centre() { return centre.clone(); }
	public Grid fixedGrid() { return fixedGrid; }

	@Override
	public String extension() { return extension; }

	/** Writes atomically: ITK for .tfm, elastix TransformParameters for .txt (whatever {@link #extension} says). */
	@Override
	public void write(final Path file) throws IOException {
		TransformFiles.write(file, transform, centre, fixedGrid);
	}

	/** The ITK .tfm text. */
	@Override
	public String toString() {
		return ItkTransformFile.format(transform, centre);
	}
}

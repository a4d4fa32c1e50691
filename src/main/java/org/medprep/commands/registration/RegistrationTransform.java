package org.medprep.commands.registration;

import java.io.IOException;
import java.nio.file.Path;

import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;
import org.medprep.io.transform.ItkTransformFile;
import org.medprep.io.transform.TransformFiles;

/**
 * The transform output of {@code Register Images}: fixed to moving patient
 * coordinates about its centre, with the fixed grid. Its text is the ITK
 * {@code .tfm} file; the CLI writes it next to each case's images.
 */
public final class RegistrationTransform {

	private final PhysicalAffine transform;
	private final double[] centre;
	private final Grid fixedGrid;

	public RegistrationTransform(final PhysicalAffine transform, final double[] centre, final Grid fixedGrid) {
		this.transform = transform;
		this.centre = centre.clone();
		this.fixedGrid = fixedGrid;
	}

	public PhysicalAffine transform() { return transform; }
	public double[] centre() { return centre.clone(); }
	public Grid fixedGrid() { return fixedGrid; }

	/** Writes atomically: ITK for .tfm, elastix TransformParameters for .txt. */
	public void write(final Path file) throws IOException {
		TransformFiles.write(file, transform, centre, fixedGrid);
	}

	/** The ITK .tfm text. */
	@Override
	public String toString() {
		return ItkTransformFile.format(transform, centre);
	}
}

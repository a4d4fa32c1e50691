package org.medprep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.medprep.io.ImageFormats;
import org.medprep.io.transform.ItkTransformFile;

/**
 * Writes the {@link RegistrationCases} as files for the comparison with
 * elastix (the script {@code scripts/compare-registration-with-elastix.py}
 * runs both tools on them): per case a folder with {@code fixed.mha} (T1),
 * {@code moving.mha} (T2, moved by the truth), {@code fixed_head.mha} (where
 * the target registration error is measured) and {@code truth.tfm} (the
 * transform from fixed to moving mm, ITK format).
 * <p>
 * {@code java -cp medprep.jar org.medprep.bench.RegistrationComparison OUTDIR [SCALE]}
 */
public final class RegistrationComparison {

	private RegistrationComparison() {}

	public static void main(final String[] args) throws IOException {
		if (args.length < 1 || args.length > 2) {
			System.err.println("usage: RegistrationComparison OUTDIR [SCALE]  (SCALE > 1: larger voxels, smaller grids)");
			System.exit(2);
		}
		final Path out = Path.of(args[0]);
		final double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1;
		for (final RegistrationCase c : RegistrationCases.all(scale)) {
			final Path dir = out.resolve(c.name());
			Files.createDirectories(dir);
			ImageFormats.write(c.fixed(), dir.resolve("fixed.mha"));
			ImageFormats.write(c.moving(), dir.resolve("moving.mha"));
			ImageFormats.write(c.fixedForeground(), dir.resolve("fixed_head.mha"));
			ItkTransformFile.write(dir.resolve("truth.tfm"), c.truth(), new double[3]);
			System.out.println(String.format(Locale.ROOT, "%s: fixed %s, moving %s", dir, c.fixedGrid(), c.movingGrid()));
		}
	}
}

package org.medprep.io.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.core.Geometry;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;

class TransformFilesTest {

	@TempDir
	Path dir;

	private static final PhysicalAffine AFFINE = PhysicalAffine.of(new double[][] { { 1.05, 0.02, -0.03, 4.5 }, { -0.01, 0.97, 0.04, -7.25 },
		{ 0.015, -0.02, 1.01, 12.125 } });
	private static final double[] CENTRE = { 3.5, -20, 41.25 };
	private static final Grid GRID = Grid.of(new long[] { 160, 150, 40 },
		Geometry.of(new double[] { 1.1, 1.1, 3.0 }, new double[] { -90, -80.5, -60 }, PhysicalAffine.rotationMatrix(0.2, -0.1, 0.3)));

	private Path file(final String name, final String text) throws IOException {
		final Path p = dir.resolve(name);
		Files.write(p, text.getBytes(StandardCharsets.UTF_8));
		return p;
	}

	private static void assertSameMap(final PhysicalAffine expected, final PhysicalAffine actual, final double tolerance) {
		for (int r = 0; r < 3; r++) assertArrayEquals(expected.matrix()[r], actual.matrix()[r], tolerance, "row " + r);
	}

	@Test
	void itkRoundTripKeepsTheMapAndTheCentre() throws IOException {
		final Path p = dir.resolve("t.tfm");
		TransformFiles.write(p, AFFINE, CENTRE, GRID);
		final String text = new String(Files.readAllBytes(p), StandardCharsets.US_ASCII);
		assertTrue(text.startsWith("#Insight Transform File V1.0\n#Transform 0\nTransform: AffineTransform_double_3_3\nParameters: 1.05 0.02 -0.03 "), text);
		assertTrue(text.endsWith("FixedParameters: 3.5 -20 41.25\n"), text);
		final StoredTransform t = TransformFiles.read(p);
		assertSameMap(AFFINE, t.transform(), 1e-12);
		assertArrayEquals(CENTRE, t.centre());
		assertNull(t.fixedGrid());
		// the centred form: T(c) = c + t
		final double[] moved = AFFINE.apply(CENTRE);
		final String[] parameters = text.split("\n")[3].substring("Parameters: ".length()).split(" ");
		for (int d = 0; d < 3; d++) assertEquals(moved[d] - CENTRE[d], Double.parseDouble(parameters[9 + d]), 1e-12);
	}

	@Test
	void itkRotationTypesHaveTheirKnownMatrices() throws IOException {
		final double q = Math.sqrt(0.5);
		// 90 degrees about z about the centre (1, 2, 3), then 10 mm along x: (2, 2, 3) goes to (11, 3, 3)
		final String euler = "#Insight Transform File V1.0\n#Transform 0\nTransform: Euler3DTransform_double_3_3\nParameters: 0 0 1.5707963267948966 10 0 0\n"
			+ "FixedParameters: 1 2 3 0\n";
		assertArrayEquals(new double[] { 11, 3, 3 }, TransformFiles.read(file("e.tfm", euler)).transform().apply(new double[] { 2, 2, 3 }), 1e-12);
		// ITK's default order is Rz Rx Ry; the fourth fixed parameter 1 asks for Rz Ry Rx
		final String zxy = "Transform: Euler3DTransform_double_3_3\nParameters: 1.5707963267948966 1.5707963267948966 0 0 0 0\nFixedParameters: 0 0 0\n";
		assertArrayEquals(new double[] { 0, 1, 0 }, TransformFiles.read(file("zxy.txt", "#Insight Transform File V1.0\n" + zxy)).transform().apply(new double[] { 1, 0, 0 }), 1e-12);
		final String zyx = zxy.replace("FixedParameters: 0 0 0", "FixedParameters: 0 0 0 1");
		assertArrayEquals(new double[] { 0, 0, -1 }, TransformFiles.read(file("zyx.tfm", zyx)).transform().apply(new double[] { 1, 0, 0 }), 1e-12);
		final String versor = "Transform: VersorRigid3DTransform_double_3_3\nParameters: 0 0 " + q + " 0 0 5\nFixedParameters: 0 0 0\n";
		assertArrayEquals(new double[] { 0, 1, 5 }, TransformFiles.read(file("v.tfm", versor)).transform().apply(new double[] { 1, 0, 0 }), 1e-12);
		final String similarity = "Transform: Similarity3DTransform_float_3_3\nParameters: 0 0 0 1 2 3 2\nFixedParameters: 10 10 10\n";
		assertArrayEquals(new double[] { 1 + 10 + 2 * -10, 2 + 10 + 2 * -9, 3 + 10 + 2 * -8 },
			TransformFiles.read(file("s.tfm", similarity)).transform().apply(new double[] { 0, 1, 2 }), 1e-12);
		assertArrayEquals(new double[] { 1, -2, 3.5 },
			TransformFiles.read(file("tr.tfm", "Transform: TranslationTransform_double_3_3\nParameters: 1 -2 3.5\nFixedParameters:\n")).transform()
				.apply(new double[3]), 0);
	}

	@Test
	void itkFilesMedPrepCannotUseAreRefusedWithTheReason() throws IOException {
		assertMessage(file("c.tfm", "#Insight Transform File V1.0\n#Transform 0\nTransform: CompositeTransform_double_3_3\n#Transform 1\n"
			+ "Transform: AffineTransform_double_3_3\nParameters: 1 0 0 0 1 0 0 0 1 0 0 0\nFixedParameters: 0 0 0\n"), "composite");
		assertMessage(file("2d.tfm", "Transform: AffineTransform_double_2_2\nParameters: 1 0 0 1 0 0\nFixedParameters: 0 0\n"), "not a 3D transform");
		assertMessage(file("b.tfm", "Transform: BSplineTransform_double_3_3\nParameters: 0\nFixedParameters: 0\n"), "is not supported");
		assertMessage(file("n.tfm", "Transform: AffineTransform_double_3_3\nParameters: 1 0 0 0 1 0 0 0 1 0 0\nFixedParameters: 0 0 0\n"), "needs 12 Parameters, got 11");
		assertMessage(file("x.tfm", "Transform: AffineTransform_double_3_3\nParameters: 1 0 0 0 one 0 0 0 1 0 0 0\nFixedParameters: 0 0 0\n"), "'one' is not a number");
		assertMessage(file("junk.txt", "hello\n"), "neither an ITK transform file");
		assertMessage(dir.resolve("missing.tfm"), "no such file");
		assertThrows(IllegalArgumentException.class, () -> TransformFiles.write(dir.resolve("t.mat"), AFFINE, CENTRE, GRID));
	}

	@Test
	void elastixRoundTripKeepsTheMapAndTheFixedGrid() throws IOException {
		final Path p = dir.resolve("TransformParameters.0.txt");
		TransformFiles.write(p, AFFINE, CENTRE, GRID);
		final String text = new String(Files.readAllBytes(p), StandardCharsets.US_ASCII);
		assertTrue(text.contains("(Transform \"AffineTransform\")") && text.contains("(CenterOfRotationPoint 3.5 -20 41.25)") && text.contains("(Size 160 150 40)"), text);
		final StoredTransform t = TransformFiles.read(p);
		assertSameMap(AFFINE, t.transform(), 1e-12);
		assertArrayEquals(CENTRE, t.centre());
		assertTrue(t.fixedGrid().sameSpace(GRID, 1e-15), t.fixedGrid().toString());
		// elastix lists the direction of each image axis in turn (the columns)
		final double[][] d = GRID.geometry().direction();
		assertTrue(text.contains("(Direction " + ItkTransformFile.number(d[0][0]) + " " + ItkTransformFile.number(d[1][0]) + " "), text);
	}

	@Test
	void elastixEulerAndChainsOfInitialTransforms() throws IOException {
		final String euler = "(Transform \"EulerTransform\")\n(NumberOfParameters 6)\n(TransformParameters 0 0 1.5707963267948966 10 0 0)\n"
			+ "(InitialTransformParametersFileName \"NoInitialTransform\")\n(HowToCombineTransforms \"Compose\") // comment\n(CenterOfRotationPoint 1 2 3)\n"
			+ "(Size 10 10 10)\n(Spacing 1 1 1)\n(Origin 0 0 0)\n(Direction 1 0 0 0 1 0 0 0 1)\n";
		final Path first = file("TransformParameters.0.txt", euler);
		assertArrayEquals(new double[] { 11, 3, 3 }, TransformFiles.read(first).transform().apply(new double[] { 2, 2, 3 }), 1e-12);
		final String second = "(Transform \"TranslationTransform\")\n(TransformParameters 0 0 100)\n(InitialTransformParametersFileName \"" + first.getFileName()
			+ "\")\n(HowToCombineTransforms \"Compose\")\n";
		// elastix applies the initial transform first: T(x) = second(first(x))
		assertArrayEquals(new double[] { 11, 3, 103 }, TransformFiles.read(file("TransformParameters.1.txt", second)).transform().apply(new double[] { 2, 2, 3 }),
			1e-12);
		final String added = second.replace("Compose", "Add");
		assertArrayEquals(new double[] { 11, 3, 103 }, TransformFiles.read(file("TransformParameters.2.txt", added)).transform().apply(new double[] { 2, 2, 3 }),
			1e-12);
	}

	@Test
	void elastixFilesMedPrepCannotUseAreRefusedWithTheReason() throws IOException {
		assertMessage(file("a.txt", "(Transform \"AffineTransform\")\n(TransformParameters 1 0 0 0 1 0 0 0 1 0 0 0)\n(UseDirectionCosines \"false\")\n"),
			"UseDirectionCosines");
		assertMessage(file("b.txt", "(Transform \"BSplineTransform\")\n(TransformParameters 0 0)\n"), "is not supported");
		assertMessage(file("c.txt", "(Transform \"AffineTransform\")\n(TransformParameters 1 0 0)\n"), "needs 12 TransformParameters, got 3");
		assertMessage(file("d.txt", "(Transform \"AffineTransform\")\nTransformParameters 1\n"), "line 2 is not a (Name value ...) entry");
		assertMessage(file("e.txt", "(Transform \"TranslationTransform\")\n(TransformParameters 1 2 3)\n(InitialTransformParametersFileName \"e.txt\")\n"),
			"chained");
	}

	private static void assertMessage(final Path p, final String part) {
		final IOException e = assertThrows(IOException.class, () -> TransformFiles.read(p));
		assertTrue(e.getMessage().contains(part) && e.getMessage().contains(p.getFileName().toString()), e.getMessage());
	}
}

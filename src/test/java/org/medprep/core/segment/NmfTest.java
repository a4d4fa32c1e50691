package org.medprep.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import net.imglib2.parallel.Parallelization;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NmfTest {

	/** A product of known non-negative W (n x k) and H (k x m), with some zeros. */
	private static Matrix exactProduct(final int n, final int m, final int k, final long seed) {
		return exactProduct(n, m, k, seed, 0.2);
	}

	private static Matrix exactProduct(final int n, final int m, final int k, final long seed, final double zeros) {
		final Random r = new Random(seed);
		final Matrix w = Matrix.zeros(n, k), h = Matrix.zeros(k, m);
		for (int i = 0; i < w.data().length; i++) w.data()[i] = r.nextDouble() < zeros ? 0 : r.nextDouble();
		for (int i = 0; i < h.data().length; i++) h.data()[i] = r.nextDouble() < zeros ? 0 : 1 + r.nextDouble();
		return w.times(h);
	}

	@Test
	void reconstructsAnExactProductNearlyPerfectly() {
		for (final NmfSolver solver : NmfSolver.values()) {
			// coordinate descent reaches exact zeros; the multiplicative update only approaches them, so give it positive factors
			final boolean mu = solver == NmfSolver.MULTIPLICATIVE_UPDATE;
			final Matrix x = exactProduct(40, 12, 3, 7, mu ? 0 : 0.2);
			final double norm = x.frobeniusNorm();
			final NmfResult r = Nmf.factorize(x, NmfParameters.of(3).withInit(NmfInit.NNDSVDA).withSolver(solver).withTol(0).withMaxIter(mu ? 20000 : 2000));
			assertTrue(r.reconstructionError() < (mu ? 1e-3 : 1e-8) * norm, solver + ": error " + r.reconstructionError() + " of norm " + norm);
			// the reported error is ||X - W H||
			assertEquals(r.reconstructionError(), residual(x, r), 1e-9 * norm);
			for (final double v : r.w().data()) assertTrue(v >= 0);
			for (final double v : r.h().data()) assertTrue(v >= 0);
		}
	}

	@Test
	void rankOneMatrixIsExactAfterNndsvd() {
		// for a rank-1 non-negative matrix, NNDSVD's first triplet already is the factorization
		final Matrix w = new Matrix(3, 1, new double[] { 1, 2, 3 });
		final Matrix h = new Matrix(1, 2, new double[] { 4, 5 });
		final NmfResult r = Nmf.factorize(w.times(h), NmfParameters.of(1).withInit(NmfInit.NNDSVD).withMaxIter(1));
		assertEquals(0, r.reconstructionError(), 1e-9);
		assertEquals(4.0 / 5.0, r.h().get(0, 0) / r.h().get(0, 1), 1e-12);
		assertEquals(0.5, r.w().get(0, 0) / r.w().get(1, 0), 1e-12);
	}

	@Test
	void multiplicativeUpdateNeverIncreasesTheObjective() {
		final Matrix x = exactProduct(30, 10, 4, 11);
		final Random r = new Random(3);
		for (int i = 0; i < x.data().length; i++) x.data()[i] += r.nextDouble(); // noise: no exact solution
		for (final double alpha : new double[] { 0, 0.05 }) {
			final int n = x.rows(), m = x.cols();
			final NmfParameters p = NmfParameters.of(3).withInit(NmfInit.NNDSVDA).withSolver(NmfSolver.MULTIPLICATIVE_UPDATE).withTol(0).withAlphaW(alpha).withL1Ratio(0.3);
			double previous = Double.POSITIVE_INFINITY;
			for (int iter = 1; iter <= 60; iter++) {
				final NmfResult res = Nmf.factorize(x, p.withMaxIter(iter));
				// the full regularised objective MU minimises (scikit-learn's scaling)
				double obj = 0.5 * res.reconstructionError() * res.reconstructionError();
				obj += m * alpha * (0.3 * sum(res.w()) + 0.5 * 0.7 * sumSq(res.w()));
				obj += n * alpha * (0.3 * sum(res.h()) + 0.5 * 0.7 * sumSq(res.h()));
				assertTrue(obj <= previous * (1 + 1e-12), "alpha " + alpha + " iteration " + iter + ": " + obj + " > " + previous);
				previous = obj;
			}
		}
	}

	static Stream<Arguments> sklearnCases() {
		final List<Arguments> out = new ArrayList<>();
		for (final String[] row : Fixtures.tsv("nmf.tsv")) out.add(Arguments.of((Object) row));
		return out.stream();
	}

	private static Matrix fixtureMatrix() {
		return new Matrix(4096, 16, Fixtures.uint16("nmf_x.u16"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sklearnCases")
	void agreesWithScikitLearn(final String[] c) {
		final NmfParameters p = NmfParameters.of(Integer.parseInt(c[1])).withInit(NmfInit.fromLabel(c[2])).withSolver(NmfSolver.fromLabel(c[3]))
			.withTol(Double.parseDouble(c[4])).withMaxIter(Integer.parseInt(c[5])).withAlphaW(Double.parseDouble(c[6]))
			.withAlphaH(c[7].equals("same") ? Double.NaN : Double.parseDouble(c[7])).withL1Ratio(Double.parseDouble(c[8]));
		final double expected = Double.parseDouble(c[9]);
		final NmfResult r = Nmf.factorize(fixtureMatrix(), p);
		final double rel = (r.reconstructionError() - expected) / expected;
		// the spec: within 1 % of scikit-learn's reconstruction_err_ (random draws differ from numpy's: 2 %)
		final double tolerance = p.init() == NmfInit.RANDOM || p.init() == NmfInit.NNDSVDAR ? 0.02 : 0.01;
		assertTrue(Math.abs(rel) <= tolerance, c[0] + ": ours " + r.reconstructionError() + " (" + r.iterations() + " it), scikit-learn " + expected + " (" + c[10] + " it)");
		System.out.printf("NMF %-32s ours %.4f (%d it)  sklearn %.4f (%s it)  rel %+.2e%n", c[0], r.reconstructionError(), r.iterations(), expected, c[10], rel);
	}

	@Test
	void sameResultWhateverTheThreadCount() {
		final Matrix x = fixtureMatrix();
		final NmfParameters p = NmfParameters.study(3).withMaxIter(50);
		final NmfResult one = Parallelization.runSingleThreaded(() -> Nmf.factorize(x.copy(), p));
		final NmfResult many = Parallelization.runWithNumThreads(3, () -> Nmf.factorize(x.copy(), p));
		assertEquals(one.reconstructionError(), many.reconstructionError(), 0.0);
		assertEquals(java.util.Arrays.toString(one.w().data()), java.util.Arrays.toString(many.w().data()));
		final NmfResult seeded1 = Nmf.factorize(x, NmfParameters.of(3).withInit(NmfInit.RANDOM).withSeed(5).withMaxIter(20));
		final NmfResult seeded2 = Nmf.factorize(x, NmfParameters.of(3).withInit(NmfInit.RANDOM).withSeed(5).withMaxIter(20));
		assertEquals(seeded1.reconstructionError(), seeded2.reconstructionError(), 0.0);
	}

	@Test
	void badInputIsRejectedWithAClearMessage() {
		final Matrix negative = new Matrix(2, 2, new double[] { 1, 2, -3, 4 });
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nmf.factorize(negative, NmfParameters.of(1)));
		assertEquals("NMF needs non-negative data; found -3.0 at row 1, column 0 (shift or clip the intensities first)", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> Nmf.factorize(new Matrix(5, 3, new double[15]), NmfParameters.of(1)));
		assertTrue(e.getMessage().contains("all zeros"), e.getMessage());
		final Matrix x = exactProduct(5, 3, 2, 1);
		e = assertThrows(IllegalArgumentException.class, () -> Nmf.factorize(x, NmfParameters.of(4).withInit(NmfInit.NNDSVD)));
		assertEquals("n_components = 4 is larger than min(n_samples, n_features) = min(5, 3); init 'nndsvd' needs n_components <= 3 (or use init 'random')", e.getMessage());
		// random init allows more components than min(shape), as scikit-learn does
		assertTrue(Nmf.factorize(x, NmfParameters.of(4).withInit(NmfInit.RANDOM)).reconstructionError() >= 0);
		e = assertThrows(IllegalArgumentException.class, () -> NmfParameters.of(2).withL1Ratio(1.5));
		assertEquals("l1_ratio must be in [0, 1], got 1.5", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> NmfInit.fromLabel("svd"));
		assertTrue(e.getMessage().contains("nndsvdar"));
	}

	@Test
	void cancelAndProgress() {
		final Matrix x = exactProduct(50, 10, 3, 2);
		final AtomicInteger calls = new AtomicInteger();
		final CancellationException e = assertThrows(CancellationException.class,
			() -> Nmf.factorize(x, NmfParameters.of(3).withTol(0).withMaxIter(100), (done, total, msg) -> calls.incrementAndGet(), () -> calls.get() >= 4));
		assertEquals("NMF cancelled after 4 iterations", e.getMessage());
		assertEquals(4, calls.get());
	}

	/** The coordinate-descent sweep, row by row as scikit-learn's _update_cdnmf_fast writes it. */
	private static double plainSweep(final Matrix w, final double[] aht, final double[] hht, final double l1, final double l2) {
		final int k = w.cols();
		for (int t = 0; t < k; t++) hht[t * k + t] += l2;
		final double[] wd = w.data();
		double violation = 0;
		for (int i = 0; i < w.rows(); i++)
			for (int t = 0; t < k; t++) {
				double grad = l1 - aht[i * k + t];
				for (int r = 0; r < k; r++) grad += hht[t * k + r] * wd[i * k + r];
				final double wit = wd[i * k + t];
				violation += Math.abs(wit == 0 ? Math.min(0, grad) : grad);
				if (hht[t * k + t] != 0) wd[i * k + t] = Math.max(wit - grad / hht[t * k + t], 0);
			}
		return violation;
	}

	@Test
	void sweepOfFourRowsAtATimeHasTheBitsOfTheRowByRowSweep() {
		final Random random = new Random(3);
		// 1031 rows: one chunk's groups of four and a remainder; some zeros for the projected gradient
		final int n = 1031, k = 5;
		final Matrix w = Matrix.zeros(n, k);
		final double[] aht = new double[n * k];
		for (int i = 0; i < n * k; i++) {
			w.data()[i] = random.nextInt(4) == 0 ? 0 : random.nextDouble();
			aht[i] = 3 * random.nextDouble();
		}
		final Matrix f = Matrix.zeros(40, k);
		for (int i = 0; i < f.data().length; i++) f.data()[i] = random.nextDouble();
		final double[] hht = Nmf.gram(f);
		final Matrix expected = w.copy();
		final double expectedViolation = plainSweep(expected, aht, hht.clone(), 0.25, 0.5);
		final double violation = Nmf.updateCoordinateDescent(w, aht, hht.clone(), 0.25, 0.5);
		assertEquals(expectedViolation, violation, 0.0);
		assertEquals(java.util.Arrays.toString(expected.data()), java.util.Arrays.toString(w.data()));
	}

	@Test
	void productKernelsOfEveryComponentWidthAreExact() {
		final Random random = new Random(4);
		// 7 components: the kernels of four, two and one; 4099 rows: chunks, and rows after the last group of four
		final int n = 4099, m = 9, k = 7;
		final Matrix x = Matrix.zeros(n, m), w = Matrix.zeros(n, k), f = Matrix.zeros(m, k);
		for (int i = 0; i < x.data().length; i++) x.data()[i] = random.nextInt(100);
		for (int i = 0; i < w.data().length; i++) w.data()[i] = random.nextInt(10);
		for (int i = 0; i < f.data().length; i++) f.data()[i] = random.nextInt(10);
		// small integers: every sum exact, whatever the order
		final double[] xtw = new double[m * k];
		NmfProducts.transposeTimes(x, w.data(), k, xtw, 0, n);
		assertEquals(java.util.Arrays.toString(x.transpose().times(w).data()), java.util.Arrays.toString(xtw));
		// rows 1000 .. 2998 of X F, written from row 0 of the output
		final double[] xf = new double[1999 * k];
		NmfProducts.times(x, f.data(), k, xf, 1000, 1000, 2999);
		final double[] expected = java.util.Arrays.copyOfRange(x.times(f).data(), 1000 * k, 2999 * k);
		assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(xf));
	}

	/** X (n x m), W (n x k), Ht (m x k) with non-integer values and some zeros in W. */
	private static Matrix[] passProblem(final int n, final int m, final int k, final long seed) {
		final Random random = new Random(seed);
		final Matrix x = Matrix.zeros(n, m), w = Matrix.zeros(n, k), ht = Matrix.zeros(m, k);
		for (int i = 0; i < x.data().length; i++) x.data()[i] = random.nextInt(4096);
		for (int i = 0; i < w.data().length; i++) w.data()[i] = random.nextInt(5) == 0 ? 0 : random.nextDouble();
		for (int i = 0; i < ht.data().length; i++) ht.data()[i] = 50 * random.nextDouble();
		return new Matrix[] { x, w, ht };
	}

	@Test
	void rowPassUpdatesWAsTheSweepOfScikitLearnAndReturnsTheProductsOfTheUpdatedW() {
		// three chunks, the last not a whole number of blocks nor of groups of four
		final int n = 2 * RowChunks.CHUNK + 1030, m = 6, k = 5;
		final Matrix[] p = passProblem(n, m, k, 8);
		final Matrix x = p[0], w = p[1], ht = p[2];
		final double[] hht = Nmf.gram(ht);
		// the reference: X Ht as plain dot products, then the row-by-row sweep of _update_cdnmf_fast
		final double[] xht = new double[n * k];
		for (int i = 0; i < n; i++)
			for (int t = 0; t < k; t++) {
				double s = 0;
				for (int j = 0; j < m; j++) s += x.get(i, j) * ht.get(j, t);
				xht[i * k + t] = s;
			}
		final Matrix expected = w.copy();
		final double expectedViolation = plainSweep(expected, xht, hht.clone(), 0.25, 30);
		final NmfRowPass pass = new NmfRowPass(x, k);
		final double violation = pass.updateW(w, ht, hht.clone(), NmfSolver.COORDINATE_DESCENT, 0.25, 30);
		assertEquals(java.util.Arrays.toString(expected.data()), java.util.Arrays.toString(w.data()));
		assertEquals(expectedViolation, violation, 1e-12 * expectedViolation);
		final double[] xtw = x.transpose().times(w).data(), wtw = w.transpose().times(w).data();
		for (int e = 0; e < xtw.length; e++) assertEquals(xtw[e], pass.xtw()[e], 1e-12 * xtw[e]);
		for (int e = 0; e < wtw.length; e++) assertEquals(wtw[e], pass.wtw()[e], 1e-12 * Math.abs(wtw[e]));
		assertTrue(violation > 0 && wtw[0] > 0, "a problem that moves W");
	}

	@Test
	void rowPassHasTheSameBitsAtAnyThreadCount() {
		final int n = 3 * RowChunks.CHUNK + 517, m = 11, k = 5;
		for (final NmfSolver solver : NmfSolver.values()) {
			final Matrix[] p = passProblem(n, m, k, 9);
			final Matrix x = p[0], ht = p[2];
			final double[] hht = Nmf.gram(ht);
			final Matrix w1 = p[1].copy(), w3 = p[1].copy();
			final NmfRowPass one = new NmfRowPass(x, k), three = new NmfRowPass(x, k);
			final double v1 = Parallelization.runSingleThreaded(() -> one.updateW(w1, ht, hht.clone(), solver, 0.5, 2));
			final double v3 = Parallelization.runWithNumThreads(3, () -> three.updateW(w3, ht, hht.clone(), solver, 0.5, 2));
			assertEquals(v1, v3, 0.0, solver.label());
			assertEquals(java.util.Arrays.toString(w1.data()), java.util.Arrays.toString(w3.data()), solver.label());
			assertEquals(java.util.Arrays.toString(one.xtw()), java.util.Arrays.toString(three.xtw()), solver.label());
			assertEquals(java.util.Arrays.toString(one.wtw()), java.util.Arrays.toString(three.wtw()), solver.label());
		}
	}

	@Test
	void fiveComponentsOverManyChunksSameBitsAtAnyThreadCount() {
		final Matrix x = passProblem(5 * RowChunks.CHUNK + 3, 12, 1, 10)[0];
		for (final NmfSolver solver : NmfSolver.values()) {
			final NmfParameters p = NmfParameters.study(5).withSolver(solver).withMaxIter(15);
			final NmfResult one = Parallelization.runSingleThreaded(() -> Nmf.factorize(x, p));
			final NmfResult two = Parallelization.runWithNumThreads(2, () -> Nmf.factorize(x, p));
			assertEquals(one.reconstructionError(), two.reconstructionError(), 0.0, solver.label());
			assertEquals(java.util.Arrays.toString(one.w().data()), java.util.Arrays.toString(two.w().data()), solver.label());
			assertEquals(java.util.Arrays.toString(one.h().data()), java.util.Arrays.toString(two.h().data()), solver.label());
		}
	}

	private static double residual(final Matrix x, final NmfResult r) {
		final Matrix wh = r.w().times(r.h());
		double s = 0;
		for (int i = 0; i < x.data().length; i++) s += (x.data()[i] - wh.data()[i]) * (x.data()[i] - wh.data()[i]);
		return Math.sqrt(s);
	}

	private static double sum(final Matrix a) {
		double s = 0;
		for (final double v : a.data()) s += v;
		return s;
	}

	private static double sumSq(final Matrix a) {
		double s = 0;
		for (final double v : a.data()) s += v * v;
		return s;
	}
}

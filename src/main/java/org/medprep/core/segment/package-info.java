/**
 * NMF + k-means segmentation, the knee-MRI study's pipeline, with
 * scikit-learn 1.2's semantics ({@code sklearn.decomposition.NMF},
 * {@code sklearn.cluster.KMeans}) on plain double arrays.
 * <ul>
 * <li>{@link org.medprep.core.segment.Nmf}: X ~ W H, inits nndsvd / nndsvda /
 * nndsvdar / random, solvers cd and mu, alpha_W / alpha_H / l1_ratio scaled as
 * in 1.2, scikit-learn's stopping rules; NNDSVD on an exact
 * {@link org.medprep.core.segment.TruncatedSvd} (Jacobi eigen-decomposition of
 * the smaller Gram matrix).</li>
 * <li>{@link org.medprep.core.segment.KMeans}: weighted k-means (greedy
 * k-means++, n_init restarts, Lloyd with scikit-learn's tolerance); 1-D data
 * as distinct values with counts, plus the exact 1-D optimum as a candidate.
 * {@link org.medprep.core.segment.IntensityClustering} standardizes voxel
 * intensities as the study did and writes label images 1..K by increasing
 * intensity.</li>
 * <li>{@link org.medprep.core.segment.ForegroundMask}: Otsu premask, row fill,
 * largest 6-connected component, slice-wise hole filling.</li>
 * <li>{@link org.medprep.core.segment.NmfKMeansSegmentation}: the whole
 * pipeline.</li>
 * </ul>
 * Agreement with scikit-learn is tested against fixtures made by
 * {@code src/test/resources/org/medprep/segment/make_fixtures.py}. Work is split
 * in fixed row chunks and combined in order, so results do not depend on the
 * thread count; random draws use seeded {@link java.util.Random}s.
 */
package org.medprep.core.segment;

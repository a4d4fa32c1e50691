#!/usr/bin/python3
"""Times scikit-learn 1.2 on the data of MedPrep's `segment` benchmark suite, for comparison.

1. Dump the benchmark stack (org.medprep.bench.SegmentBenchmarks.stack(256, 256, 32, 7)) as raw uint16
   little-endian, x fastest, to stack_256x256x32.u16 (e.g. with a three-line jshell snippet).
2. /usr/bin/python3 bench_sklearn.py stack_256x256x32.u16
Reports the median of 3 runs per case, like `medprep bench --repeat 3` (numpy/BLAS threads: all cores).
"""
import sys
import time
import warnings

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import NMF

warnings.simplefilter("ignore")
nx, ny, nz = 256, 256, 32
vol = np.fromfile(sys.argv[1], "<u2").reshape(nz, ny, nx)
X = vol.reshape(nz, ny * nx).T.astype(np.float64)  # one column per slice, as the study
values = vol.astype(np.float64).ravel()


def median_time(f, repeat=3):
    f()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t0)
    return float(np.median(times)), out


for k in range(3, 9):
    t, m = median_time(lambda: NMF(n_components=k, init="nndsvd", max_iter=600, l1_ratio=0.8, alpha_W=10.0, random_state=0).fit(X))
    print("NMF k=%d %dx%dx%d  %.1f ms  %.4g voxels/s  err %.6g  n_iter %d" % (k, nx, ny, nz, t * 1e3, vol.size / t, m.reconstruction_err_, m.n_iter_))
for k in range(3, 9):
    def km():
        z = ((values - values.mean()) / values.std()).reshape(-1, 1)
        return KMeans(n_clusters=k, n_init=10, random_state=0).fit(z)
    t, m = median_time(km)
    print("k-means K=%d %d voxels  %.1f ms  %.4g voxels/s  inertia %.8g" % (k, vol.size, t * 1e3, vol.size / t, m.inertia_))

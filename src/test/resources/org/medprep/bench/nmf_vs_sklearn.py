#!/usr/bin/python3
"""Whole-process NMF Basis against scikit-learn, same file, as a user times it.

Writes a 256x256x32 uint16 MR-like stack (a dark noisy background, a limb of soft
tissue with two bones and a ligament band, intensities varying smoothly across
slices, 12-bit range: the kind of stack the segment benchmark suite makes) as an
ImageJ TIFF, then times, start to written output:

  medprep run --step 'run("NMF Basis", "n_components=5 init=nndsvd max_iter=600 alpha_w=10 l1_ratio=0.8");'
      -i stack.tif -o out --format tif             (basis images as TIFF, H and the error as CSV)
  scikit-learn 1.2 NMF with the same settings      (tifffile in, basis images as TIFF, H as CSV)

and checks that both stopped after the same number of iterations with the same
reconstruction error (relative difference printed). Runs alternate; medians of
--repeat runs of wall seconds, CPU seconds (all threads) and peak RSS, from the
operating system's accounting of the child process. Ratio = scikit-learn / MedPrep.

    /usr/bin/python3 nmf_vs_sklearn.py path/to/medprep [--repeat 3] [--threads 2] [--keep DIR]

Needs numpy, tifffile and scikit-learn 1.2 (Debian: python3-sklearn python3-tifffile).
scikit-learn's BLAS uses every core it finds.
"""
import argparse
import csv
import glob
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import tifffile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from whole_process_vs_python import median_of, timed  # noqa: E402

K = 5
STEP = ('run("NMF Basis", "n_components=%d init=nndsvd solver=cd max_iter=600 tol=1e-4 alpha_w=10 alpha_h=-1 '
        'l1_ratio=0.8 seed=1");' % K)

SKLEARN = """
import sys, warnings, numpy as np, tifffile
from sklearn.decomposition import NMF
warnings.simplefilter("ignore")
vol = tifffile.imread(sys.argv[1])                     # z, y, x
nz, ny, nx = vol.shape
X = vol.reshape(nz, ny * nx).T.astype(np.float64)     # one column per slice
m = NMF(n_components=%d, init="nndsvd", solver="cd", max_iter=600, tol=1e-4, alpha_W=10.0, alpha_H="same",
        l1_ratio=0.8, random_state=0)
W = m.fit_transform(X)
tifffile.imwrite(sys.argv[2], np.ascontiguousarray(W.T.reshape(-1, ny, nx)).astype(np.float32), imagej=True,
                 metadata={"axes": "ZYX"})
np.savetxt(sys.argv[3], m.components_, delimiter=",")
print(m.n_iter_, m.reconstruction_err_)
""" % K


def mr_stack(nx=256, ny=256, nz=32, seed=7):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:ny, 0:nx].astype(float)
    u, v = (x - nx / 2) / (0.42 * nx), (y - ny / 2) / (0.46 * ny)
    limb = u * u + v * v < 1
    bu = (x - nx / 2) / (0.2 * nx)
    bone = limb & ((bu ** 2 + ((y - 0.25 * ny) / (0.18 * ny)) ** 2 < 1) | (bu ** 2 + ((y - 0.75 * ny) / (0.18 * ny)) ** 2 < 1))
    ligament = limb & (np.abs(x - nx / 2 - (y - ny / 2) * 0.3) < 0.03 * nx) & (np.abs(y - ny / 2) < 0.12 * ny)
    vol = np.empty((nz, ny, nx), np.uint16)
    for z in range(nz):
        s = 1 + 0.3 * np.sin(np.pi * z / max(1, nz - 1))
        p = 15 + 10 * rng.random((ny, nx))
        p[limb] = 1400 * s + 60 * rng.standard_normal(limb.sum())
        p[bone] = 700 + 300 * (1 - s) + 50 * rng.standard_normal(bone.sum())
        p[ligament] = 250 + 25 * rng.standard_normal(ligament.sum())
        vol[z] = np.clip(np.round(p), 0, 4095)
    return vol


def medprep_result(out):
    """n_iter and the reconstruction error from the CSV table medprep wrote beside the basis images."""
    [table] = glob.glob(os.path.join(out, "*_nmf.csv"))
    with open(table, newline="") as f:
        rows = list(csv.DictReader(f))
    def find(name):
        return float(rows[0][name])
    return int(find("iterations")), find("reconstruction_error")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("medprep", nargs="?", help="the medprep launcher script")
    ap.add_argument("--jar", help="run `java -jar JAR` instead of the launcher")
    ap.add_argument("--java", default="java")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--keep", help="make the input file in this folder and keep it")
    args = ap.parse_args()
    if not args.medprep and not args.jar:
        ap.error("give the medprep launcher or --jar")
    medprep = [args.java, "-Xmx8g", "-jar", args.jar] if args.jar else [args.medprep]
    work = args.keep or tempfile.mkdtemp()
    os.makedirs(work, exist_ok=True)
    try:
        tif = os.path.join(work, "stack.tif")
        if not os.path.exists(tif):
            tifffile.imwrite(tif, mr_stack(), imagej=True, metadata={"axes": "ZYX"})
        out = os.path.join(work, "out")
        ours = medprep + ["run", "--step", STEP, "-i", tif, "-o", out, "--format", "tif", "--threads", str(args.threads)]
        theirs = [sys.executable, "-c", SKLEARN, tif, os.path.join(work, "sk_basis.tif"), os.path.join(work, "sk_h.csv")]
        print("load average before: %.2f %.2f %.2f" % os.getloadavg())
        timed(ours, out)
        timed(theirs)
        a, b = [], []
        for _ in range(args.repeat):
            a.append(timed(ours, out))
            b.append(timed(theirs))
        sk = subprocess.run(theirs, check=True, capture_output=True, text=True).stdout.split()
        sk_iter, sk_err = int(sk[0]), float(sk[1])
        mp_iter, mp_err = medprep_result(out)
        m, p = median_of(a), median_of(b)
        print(f"{'NMF Basis k=%d 256x256x32' % K:26s} {'tool':22s} {'wall s':>7s} {'CPU s':>7s} {'RSS MiB':>8s}")
        print(f"{'':26s} {'medprep':22s} {m[0]:7.2f} {m[1]:7.2f} {m[2]:8.0f}   n_iter {mp_iter}  err {mp_err:.10g}")
        print(f"{'':26s} {'scikit-learn':22s} {p[0]:7.2f} {p[1]:7.2f} {p[2]:8.0f}   n_iter {sk_iter}  err {sk_err:.10g}")
        print(f"{'':26s} {'ratio sklearn/MedPrep':22s} {p[0] / m[0]:7.2f} {p[1] / m[1]:7.2f}"
              f"   error relative difference {abs(mp_err - sk_err) / sk_err:.2e}")
        print("load average after: %.2f %.2f %.2f" % os.getloadavg())
        print(f"medians of {args.repeat} alternating runs; MedPrep with --threads {args.threads}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

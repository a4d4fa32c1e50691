#!/usr/bin/env python3
"""Whole-process runs of `medprep run` against the Python one-liner a user would write, same files.

Writes a 512x512x300 int16 CT-like volume (the one intensity_vs_numpy.py makes) as an
ImageJ TIFF and as .nii.gz, then times, as a user would, start to written output:

  TIFF:    medprep run --step 'run("HU Window", "level=40 width=400");' -i ct.tif -o out --format tif
           against numpy + tifffile (read, window to float32 0..1, write an ImageJ TIFF)
  .nii.gz: medprep run --step ... -i ct.nii.gz -o out            (gzip level 1 output)
           against nibabel + numpy (nibabel also writes gzip level 1)

Runs alternate between the tools; each line is the median of --repeat runs: wall seconds,
CPU seconds (user + system, all threads) and peak resident memory, from the operating
system's accounting of the child process. Ratios are Python / MedPrep (above 1: MedPrep
faster). On a loaded machine wall times swing; the CPU column moves much less.

    python3 whole_process_vs_python.py path/to/medprep [--repeat 5] [--threads 2] [--keep DIR]

`path/to/medprep` is the launcher script (or give --jar JAR to run `java -jar JAR`).
Needs numpy, nibabel and tifffile (Debian: python3-numpy python3-nibabel python3-tifffile).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import nibabel as nib
import numpy as np
import tifffile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from intensity_vs_numpy import ct_volume  # noqa: E402

STEP = 'run("HU Window", "level=40 width=400");'

NUMPY_TIFF = """
import sys, numpy as np, tifffile
x = tifffile.imread(sys.argv[1])
y = x.astype(np.float32); y -= np.float32(40 - 200); y *= np.float32(1 / 400); np.clip(y, 0, 1, out=y)
tifffile.imwrite(sys.argv[2], y, imagej=True, metadata={'axes': 'ZYX'})
"""

NIBABEL = """
import sys, numpy as np, nibabel as nib
img = nib.load(sys.argv[1])
x = np.asanyarray(img.dataobj)
y = x.astype(np.float32); y -= np.float32(40 - 200); y *= np.float32(1 / 400); np.clip(y, 0, 1, out=y)
hdr = img.header.copy(); hdr.set_data_dtype(np.float32)  # as MedPrep writes it: the input's int16 header would quantize 0..1 with a scale factor
nib.save(nib.Nifti1Image(y, img.affine, hdr), sys.argv[2])
"""


def timed(cmd, fresh=None):
    """Wall seconds, CPU seconds (user + sys) and peak RSS (MiB) of one child process.

    fresh: a folder removed first (a run finds its earlier outputs in its manifest and skips them)."""
    if fresh:
        shutil.rmtree(fresh, ignore_errors=True)
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def median_of(runs):
    return tuple(statistics.median(r[i] for r in runs) for i in range(3))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("medprep", nargs="?", help="the medprep launcher script")
    ap.add_argument("--jar", help="run `java -jar JAR` instead of the launcher")
    ap.add_argument("--java", default="java")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--keep", help="make the input files in this folder and keep them")
    args = ap.parse_args()
    if not args.medprep and not args.jar:
        ap.error("give the medprep launcher or --jar")
    medprep = [args.java, "-Xmx8g", "-jar", args.jar] if args.jar else [args.medprep]
    work = args.keep or tempfile.mkdtemp()
    os.makedirs(work, exist_ok=True)
    try:
        tif, nii = os.path.join(work, "ct.tif"), os.path.join(work, "ct.nii.gz")
        if not (os.path.exists(tif) and os.path.exists(nii)):
            vol = ct_volume()  # z, y, x
            tifffile.imwrite(tif, vol, imagej=True, resolution=(1 / 0.7, 1 / 0.7),
                             metadata={"spacing": 1.0, "unit": "mm", "axes": "ZYX"})
            nib.save(nib.Nifti1Image(np.ascontiguousarray(vol.transpose(2, 1, 0)), np.diag([0.7, 0.7, 1.0, 1.0])), nii)
        out = os.path.join(work, "out")
        cases = [
            ("TIFF in/out", "numpy + tifffile",
             medprep + ["run", "--step", STEP, "-i", tif, "-o", out, "--format", "tif", "--threads", str(args.threads)],
             [sys.executable, "-c", NUMPY_TIFF, tif, os.path.join(work, "np.tif")]),
            (".nii.gz in/out", "nibabel + numpy",
             medprep + ["run", "--step", STEP, "-i", nii, "-o", out, "--threads", str(args.threads)],
             [sys.executable, "-c", NIBABEL, nii, os.path.join(work, "np.nii.gz")]),
        ]
        print("load average before: %.2f %.2f %.2f" % os.getloadavg())
        print(f"{'case':16s} {'tool':18s} {'wall s':>7s} {'CPU s':>7s} {'RSS MiB':>8s}")
        for name, python_name, ours, theirs in cases:
            timed(ours, out)  # first run: page cache, and the launcher's one-time work
            timed(theirs)
            a, b = [], []
            for _ in range(args.repeat):
                a.append(timed(ours, out))
                b.append(timed(theirs))
            m, p = median_of(a), median_of(b)
            print(f"{name:16s} {'medprep':18s} {m[0]:7.2f} {m[1]:7.2f} {m[2]:8.0f}")
            print(f"{'':16s} {python_name:18s} {p[0]:7.2f} {p[1]:7.2f} {p[2]:8.0f}")
            print(f"{'':16s} {'ratio Python/MedPrep':18s} {p[0] / m[0]:7.2f} {p[1] / m[1]:7.2f}")
        print("load average after: %.2f %.2f %.2f" % os.getloadavg())
        print(f"medians of {args.repeat} alternating runs; MedPrep with --threads {args.threads}, Python single-threaded")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

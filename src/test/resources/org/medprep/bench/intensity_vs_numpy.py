#!/usr/bin/env python3
"""MedPrep's intensity operations against numpy on the same file, in one run.

Writes a 512x512x300 int16 CT-like volume (air, body, lungs, bone, the scanner's
-2000 padding outside a circular field of view) as NIfTI, runs
`medprep bench --suite intensity --input` on it, times the same operations in
numpy (written the fast way: float32 arithmetic, in place where numpy allows),
and prints each pair with the ratio numpy / MedPrep and MedPrep's time as a
multiple of the memory-bandwidth baseline (a float32 copy of the same size),
in wall time and in CPU time (the CPU time of every thread of the process):
on a shared, loaded machine wall times swing, CPU times much less. The same
volume is also stored as float32 and compared again.

    python3 intensity_vs_numpy.py path/to/medprep [--threads 2] [--repeat 5]
        [--dtype int16|float32|both] [--java /path/to/java]

`path/to/medprep` is the launcher script: MedPrep then runs with the JVM options a user's
`medprep bench` gets (its garbage collector and young generation decide whether fresh result
arrays cost page faults: with Java's default collector Min-Max took 116 ms here, with the
launcher's 71 ms). A standalone jar instead is run as `java -Xmx8g -jar JAR` (--java).

Needs numpy and nibabel (Debian: python3-numpy, python3-nibabel). numpy runs
single-threaded (its element-wise loops are), MedPrep with --threads.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

import nibabel as nib
import numpy as np


def ct_volume(nx=512, ny=512, nz=300, seed=42):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:ny, 0:nx]
    cx, cy = nx / 2, ny / 2
    fov = (x - cx) ** 2 + (y - cy) ** 2 <= (0.48 * nx) ** 2
    body = ((x - cx) / (0.40 * nx)) ** 2 + ((y - cy) / (0.30 * ny)) ** 2 <= 1
    lung_l = ((x - cx + 0.16 * nx) / (0.11 * nx)) ** 2 + ((y - cy) / (0.17 * ny)) ** 2 <= 1
    lung_r = ((x - cx - 0.16 * nx) / (0.11 * nx)) ** 2 + ((y - cy) / (0.17 * ny)) ** 2 <= 1
    spine = ((x - cx) / (0.04 * nx)) ** 2 + ((y - cy - 0.2 * ny) / (0.04 * ny)) ** 2 <= 1
    plane = np.full((ny, nx), -1000.0)
    plane[body] = 40
    plane[lung_l | lung_r] = -820
    plane[spine] = 700
    vol = np.empty((nz, ny, nx), np.int16)
    for z in range(nz):
        p = plane + rng.normal(0, 20, size=plane.shape)
        p[~fov] = -2000
        vol[z] = np.round(p)
    return vol


def numpy_cases(x):
    lo, inv = 40 - 200.0, np.float32(1 / 400.0)
    f32 = x.astype(np.float32)

    def hu_float():
        y = x.astype(np.float32)
        y -= np.float32(lo)
        y *= inv
        return np.clip(y, 0, 1, out=y)

    def hu_byte():
        return np.rint(hu_float() * 255).astype(np.uint8)

    def clip():
        return np.clip(x, -1000, 400).astype(np.float32, copy=False)

    def percentile_clip():
        a, b = np.percentile(x, [0.5, 99.5])
        return np.clip(x, a, b).astype(np.float32, copy=False)

    def zscore():
        v = x[x != 0]
        m, s = v.mean(), v.std()
        y = x.astype(np.float32)
        y -= np.float32(m)
        y /= np.float32(s)
        return y

    def minmax():
        mn, mx = x.min(), x.max()
        y = x.astype(np.float32)
        y -= np.float32(mn)
        y *= np.float32(1 / (float(mx) - float(mn)))
        return y

    def padding():
        y = x.astype(np.float32)
        y[x == -2000] = -1000
        return y

    def percentile_float():
        a, b = np.percentile(f32, [0.5, 99.5])
        return np.clip(f32, a, b)

    return {
        "memory baseline: float32 copy": lambda: f32.copy(),
        "HU Window float": hu_float,
        "HU Window 8-bit": hu_byte,
        "Clip Intensity": clip,
        "Percentile Clip": percentile_clip,
        "Z-Score Normalize non-zero": zscore,
        "Min-Max Normalize": minmax,
        "Replace Padding": padding,
        "Percentile Clip float32 (selection)": percentile_float,
    }


def median_times(f, repeat):
    """Median wall and CPU milliseconds of f over repeat runs after one warm-up."""
    f()
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        f()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - t0)
    return 1e3 * statistics.median(wall), 1e3 * statistics.median(cpu)


def run_medprep(medprep, path, threads, repeat, java):
    tool = [java, "-Xmx8g", "-jar", medprep] if medprep.endswith(".jar") else [medprep]
    out = subprocess.run(tool + ["bench", "--suite", "intensity", "--input", path,
                          "--threads", str(threads), "--repeat", str(repeat)],
                         check=True, capture_output=True, text=True).stdout
    medprep = {}
    for line in out.splitlines()[1:]:
        # name, median ms, CPU ms, voxels/s, peak MiB, x baseline, x base CPU
        m = re.match(r"intensity: (.*?) \d+x\d+x\d+ input\s+([\d.]+)\s+([\d.]+)\s+\S+\s+\S+\s+(\S+)\s+(\S+)", line)
        if m:
            medprep[m.group(1)] = (float(m.group(2)), float(m.group(3)), m.group(4), m.group(5))
    return medprep


def compare(x, path, label, args):
    medprep = run_medprep(args.jar, path, args.threads, args.repeat, args.java)
    print(f"{'operation (' + label + ')':40s} {'MedPrep ms':>10s} {'numpy ms':>9s} {'ratio':>6s}"
          f" {'MedPrep CPU':>11s} {'numpy CPU':>9s} {'ratio':>6s} {'MedPrep x copy':>14s} {'(CPU)':>6s}")
    for name, f in numpy_cases(x).items():
        ms, cpu, base, base_cpu = medprep.get(name, (float("nan"), float("nan"), "-", "-"))
        np_ms, np_cpu = median_times(f, args.repeat)
        print(f"{name:40s} {ms:10.1f} {np_ms:9.1f} {np_ms / ms:6.2f} {cpu:11.1f} {np_cpu:9.1f} {np_cpu / cpu:6.2f}"
              f" {base:>14s} {base_cpu:>6s}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jar", help="the medprep launcher (or a standalone jar, run with --java)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--dtype", choices=["int16", "float32", "both"], default="both",
                    help="the stored type of the volume both tools read (default: both, one after the other)")
    ap.add_argument("--java", default="java", help="the java executable to run a standalone jar with")
    args = ap.parse_args()
    dtypes = ["int16", "float32"] if args.dtype == "both" else [args.dtype]
    print("load average before: %.2f %.2f %.2f" % os.getloadavg())
    with tempfile.TemporaryDirectory() as tmp:
        vol = ct_volume()
        for dtype in dtypes:
            path = os.path.join(tmp, f"ct_{dtype}.nii")
            data = np.ascontiguousarray(vol.transpose(2, 1, 0)).astype(dtype)
            nib.save(nib.Nifti1Image(data, np.diag([0.7, 0.7, 1.0, 1.0])), path)
            x = np.asanyarray(nib.load(path).dataobj)  # as a numpy user holds it
            compare(x, path, "512x512x300 " + dtype, args)
            print()
    print(f"ratio = numpy / MedPrep (above 1: MedPrep faster); wall ms and process CPU ms (all threads) per run;")
    print(f"MedPrep on {args.threads} threads, numpy {np.__version__} single-threaded, median of {args.repeat};")
    print("'x copy': MedPrep's time as a multiple of its memory baseline (a float32 copy of the same size) in the same run")


if __name__ == "__main__":
    sys.exit(main())

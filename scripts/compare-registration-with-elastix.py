#!/usr/bin/python3
"""Compares MedPrep's Register Images with elastix on the synthetic registration cases.

MedPrep writes the cases (org.medprep.bench.RegistrationComparison): a T1 head as the fixed
image, the same head moved by a known transform and imaged in T2 (inverted contrast, own bias
field and noise) as the moving image, on anisotropic oblique grids, as MetaImage files. Both
tools then register every case with the same threads, alternately, several times:

  elastix  -p elastix-default-affine.txt (GetDefaultParameterMap("affine") written out)
  medprep  run --step 'run("Register Images", "fixed=fixed transform=affine seed=N preview=none")'

and a cohort run registers all cases in one medprep process (how the CLI is used on a cohort).
transformix applies MedPrep's transform written as elastix parameters, which must give MedPrep's
own resampling (a check of the file format and of the LPS conventions).
Reported: wall time and peak resident memory of each process (median over the repeats), and
the mean target registration error over the fixed image's head voxels, computed here with
numpy from each tool's transform file and the truth. Needs elastix on the PATH, Java, and
numpy; the tests never need any of this.

usage: compare-registration-with-elastix.py [--repeats 3] [--threads 2] [--scale 1] [--work DIR] [--elastix-tuned]
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PARAMETERS = os.path.join(HERE, "elastix-default-affine.txt")


def jar():
    found = sorted(glob.glob(os.path.join(ROOT, "target", "MedPrep_-*-standalone.jar")))
    if not found:
        subprocess.run(["mvn", "-B", "-q", "-DskipTests", "package"], cwd=ROOT, check=True)
        found = sorted(glob.glob(os.path.join(ROOT, "target", "MedPrep_-*-standalone.jar")))
    return found[-1]


def timed(command, log):
    """Runs a command under /usr/bin/time; returns (wall seconds, peak RSS in MiB)."""
    start = time.perf_counter()
    with open(log, "w") as out:
        done = subprocess.run(["/usr/bin/time", "-f", "MAXRSS %M"] + command, stdout=out, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (done.returncode, " ".join(command), done.stderr[-2000:]))
    rss = [int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("MAXRSS")][-1]
    return wall, rss / 1024.0


def metaimage_header(path):
    header = {}
    with open(path, "rb") as f:
        while True:
            line = f.readline().decode("ascii").strip()
            key, value = [s.strip() for s in line.split("=", 1)]
            header[key] = value
            if key == "ElementDataFile":
                return header, f.tell()


def head_points(path):
    """Patient coordinates (LPS mm) of the non-zero voxels of an uncompressed 8-bit MetaImage."""
    header, offset = metaimage_header(path)
    if header.get("CompressedData", "False") != "False" or header["ElementType"] != "MET_UCHAR":
        sys.exit(path + ": expected uncompressed MET_UCHAR")
    size = [int(v) for v in header["DimSize"].split()]
    spacing = np.array([float(v) for v in header["ElementSpacing"].split()])
    origin = np.array([float(v) for v in header["Offset"].split()])
    # consecutive triples are the directions of the image axes: the columns of the direction matrix
    direction = np.array([float(v) for v in header["TransformMatrix"].split()]).reshape(3, 3).T
    data = np.fromfile(path, dtype=np.uint8, offset=offset).reshape(size[::-1])
    z, y, x = np.nonzero(data)
    index = np.stack([x, y, z]).astype(float)
    return (origin[:, None] + direction @ (spacing[:, None] * index)).T


def itk_transform(path):
    """(A, offset) of an ITK AffineTransform_double_3_3 text file: T(x) = A x + offset."""
    fields = {}
    for line in open(path):
        if ":" in line and not line.startswith("#"):
            key, value = line.split(":", 1)
            fields[key.strip()] = value.split()
    if fields["Transform"][0] != "AffineTransform_double_3_3":
        sys.exit(path + ": expected an AffineTransform_double_3_3")
    p = np.array([float(v) for v in fields["Parameters"]])
    c = np.array([float(v) for v in fields["FixedParameters"]])
    return centred(p[:9].reshape(3, 3), c, p[9:])


def elastix_transform(path):
    """(A, offset) of an elastix AffineTransform parameter file."""
    fields = {}
    for line in open(path):
        line = line.split("//")[0].strip()
        if line.startswith("(") and line.endswith(")"):
            tokens = line[1:-1].replace('"', "").split()
            fields[tokens[0]] = tokens[1:]
    if fields["Transform"][0] != "AffineTransform" or fields["InitialTransformParametersFileName"][0] != "NoInitialTransform":
        sys.exit(path + ": expected a single AffineTransform")
    p = np.array([float(v) for v in fields["TransformParameters"]])
    c = np.array([float(v) for v in fields["CenterOfRotationPoint"]])
    return centred(p[:9].reshape(3, 3), c, p[9:])


def centred(a, c, t):
    return a, c + t - a @ c


def tre(points, estimate, truth):
    a, o = estimate
    b, q = truth
    return float(np.mean(np.linalg.norm(points @ a.T + o - (points @ b.T + q), axis=1)))


def transformix_agreement(d, java, threads):
    """MedPrep's transform written as elastix parameters and applied by transformix, against MedPrep's own
    resampling (both cubic B-spline): the correlation over the fixed image's head voxels."""
    import nibabel
    out = os.path.join(d, "transformix-check")
    os.makedirs(out)
    # a transform_file ending in .txt makes medprep run write each case's transform as elastix parameters, <case>_registration.txt
    step = 'run("Register Images", "fixed=fixed seed=1 preview=none interpolation=[cubic B-spline] transform_file=TransformParameters.txt");'
    txt = os.path.join(out, "moving_registration.txt")
    subprocess.run(java + ["run", "--step", step, "-i", os.path.join(d, "moving.mha"), "--ref", "fixed=" + os.path.join(d, "fixed.mha"), "-o", out,
                           "--format", "nii", "--threads", threads], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["transformix", "-in", os.path.join(d, "moving.mha"), "-tp", txt, "-out", out, "-threads", threads], check=True,
                   stdout=subprocess.DEVNULL)
    a = np.asarray(nibabel.load(os.path.join(out, "moving.nii")).dataobj, dtype=float)
    b = np.asarray(nibabel.load(os.path.join(out, "result.nii")).dataobj, dtype=float)
    header, offset = metaimage_header(os.path.join(d, "fixed_head.mha"))
    size = [int(v) for v in header["DimSize"].split()]
    head = np.fromfile(os.path.join(d, "fixed_head.mha"), dtype=np.uint8, offset=offset).reshape(size[::-1]).transpose(2, 1, 0) != 0
    return float(np.corrcoef(a[head], b[head])[0, 1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--scale", default="1", help="voxel size factor of the cases (1: the standard sizes)")
    parser.add_argument("--work", default="registration-comparison")
    parser.add_argument("--elastix-tuned", action="store_true",
                        help="also run elastix with AutomaticScalesEstimation and a centre-of-gravity initialization added to the default map")
    args = parser.parse_args()
    medprep = jar()
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run(["java", "-cp", medprep, "org.medprep.bench.RegistrationComparison", work, args.scale], check=True, stdout=subprocess.DEVNULL)
    cases = sorted(d for d in os.listdir(work) if os.path.isdir(os.path.join(work, d)))
    threads = str(args.threads)
    tuned = os.path.join(work, "elastix-tuned-affine.txt")
    with open(tuned, "w") as f:
        f.write(open(PARAMETERS).read() + '\n(AutomaticScalesEstimation "true")\n(AutomaticTransformInitialization "true")\n'
                '(AutomaticTransformInitializationMethod "CenterOfGravity")\n')
    java = ["java", "-Xmx4g", "-jar", medprep]
    rows = []
    agreement = []
    for case in cases:
        d = os.path.join(work, case)
        points = head_points(os.path.join(d, "fixed_head.mha"))
        truth = itk_transform(os.path.join(d, "truth.tfm"))
        results = {"elastix": [], "medprep": []}
        if args.elastix_tuned:
            results["elastix+"] = []
        for r in range(args.repeats):
            out = os.path.join(d, "elastix-%d" % r)
            os.makedirs(out)
            wall, rss = timed(["elastix", "-f", os.path.join(d, "fixed.mha"), "-m", os.path.join(d, "moving.mha"), "-p", PARAMETERS, "-out", out,
                               "-threads", threads], os.path.join(out, "stdout.txt"))
            results["elastix"].append((wall, rss, tre(points, elastix_transform(os.path.join(out, "TransformParameters.0.txt")), truth)))
            if args.elastix_tuned:
                out = os.path.join(d, "elastix-tuned-%d" % r)
                os.makedirs(out)
                wall, rss = timed(["elastix", "-f", os.path.join(d, "fixed.mha"), "-m", os.path.join(d, "moving.mha"), "-p", tuned, "-out", out,
                                   "-threads", threads], os.path.join(out, "stdout.txt"))
                results["elastix+"].append((wall, rss, tre(points, elastix_transform(os.path.join(out, "TransformParameters.0.txt")), truth)))
            out = os.path.join(d, "medprep-%d" % r)
            tfm = os.path.join(out, "moving_registration.tfm")
            os.makedirs(out)
            step = 'run("Register Images", "fixed=fixed transform=affine seed=%d preview=none");' % (r + 1)
            wall, rss = timed(java + ["run", "--step", step, "-i", os.path.join(d, "moving.mha"), "--ref", "fixed=" + os.path.join(d, "fixed.mha"),
                                      "-o", out, "--format", "nii", "--threads", threads], os.path.join(out, "stdout.txt"))
            results["medprep"].append((wall, rss, tre(points, itk_transform(tfm), truth)))
        agreement.append((case, transformix_agreement(d, java, threads)))
        for tool, runs in results.items():
            rows.append((case, tool, statistics.median(w for w, _, _ in runs), max(m for _, m, _ in runs), [t for _, _, t in runs]))
    # the cohort: every case in one medprep process, fixed images paired with the moving ones by name
    cohort = os.path.join(work, "cohort")
    for kind in ("moving", "fixed"):
        os.makedirs(os.path.join(cohort, kind))
        for case in cases:
            shutil.copy(os.path.join(work, case, kind + ".mha"), os.path.join(cohort, kind, case + ".mha"))
    step = 'run("Register Images", "fixed=fixed transform=affine seed=1 preview=none");'
    cohort_wall, cohort_rss = timed(java + ["run", "--step", step, "-i", os.path.join(cohort, "moving"), "--ref", "fixed=" + os.path.join(cohort, "fixed"),
                                            "-o", os.path.join(cohort, "out"), "--format", "nii", "--threads", threads], os.path.join(cohort, "stdout.txt"))
    cohort_tre = [tre(head_points(os.path.join(work, c, "fixed_head.mha")), itk_transform(os.path.join(cohort, "out", c + "_registration.tfm")),
                      itk_transform(os.path.join(work, c, "truth.tfm"))) for c in cases]
    elastix_total = sum(r[2] for r in rows if r[1] == "elastix")
    print("elastix: the default affine map; elastix+: with automatic scales and a centre-of-gravity start (--elastix-tuned)")
    print("%d threads, %d repeats, cases at scale %s" % (args.threads, args.repeats, args.scale))
    print("%-14s %-8s %12s %12s  %s" % ("case", "tool", "median s", "peak MiB", "mean TRE per run (mm)"))
    for case, tool, wall, rss, tres in rows:
        print("%-14s %-8s %12.2f %12.0f  %s" % (case, tool, wall, rss, " ".join("%.2f" % t for t in tres)))
    print("transformix applying MedPrep's elastix parameter file vs MedPrep's own resampling, correlation over the head: "
          + ", ".join("%s %.5f" % a for a in agreement))
    print("cohort of %d cases in one medprep run: %.2f s, peak %.0f MiB, TRE %s mm; elastix, one process per case (sum of medians): %.2f s"
          % (len(cases), cohort_wall, cohort_rss, " ".join("%.2f" % t for t in cohort_tre), elastix_total))


if __name__ == "__main__":
    main()

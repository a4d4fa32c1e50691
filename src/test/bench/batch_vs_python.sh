#!/usr/bin/env bash
# Batch benchmark: N CT cases (256x256x96 int16 NIfTI, the CT phantom of `medprep demo`, copied N
# times into a temporary folder) through Replace Padding + Resample to Spacing 1.5 mm + HU Window,
# once with `medprep run` (the medprep launcher, with its JVM options and class-data sharing) and
# once as the same pipeline in a Python loop (nibabel + numpy +
# scipy.ndimage.zoom, order 1). Prints cases/s and peak resident memory (GNU time) for both, and,
# with --breakdown, where MedPrep's time goes (read+write only, each step added, uncompressed output).
#
#   src/test/bench/batch_vs_python.sh [--cases N] [--threads T] [--breakdown] [--keep]
#
# Needs: the standalone jar (built if missing), /usr/bin/time, python3 with nibabel, numpy, scipy.
# Nothing is committed or left behind (unless --keep): everything lives in a mktemp folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cases=100 threads="" breakdown=0 keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) cases="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --breakdown) breakdown=1; shift ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--cases N] [--threads T] [--breakdown] [--keep]" >&2; exit 2 ;;
  esac
done
python=${PYTHON:-/usr/bin/python3}  # Debian's, with numpy, nibabel and scipy
jar=$(ls "$root"/target/MedPrep_-*-standalone.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then (cd "$root" && mvn -B -q -DskipTests package) >&2; jar=$(ls "$root"/target/MedPrep_-*-standalone.jar | head -n 1); fi
work=$(mktemp -d)
[ "$keep" = 1 ] && echo "working in $work" >&2 || trap 'rm -rf "$work"' EXIT
# the launcher's JVM options unless MEDPREP_JAVA_OPTS gives others (it reads the variable itself)
launcher="$root/medprep"
threads_opt=${threads:+--threads $threads}

# the cases: the project's CT phantom (CtPhantom.standard(), via medprep demo), N copies; this first
# run after a build also writes the launcher's class-data archive, which the timed runs then use
"$launcher" demo -o "$work/demo" > /dev/null
mkdir -p "$work/cases"
for i in $(seq -f "%03g" 0 $((cases - 1))); do cp "$work/demo/input/ct_phantom.nii.gz" "$work/cases/case$i.nii.gz"; done

PAD='run("Replace Padding", "padding=-2000 value=-1000");'
RESAMPLE='run("Resample to Spacing", "spacing_x=1.5 spacing_y=1.5 spacing_z=1.5 interpolation=linear");'
# scipy's zoom does not smooth before shrinking x and y (1.2 -> 1.5 mm); MedPrep does by default
RESAMPLE_NO_AA='run("Resample to Spacing", "spacing_x=1.5 spacing_y=1.5 spacing_z=1.5 interpolation=linear anti_alias=false");'
WINDOW='run("HU Window", "level=40 width=400 output=[float 0-1]");'

# runs a command under GNU time; prints "wall_seconds cpu_seconds peak_MiB"
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
  awk '{ printf "%s %.1f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$work/time.txt"
}

# wall time decides cases/s; CPU time (all threads) says how much of the machine it took, which
# matters on a shared machine where the wall time also counts other people's work
report() { # label wall cpu peak
  awk -v l="$1" -v s="$2" -v c="$3" -v m="$4" -v n="$cases" \
    'BEGIN { printf "%-46s %7.1f s wall %7.1f s CPU %7.3f cases/s %6d MiB peak RSS\n", l, s, c, n / s, m }'
}

medprep() { # label out format steps...
  local label="$1" out="$2" fmt="$3"; shift 3
  local steps=() s
  for s in "$@"; do steps+=(--step "$s"); done
  read -r sec cpu mib < <(measure "$launcher" run "${steps[@]}" -i "$work/cases" -o "$work/$out" --format "$fmt" --quiet $threads_opt)
  report "$label" "$sec" "$cpu" "$mib"
  echo "$sec $cpu" > "$work/seconds.txt"
}

cat > "$work/loop.py" <<'PY'
import sys, glob, os
import numpy as np, nibabel as nib
from scipy import ndimage
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst, exist_ok=True)
for f in sorted(glob.glob(os.path.join(src, "*.nii.gz"))):
    img = nib.load(f)
    hu = np.asanyarray(img.dataobj).astype(np.float32)          # int16 HU
    hu[hu == -2000] = -1000                                      # Replace Padding
    spacing = np.array(img.header.get_zooms()[:3], dtype=float)
    out = ndimage.zoom(hu, spacing / 1.5, order=1)               # Resample to 1.5 mm, linear
    lo = 40 - 400 / 2                                            # HU Window L40 W400 -> 0..1
    out = np.clip((out - lo) / 400, 0, 1).astype(np.float32)
    affine = img.affine.copy()                                   # zoom aligns the corner voxels
    affine[:3, :3] = affine[:3, :3] @ np.diag((np.array(hu.shape) - 1) / (np.array(out.shape) - 1))
    nib.save(nib.Nifti1Image(out, affine), os.path.join(dst, os.path.basename(f)))
PY

echo "$cases cases of 256x256x96 int16 (1.2x1.2x2.5 mm) -> 1.5 mm, on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -n 1); python: $($python -c 'import nibabel, scipy, numpy; print("nibabel", nibabel.__version__, "scipy", scipy.__version__, "numpy", numpy.__version__)')"
medprep "medprep run (pad + resample + window, nii.gz)" out_full nii.gz "$PAD" "$RESAMPLE" "$WINDOW"
read -r full fullcpu < "$work/seconds.txt"
read -r psec pcpu pmib < <(measure "$python" "$work/loop.py" "$work/cases" "$work/out_python")
report "python loop (nibabel + scipy zoom order 1)" "$psec" "$pcpu" "$pmib"
awk -v j="$full" -v p="$psec" -v jc="$fullcpu" -v pc="$pcpu" \
  'BEGIN { printf "medprep is %.2fx the Python loop'"'"'s throughput (wall), %.2fx in CPU time\n", p / j, pc / jc }'
if [ "$breakdown" = 1 ]; then
  echo "where medprep's time goes:"
  medprep "  read + pad + write (nii.gz)" out_pad nii.gz "$PAD"
  medprep "  read + pad + resample + write (nii.gz)" out_res nii.gz "$PAD" "$RESAMPLE"
  medprep "  full pipeline, resampling without anti-aliasing" out_noaa nii.gz "$PAD" "$RESAMPLE_NO_AA" "$WINDOW"
  medprep "  full pipeline, uncompressed .nii output" out_nii nii "$PAD" "$RESAMPLE" "$WINDOW"
fi

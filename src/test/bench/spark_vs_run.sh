#!/usr/bin/env bash
# Spark benchmark: N CT cases (256x256x96 int16 NIfTI, the CT phantom of `medprep demo`, copied N
# times into a temporary folder) through Replace Padding + Resample to Spacing 1.5 mm + HU Window,
# with `medprep run` and with `medprep spark` in Spark's local mode on the same folder:
#   - 1 core:  medprep run --threads 1    against  medprep spark --master local[1]  (Spark's overhead)
#   - C cores: medprep run --threads C    against  medprep spark --master local[C]  (C cases at once, 1 thread each)
# and so the scaling of medprep spark from 1 to C executor cores. Prints wall and CPU time, cases/s
# and peak resident memory (GNU time) of each whole process (JVM and Spark start included), the
# machine's load average before each run, and checks that every run wrote the same bits.
#
#   src/test/bench/spark_vs_run.sh [--cases N] [--cores C] [--keep]
#
# Needs: the jars (built if missing, through the medprep launcher) and /usr/bin/time. Nothing is
# left behind (unless --keep): everything lives in a mktemp folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cases=24 cores=2 keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) cases="$2"; shift 2 ;;
    --cores) cores="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--cases N] [--cores C] [--keep]" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
[ "$keep" = 1 ] && echo "working in $work" >&2 || trap 'rm -rf "$work"' EXIT
export MEDPREP_JAVA_OPTS=${MEDPREP_JAVA_OPTS:--Xmx8g}
medprep="$root/medprep"

# the cases: the project's CT phantom (CtPhantom.standard(), via medprep demo), N copies
"$medprep" demo -o "$work/demo" > /dev/null
mkdir -p "$work/cases"
for i in $(seq -f "%03g" 0 $((cases - 1))); do cp "$work/demo/input/ct_phantom.nii.gz" "$work/cases/case$i.nii.gz"; done
# a first (untimed) Spark run resolves Spark's class path if it is not yet
"$medprep" spark --master "local[1]" --quiet --step 'run("HU Window", "level=40 width=400");' -i "$work/cases/case000.nii.gz" -o "$work/warm" > /dev/null
steps=(--step 'run("Replace Padding", "padding=-2000 value=-1000");'
  --step 'run("Resample to Spacing", "spacing_x=1.5 spacing_y=1.5 spacing_z=1.5 interpolation=linear");'
  --step 'run("HU Window", "level=40 width=400 output=[float 0-1]");')

run() { # label out medprep-arguments...
  local label="$1" out="$2"; shift 2
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$medprep" "$@" "${steps[@]}" -i "$work/cases" -o "$work/$out" --quiet > "$work/last.log" 2>&1 \
    || { cat "$work/last.log" >&2; exit 1; }
  awk -v l="$label" -v n="$cases" -v load="$load" \
    '{ printf "%-40s %7.1f s wall %7.1f s CPU %7.3f cases/s %6d MiB peak RSS  (load %s)\n", l, $1, $2 + $3, n / $1, $4 / 1024, load }' "$work/time.txt"
}

echo "$cases cases of 256x256x96, $(nproc) cores, Java $(java -version 2>&1 | head -n 1 | cut -d'"' -f2)"
run "medprep run --threads 1" run1 run --threads 1
run "medprep spark --master local[1]" spark1 spark --master "local[1]"
run "medprep run --threads $cores" runC run --threads "$cores"
run "medprep spark --master local[$cores]" sparkC spark --master "local[$cores]"

# every run wrote the same bits
sums() { (cd "$work/$1" && find . -type f ! -name 'manifest*' -exec sha256sum {} + | sort -k 2); }
for out in spark1 runC sparkC; do
  if ! diff -q <(sums run1) <(sums "$out") > /dev/null; then echo "$out differs from run1" >&2; exit 1; fi
done
echo "outputs identical in all four runs ($(sums run1 | wc -l) files)"

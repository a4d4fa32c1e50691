#!/usr/bin/env bash
# The speed goals of MedPrep against the Python a user would write, measured in one run on this
# machine, each comparison with its load average (on a shared machine compare the CPU columns):
#   1. in process, element-wise intensity operations on a 512x512x300 int16 CT: numpy and the
#      memory-bandwidth baseline of the same benchmark run (goal: >= 2x numpy, <= 1.5x the copy)
#   2. whole process, TIFF in/out against numpy + tifffile (goal >= 2x) and .nii.gz in/out
#      against nibabel + numpy (goal >= 3x)
#   3. the 20-case batch (Replace Padding + Resample to Spacing 1.5 mm + HU Window on 256x256x96
#      int16 .nii.gz) against the plain Python loop (goal >= 5x)
#   4. NMF Basis k=5 on a 256x256x32 stack against scikit-learn, whole process (goal >= 2x)
#
#   src/test/bench/goals_vs_python.sh [--only 1,2,3,4] [--repeat N]
#
# Needs the standalone jar (built if missing), /usr/bin/time, and a Python with numpy, nibabel,
# tifffile, scipy and scikit-learn 1.2 (default /usr/bin/python3, Debian's packages; PYTHON=...).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
bench="$root/src/test/resources/org/medprep/bench"
export PYTHON=${PYTHON:-/usr/bin/python3}
only=1,2,3,4 repeat=5
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    *) echo "usage: $0 [--only 1,2,3,4] [--repeat N]" >&2; exit 2 ;;
  esac
done
jar=$(ls "$root"/target/MedPrep_-*-standalone.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then (cd "$root" && mvn -B -q -DskipTests package) >&2; jar=$(ls "$root"/target/MedPrep_-*-standalone.jar | head -n 1); fi
section() { echo; echo "== $1"; echo "   $(uptime)"; }
wants() { case ",$only," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

echo "MedPrep $(basename "$jar"), $(java -version 2>&1 | head -n 1), $(nproc) cores"
if wants 1; then
  section "1. in process, intensity operations vs numpy and the memory baseline (goal: ratio >= 2, x copy <= 1.5)"
  "$PYTHON" "$bench/intensity_vs_numpy.py" "$root/medprep" --dtype int16 --repeat "$repeat"
fi
if wants 2; then
  section "2. whole process vs numpy + tifffile (goal >= 2x) and nibabel + numpy (goal >= 3x)"
  "$PYTHON" "$bench/whole_process_vs_python.py" "$root/medprep" --repeat "$repeat"
fi
if wants 3; then
  section "3. 20-case batch vs the Python loop (goal >= 5x)"
  "$here/batch_vs_python.sh" --cases 20
fi
if wants 4; then
  section "4. NMF Basis k=5 vs scikit-learn, whole process (goal >= 2x)"
  "$PYTHON" "$bench/nmf_vs_sklearn.py" "$root/medprep" --repeat 3
fi
echo; echo "   $(uptime)"

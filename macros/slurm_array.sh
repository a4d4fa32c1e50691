#!/usr/bin/env bash
# A SLURM job array that runs one MedPrep pipeline over a folder of cases: each array task is one
# shard (medprep run --shard slurm reads SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT), all shards
# write into the same output folder, each into its own manifest (manifest-shard-I-of-N.jsonl).
# Resubmitting the same array resumes: cases a manifest shows done with the same pipeline and inputs
# are skipped, so only failed, changed or unfinished cases run again.
#
#   sbatch --array=0-15 macros/slurm_array.sh ct.ijm /data/cases /data/prepared
#   sbatch --array=0-15 --export=ALL,MEDPREP_ARGS="--image seg=/data/labels --seed 42" macros/slurm_array.sh ...
#
# The array may start at 0 or 1 and have a step (--array=1-31:2): the shard is counted from
# SLURM_ARRAY_TASK_MIN in steps of SLURM_ARRAY_TASK_STEP.
#SBATCH --job-name=medprep
#SBATCH --cpus-per-task=4
#SBATCH --mem=16G
#SBATCH --time=04:00:00
#SBATCH --output=medprep-%A_%a.log
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: sbatch --array=0-N $0 PIPELINE.ijm INPUT_FOLDER OUTPUT_FOLDER" >&2
  exit 2
fi
pipeline="$1" input="$2" output="$3"
medprep=${MEDPREP:-medprep}
threads=${SLURM_CPUS_PER_TASK:-1}
# the heap: most of the memory SLURM gave the task (in MB), leaving room for the JVM itself
mem_mb=${SLURM_MEM_PER_NODE:-16384}
export MEDPREP_JAVA_OPTS="${MEDPREP_JAVA_OPTS:--Xmx$((mem_mb * 3 / 4))m}"
# shellcheck disable=SC2086
exec "$medprep" run --pipeline "$pipeline" -i "$input" -o "$output" --shard slurm --threads "$threads" ${MEDPREP_ARGS:-}

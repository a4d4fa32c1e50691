#!/usr/bin/env bash
# One MedPrep pipeline on a Spark standalone cluster started inside one SLURM allocation: the
# first node runs the Spark master and the driver (spark-submit), every node one Spark worker with
# all the cores SLURM gave it and most of its memory; the cluster stops when the pipeline ends (and
# SLURM ends the workers' job step with the job in any case). Inputs and outputs must be on a file
# system every node mounts. Resubmitting the same command finishes what is left: cases the manifest
# in the output folder shows done with the same pipeline and inputs are skipped.
#
#   export SPARK_HOME=/shared/spark-3.5.7-bin-hadoop3     # Spark 3.5 for Scala 2.12, on a shared file system
#   sbatch --nodes=8 --cpus-per-task=32 --mem=120G macros/slurm_spark.sh ct.ijm /data/cases /data/prepared
#   sbatch ... macros/slurm_spark.sh ct.ijm /data/cohort.txt /data/prepared --label seg=/data/labels --seed 42
#
# MEDPREP_SPARK_JAR names the Spark runner's jar (default: target/medprep-spark-*.jar of the folder
# sbatch was run in; `mvn -B package` makes it). Needs SLURM 20.11 or later (srun --overlap).
#SBATCH --job-name=medprep-spark
#SBATCH --nodes=2
#SBATCH --ntasks-per-node=1
#SBATCH --cpus-per-task=16
#SBATCH --mem=64G
#SBATCH --time=12:00:00
#SBATCH --output=medprep-spark-%j.log
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: sbatch $0 PIPELINE.ijm INPUT OUTPUT_FOLDER [more medprep spark options]" >&2
  exit 2
fi
pipeline="$1" input="$2" output="$3"
shift 3
: "${SPARK_HOME:?set SPARK_HOME to a Spark 3.5 (Scala 2.12) distribution that every node can read}"
jar=${MEDPREP_SPARK_JAR:-$(ls "${SLURM_SUBMIT_DIR:-.}"/target/medprep-spark-*.jar 2>/dev/null | head -n 1 || true)}
if [ ! -f "$jar" ]; then
  echo "no medprep-spark jar: run mvn -B package in the MedPrep folder, or set MEDPREP_SPARK_JAR" >&2
  exit 2
fi

master_host=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)
master="spark://$master_host:7077"
cores=${SLURM_CPUS_PER_TASK:-1}
node_mb=${SLURM_MEM_PER_NODE:-$((cores * 4096))}
# a worker offers its node's memory less 4 GB (the OS, the JVMs' own memory, and on the first node the driver)
worker_mb=$((node_mb - 4096))
# one executor per worker with all its cores: its heap holds that many cases at once
executor_mb=$((worker_mb * 9 / 10))
scratch="${TMPDIR:-/tmp}/medprep-spark-$SLURM_JOB_ID"
export SPARK_LOG_DIR="$scratch/logs" SPARK_WORKER_DIR="$scratch/work"

"$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master --host "$master_host" --port 7077 --webui-port 8080 &
master_pid=$!
sleep 5
srun --overlap --nodes="$SLURM_JOB_NUM_NODES" --ntasks-per-node=1 --cpus-per-task="$cores" \
  "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker --cores "$cores" --memory "${worker_mb}m" \
  --work-dir "$SPARK_WORKER_DIR" "$master" &
workers_pid=$!
sleep 15

status=0
"$SPARK_HOME/bin/spark-submit" --master "$master" --class org.medprep.spark.SparkRun --driver-memory 2g \
  --executor-cores "$cores" --executor-memory "${executor_mb}m" \
  "$jar" --pipeline "$pipeline" -i "$input" -o "$output" "$@" || status=$?

kill "$workers_pid" "$master_pid" 2>/dev/null || true
wait 2>/dev/null || true
echo "manifest: $output/manifest.jsonl"
exit "$status"

#!/usr/bin/env bash
# Starts, or resumes where it stopped, the comparison queue of issue 17 (see
# training/research/compare_train.py): COMPARE_WORKERS workers (default 2) at
# idle priority, one torch thread each, so other work keeps the CPU. Stop it
# with Ctrl-C (or by killing the workers); run it again to resume.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
cache="${RESMO_COMPARE_CACHE:-$HOME/.cache/resmo-training/compare}"
mkdir -p "$cache"
pids=()
for i in $(seq 1 "${COMPARE_WORKERS:-2}"); do
  nice -n 19 /usr/bin/python3 -m training.research.compare_worker --worker >>"$cache/worker-$i.out" 2>&1 &
  pids+=($!)
  sleep 5
done
echo "workers ${pids[*]} (output in $cache/worker-*.out)"
trap 'kill "${pids[@]}" 2>/dev/null' INT TERM
wait
/usr/bin/python3 -m training.research.compare_worker --status

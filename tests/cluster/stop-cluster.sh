#!/usr/bin/env bash
# Stops the cluster started by start-cluster.sh --dir DIR, by the pids in its pidfiles, and removes DIR.
#   tests/cluster/stop-cluster.sh --dir DIR [--keep]
set -uo pipefail
dir=""; keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$dir" ] && [ -d "$dir" ] || { echo "no cluster folder: $dir" >&2; exit 1; }
pids=()
for pidfile in "$dir"/*/redis.pid; do
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null && pids+=("$pid")
done
for pid in "${pids[@]}"; do
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
done
[ -n "$keep" ] || rm -rf "$dir"

#!/usr/bin/env bash
# Starts a Redis Cluster on loopback: 6 redis-server (3 masters + 3 replicas) on PORT..PORT+5
# (cluster bus on port+10000), each with its own folder under DIR, append-only with fsync always
# (what the service promises on Redis), then `redis-cli --cluster create` and waits until
# `cluster info` reads cluster_state:ok on every node and every slot is covered.
#   tests/cluster/start-cluster.sh --port 7400 [--dir DIR]
# Prints the seed list (host:port,...) on its last line: a connection string for
# ConnectionStrings__Redis / COMMENTS_TEST_REDIS. Stop with stop-cluster.sh --dir DIR.
set -euo pipefail
port=7400
dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$dir" ] || dir=$(mktemp -d /tmp/comments-cluster-XXXXXX)
mkdir -p "$dir"

ports=()
for i in 0 1 2 3 4 5; do
  p=$((port + i))
  ports+=("$p")
  mkdir -p "$dir/$p"
  redis-server --bind 127.0.0.1 --port "$p" --dir "$dir/$p" --cluster-enabled yes \
    --cluster-config-file nodes.conf --cluster-node-timeout 2000 \
    --appendonly yes --appendfsync always --save "" \
    --daemonize yes --pidfile "$dir/$p/redis.pid" --logfile "$dir/$p/redis.log"
done
echo "${ports[*]}" > "$dir/ports"
for p in "${ports[@]}"; do
  for _ in $(seq 1 100); do redis-cli -p "$p" ping >/dev/null 2>&1 && break; sleep 0.1; done
done

seeds=()
for p in "${ports[@]}"; do seeds+=("127.0.0.1:$p"); done
redis-cli --cluster create "${seeds[@]}" --cluster-replicas 1 --cluster-yes >"$dir/create.log" 2>&1 || {
  cat "$dir/create.log" >&2; echo "cluster create failed" >&2; exit 1; }

# Every node must agree before a client starts: state ok and all 16384 slots assigned.
for p in "${ports[@]}"; do
  ok=""
  for _ in $(seq 1 200); do
    info=$(redis-cli -p "$p" cluster info 2>/dev/null || true)
    if grep -q '^cluster_state:ok' <<<"$info" && grep -q '^cluster_slots_ok:16384' <<<"$info"; then ok=1; break; fi
    sleep 0.1
  done
  [ -n "$ok" ] || { echo "node $p did not reach cluster_state:ok" >&2; exit 1; }
done
# Replicas attach asynchronously; wait until each master reports its replica online.
for _ in $(seq 1 200); do
  n=$(for p in "${ports[@]}"; do redis-cli -p "$p" info replication; done | grep -c '^slave0:.*state=online' || true)
  [ "$n" -ge 3 ] && break
  sleep 0.1
done
echo "cluster: 3 masters + 3 replicas on ${ports[0]}-${ports[5]}, folder $dir" >&2
(IFS=,; echo "${seeds[*]}")

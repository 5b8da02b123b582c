#!/usr/bin/env bash
# Drives the embedded store directly (no HTTP, no models), to reach a data size quickly: the service
# is started on a fresh folder with its Garnet on a known port, then W concurrent redis-cli --pipe
# streams each write N "comments" (a hash of ~BYTES plus a member in one of 100 shared sorted sets,
# the shape the service writes). Afterwards every hash and every sorted-set member is counted.
#
#   bench/soak/store-pipe.sh --writers 8 --per-writer 20000 --bytes 2000 [-- Storage__EmbeddedDeviceType=FileStream ...]
set -uo pipefail
cd "$(dirname "$0")/../.."
writers=8 per=20000 bytes=2000
while [ $# -gt 0 ]; do
  case "$1" in
    --writers) writers=$2; shift 2 ;;
    --per-writer) per=$2; shift 2 ;;
    --bytes) bytes=$2; shift 2 ;;
    --) shift; for kv in "$@"; do export "${kv?}"; done; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. bench/lib/service-dll.sh
work=${SOAK_DIR:-$(mktemp -d /tmp/comments-pipe.XXXX)}
port=$((20000 + (RANDOM + $$) % 20000)) gport=$((40000 + (RANDOM + $$ * 7) % 20000))
export ASPNETCORE_URLS=http://127.0.0.1:$port Storage__DataDir="$work/data" Storage__EmbeddedPort=$gport
dotnet "$dll" >>"$work/api.log" 2>&1 &
api=$!
trap 'kill -9 $api 2>/dev/null' EXIT
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do kill -0 $api || { tail "$work/api.log"; exit 1; }; sleep 0.2; done
t0=$(date +%s)
pids=()
for w in $(seq 1 "$writers"); do
  awk -v w="$w" -v n="$per" -v b="$bytes" 'BEGIN {
    pad = sprintf("%" b "s", ""); gsub(/ /, "x", pad)
    for (i = 1; i <= n; i++) {
      id = w "-" i; t = "pipe:t" (i % 100); h = "pipe:c:" id; v = id " " pad
      printf "*4\r\n$4\r\nHSET\r\n$%d\r\n%s\r\n$4\r\ntext\r\n$%d\r\n%s\r\n", length(h), h, length(v), v
      printf "*4\r\n$4\r\nZADD\r\n$%d\r\n%s\r\n$%d\r\n%d\r\n$%d\r\n%s\r\n", length(t), t, length(i ""), i, length(id), id
    } }' | timeout 1200 redis-cli -p "$gport" --pipe >"$work/pipe.$w.log" 2>&1 &
  pids+=($!)
done
running() { for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }
while running; do
  sleep 10
  printf '%4ds: hybrid log %s, store folder %s, alive %s\n' $(( $(date +%s) - t0 )) "$(du -sh "$work/data/log" 2>/dev/null | cut -f1)" "$(du -sh "$work/data" | cut -f1)" "$(kill -0 $api 2>/dev/null && echo yes || echo NO)"
  kill -0 $api 2>/dev/null || break
done
wait "${pids[@]}" 2>/dev/null
cat "$work"/pipe.*.log | grep -E "errors|ERR|timeout" | sort | uniq -c
zc=0; for t in $(seq 0 99); do zc=$((zc + $(timeout 60 redis-cli -p "$gport" ZCARD "pipe:t$t"))); done
# EXISTS with 1,000 keys at a time answers how many of them exist.
found=$( for w in $(seq 1 "$writers"); do seq 1 "$per" | sed "s/^/pipe:c:$w-/" | xargs -n 1000 echo EXISTS; done | timeout 1200 redis-cli -p "$gport" | awk '{ s += $1 } END { print s + 0 }' )
missing=$((writers * per - found))
printf 'written=%d zset-members=%d hashes-missing=%d seconds=%d hybrid-log=%s folder=%s\n' $((writers * per)) "$zc" "$missing" $(( $(date +%s) - t0 )) "$(du -sh "$work/data/log" | cut -f1)" "$work"
grep -m5 -E "fail:|crit:|unrecoverable|read-back failed|Exception" "$work/api.log"

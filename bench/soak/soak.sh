#!/usr/bin/env bash
# Soak of the embedded store: rounds of wrk (32 connections, every request a new comment) with a
# kill -9 of the service in the middle of each round, a restart on the same folder, and at the end
# a graceful restart and every acknowledged (201) comment looked for in the thread listings.
#
#   bench/soak/soak.sh [--target 1000000] [--rounds 1000] [--round-seconds 60] [--connections 32] [--pad BYTES] [-- extra env: Storage__EmbeddedDeviceType=FileStream ...]
#
# Prints per round: acknowledged so far, p50/p99, the store's folder size; at the end acknowledged /
# found / lost. Uses the built service (COMMENTS_API_DLL, default Release, else Debug).
set -uo pipefail
cd "$(dirname "$0")/../.."

target=1000000 rounds=1000 round=60 connections=32
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --round-seconds) round=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --pad) export SOAK_PAD=$2; shift 2 ;;
    --) shift; for kv in "$@"; do export "${kv?}"; done; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

. bench/lib/service-dll.sh

work=${SOAK_DIR:-$(mktemp -d /tmp/comments-soak.XXXX)}
mkdir -p "$work/acks"
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
api_pid=""
trap 'kill -9 $api_pid 2>/dev/null' EXIT

export ASPNETCORE_URLS=$base ASPNETCORE_ENVIRONMENT=Production Storage__DataDir="$work/data"
export RateLimits__PostsPerMinute=100000000 RateLimits__ReadsPerMinute=100000000 Sites__open__FloodIntervalSeconds=0
for t in Spam SpamHold Toxicity ToxicityHold; do export Sites__open__Thresholds__$t=1.01; done
export SOAK_ACKS="$work/acks/a"

. bench/lib/start-api.sh
acked() { cat "$work"/acks/a.* 2>/dev/null | wc -l; }

start_api
n=0
while [ "$(acked)" -lt "$target" ] && [ "$n" -lt "$rounds" ]; do
  n=$((n + 1))
  wrk -t4 -c"$connections" -d"${round}s" --timeout 10s -s bench/soak/unique-posts.lua "$base" >"$work/wrk.$n.log" 2>&1 &
  wrk_pid=$!
  sleep $((round * 2 / 3))
  kill -9 "$api_pid"; wait "$api_pid" 2>/dev/null
  t0=$(date +%s.%N)
  start_api
  heal=$(echo "$(date +%s.%N) - $t0" | bc)
  wait "$wrk_pid"
  printf 'round %d: acknowledged %d, %s, %s, store folder %s (hybrid log %s), back in %.1f s; %s\n' "$n" "$(acked)" \
    "$(grep -m1 '^p50' "$work/wrk.$n.log")" "$(grep '^status\|timeout' "$work/wrk.$n.log" | tr '\n' ' ')" \
    "$(du -sh "$work/data" | cut -f1)" "$(du -sh "$work/data/log" 2>/dev/null | cut -f1)" "$heal" \
    "$(curl -s "$base/health/ready" | jq -r '.checks.capacity.description // empty')"
  if ! kill -0 "$api_pid" 2>/dev/null; then echo "the service died:"; tail -20 "$work/api.log"; break; fi
done

kill -TERM "$api_pid"
for _ in $(seq 300); do kill -0 "$api_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$api_pid" 2>/dev/null; then echo "the service ignored SIGTERM for 30 s (a hung store?): killed"; kill -9 "$api_pid"; fi
wait "$api_pid" 2>/dev/null
start_api
# Read every thread back, page by page, and compare with what was acknowledged.
: >"$work/found"
for t in $(seq 0 99); do
  cursor=""
  while :; do
    page=$(curl -s -m 60 "$base/api/sites/open/threads/soak-$t/comments?limit=200${cursor:+&cursor=$cursor}")
    jq -r '.comments[].id' <<<"$page" >>"$work/found"
    cursor=$(jq -r '.nextCursor // empty' <<<"$page")
    [ -n "$cursor" ] || break
  done
done
sort -u "$work/found" -o "$work/found"
cat "$work"/acks/a.* | sort -u >"$work/acked"
lost=$(comm -23 "$work/acked" "$work/found" | wc -l)
printf '\nacknowledged=%d found=%d lost=%d rounds=%d folder=%s\n' "$(wc -l <"$work/acked")" "$(wc -l <"$work/found")" "$lost" "$n" "$work"
grep -m3 -E "fail:|crit:|unrecoverable|read-back failed" "$work/api.log"
[ "$lost" -eq 0 ]

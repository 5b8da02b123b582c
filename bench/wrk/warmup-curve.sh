#!/usr/bin/env bash
# CPU per POST in consecutive 5 s windows from the moment the service answers ready: how long the
# service takes to reach its steady state (tiered compilation), per variant of runtime settings.
#
#   bench/wrk/warmup-curve.sh [--redis HOST:PORT] [--port 7460] [--windows 9] 'NAME|KEY=VAL KEY=VAL' ...
#
# One service at a time (Release build), on the given redis-server or on its embedded Garnet.
# Example: bench/wrk/warmup-curve.sh --redis 127.0.0.1:6420 'default|' 'nopgo|DOTNET_TieredPGO=0'
set -uo pipefail
cd "$(dirname "$0")/../.."
redis="" port=7460 windows=9 variants=()
while [ $# -gt 0 ]; do
  case "$1" in
    --redis) redis=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --windows) windows=$2; shift 2 ;;
    *) variants+=("$1"); shift ;;
  esac
done
[ ${#variants[@]} -gt 0 ] || variants=("default|")
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }
. bench/lib/service-dll.sh
work=$(mktemp -d /tmp/comments-curve.XXXX)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

echo "# $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, store: ${redis:-embedded Garnet}; µs CPU per POST in 5 s windows (wrk -t2 -c32 bench/wrk/post.lua)"
for v in "${variants[@]}"; do
  IFS='|' read -r name settings <<<"$v"
  rm -rf "$work/data"; mkdir -p "$work/data"
  started=$(date +%s.%N)
  # shellcheck disable=SC2086
  env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Redis="$redis" Storage__DataDir="$work/data" Storage__EmbeddedPort=$((port + 1)) \
    RateLimits__PostsPerMinute=100000000 RateLimits__ReadsPerMinute=100000000 Limits__MaxConnectionsPerAddress=1000000 \
    Sites__bench__FloodIntervalSeconds=0 Logging__LogLevel__Default=Warning $settings \
    dotnet "$dll" >"$work/service.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "the service did not start; see $work/service.log" >&2; exit 1; }
    sleep 0.1
  done
  line="| $name | $(echo "$(date +%s.%N) - $started" | bc | cut -c1-4) s |"
  for _ in $(seq 1 "$windows"); do
    before=$(ticks "$pid")
    n=$(wrk -t2 -c32 -d5s -s bench/wrk/post.lua "http://127.0.0.1:$port" | awk '/requests in/ {print $1}')
    after=$(ticks "$pid")
    [ "${n:-0}" -gt 0 ] && line="$line $(( (after - before) * 1000000 / $(getconf CLK_TCK) / n ))" || line="$line –"
  done
  echo "$line | load $(cut -d' ' -f1 /proc/loadavg) |"
  kill "$pid"; wait "$pid" 2>/dev/null; pid=""
done

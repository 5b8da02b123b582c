#!/usr/bin/env bash
# CPU per POST and store commands per POST, at a fixed moderate rate (not throughput), so that the
# figure survives a shared machine: the service process's own user + system time (/proc/PID/stat) over
# a fixed number of POSTs, divided by the POSTs; on redis-server also its CPU (INFO cpu) and the
# change of INFO commandstats and of total_reads_processed (read events ≈ round trips) per POST.
#
#   bench/wrk/post-cost.sh --redis HOST:PORT [--garnet] [--port 7400] [--posts 4000] [--rate 200]
#                          [--connections 4] [--warmup-posts 2000] [--idle 10] [--rounds 1] [--unique-authors]
#                          [-- KEY=VAL ...]
#
# --redis runs the service on that redis-server (its counters are read, so use a server of your own);
# --garnet runs it on embedded Garnet too (CPU only: the store is inside the service process, so its
# CPU is counted in the service's). COMMENTS_API_DLL picks another build (e.g. an old commit's).
# Settings after -- go to the service. --unique-authors gives every POST its own email and address
# (X-Forwarded-For), so a flood window can be measured on: --unique-authors -- Sites__bench__FloodIntervalSeconds=15
# Each round: warm-up POSTs (not counted), an idle window (the per-second background work is printed
# as CPU ms/s and commands/s), then the measured POSTs. Every POST is a new reply the model publishes.
set -uo pipefail
cd "$(dirname "$0")/../.."

redis="" garnet=0 base=7400 posts=4000 rate=200 connections=4 warmup=2000 idle=10 rounds=1 extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --redis) redis=$2; shift 2 ;;
    --garnet) garnet=1; shift ;;
    --port) base=$2; shift 2 ;;
    --posts) posts=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --warmup-posts) warmup=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --unique-authors) export WRK_UNIQUE_AUTHORS=1; shift ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$redis" ] || [ "$garnet" = 1 ] || { echo "give --redis HOST:PORT and/or --garnet" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }
. bench/lib/service-dll.sh

work=$(mktemp -d /tmp/comments-cost.XXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"' EXIT
tick=$(getconf CLK_TCK)
delay_ms=$((connections * 1000 / rate))

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rcli() { redis-cli -h "${redis%:*}" -p "${redis##*:}" "$@"; }
# "cmd calls" lines of INFO commandstats, the read events and the server's CPU seconds (user + sys).
redis_counters() {
  rcli INFO commandstats | tr -d '\r' | sed -n 's/^cmdstat_\([^:]*\):calls=\([0-9]*\),.*/\1 \2/p'
  rcli INFO stats | tr -d '\r' | sed -n 's/^total_reads_processed:\(.*\)/=reads \1/p'
  rcli INFO cpu | tr -d '\r' | awk -F: '/^used_cpu_(sys|user):/ { s += $2 } END { printf "=cpu %.3f\n", s }'
}

# posts N: N paced POSTs; prints the count of answers (any status).
posts() {
  local n=$1 seconds
  seconds=$(( (n * delay_ms + connections * 1000 - 1) / (connections * 1000) ))
  [ "$seconds" -ge 1 ] || seconds=1
  WRK_DELAY_MS=$delay_ms wrk -t1 -c"$connections" -d"${seconds}s" --timeout 10s -s bench/wrk/post-paced.lua "$url" >"$work/out" 2>&1
  awk '/requests in/ { print $1 }' "$work/out"
}

measure() { # NAME PID
  local name=$1 pid=$2 t0 t1 t2 n load statuses
  posts "$warmup" >/dev/null
  [ -n "$store_counters" ] && redis_counters >"$work/idle0"
  t0=$(ticks "$pid"); sleep "$idle"; t1=$(ticks "$pid")
  [ -n "$store_counters" ] && redis_counters >"$work/c0"
  load=$(cut -d' ' -f1 /proc/loadavg)
  n=$(posts "$posts")
  t2=$(ticks "$pid")
  [ -n "$store_counters" ] && redis_counters >"$work/c1"
  statuses=$(sed -n 's/^status \([0-9]*\): \([0-9]*\)/\1×\2/p' "$work/out" | tr '\n' ' ')
  local secs; secs=$(awk '/requests in/ { sub(/s,/, "", $4); print $4 }' "$work/out")
  awk -v name="$name" -v n="$n" -v busy=$((t2 - t1)) -v idle=$((t1 - t0)) -v idles="$idle" -v secs="$secs" \
      -v tick="$tick" -v la="$load" -v st="$statuses" 'BEGIN {
    idle_rate = idle / tick / idles; net = busy / tick - idle_rate * secs
    printf "| %s | %d in %.1f s (%.0f/s) | %.0f | %.0f | %.1f | %s | %s|\n", name, n, secs, n / secs,
      busy / tick * 1e6 / n, net * 1e6 / n, idle_rate * 1000, la, st }'
  if [ -n "$store_counters" ]; then
    # Commands per POST (the idle window's rate taken off), the read events and redis-server's CPU per POST.
    awk -v n="$n" -v secs="$secs" -v idles="$idle" '
      FILENAME == ARGV[1] { i0[$1] = $2; next }
      FILENAME == ARGV[2] { c0[$1] = $2; next }
      { d = $2 - c0[$1]; r = (c0[$1] - i0[$1]) / idles; net = d - r * secs
        if ($1 == "=cpu") printf "#   redis-server CPU: %.0f µs/POST\n", d * 1e6 / n
        else if ($1 == "=reads") printf "#   read events (≈ round trips): %.2f per POST (idle %.1f/s)\n", net / n, r
        else if (d > 0) { cmds[$1] = sprintf("%.2f", net / n); total += net / n; if (r > 0) idle_cmds = idle_cmds sprintf(" %s %.1f/s", $1, r) } }
      END { line = ""; for (c in cmds) if (cmds[c] + 0 >= 0.005) line = line " " c " " cmds[c]
            printf "#   commands per POST: %.2f:%s\n#   idle commands:%s\n", total, line, idle_cmds }' \
      "$work/idle0" "$work/c0" "$work/c1"
  fi
}

start() { # PORT STORE: starts the service; sets $pid and $url
  local port=$1 store=$2
  mkdir -p "$work/$port"
  env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Redis="$store" Storage__DataDir="$work/$port" Storage__EmbeddedPort=$((port + 1)) \
    RateLimits__PostsPerMinute=100000000 RateLimits__ReadsPerMinute=100000000 Limits__MaxConnectionsPerAddress=1000000 \
    Sites__bench__FloodIntervalSeconds=0 Sites__bench__AllowedOrigins__0='http://localhost:*' \
    Logging__LogLevel__Default=Warning "${extra[@]}" dotnet "$dll" >"$work/$port.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  url="http://127.0.0.1:$port"
  until curl -sf "$url/health/ready" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "the service did not start:" >&2; tail -20 "$work/$port.log" >&2; exit 1; }
    sleep 0.1
  done
}

echo "# $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, $dll, ${extra[*]}"
echo "# $posts POSTs at $rate/s ($connections connections, ${delay_ms} ms apart each), after $warmup warm-up POSTs and ${idle} s idle"
echo "| store | POSTs measured | service CPU µs/POST | same, idle taken off | idle CPU ms/s | load (1 min) | statuses |"
echo "|---|---|---|---|---|---|---|"
for r in $(seq 1 "$rounds"); do
  if [ -n "$redis" ]; then
    [ "$r" = 1 ] && { start "$base" "$redis"; redis_pid=$pid; redis_url=$url; }
    pid=$redis_pid url=$redis_url store_counters=1 measure "redis-server" "$redis_pid"
  fi
  if [ "$garnet" = 1 ]; then
    [ "$r" = 1 ] && { start $((base + 2)) ""; garnet_pid=$pid; garnet_url=$url; }
    pid=$garnet_pid url=$garnet_url store_counters="" measure "embedded Garnet" "$garnet_pid"
  fi
done

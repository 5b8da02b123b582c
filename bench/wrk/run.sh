#!/usr/bin/env bash
# Ingest and reads measured with wrk: the service beside a bare Kestrel echo, in the same run.
#
#   bench/wrk/run.sh [--redis HOST:PORT] [--ports 7100] [--threads 2] [--connections 32]
#                    [--warmup 10] [--settle 60] [--seconds 15] [--rounds 1] [--variant 'NAME|KEY=VAL KEY=VAL']
#                    [--half-peak]
#
# Targets: the echo (POST /echo parses and writes back the JSON; GET /static answers the bytes of
# the service's own 100-comment page, so both reads move a body of the same size), the service on
# embedded Garnet (its default, durable flags), the service on redis-server with --redis, and one
# more service on Garnet per --variant with extra settings (e.g. 'cache off|ThreadCache__MaxBytes=0').
# Ports: echo = base, services = base+1, base+3, ... (their embedded stores on the next port).
# Each block: a --warmup run (not counted), more 5 s runs while the service's JIT is still compiling
# (at most --settle s; 0 = the fixed warm-up only), then a --seconds run; POSTs are unique (post.lua), the read
# thread has 100 published comments (texts the model publishes), GET ?limit=100 without If-None-Match.
# Prints one line per block with req/s, p50/p99, server CPU µs per request, the 1-minute load average
# and the methods the JIT compiled during the measured run (should be near 0).
# --half-peak: after each POST block, one more at half the req/s just measured (post-paced.lua: each
# connection waits connections x 2000 / peak ms between requests), for issue 17's p99 at half of peak.
# wrk measures from each request's send, so a stall shows in the p99 of the requests it delays, not of
# those it kept from being sent (closed loop): read the rate column too.
set -uo pipefail
cd "$(dirname "$0")/../.."

redis="" base=7100 threads=2 connections=32 warmup=10 settle=60 seconds=15 rounds=1 variants=() half_peak=0
while [ $# -gt 0 ]; do
  case "$1" in
    --redis) redis=$2; shift 2 ;;
    --ports) base=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --settle) settle=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --variant) variants+=("$2"); shift 2 ;;
    --half-peak) half_peak=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }

. bench/lib/service-dll.sh
echo_dll=""
for c in Release Debug; do
  [ -z "$echo_dll" ] && [ -f "bench/Comments.Bench.Http/bin/$c/net10.0/Comments.Bench.Http.dll" ] && echo_dll="bench/Comments.Bench.Http/bin/$c/net10.0/Comments.Bench.Http.dll"
done
[ -n "$echo_dll" ] || { echo "build the echo first (dotnet build -c Release bench/Comments.Bench.Http)" >&2; exit 2; }

work=$(mktemp -d /tmp/comments-wrk.XXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"' EXIT
run=$(date +%s)

wait_for() { # URL PID
  until curl -sf "$1" >/dev/null; do
    kill -0 "$2" 2>/dev/null || { echo "a server did not start; see $work" >&2; exit 1; }
    sleep 0.1
  done
}

# start_service NAME PORT REDIS [KEY=VAL ...]: starts the service, seeds its read thread; sets $pid.
start_service() {
  local name=$1 port=$2 store=$3; shift 3
  mkdir -p "$work/$port"
  env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Redis="$store" Storage__DataDir="$work/$port" Storage__EmbeddedPort=$((port + 1)) \
    RateLimits__PostsPerMinute=100000000 RateLimits__ReadsPerMinute=100000000 Limits__MaxConnectionsPerAddress=1000000 \
    Sites__bench__FloodIntervalSeconds=0 Sites__bench__AllowedOrigins__0='http://localhost:*' \
    Logging__LogLevel__Default=Warning "$@" dotnet "$dll" >"$work/$port.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  wait_for "http://127.0.0.1:$port/health/ready" "$pid"
  for i in $(seq 1 100); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
      -d "{\"text\":\"I read the whole article and mostly agree, though the part about the budget seemed rushed to me. Thanks for writing it (seed $((run % 100000)) $i).\",\"authorName\":\"Seed Reader\",\"authorEmail\":\"seed$((i % 10))@example.com\"}" \
      "http://127.0.0.1:$port/api/sites/bench/threads/read-$run/comments")
    [ "$code" = 201 ] || { echo "$name: seed comment $i answered $code (not published)" >&2; exit 1; }
  done
}

. bench/lib/wrk-block.sh

start_service "garnet" $((base + 1)) ""
garnet=$pid
curl -s "http://127.0.0.1:$((base + 1))/api/sites/bench/threads/read-$run/comments?limit=100" >"$work/page.json"
dotnet "$echo_dll" echo --port "$base" --static "$work/page.json" >"$work/echo.log" 2>&1 &
echo_pid=$!
pids+=("$echo_pid")
wait_for "http://127.0.0.1:$base/echo" "$echo_pid"
targets=("service on embedded Garnet|$garnet|$((base + 1))")
port=$((base + 3))
if [ -n "$redis" ]; then
  start_service "redis" "$port" "$redis"
  targets+=("service on redis-server|$pid|$port"); port=$((port + 2))
fi
for v in "${variants[@]}"; do
  IFS='|' read -r vname vsettings <<<"$v"
  # shellcheck disable=SC2086
  start_service "$vname" "$port" "" $vsettings
  targets+=("service on embedded Garnet, $vname|$pid|$port"); port=$((port + 2))
done

echo "# $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, wrk -t$threads -c$connections, warm-up ${warmup}s (+ up to ${settle}s while the JIT compiles), measured ${seconds}s; page of 100 comments: $(wc -c <"$work/page.json") bytes"
for t in "${targets[@]}"; do
  IFS='|' read -r tname tpid tport <<<"$t"
  echo "# $tname: RSS $(( $(ps -o rss= -p "$tpid") / 1024 )) MiB after start and seeding"
done
# post_block NAME PID URL: the POST block at full rate, then (--half-peak) one paced at half of what it measured.
post_block() {
  local row peak
  row=$(block "$1" "$2" "$3" -s bench/wrk/post.lua)
  echo "$row"
  [ "$half_peak" = 1 ] || return 0
  peak=$(echo "$row" | awk -F'|' '{ print int($3) }')
  [ "$peak" -gt 1 ] || return 0
  # wrk paces in whole milliseconds: a server past connections x 2000 req/s (the echo) cannot be held at half.
  [ $((connections * 2000 / peak)) -ge 1 ] || { echo "# $1: half of $peak/s needs under 1 ms between requests per connection; not paced"; return 0; }
  WRK_DELAY_MS=$((connections * 2000 / peak)) block "$1 at half peak ($((peak / 2))/s asked)" "$2" "$3" -s bench/wrk/post-paced.lua
}

echo "| target | req/s | p50 / p99 ms | server CPU µs/req | load (1 min) | JIT methods in the run |"
echo "|---|---|---|---|---|---|"
for r in $(seq 1 "$rounds"); do
  WRK_POST_PATH=/echo post_block "echo POST /echo" "$echo_pid" "http://127.0.0.1:$base"
  block "echo GET /static (same bytes)" "$echo_pid" "http://127.0.0.1:$base/static"
  for t in "${targets[@]}"; do
    IFS='|' read -r tname tpid tport <<<"$t"
    post_block "$tname POST" "$tpid" "http://127.0.0.1:$tport"
    block "$tname GET 100-comment thread" "$tpid" "http://127.0.0.1:$tport/api/sites/bench/threads/read-$run/comments?limit=100"
  done
done

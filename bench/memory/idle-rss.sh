#!/usr/bin/env bash
# Idle memory and idle CPU of the service: start it (one variant at a time, nothing else of ours running),
# wait until ready, seed N comments (new replies the model publishes, so the models are loaded and used),
# let it settle, then read VmRSS / VmHWM from /proc/PID/status and its CPU (user + system ticks from
# /proc/PID/stat) over an idle window. Prints one table row per variant and store.
#
#   bench/memory/idle-rss.sh [--garnet] [--redis HOST:PORT] [--port 7200] [--seed 100] [--settle 15]
#                            [--idle 30] [--rounds 1] [--variant 'NAME:KEY=VAL,KEY=VAL' ...]
#
# --garnet: the service on its embedded Garnet (a fresh temp data folder each start); --redis: on that
# redis-server (use one of your own). A variant is a name and settings for the service's environment
# (DOTNET_* runtime knobs or the service's own settings, e.g. 'wks:DOTNET_gcServer=0'); without
# --variant only 'default' (no extra settings) runs. Rounds repeat the whole set, interleaved, so a
# busy machine spreads over every variant alike. COMMENTS_API_DLL picks another build (for all variants,
# or for one: 'before:COMMENTS_API_DLL=/tmp/old/Comments.Api.dll'; run from the repository, so models/ is found).
set -uo pipefail
cd "$(dirname "$0")/../.."

garnet=0 redis="" base=7200 seed=100 settle=15 idle=30 rounds=1 variants=()
while [ $# -gt 0 ]; do
  case "$1" in
    --garnet) garnet=1; shift ;;
    --redis) redis=$2; shift 2 ;;
    --port) base=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --settle) settle=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --variant) variants+=("$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$redis" ] || [ "$garnet" = 1 ] || { echo "give --garnet and/or --redis HOST:PORT" >&2; exit 2; }
[ ${#variants[@]} -gt 0 ] || variants=("default:")
. bench/lib/service-dll.sh

work=$(mktemp -d /tmp/comments-rss.XXXX)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
tick=$(getconf CLK_TCK)

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }

start() { # PORT STORE SETTINGS...: starts the service; sets $pid and $url
  local port=$1 store=$2 run_dll=$dll s; shift 2
  local settings=()
  for s in "$@"; do case "$s" in COMMENTS_API_DLL=*) run_dll=${s#*=} ;; *) settings+=("$s") ;; esac; done
  rm -rf "$work/data"; mkdir -p "$work/data"
  env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Redis="$store" Storage__DataDir="$work/data" Storage__EmbeddedPort=$((port + 1)) \
    RateLimits__PostsPerMinute=100000000 Limits__MaxConnectionsPerAddress=1000000 \
    Sites__bench__FloodIntervalSeconds=0 Sites__bench__AllowedOrigins__0='http://localhost:*' \
    Logging__LogLevel__Default=Warning "${settings[@]}" dotnet "$run_dll" >"$work/api.log" 2>&1 &
  pid=$!
  url="http://127.0.0.1:$port"
  until curl -sf "$url/health/ready" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "the service did not start:" >&2; tail -20 "$work/api.log" >&2; exit 1; }
    sleep 0.1
  done
}

# seed N: N new comments over 10 threads, each text unique by words (digits read as a phone number).
seed() {
  local words=(river lamp orange quiet window garden paper stone cloud bread violin meadow candle harbor pencil forest)
  local i n text ok=0 run=$RANDOM
  for ((i = 1; i <= $1; i++)); do
    n=$i text=""
    while :; do text="$text ${words[n % 16]}"; n=$((n / 16)); [ "$n" -gt 0 ] || break; done
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
      -d "{\"text\":\"I read the whole article and mostly agree, though the part about the budget seemed rushed. Thanks, from the$text desk.\",\"authorName\":\"Idle Reader\",\"authorEmail\":\"idle$((i % 20))@example.com\"}" \
      "$url/api/sites/bench/threads/idle-$run-$((i % 10))/comments")
    [ "$code" = 201 ] && ok=$((ok + 1))
  done
  echo "$ok"
}

measure() { # STORE-NAME PORT STORE VARIANT
  local name=$1 port=$2 store=$3 variant=$4 vname settings=() t0 t1 load published
  vname=${variant%%:*}
  IFS=, read -r -a settings <<<"${variant#*:}"
  start "$port" "$store" "${settings[@]}"
  local ready_rss; ready_rss=$(kb "$pid" VmRSS)
  published=$(seed "$seed")
  sleep "$settle"
  local rss0; rss0=$(kb "$pid" VmRSS)
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(ticks "$pid"); sleep "$idle"; t1=$(ticks "$pid")
  local rss1 hwm threads
  rss1=$(kb "$pid" VmRSS) hwm=$(kb "$pid" VmHWM) threads=$(kb "$pid" Threads)
  kill "$pid"; wait "$pid" 2>/dev/null; pid=""
  awk -v n="$name" -v v="$vname" -v r="$ready_rss" -v a="$rss0" -v b="$rss1" -v h="$hwm" -v th="$threads" \
      -v c=$((t1 - t0)) -v tick="$tick" -v s="$idle" -v la="$load" -v p="$published" -v seeded="$seed" 'BEGIN {
    printf "| %s | %s | %.0f | %.0f | %.0f | %.0f | %.1f | %d | %d/%d | %s |\n", n, v, r / 1024, a / 1024, b / 1024, h / 1024,
      c / tick * 1000 / s, th, p, seeded, la }'
}

echo "# $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, $dll; seed $seed, settle ${settle} s, idle ${idle} s"
echo "| store | variant | RSS ready MiB | RSS after seed+settle MiB | RSS after idle MiB | VmHWM MiB | idle CPU ms/s | threads | published | load (1 min) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for r in $(seq 1 "$rounds"); do
  for v in "${variants[@]}"; do
    [ "$garnet" = 1 ] && measure "embedded Garnet" "$base" "" "$v"
    [ -n "$redis" ] && measure "redis-server" "$((base + 2))" "$redis" "$v"
  done
done

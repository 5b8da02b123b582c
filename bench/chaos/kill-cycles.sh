#!/usr/bin/env bash
# Chaos: writers post without pause while the store's process is killed with SIGKILL, again and
# again, on one data folder; then everything restarts in order and every acknowledged comment is
# looked up. Prints: acknowledged / lost / false-201 / seconds to heal.
#
#   bench/chaos/kill-cycles.sh [--store garnet|redis] [--cycles 20] [--writers 8] [--seconds 3]
#
# garnet: the service (with its embedded store) is killed and restarted.
# redis:  a redis-server of the script's own (appendonly yes, appendfsync always) is killed and
#         restarted; the service keeps running and must heal by itself.
# Uses the built service: COMMENTS_API_DLL (default src/Comments.Api/bin/Release/net10.0, else Debug).
set -uo pipefail
cd "$(dirname "$0")/../.."

store=garnet cycles=20 writers=8 seconds=3
while [ $# -gt 0 ]; do
  case "$1" in
    --store) store=$2; shift 2 ;;
    --cycles) cycles=$2; shift 2 ;;
    --writers) writers=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

. bench/lib/service-dll.sh

work=$(mktemp -d /tmp/comments-chaos.XXXX)
port=$((20000 + RANDOM % 20000)) redis_port=$((40000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
api_pid="" redis_pid=""
cleanup() {
  kill -9 $api_pid $redis_pid 2>/dev/null
  jobs -p | xargs -r kill 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

export ASPNETCORE_URLS=$base ASPNETCORE_ENVIRONMENT=Production Storage__DataDir="$work/data"
export RateLimits__PostsPerMinute=1000000 RateLimits__ReadsPerMinute=1000000
for site in open pre; do
  export Sites__${site}__FloodIntervalSeconds=0
  for t in Spam SpamHold Toxicity ToxicityHold; do export Sites__${site}__Thresholds__$t=1.01; done
done
export Sites__pre__ModerationMode=Pre
[ "$store" = redis ] && export ConnectionStrings__Redis="127.0.0.1:$redis_port"

start_redis() {
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$work" --appendonly yes --appendfsync always --save "" \
    >>"$work/redis.log" 2>&1 &
  redis_pid=$!
  until redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG; do sleep 0.05; done
}
. bench/lib/start-api.sh

# A writer appends "code site id token" for every 201/202 to its own file.
writer() {
  local w=$1 i=0
  while :; do
    i=$((i + 1))
    local site=open; [ $((i % 4)) -eq 0 ] && site=pre
    local text="w$w-$i-$RANDOM$RANDOM"
    local out
    out=$(curl -s -m 30 -D - -H 'content-type: application/json' \
      -d "{\"text\":\"$text\",\"authorName\":\"Chaos\",\"authorEmail\":\"chaos@example.com\"}" \
      "$base/api/sites/$site/threads/chaos/comments") || { sleep 0.1; continue; } # down: do not starve its restart
    local code; code=$(head -1 <<<"$out" | awk '{print $2}')
    case "$code" in
      201) echo "201 $site $(tail -1 <<<"$out" | jq -r .id) $(grep -i '^author-token:' <<<"$out" | awk '{print $2}' | tr -d '\r') $text" >>"$work/acks.$w" ;;
      202) echo "202 $site $(tail -1 <<<"$out" | jq -r '.id + " " + .token') $text" >>"$work/acks.$w" ;;
      *) sleep 0.1 ;;
    esac
  done
}
acked() { cat "$work"/acks.* 2>/dev/null | wc -l; }

[ "$store" = redis ] && start_redis
start_api /health/live
writer_pids=()
for w in $(seq 1 "$writers"); do writer "$w" & writer_pids+=($!); done

heal_total=0 heal_max=0
started=$(date +%s.%N)
for c in $(seq 1 "$cycles"); do
  sleep "$seconds"
  before=$(acked)
  if [ "$store" = redis ]; then kill -9 "$redis_pid"; wait "$redis_pid" 2>/dev/null; t0=$(date +%s.%N); start_redis
  else kill -9 "$api_pid"; wait "$api_pid" 2>/dev/null; t0=$(date +%s.%N); start_api /health/live; fi
  # Healed: acknowledgements come in again.
  until [ "$(acked)" -gt "$before" ]; do sleep 0.02; done
  heal=$(echo "$(date +%s.%N) - $t0" | bc)
  heal_total=$(echo "$heal_total + $heal" | bc)
  heal_max=$(echo "if ($heal > $heal_max) $heal else $heal_max" | bc)
  printf 'cycle %d: %d acknowledged so far, healed in %.2f s\n' "$c" "$(acked)" "$heal"
done
kill "${writer_pids[@]}" 2>/dev/null; wait "${writer_pids[@]}" 2>/dev/null
elapsed=$(echo "$(date +%s.%N) - $started" | bc)

# In order: SIGTERM and a fresh start of everything, then look every acknowledgement up.
kill -TERM "$api_pid"; wait "$api_pid" 2>/dev/null
if [ "$store" = redis ]; then kill -TERM "$redis_pid"; wait "$redis_pid" 2>/dev/null; start_redis; fi
start_api /health/live

lost=0 false201=0 total=0
while read -r code site id token text; do
  total=$((total + 1))
  status=$(curl -s -m 30 -H 'content-type: application/json' -d "{\"token\":\"$token\"}" \
    "$base/api/sites/$site/comments/$id/status" | jq -r .status)
  ok=0
  if [ "$code" = 202 ] && [ "$status" = pending ]; then ok=1; fi
  if [ "$code" = 201 ] && [ "$status" = published ] && \
     curl -s -m 30 "$base/api/sites/$site/comments/$id" | jq -r .html | grep -qF "$text"; then ok=1; fi
  if [ $ok = 0 ]; then
    lost=$((lost + 1)); [ "$code" = 201 ] && false201=$((false201 + 1))
    echo "lost: $code $site/$id ($status)"
  fi
done < <(cat "$work"/acks.*)

printf '\nstore=%s cycles=%d writers=%d seconds-per-cycle=%s load-seconds=%.0f\n' "$store" "$cycles" "$writers" "$seconds" "$elapsed"
printf 'acknowledged=%d lost=%d false-201=%d heal-seconds-mean=%.2f heal-seconds-max=%.2f\n' \
  "$total" "$lost" "$false201" "$(echo "$heal_total / $cycles" | bc -l)" "$heal_max"
# A start that found the append-only file torn by the kill and repaired it (EmbeddedGarnet, docs/reliability.md).
[ "$store" = garnet ] && echo "torn-tails-repaired=$(grep -c "ended in a torn record" "$work/api.log")"
if grep -q "RecoverReplay\|cannot start" "$work/api.log"; then echo "the service log shows a recovery failure:"; grep -m3 "RecoverReplay\|cannot start" "$work/api.log"; fi
[ "$lost" -eq 0 ]

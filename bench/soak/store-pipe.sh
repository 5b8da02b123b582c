#!/usr/bin/env bash
# Drives the embedded store directly (no HTTP, no models), to reach a data size quickly: the service
# is started on a fresh folder with its Garnet on a known port, then W concurrent redis-cli --pipe
# streams each write N "comments" (a hash of ~BYTES plus a member in one of 100 shared sorted sets,
# the shape the service writes). With --rounds R the N are written in R rounds, and after each round
# the service is killed with SIGKILL and started again on the same folder (recovery included in the
# figures); a round's writes all got their reply before the kill. Afterwards, after a last kill -9
# and restart, every hash and every sorted-set member is counted.
#
#   bench/soak/store-pipe.sh --writers 8 --per-writer 20000 --bytes 2000 [--rounds 1] [-- Storage__EmbeddedCapacity=2g ...]
set -uo pipefail
cd "$(dirname "$0")/../.."
writers=8 per=20000 bytes=2000 rounds=1
while [ $# -gt 0 ]; do
  case "$1" in
    --writers) writers=$2; shift 2 ;;
    --per-writer) per=$2; shift 2 ;;
    --bytes) bytes=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --) shift; for kv in "$@"; do export "${kv?}"; done; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. bench/lib/service-dll.sh
work=${SOAK_DIR:-$(mktemp -d /tmp/comments-pipe.XXXX)}; mkdir -p "$work"
port=$((20000 + (RANDOM + $$) % 20000)) gport=$((40000 + (RANDOM + $$ * 7) % 20000))
export ASPNETCORE_URLS=http://127.0.0.1:$port Storage__DataDir="$work/data" Storage__EmbeddedPort=$gport
api=""
trap 'kill -9 $api 2>/dev/null' EXIT
start_api() {
  local t=$(date +%s.%N)
  dotnet "$dll" >>"$work/api.log" 2>&1 &
  api=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do kill -0 $api || { tail "$work/api.log"; exit 1; }; sleep 0.2; done
  printf '  service ready in %.1f s (recovery and checkpoint included)\n' "$(echo "$(date +%s.%N) - $t" | bc)"
}
store_info() { redis-cli -p "$gport" info store | tr -d '\r' | awk -F: '/^Log\.(CurrentMemorySizeBytes|CurrentHeapSizeBytes|BeginAddress|HeadAddress|TailAddress)/ { printf "%s=%s ", $1, $2 }'; }
start_api
t0=$(date +%s)
chunk=$(( (per + rounds - 1) / rounds ))
for r in $(seq 1 "$rounds"); do
  from=$(( (r - 1) * chunk + 1 )) to=$(( r * chunk < per ? r * chunk : per ))
  [ "$from" -le "$to" ] || break
  pids=()
  for w in $(seq 1 "$writers"); do
    awk -v w="$w" -v from="$from" -v to="$to" -v b="$bytes" 'BEGIN {
      pad = sprintf("%" b "s", ""); gsub(/ /, "x", pad)
      for (i = from; i <= to; i++) {
        id = w "-" i; t = "pipe:t" (i % 100); h = "pipe:c:" id; v = id " " pad
        printf "*4\r\n$4\r\nHSET\r\n$%d\r\n%s\r\n$4\r\ntext\r\n$%d\r\n%s\r\n", length(h), h, length(v), v
        printf "*4\r\n$4\r\nZADD\r\n$%d\r\n%s\r\n$%d\r\n%d\r\n$%d\r\n%s\r\n", length(t), t, length(i ""), i, length(id), id
      } }' | timeout 1200 redis-cli -p "$gport" --pipe >"$work/pipe.$r.$w.log" 2>&1 &
    pids+=($!)
  done
  wait "${pids[@]}"
  printf 'round %d: comments %d..%d of each writer written in %d s so far, writers without every reply: %s, store folder %s, %s\n' \
    "$r" "$from" "$to" $(( $(date +%s) - t0 )) "$(cat "$work"/pipe.$r.*.log | grep -c "errors: 0" | awk -v w="$writers" '{ print w - $1 }')" "$(du -sh "$work/data" | cut -f1)" "$(store_info)"
  kill -0 $api 2>/dev/null || { echo "the service died:"; grep -m5 -E "fail:|crit:|unrecoverable|read-back failed|Exception" "$work/api.log"; break; }
  kill -9 $api; wait $api 2>/dev/null
  start_api
done
[ "$rounds" -gt 1 ] || { kill -9 $api; wait $api 2>/dev/null; start_api; }
cat "$work"/pipe.*.log | grep -E "errors|ERR|timeout" | grep -v "errors: 0," | sort | uniq -c
zc=0; for t in $(seq 0 99); do zc=$((zc + $(timeout 60 redis-cli -p "$gport" ZCARD "pipe:t$t"))); done
# EXISTS with 1,000 keys at a time answers how many of them exist.
found=$( for w in $(seq 1 "$writers"); do seq 1 "$per" | sed "s/^/pipe:c:$w-/" | xargs -n 1000 echo EXISTS; done | timeout 1200 redis-cli -p "$gport" | awk '{ s += $1 } END { print s + 0 }' )
missing=$((writers * per - found))
printf 'written=%d zset-members=%d hashes-missing=%d seconds=%d folder=%s (%s) %s\n' $((writers * per)) "$zc" "$missing" $(( $(date +%s) - t0 )) "$work" "$(du -sh "$work/data" | cut -f1)" "$(store_info)"
grep -m5 -E "fail:|crit:|unrecoverable|read-back failed|Exception" "$work/api.log"

#!/usr/bin/env bash
# Chaos on a Redis Cluster: writers post to two API nodes while the master that holds the site's slot
# is SIGKILLed (or asked to hand over with CLUSTER FAILOVER); the replica takes over. Then every
# acknowledged comment is looked up. Prints: acknowledged / found / lost / false-201, the answers
# during the switch (503 with Retry-After, others), and seconds until writes resumed by themselves.
#
#   bench/chaos/cluster-failover.sh [--mode kill|failover] [--writers 8] [--before 5] [--after 15]
#                                   [--cluster-port 7410] [--api-port 7420] [--options k=v,...]
# --options: extra StackExchange.Redis options appended to the connection string (to compare settings).
#
# The cluster: tests/cluster/start-cluster.sh (3 masters + 3 replicas, appendfsync always,
# cluster-node-timeout 2000 ms) on cluster-port..+5; nodes on api-port and api-port+1.
# Uses the built service: COMMENTS_API_DLL (default src/Comments.Api/bin/Release/net10.0, else Debug).
set -uo pipefail
cd "$(dirname "$0")/../.."

mode=kill writers=8 before=5 after=15 cluster_port=7410 api_port=7420 options=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) mode=$2; shift 2 ;;
    --writers) writers=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    --after) after=$2; shift 2 ;;
    --cluster-port) cluster_port=$2; shift 2 ;;
    --api-port) api_port=$2; shift 2 ;;
    --options) options=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

. bench/lib/service-dll.sh
work=$(mktemp -d /tmp/comments-failover.XXXX)
cluster_dir="$work/cluster"
api_pids=() writer_pids=()
cleanup() {
  for p in "${writer_pids[@]}" "${api_pids[@]}"; do kill "$p" 2>/dev/null; done
  tests/cluster/stop-cluster.sh --dir "$cluster_dir" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

seeds=$(tests/cluster/start-cluster.sh --port "$cluster_port" --dir "$cluster_dir") || exit 1
site=open
slot=$(redis-cli -p "$cluster_port" cluster keyslot "c:{$site}:seq")
# The master whose slot range holds the site's slot, and its replica.
master_line=$(redis-cli -p "$cluster_port" cluster nodes | awk -v s="$slot" '$3 ~ /master/ {
  for (i = 9; i <= NF; i++) { split($i, r, "-"); if (r[2] == "") r[2] = r[1]; if (s >= r[1] && s <= r[2]) print } }')
master_id=$(awk '{print $1}' <<<"$master_line")
master_port=$(awk '{split($2, a, "[:@]"); print a[2]}' <<<"$master_line")
replica_port=$(redis-cli -p "$cluster_port" cluster nodes | awk -v m="$master_id" '$4 == m {split($2, a, "[:@]"); print a[2]}')
echo "site $site: slot $slot on master :$master_port (replica :$replica_port)"

export ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Redis="$seeds${options:+,$options}"
export RateLimits__PostsPerMinute=1000000 RateLimits__ReadsPerMinute=1000000 Sites__open__FloodIntervalSeconds=0
for t in Spam SpamHold Toxicity ToxicityHold; do export Sites__open__Thresholds__$t=1.01; done
bases=()
for n in 0 1; do
  base="http://127.0.0.1:$((api_port + n))"
  bases+=("$base")
  ASPNETCORE_URLS=$base Storage__DataDir="$work/data$n" dotnet "$dll" >>"$work/api$n.log" 2>&1 &
  api_pids+=($!)
done
for n in 0 1; do
  until curl -sf "${bases[$n]}/health/ready" >/dev/null; do
    kill -0 "${api_pids[$n]}" 2>/dev/null || { echo "node $n did not start:"; tail -20 "$work/api$n.log"; exit 1; }
    sleep 0.1
  done
done

# A writer alternates between the nodes and appends one line per answer:
# "start end code retry-after id token text" (id/token only for 201).
writer() {
  local w=$1 i=0
  while :; do
    i=$((i + 1))
    local base=${bases[$((i % 2))]} text="w$w-$i-$RANDOM$RANDOM" start out code retry
    start=$(date +%s.%N)
    out=$(curl -s -m 30 -D - -H 'content-type: application/json' \
      -d "{\"text\":\"$text\",\"authorName\":\"Chaos\",\"authorEmail\":\"chaos@example.com\"}" \
      "$base/api/sites/$site/threads/failover/comments") || out="HTTP/1.1 000"
    code=$(head -1 <<<"$out" | awk '{print $2}')
    retry=$(grep -i '^retry-after:' <<<"$out" | awk '{print $2}' | tr -d '\r')
    if [ "$code" = 201 ]; then
      echo "$start $(date +%s.%N) 201 - - $(tail -1 <<<"$out" | jq -r .id) $(grep -i '^author-token:' <<<"$out" | awk '{print $2}' | tr -d '\r') $text"
    else
      echo "$start $(date +%s.%N) $code ${retry:--} $(tail -1 <<<"$out" | jq -r '.code // "-"' 2>/dev/null || echo -) - $text"; sleep 0.1
    fi >>"$work/answers.$w"
  done
}

for w in $(seq 1 "$writers"); do writer "$w" & writer_pids+=($!); done

sleep "$before"
t0=$(date +%s.%N)
if [ "$mode" = kill ]; then
  kill -9 "$(cat "$cluster_dir/$master_port/redis.pid")"
else
  redis-cli -p "$replica_port" cluster failover >/dev/null
fi
# The replica is master of the slot once it says so.
for _ in $(seq 1 1200); do redis-cli -p "$replica_port" role 2>/dev/null | head -1 | grep -q master && break; sleep 0.05; done
promoted=$(echo "$(date +%s.%N) - $t0" | bc)
sleep "$after"
kill "${writer_pids[@]}" 2>/dev/null; wait "${writer_pids[@]}" 2>/dev/null

all=$(cat "$work"/answers.*)
# Resumed: the first 201 to a request sent after the last 503 (or no answer) that followed the switch.
last_fail=$(awk -v t="$t0" '($3 == 503 || $3 == "000") && $2 >= t {print $2}' <<<"$all" | sort -n | tail -1)
if [ -n "$last_fail" ]; then
  resumed=$(awk -v t="$last_fail" '$3 == 201 && $1 >= t {print $2}' <<<"$all" | sort -n | head -1)
  resume_s=$(echo "$resumed - $t0" | bc)
else resume_s=0; fi
during=$(awk -v t="$t0" '$2 >= t && $3 != 201 {print $3 ($4 == "-" ? "" : "+Retry-After:" $4) ($5 == "-" ? "" : "(" $5 ")")}' <<<"$all" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')

# The whole thread, read through node 0 the way a reconnecting reader catches up (after=cursor).
: >"$work/stored"
cursor=0
while [ -n "$cursor" ] && [ "$cursor" != null ]; do
  page=$(curl -s -m 30 "${bases[0]}/api/sites/$site/threads/failover/comments?after=$cursor&limit=100")
  jq -r '.comments[] | .id + " " + .html' <<<"$page" >>"$work/stored"
  cursor=$(jq -r '.nextCursor // empty' <<<"$page")
done
# Every 201 must be there with its text; a refusal (409, 503) whose text is there was stored anyway.
acked=0 found=0 false201=0 refused_stored=0
while read -r start _ code _ pcode id _ text; do
  if [ "$code" = 201 ]; then
    acked=$((acked + 1))
    if grep -qF "$id <p>$text</p>" "$work/stored"; then found=$((found + 1))
    else false201=$((false201 + 1)); echo "not found: $id ($text)"; fi
  elif grep -qF "<p>$text</p>" "$work/stored"; then
    refused_stored=$((refused_stored + 1))
    echo "answered $code $pcode (sent at +$(echo "$start - $t0" | bc)s) yet stored: $text"
  fi
done <<<"$all"

printf '\nmode=%s writers=%d nodes=2 master=:%s replica=:%s promoted-after=%.2fs\n' "$mode" "$writers" "$master_port" "$replica_port" "$promoted"
printf 'acknowledged=%d found=%d false-201=%d refused-yet-stored=%d (stored in all: %d)\n' "$acked" "$found" "$false201" "$refused_stored" "$(wc -l <"$work/stored")"
printf 'answers after the switch other than 201: %s\n' "${during:-none}"
echo "answers by second after the $mode (by when they were answered):"
awk -v t="$t0" '{ b = int($2 - t); if ($2 < t) b = -1; c[b " " $3]++ } END { for (k in c) print k, c[k] }' <<<"$all" | sort -n |
  awk '{ if ($1 != last) { if (NR > 1) printf "\n"; printf "  %+3ds:", $1; last = $1 } printf " %s×%s", $2, $3 } END { printf "\n" }'
printf 'writes resumed by themselves %.2f s after the %s\n' "$resume_s" "$mode"
grep -hE "Unhandled|fail:" "$work"/api*.log | sort | uniq -c | sort -rn | head -5
[ "$false201" -eq 0 ]

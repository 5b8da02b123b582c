#!/usr/bin/env bash
# First POSTs after ready: starts the service on a fresh folder, waits until /health/ready answers 200
# (polled every 50 ms, as a load balancer would), then sends 8 concurrent POSTs of new comments at once
# and prints how long until the slowest of them was answered, and their statuses. Repeats --runs times.
#
#   bench/first-post.sh [--runs 3]        (COMMENTS_API_DLL picks the build to measure)
set -uo pipefail
cd "$(dirname "$0")/.."
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. bench/lib/service-dll.sh
api=""
trap 'kill -9 $api 2>/dev/null' EXIT
for r in $(seq 1 "$runs"); do
  work=$(mktemp -d /tmp/comments-first.XXXX)
  port=$((20000 + RANDOM % 20000))
  ASPNETCORE_URLS=http://127.0.0.1:$port ASPNETCORE_ENVIRONMENT=Production Storage__DataDir="$work/data" \
    Sites__open__FloodIntervalSeconds=0 dotnet "$dll" >"$work/api.log" 2>&1 &
  api=$!
  t0=$(date +%s.%N)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do
    kill -0 $api 2>/dev/null || { tail "$work/api.log"; exit 1; }
    sleep 0.05
  done
  ready=$(date +%s.%N)
  for w in $(seq 1 8); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'content-type: application/json' \
      -d "{\"text\":\"first post $r $w $RANDOM\",\"authorName\":\"Ann\",\"authorEmail\":\"ann$w@example.com\"}" \
      "http://127.0.0.1:$port/api/sites/open/threads/first-$r/comments" >"$work/post.$w" &
  done
  wait $(jobs -p | grep -v "^$api$")
  printf 'run %d: ready after %.1f s; 8 concurrent first POSTs: slowest %.3f s, statuses %s\n' "$r" \
    "$(echo "$ready - $t0" | bc)" "$(cat "$work"/post.* | awk '{ if ($2 > m) m = $2 } END { print m }')" \
    "$(cat "$work"/post.* | cut -d' ' -f1 | sort | uniq -c | tr -s ' ' | tr '\n' ',')"
  kill $api; wait $api 2>/dev/null
  rm -rf "$work"
done

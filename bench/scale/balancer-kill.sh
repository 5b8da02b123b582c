#!/usr/bin/env bash
# Three API nodes behind HAProxy (WebSockets, health check on /health/ready) on one redis-server.
# Readers follow one thread through the balancer (bench/scale/reader.mjs: WebSockets, and after a lost
# connection a reconnect through the balancer plus a catch-up with ?after=<cursor>); one writer posts
# through the balancer without pause; node 2 is SIGKILLed in the middle. Then every reader must have
# every acknowledged comment exactly once. Prints, per reader: comments learned, missing, duplicates,
# and the reconnect time of those that were on the killed node.
#
#   bench/scale/balancer-kill.sh [--readers 6] [--before 8] [--after 12] [--port 7440]
#
# Ports: redis PORT, nodes PORT+1..PORT+3, balancer PORT+10. Needs haproxy, node and `npm ci --prefix tests/js`.
# Uses the built service: COMMENTS_API_DLL (default src/Comments.Api/bin/Release/net10.0, else Debug).
set -uo pipefail
cd "$(dirname "$0")/../.."
readers=6 before=8 after=12 port=7440
while [ $# -gt 0 ]; do
  case "$1" in
    --readers) readers=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    --after) after=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. bench/lib/service-dll.sh
[ -d tests/js/node_modules/@microsoft/signalr ] || { echo "run npm ci --prefix tests/js first" >&2; exit 2; }

work=$(mktemp -d /tmp/comments-balancer.XXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null
  [ -f "$work/haproxy.pid" ] && kill "$(cat "$work/haproxy.pid")" 2>/dev/null
  sleep 0.5; rm -rf "$work"
}
trap cleanup EXIT

redis-server --bind 127.0.0.1 --port "$port" --dir "$work" --appendonly yes --appendfsync always --save "" \
  --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis.log"
until redis-cli -p "$port" ping 2>/dev/null | grep -q PONG; do sleep 0.05; done

export ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Redis="127.0.0.1:$port"
export RateLimits__PostsPerMinute=1000000 RateLimits__ReadsPerMinute=1000000 RateLimits__NegotiatesPerMinute=1000000
export Limits__MaxConnectionsPerAddress=100000 Sites__open__FloodIntervalSeconds=0
for t in Spam SpamHold Toxicity ToxicityHold; do export Sites__open__Thresholds__$t=1.01; done
node_pids=()
for n in 1 2 3; do
  ASPNETCORE_URLS="http://127.0.0.1:$((port + n))" Storage__DataDir="$work/data$n" dotnet "$dll" >>"$work/api$n.log" 2>&1 &
  node_pids+=($!); pids+=($!)
done
for n in 1 2 3; do
  until curl -sf "http://127.0.0.1:$((port + n))/health/ready" >/dev/null; do
    kill -0 "${node_pids[$((n - 1))]}" 2>/dev/null || { echo "node $n did not start:"; tail -20 "$work/api$n.log"; exit 1; }
    sleep 0.2
  done
done

balancer="http://127.0.0.1:$((port + 10))"
cat >"$work/haproxy.cfg" <<CFG
global
  pidfile $work/haproxy.pid
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  # A WebSocket, once upgraded, is a tunnel: keep it open as long as the reader stays.
  timeout tunnel 1h
  option forwardfor
  option redispatch
  retries 2
frontend readers
  bind 127.0.0.1:$((port + 10))
  default_backend api
backend api
  balance roundrobin
  option httpchk GET /health/ready
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
  server n1 127.0.0.1:$((port + 1)) check
  server n2 127.0.0.1:$((port + 2)) check
  server n3 127.0.0.1:$((port + 3)) check
CFG
haproxy -D -f "$work/haproxy.cfg" || exit 1
until curl -sf "$balancer/health/ready" >/dev/null; do sleep 0.1; done

thread="balancer-$RANDOM$RANDOM"
for r in $(seq 1 "$readers"); do
  node bench/scale/reader.mjs "$balancer" open "$thread" >"$work/reader.$r" 2>&1 &
  pids+=($!)
done
for r in $(seq 1 "$readers"); do until grep -q joined "$work/reader.$r"; do sleep 0.1; done; done
# Where the readers' WebSockets are: each node's established connections (from the balancer).
echo "connections per node before the kill: $(for n in 1 2 3; do printf 'n%d=%s ' "$n" "$(ss -tnH state established "( sport = :$((port + n)) )" | wc -l)"; done)"

writer() {
  while :; do
    out=$(curl -s -m 30 -H 'content-type: application/json' \
      -d "{\"text\":\"balancer $RANDOM$RANDOM\",\"authorName\":\"Ann\",\"authorEmail\":\"ann@example.com\"}" \
      -w '\n%{http_code}' "$balancer/api/sites/open/threads/$thread/comments")
    echo "$(date +%s.%N) $(tail -1 <<<"$out") $(head -1 <<<"$out" | jq -r '.id // "-"' 2>/dev/null)" >>"$work/posts"
  done
}
writer & writer_pid=$!; pids+=($writer_pid)
sleep "$before"
kill -9 "${node_pids[1]}"
sleep "$after"
kill "$writer_pid"; wait "$writer_pid" 2>/dev/null

awk '$2 == 201 {print $3}' "$work/posts" | sort >"$work/acked"
acked=$(wc -l <"$work/acked")
ids() { awk '$1 == "live" || $1 == "caught" {print $2}' "$1"; }
# Every reader must learn every acknowledged comment: wait for it (30 s at most), then count.
for _ in $(seq 1 300); do
  done_all=1
  for r in $(seq 1 "$readers"); do
    [ "$(ids "$work/reader.$r" | sort -u | comm -23 "$work/acked" - | wc -l)" -eq 0 ] || done_all=""
  done
  [ -n "$done_all" ] && break
  sleep 0.1
done

echo "posts through the balancer: $(awk '{print $2}' "$work/posts" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')"
echo "acknowledged (201): $acked; node 2 SIGKILLed $before s in, posts went on for $after s"
bad=0
for r in $(seq 1 "$readers"); do
  f="$work/reader.$r"
  learned=$(ids "$f" | sort -u | wc -l)
  dups=$(ids "$f" | sort | uniq -d | wc -l)
  missing=$(ids "$f" | sort -u | comm -23 "$work/acked" - | wc -l)
  live=$(grep -c '^live ' "$f"); caught=$(grep -c '^caught ' "$f"); skipped=$(grep -c '^skip ' "$f")
  reconnect=$(awk '$1 == "reconnected" {print $2 " ms"}' "$f" | paste -sd, -)
  printf 'reader %d: learned %d (live %d, caught up %d, live copies skipped %d), missing %d, duplicates %d%s\n' \
    "$r" "$learned" "$live" "$caught" "$skipped" "$missing" "$dups" "${reconnect:+, reconnected in $reconnect}"
  [ "$missing" -eq 0 ] && [ "$dups" -eq 0 ] || bad=1
done
[ "$bad" -eq 0 ]

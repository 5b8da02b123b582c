#!/bin/bash
# Imports the same generated WXR with two builds of comments-admin, back to back, into redis-server and into the
# embedded Garnet of a running service, and prints rows/s, CPU and peak RSS of each run (docs/performance.md, Import).
# Usage: bench/import/compare.sh BEFORE_DIR AFTER_DIR [REDIS=127.0.0.1:6379] [GARNET_PORT=16399] [HTTP_PORT=16380]
#   BEFORE_DIR/AFTER_DIR: copies of src/Comments.Admin/bin/Debug/net10.0 of the two commits;
#   the file: python3 bench/import/generate-wxr.py 100000 > /tmp/gen.wxr (or WXR=FILE).
set -e
before=$1 after=$2 redis=${3:-127.0.0.1:6379} gport=${4:-16399} hport=${5:-16380} wxr=${WXR:-/tmp/gen.wxr}
cd "$(dirname "$0")/../.."
data=$(mktemp -d)
Storage__EmbeddedPort=$gport Storage__DataDir=$data ASPNETCORE_URLS=http://127.0.0.1:$hport src/Comments.Api/bin/Debug/net10.0/Comments.Api > "$data.log" 2>&1 &
svc=$!
for _ in $(seq 1 120); do redis-cli -p "$gport" ping > /dev/null 2>&1 && break; sleep 1; done
run() { # label build site store
  echo "== $1 $(date -u +%T) load: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, maxrss %M KB" "$2/comments-admin" import wxr "$wxr" --site "$3" --redis "$4" 2>&1 > /dev/null | grep -E "^done|^wall"
  echo "   service RSS: $(ps -o rss= -p $svc) KB"
}
s=$(date +%s)
run before-redis "$before" "b$s-r" "$redis"
run after-redis "$after" "a$s-r" "$redis"
run before-garnet "$before" "b$s-g" "127.0.0.1:$gport"
run after-garnet "$after" "a$s-g" "127.0.0.1:$gport"
run after-garnet-again "$after" "a$s-g" "127.0.0.1:$gport"
kill $svc; wait $svc || true
rm -rf "$data" "$data.log"

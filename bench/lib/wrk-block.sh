# Sourced by the wrk bench scripts: block NAME "PIDS" URL [wrk args] runs a warm-up of $warmup s (not
# counted), then $seconds s measured with --latency, and prints one table row: req/s, p50 / p99 ms,
# server CPU µs per request (user + system ticks of PIDS and their children over the measured run),
# the 1-minute load average at its start, the methods the server's JIT compiled during the measured run,
# and the count of each status (when the wrk script prints it).
# Needs $threads $connections $warmup $seconds $work. Optional $settle (seconds, default 60): when the
# server has our /metrics (the service does; the echo and WordPress do not), the warm-up goes on in 5 s
# runs until the JIT compiled fewer than 100 methods in one of them, for at most $settle more seconds.
# Tiered compilation takes 20-45 s of load to finish on 2 cores (docs/performance.md), so a fixed 10 s
# warm-up measured a server that was still compiling itself.
cpu_ticks() {
  local total=0 p
  for p in $1 $(for q in $1; do pgrep -P "$q"; done); do
    [ -r "/proc/$p/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo "$total"
}

# jit_methods URL: the methods the server at URL's origin has JIT-compiled so far, or nothing without /metrics.
jit_methods() {
  curl -sf --max-time 5 "$(echo "$1" | sed -E 's#^(https?://[^/]+).*#\1#')/metrics" 2>/dev/null \
    | awk '/^dotnet_jit_compiled_methods_total/ { print int($NF) }'
}

block() {
  local name=$1 pids=$2 url=$3; shift 3
  wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 10s "$@" "$url" >/dev/null 2>&1
  local load before after jit0 jit1 j waited=0
  jit0=$(jit_methods "$url")
  while [ -n "$jit0" ] && [ "$waited" -lt "${settle:-60}" ]; do
    wrk -t"$threads" -c"$connections" -d5s --timeout 10s "$@" "$url" >/dev/null 2>&1
    waited=$((waited + 5))
    j=$(jit_methods "$url")
    [ $((j - jit0)) -lt 100 ] && { jit0=$j; break; }
    jit0=$j
  done
  load=$(cut -d' ' -f1 /proc/loadavg)
  before=$(cpu_ticks "$pids")
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency "$@" "$url" >"$work/out" 2>&1
  after=$(cpu_ticks "$pids")
  jit1=$(jit_methods "$url")
  local jit="–"
  [ -n "$jit0" ] && [ -n "$jit1" ] && jit="$((jit1 - jit0)) (warm-up +${waited} s)"
  awk -v name="$name" -v la="$load" -v jit="$jit" -v ticks=$((after - before)) -v tick="$(getconf CLK_TCK)" -v secs="$seconds" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF } /^status/ { st = st " " $2 $3 }
    END { cpu = rps > 0 ? ticks / tick * 1e6 / (rps * secs) : 0
          printf "| %s | %.0f | %.2f / %.2f | %.0f | %s | %s |%s%s\n", name, rps, p50, p99, cpu, la, jit,
                 bad ? " non-2xx/3xx " bad : "", st }' "$work/out"
}

# Sourced by the wrk bench scripts: block NAME "PIDS" URL [wrk args] runs a warm-up of $warmup s (not
# counted), then $seconds s measured with --latency, and prints one table row: req/s, p50 / p99 ms,
# server CPU µs per request (user + system ticks of PIDS and their children over the measured run),
# the 1-minute load average at its start, and the count of each status (when the wrk script prints it).
# Needs $threads $connections $warmup $seconds $work.
cpu_ticks() {
  local total=0 p
  for p in $1 $(for q in $1; do pgrep -P "$q"; done); do
    [ -r "/proc/$p/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo "$total"
}

block() {
  local name=$1 pids=$2 url=$3; shift 3
  wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 10s "$@" "$url" >/dev/null 2>&1
  local load before after
  load=$(cut -d' ' -f1 /proc/loadavg)
  before=$(cpu_ticks "$pids")
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency "$@" "$url" >"$work/out" 2>&1
  after=$(cpu_ticks "$pids")
  awk -v name="$name" -v la="$load" -v ticks=$((after - before)) -v tick="$(getconf CLK_TCK)" -v secs="$seconds" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF } /^status/ { st = st " " $2 $3 }
    END { cpu = rps > 0 ? ticks / tick * 1e6 / (rps * secs) : 0
          printf "| %s | %.0f | %.2f / %.2f | %.0f | %s |%s%s\n", name, rps, p50, p99, cpu, la,
                 bad ? " non-2xx/3xx " bad : "", st }' "$work/out"
}

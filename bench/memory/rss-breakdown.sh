#!/usr/bin/env bash
# Where a running process's resident memory is: totals from /proc/PID/smaps_rollup, then RSS summed by
# mapping class (anonymous, JIT code in memfd:doublemapper, mapped .dll images, .so libraries, other files)
# and the largest single mappings. The GC's own split (heap by generation, POH fragmentation, committed)
# comes from dotnet-counters:
#   dotnet-counters collect -p PID --counters System.Runtime --format csv -o gc.csv --refresh-interval 2
#
#   bench/memory/rss-breakdown.sh PID [TOP]
set -euo pipefail
pid=$1 top=${2:-15}
grep -E "^(Rss|Pss|Pss_Anon|Pss_File|Pss_Shmem|Anonymous):" "/proc/$pid/smaps_rollup"
awk '
/^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6) ? $6 : "[anon]"; for (i = 7; i <= NF; i++) name = name " " $i
  c = "anonymous"; if (name ~ /\.so/) c = ".so libraries"; else if (name ~ /\.dll$/) c = ".dll images"
  else if (name ~ /doublemapper/) c = "JIT code and stubs (memfd:doublemapper)"; else if (name ~ /^\//) c = "other files"
  next }
/^Rss:/ { rss[c] += $2; byname[name] += $2 }
END {
  for (c in rss) printf "%8.1f MiB  %s\n", rss[c] / 1024, c | "sort -rn"
  close("sort -rn")
  print "largest mappings:"
  for (n in byname) printf "%8.1f MiB  %s\n", byname[n] / 1024, n | "sort -rn | head -'"$top"'"
}' "/proc/$pid/smaps"

#!/bin/sh
# measure_up.sh — time `fleet up` for N hosts and sum the memory of every
# process it started (PSS from /proc/PID/smaps_rollup, and RSS), plus the
# change in the system's used memory.  Usage: measure_up.sh [N] [fleet up options...]
# Not part of `make check`; the figures go into README.md.
set -u
N=${1:-100}; [ $# -gt 0 ] && shift
FLEET=$(cd "$(dirname "$0")" && pwd)/fleet
T=$(mktemp -d "${TMPDIR:-/tmp}/fleet-measure.XXXXXX")
trap '"$FLEET" down --dir "$T/f" >/dev/null 2>&1; rm -rf "$T"' EXIT
used() { awk '/^MemTotal:/{t=$2} /^MemAvailable:/{a=$2} END{print t-a}' /proc/meminfo; }
sync; before=$(used)
t0=$(date +%s.%N)
"$FLEET" up --dir "$T/f" --hosts "$N" --base-port auto "$@" || exit 1
t1=$(date +%s.%N)
sleep 2
after=$(used)
python3 - "$T/f" "$t0" "$t1" "$before" "$after" "$N" <<'PY'
import os, sys
d, t0, t1, before, after, n = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
pss = rss = count = 0
roots = [int(l.split()[0]) for l in open(os.path.join(d, "pids"))]
for p in roots:
    try:
        for l in open("/proc/%d/smaps_rollup" % p):
            if l.startswith("Pss:"):
                pss += int(l.split()[1])
            if l.startswith("Rss:"):
                rss += int(l.split()[1])
        count += 1
    except OSError:
        pass
print("N=%s  up %.2f s  processes %d  PSS %.0f MiB  RSS %.0f MiB  system used +%.0f MiB  (%d cores)" % (
    n, t1 - t0, count, pss / 1024, rss / 1024, (after - before) / 1024, os.cpu_count()))
PY

#!/bin/sh
# ingest_ssh.sh — B1 as DESIGN §5 words it: 2M log lines streamed over SSH
# from a fleet host (`cat big.log`) through LOGS' path (ssh_probe -g:
# ingest.c into a 64 MiB ring, the pcre2 JIT filter counting matches)
# against `ssh host cat big.log | grep --line-buffered -cE PATTERN`, the
# same file and pattern, in the same run. CPU is every process's: the
# machine's busy time from /proc/stat over each run (the fleet's sshd and
# cat included, for both), so run it on an otherwise quiet machine. Best
# of three each, connecting included for both. Run by `make bench`
# (bench-ingest-ssh); not part of make check.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
probe=${PROBE:-$top/tests/integration/ssh_probe}
gen=${GEN:-$top/bench/ingest_bench}
fleet=$top/tests/fleet/fleet
lines=${LINES:-2000000}
pattern='ERROR|status=5\d\d'
grep_pattern='ERROR|status=5[0-9][0-9]'
work=$(mktemp -d "${TMPDIR:-/tmp}/warroom-ingest-ssh.XXXXXX")
trap '"$fleet" down --dir "$work/fl" > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
for x in "$probe" "$gen"; do
	[ -x "$x" ] || { echo "build it first: make ${x#$top/}" >&2; exit 1; }
done
"$fleet" up --hosts 1 --dir "$work/fl" --base-port auto > /dev/null
conf=$work/fl/warroom.conf
port=$(awk '$1 == "port" { print $3; exit }' "$conf")
big=$work/fl/hosts/h1/big.log
"$gen" --write "$big" "$lines"
cat "$big" > /dev/null                   # in the page cache for both

ms() { date +%s%3N; }
# Busy jiffies of the whole machine (user + nice + system + irq + softirq).
busy() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
hz=$(getconf CLK_TCK)
sshargs() {
	echo -F /dev/null -i "$work/fl/client_key" -o "UserKnownHostsFile=$work/fl/known_hosts" \
		-o StrictHostKeyChecking=yes -o BatchMode=yes -o LogLevel=ERROR -l "$(id -un)" \
		-p "$port" 127.0.0.1
}

best_o=999999 best_ocpu=0 best_g=999999 best_gcpu=0 om= gm=
for run in 1 2 3; do
	b0=$(busy); t0=$(ms)
	line=$(HOME=$work "$probe" -c "$conf" -q -r 1 -t 300 -x "cat '$big'" -g "$pattern" |
		grep '^timing')
	t=$(( $(ms) - t0 )); cpu=$(( $(busy) - b0 ))
	om=$(echo "$line" | sed 's/.* matched=\([0-9]*\).*/\1/')
	ol=$(echo "$line" | sed 's/.* lines=\([0-9]*\).*/\1/')
	[ "$t" -lt "$best_o" ] && { best_o=$t; best_ocpu=$cpu; }
	b0=$(busy); t0=$(ms)
	gm=$(ssh $(sshargs) "cat '$big'" | grep --line-buffered -cE "$grep_pattern")
	t=$(( $(ms) - t0 )); cpu=$(( $(busy) - b0 ))
	[ "$t" -lt "$best_g" ] && { best_g=$t; best_gcpu=$cpu; }
done
awk -v n="$lines" -v ol="$ol" -v om="$om" -v gm="$gm" -v o="$best_o" -v oc="$best_ocpu" \
    -v g="$best_g" -v gc="$best_gcpu" -v hz="$hz" 'BEGIN {
	ocs = oc / hz; gcs = gc / hz; r = (n / o) / (n / g); rc = ocs / gcs
	printf "B1 over SSH: %d lines from one fleet host, pattern ERROR|status=5\\d\\d (best of 3)\n", n
	printf "  warroom (LOGS path)     %6d ms  %10.0f lines/s  %5.2f s CPU, all processes  %d lines, %d matches\n", o, n * 1000 / o, ocs, ol, om
	printf "  ssh | grep -cE          %6d ms  %10.0f lines/s  %5.2f s CPU, all processes  %d matches\n", g, n * 1000 / g, gcs, gm
	printf "  ours vs the pipe: %.2fx its lines/s (goal >= 1.2), %.2fx its CPU (goal <= 0.7)\n", r, rc
	if (om != gm || ol != n)
		printf "  WARNING: counts differ (lines %d of %d, matches %d vs %d)\n", ol, n, om, gm
	printf "RESULT B1-ssh %.0flines/s,cpu=%.2fs pipe=%.0flines/s,cpu=%.2fs %.2f,cpu%.2f >=1.2x,<=0.7xcpu %s\n",
	    n * 1000 / o, ocs, n * 1000 / g, gcs, r, rc, (r >= 1.2 && rc <= 0.7) ? "pass" : "fail"
}'

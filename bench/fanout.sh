#!/bin/sh
# fanout.sh — B2 (DESIGN §5): wall time to collect the image tags
# (docker compose ps --format json) and /healthz from N = 1, 10, 100 fleet
# hosts with warroom's SSH engine, cold (connecting first) and warm
# (sessions already up), against OpenSSH measured in the same run:
# `xargs -P16 ssh …` and an `ssh … & wait` loop. One table with ratios.
# Run by `make bench`; not part of make check.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
probe=${PROBE:-$top/tests/integration/ssh_probe}
fleet=$top/tests/fleet/fleet
work=$(mktemp -d "${TMPDIR:-/tmp}/warroom-fanout.XXXXXX")
trap '"$fleet" down --dir "$work/fl" > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
[ -x "$probe" ] || { echo "build it first: make tests/integration/ssh_probe" >&2; exit 1; }

ms() { date +%s%3N; }
# The children's user+system CPU in ms from the shell's `times` output.
child_cpu_ms() {
	awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); sub("s", "", a[2]);
		t += a[1] * 60 + a[2] } printf "%d", t * 1000 }'
}
# The same remote work for every contender: the tags, then the health.
cmd='cd "$FLEET_HOST_DIR/app" && docker compose ps --format json > /dev/null && curl -s "http://127.0.0.1:$(sed -n "s/.*\"http_port\": \([0-9]*\).*/\1/p" "$FLEET_HOST_DIR/host.json")/healthz" > /dev/null'

printf '%-4s %8s %8s %9s %9s %9s %10s %12s %12s %12s %11s\n' N cold_ms warm_ms xargs_ms bgwait_ms cold/peer \
	warm_goal warm_true_ms warm_cpu_ms cold_cpu_ms ssh_cpu_ms
cold1=
for n in 1 10 100; do
	"$fleet" down --dir "$work/fl" > /dev/null 2>&1 || true
	rm -rf "$work/fl"
	"$fleet" up --hosts "$n" --dir "$work/fl" --base-port auto --hosts-per-service 10 > /dev/null
	conf=$work/fl/warroom.conf
	awk '$1 == "port" { print $3 }' "$conf" > "$work/ports"
	# -p: each host's command starts as its session comes up, as the
	# console's first poll does (ssh's contenders pipeline the same way).
	line=$(HOME=$work "$probe" -c "$conf" -q -p -r 2 -t 60 -x "$cmd" | grep '^timing')
	# The engine alone: the same fan-out of a command that does nothing.
	eng=$(HOME=$work "$probe" -c "$conf" -q -r 2 -t 60 -x true | grep '^timing' |
		sed 's/.* round_ms=\([0-9]*\).*/\1/')
	r2=$(echo "$line" | sed 's/.* round_ms=\([0-9]*\).*/\1/')
	# warroom's own CPU for the warm round: what a fleet on its own
	# machines would leave of warm_ms, less the network's round trip.
	wcpu=$(echo "$line" | sed 's/.* warm_cpu_ms=\([0-9.]*\).*/\1/')
	cold=$(echo "$line" | sed 's/.* cold_ms=\([0-9]*\).*/\1/')
	[ -n "$cold1" ] || cold1=$cold
	set -- -F /dev/null -i "$work/fl/client_key" -o "UserKnownHostsFile=$work/fl/known_hosts" \
		-o StrictHostKeyChecking=yes -o BatchMode=yes -o LogLevel=ERROR -l "$(id -un)"
	# Each contender in a subshell whose `times` gives its children's
	# CPU: every ssh client's, beside warroom's cold_cpu_ms.
	t0=$(ms)
	xcpu=$( (xargs -P16 -I{} ssh "$@" -p {} 127.0.0.1 "$cmd" < "$work/ports"; times) | child_cpu_ms)
	xa=$(( $(ms) - t0 ))
	t0=$(ms)
	bcpu=$( (while read -r p; do ssh "$@" -p "$p" 127.0.0.1 "$cmd" & done < "$work/ports"
		wait; times) | child_cpu_ms)
	bg=$(( $(ms) - t0 ))
	best=$xa bestcpu=$xcpu
	[ "$bg" -lt "$best" ] && best=$bg bestcpu=$bcpu
	ccpu=$(echo "$line" | sed 's/.* cold_cpu_ms=\([0-9]*\).*/\1/')
	printf '%-4s %8s %8s %9s %9s %9s %10s %12s %12s %12s %11s\n' "$n" "$cold" "$r2" "$xa" "$bg" \
		"$(awk -v a="$cold" -v b="$best" 'BEGIN { printf "%.2f", a / b }')" \
		"$([ "$n" -lt 100 ] && echo - || { [ "$r2" -le 50 ] && echo pass || echo miss; })" \
		"$eng" "$wcpu" "$ccpu" "$bestcpu"
	awk -v n="$n" -v a="$cold" -v b="$best" -v c="$ccpu" -v d="$bestcpu" 'BEGIN { r = a / b
		printf "RESULT B2-cold-N=%d %dms,cpu=%dms best_ssh=%dms,cpu=%dms %.2f,cpu=%.2f <=0.5x %s\n",
		    n, a, c, b, d, r, (d > 0 ? c / d : 0), r <= 0.5 ? "pass" : "fail" }' >> "$work/results"
	[ "$n" -lt 100 ] || echo "RESULT B2-warm-N=100 ${r2}ms engine_alone=${eng}ms,our_cpu=${wcpu}ms - <=50ms $([ "$r2" -le 50 ] && echo pass || echo fail)" >> "$work/results"
done
echo "cold N=100 / cold N=1: $(awk -v a="$cold" -v b="$cold1" 'BEGIN { printf "%.2f", a / b }')"
awk -v a="$cold" -v b="$cold1" 'BEGIN { r = a / b
	printf "RESULT B2-cold-100/1 %dms N=1:%dms %.2f <=1.5x %s\n", a, b, r, r <= 1.5 ? "pass" : "fail" }' >> "$work/results"
cat "$work/results"
echo "goals: cold <= 0.5x the best peer; warm N=100 <= 50 ms; cold N=100 within 1.5x of N=1"
echo "(every fleet host runs on this machine: warm_ms includes N remote docker/curl runs"
echo " sharing its cores; warm_true_ms is the same fan-out of 'true', the engine's own cost;"
echo " warm_cpu_ms is warroom's own CPU for one warm round of the real command;"
echo " cold_cpu_ms is warroom's CPU from its start to the last cold answer, ssh_cpu_ms"
echo " that of every ssh client of the faster peer)"

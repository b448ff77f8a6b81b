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
# The same remote work for every contender: the tags, then the health.
cmd='cd "$FLEET_HOST_DIR/app" && docker compose ps --format json > /dev/null && curl -s "http://127.0.0.1:$(sed -n "s/.*\"http_port\": \([0-9]*\).*/\1/p" "$FLEET_HOST_DIR/host.json")/healthz" > /dev/null'

printf '%-4s %8s %8s %9s %9s %9s %10s %12s %12s\n' N cold_ms warm_ms xargs_ms bgwait_ms cold/peer warm_goal warm_true_ms warm_cpu_ms
cold1=
for n in 1 10 100; do
	"$fleet" down --dir "$work/fl" > /dev/null 2>&1 || true
	rm -rf "$work/fl"
	"$fleet" up --hosts "$n" --dir "$work/fl" --base-port auto --hosts-per-service 10 > /dev/null
	conf=$work/fl/warroom.conf
	awk '$1 == "port" { print $3 }' "$conf" > "$work/ports"
	line=$(HOME=$work "$probe" -c "$conf" -q -r 2 -t 60 -x "$cmd" | grep '^timing')
	# The engine alone: the same fan-out of a command that does nothing.
	eng=$(HOME=$work "$probe" -c "$conf" -q -r 2 -t 60 -x true | grep '^timing' |
		sed 's/.* round_ms=\([0-9]*\).*/\1/')
	connect=$(echo "$line" | sed 's/.*connect_ms=\([0-9]*\).*/\1/')
	r1=$(echo "$line" | sed 's/.*connect_ms=[0-9]* round_ms=\([0-9]*\).*/\1/')
	r2=$(echo "$line" | sed 's/.* round_ms=\([0-9]*\).*/\1/')
	# warroom's own CPU for the warm round: what a fleet on its own
	# machines would leave of warm_ms, less the network's round trip.
	wcpu=$(echo "$line" | sed 's/.* warm_cpu_ms=\([0-9.]*\).*/\1/')
	cold=$((connect + r1))
	[ -n "$cold1" ] || cold1=$cold
	set -- -F /dev/null -i "$work/fl/client_key" -o "UserKnownHostsFile=$work/fl/known_hosts" \
		-o StrictHostKeyChecking=yes -o BatchMode=yes -o LogLevel=ERROR -l "$(id -un)"
	t0=$(ms)
	xargs -P16 -I{} ssh "$@" -p {} 127.0.0.1 "$cmd" < "$work/ports"
	xa=$(( $(ms) - t0 ))
	t0=$(ms)
	while read -r p; do ssh "$@" -p "$p" 127.0.0.1 "$cmd" & done < "$work/ports"
	wait
	bg=$(( $(ms) - t0 ))
	best=$xa
	[ "$bg" -lt "$best" ] && best=$bg
	printf '%-4s %8s %8s %9s %9s %9s %10s %12s %12s\n' "$n" "$cold" "$r2" "$xa" "$bg" \
		"$(awk -v a="$cold" -v b="$best" 'BEGIN { printf "%.2f", a / b }')" \
		"$([ "$n" -lt 100 ] && echo - || { [ "$r2" -le 50 ] && echo pass || echo miss; })" "$eng" "$wcpu"
	awk -v n="$n" -v a="$cold" -v b="$best" 'BEGIN { r = a / b
		printf "RESULT B2-cold-N=%d %dms best_ssh=%dms %.2f <=0.5x %s\n", n, a, b, r, r <= 0.5 ? "pass" : "fail" }' >> "$work/results"
	[ "$n" -lt 100 ] || echo "RESULT B2-warm-N=100 ${r2}ms engine_alone=${eng}ms,our_cpu=${wcpu}ms - <=50ms $([ "$r2" -le 50 ] && echo pass || echo fail)" >> "$work/results"
done
echo "cold N=100 / cold N=1: $(awk -v a="$cold" -v b="$cold1" 'BEGIN { printf "%.2f", a / b }')"
awk -v a="$cold" -v b="$cold1" 'BEGIN { r = a / b
	printf "RESULT B2-cold-100/1 %dms N=1:%dms %.2f <=1.5x %s\n", a, b, r, r <= 1.5 ? "pass" : "fail" }' >> "$work/results"
cat "$work/results"
echo "goals: cold <= 0.5x the best peer; warm N=100 <= 50 ms; cold N=100 within 1.5x of N=1"
echo "(every fleet host runs on this machine: warm_ms includes N remote docker/curl runs"
echo " sharing its cores; warm_true_ms is the same fan-out of 'true', the engine's own cost;"
echo " warm_cpu_ms is warroom's own CPU for one warm round of the real command)"

#!/bin/sh
# test_fleet_scale.sh — 20 hosts: up (every host checked over SSH) without
# hanging, every host answers a shim command and its service, down leaves
# nothing. How fast is measured by tests/fleet/measure_up.sh, not here: the
# bound below only catches a hang (it took 16 s on two cores shared with
# other test runs, 5 s alone). The N=100 figures are in README.md.
for c in "$(dirname "$0")" "${srcdir:-.}" "${srcdir:-.}/tests/fleet"; do [ -f "$c/common.sh" ] && break; done
. "$c/common.sh"

t0=$(date +%s)
out=$(fleet up --dir "$D" --hosts 20 --driver mixed --ps-shape mixed --base-port auto --verify all) || fail "up: $out"
el=$(( $(date +%s) - t0 ))
[ "$el" -le 60 ] || fail "20 hosts took ${el}s to come up"
ok "$out"

i=1
while [ $i -le 20 ]; do
	case $(( (i - 1) % 3 )) in
	0) cmd="cd $D/hosts/h$i/app && docker compose ps --format json" ;;
	1) cmd="kubectl get deploy api -n prod -o json" ;;
	2) cmd="helm history api -n prod -o json" ;;
	esac
	fssh "h$i" "$cmd" > "$T/out.$i" 2>&1 &
	curl -s -o "$T/ver.$i" "$(url "h$i")/version" &
	i=$((i + 1))
done
wait
i=1
while [ $i -le 20 ]; do
	grep -q '1\.4\.1' "$T/out.$i" || fail "h$i: $(head -c 300 "$T/out.$i")"
	[ "$(py "d['version']" < "$T/ver.$i")" = v1.4.1 ] || fail "h$i /version: $(cat "$T/ver.$i")"
	i=$((i + 1))
done
ok "all 20 hosts answer over SSH (compose/kubectl/helm) and HTTP"
check "--ps-shape mixed: h4 prints a JSON array" eq "$(head -c 1 "$T/out.4")" "["
check "h1 prints one object per line" eq "$(head -c 2 "$T/out.1")" '{"'

fleet down --dir "$D" >/dev/null || fail "down"
check "down: no process or port left" no_leftovers
exit 0

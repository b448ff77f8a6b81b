#!/bin/sh
# test_deploy_outside.sh — a release deployed behind the console's back
# is named as such, with when it went live: on a Compose host (h1) and a
# Kubernetes host (h2) running v1.4.1, a CI job (fleet set-tag) deploys
# v1.5.1-bad. Each health.change carries the deploy's time (compose ps's
# container creation, its first ReplicaSet's creation) and "outside"; TIMELINE and
# the post-mortem's timeline say "v1.5.1-bad deployed outside this console
# at … (per …)".
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --driver mixed
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 45 "$WARROOM -c $tmp/c.conf --incident outside"
# Each row's first reading journalled: what comes after is a change.
journalled() {
	i=0
	until [ "$(cat "$fl"/timeline/outside-*.jsonl 2> /dev/null | grep -c "$1")" -ge "$2" ]; do
		i=$((i + 1)); [ "$i" -lt 300 ] || fail "not journalled: $1"; sleep 0.1
	done
}
journalled '"kind":"health.change","host":"h[12]","op":null,"data":{"service":"api","tag":"v1.4.1"' 2
# Each deploy's time is taken around its own set-tag: on a loaded machine
# one set-tag can take seconds.
before_h1=$(date -u +%s)
"$fleet" set-tag --dir "$fl" h1 api v1.5.1-bad > /dev/null || fail "set-tag h1"
after_h1=$(date -u +%s)
before_h2=$after_h1
"$fleet" set-tag --dir "$fl" h2 api v1.5.1-bad > /dev/null || fail "set-tag h2"
after_h2=$(date -u +%s)
journalled '"kind":"health.change".*"tag":"v1.5.1-bad".*"outside":true' 2
# A row written after what followed the deploy starts with its time (cut sooner).
wait_re "health.change h[12] (\\[[0-9:]* deployed\\] api: v1\\.5\\.1-bad|api: v1\\.5\\.1-bad deployed outside)"
keys q
wait_for "exit=0"
journal=$(ls "$fl"/timeline/outside-*.jsonl)
for h in h1:'compose ps: container created' h2:'kubectl rs: its first ReplicaSet created'; do
	line=$(grep "\"kind\":\"health.change\",\"host\":\"${h%%:*}\".*\"tag\":\"v1.5.1-bad\"" "$journal")
	echo "$line" | grep -q "\"deployed_from\":\"${h#*:}\"" ||
		fail "${h%%:*}'s record does not say where its deploy time came from: $line"
	# Within its set-tag's span, give or take a second (the fleet keeps
	# whole seconds).
	ms=$(echo "$line" | sed 's/.*"deployed_ms":\([0-9]*\).*/\1/')
	eval "b=\$before_${h%%:*} a=\$after_${h%%:*}"
	[ $((ms / 1000)) -ge $((b - 1)) ] && [ $((ms / 1000)) -le $((a + 1)) ] ||
		fail "${h%%:*}'s deploy time $ms is not its set-tag's ($b..$a)"
done
"$WARROOM" export "$(basename "$journal" .jsonl)" -c "$tmp/c.conf" > "$tmp/pm.md" < /dev/null ||
	fail "export md"
for h in h1:'compose ps: container created' h2:'kubectl rs: its first ReplicaSet created'; do
	grep -q "| ${h%%:*} | \(\[[0-9:]* deployed\] \)\{0,1\}api: v1.5.1-bad deployed outside this console at [-0-9]* [0-9:]* (per ${h#*:}); tag v1.4.1 -\\\\> v1.5.1-bad" "$tmp/pm.md" ||
		{ grep health.change "$tmp/pm.md"; fail "the post-mortem does not name ${h%%:*}'s deploy as made outside"; }
done
ok "deploys made outside the console are named with their time on Compose and Kubernetes hosts"

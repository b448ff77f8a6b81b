#!/bin/sh
# test_deploy_outside_pairs.sh — a deploy made outside the console never
# puts a state that did not exist into the journal: the tag (a driver read
# over SSH) and /readyz (an HTTP probe) arrive apart, and a health.change
# pairs them only when both were read of the same release. On a Compose,
# a Kubernetes and a Helm host running v1.4.1 (Helm's app version says
# 1.4.1), a CI job deploys
# v1.5.1-bad (its migration puts the schema ahead of v1.4.1), then
# v1.4.1 again: v1.5.1-bad's /readyz is current, v1.4.1's now says the
# schema is ahead. No record may say v1.5.1-bad with the schema ahead, nor
# v1.4.1 after v1.5.1-bad with it current.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 3 --driver mixed
# Tag reads every second, probes every five: each deploy's new tag is read
# well before the probes see it, and its record waits for them.
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 45 "$WARROOM -c $tmp/c.conf --incident pairs"
records() { cat "$fl"/timeline/pairs-*.jsonl 2> /dev/null | grep '"kind":"health.change".*"service":"api"'; }
journalled() {
	i=0
	until [ "$(records | grep -Ec "$1")" -ge "$2" ]; do
		i=$((i + 1)); [ "$i" -lt 300 ] || { records; fail "not journalled: $1"; }; sleep 0.1
	done
}
journalled '"data":\{"service":"api","tag":"v?1\.4\.1"' 3
for h in h1 h2 h3; do
	"$fleet" set-tag --dir "$fl" $h api v1.5.1-bad > /dev/null || fail "set-tag $h"
done
journalled '"tag":"v?1\.5\.1-bad"' 3
for h in h1 h2 h3; do
	"$fleet" set-tag --dir "$fl" $h api v1.4.1 > /dev/null || fail "set-tag $h back"
done
journalled '"tag":"v?1\.4\.1".*"schema":"ahead"' 3
keys q
wait_for "exit=0"
bad=$(records | grep -E '"tag":"v?1\.5\.1-bad"' | grep '"schema":"ahead"')
[ -z "$bad" ] || fail "v1.5.1-bad recorded with v1.4.1's /readyz: $bad"
bad=$(records | grep -E '"tag":"v?1\.4\.1".*"was_tag":"v?1\.5\.1-bad"' | grep -v '"schema":"ahead"')
[ -z "$bad" ] || fail "v1.4.1 recorded with v1.5.1-bad's /readyz: $bad"
# Each host: one record for each deploy, the tag and its own /readyz (a
# record without a tag, written when a tag read failed while /readyz had
# changed, pairs nothing and is not one of them).
for h in h1 h2 h3; do
	n=$(records | grep "\"host\":\"$h\".*\"was_tag\"" | grep -c '"data":{"service":"api","tag":')
	[ "$n" -eq 2 ] || { records | grep "\"host\":\"$h\""; fail "$h: $n changes recorded, not 2"; }
done
# The other way round: probes every second, tag reads every five, so the
# probes answer from v1.6.0-bad (its migration current) before the tag is
# read. No record may pair v1.4.1 (whose schema is ahead now) with it.
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 5s\nprobe_interval = 1s/' "$fl/warroom.conf" > "$tmp/c2.conf"
start 200 45 "$WARROOM -c $tmp/c2.conf --incident pairs2"
records() { cat "$fl"/timeline/pairs2-*.jsonl 2> /dev/null | grep '"kind":"health.change".*"service":"api"'; }
journalled '"data":\{"service":"api","tag":"v?1\.4\.1".*"schema":"ahead"' 3
for h in h1 h2 h3; do
	"$fleet" set-tag --dir "$fl" $h api v1.6.0-bad > /dev/null || fail "set-tag $h"
done
journalled '"tag":"v?1\.6\.0-bad"' 3
keys q
wait_for "exit=0"
bad=$(records | grep -E '"tag":"v?1\.4\.1"' | grep -v '"schema":"ahead"')
[ -z "$bad" ] || fail "v1.4.1 recorded with v1.6.0-bad's /readyz: $bad"
bad=$(records | grep -E '"tag":"v?1\.6\.0-bad"' | grep '"schema":"ahead"')
[ -z "$bad" ] || fail "v1.6.0-bad recorded with v1.4.1's /readyz: $bad"
ok "an outside deploy's records pair each tag with its own release's /readyz"

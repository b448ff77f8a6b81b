#!/bin/sh
# test_health_blip.sh — a health failure that lasts one probe round is
# journalled though it is gone before the next tag read: probes every
# second, tag reads every five; /readyz fails for about a second right
# after a tag read, then answers OK again. The journal says FAIL, then
# OK, each under the tag (unchanged) and at its own round's time.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 5s\nprobe_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 45 "$WARROOM -c $tmp/c.conf --incident blip"
records() { cat "$fl"/timeline/blip-*.jsonl 2> /dev/null | grep '"kind":"health.change".*"service":"api"'; }
journalled() {
	i=0
	until [ "$(records | grep -Ec "$1")" -ge "$2" ]; do
		i=$((i + 1)); [ "$i" -lt 200 ] || { records; fail "not journalled: $1"; }; sleep 0.1
	done
}
journalled '"first":true' 1
# Just after a tag read: the next one is five seconds away.
reads() { grep -c '"event":"end".*"cmd":"docker compose ps' "$fl/hosts/h1/commands.log"; }
n=$(reads); i=0
until [ "$(reads)" -gt "$n" ]; do
	i=$((i + 1)); [ "$i" -lt 100 ] || fail "no tag read"; sleep 0.1
done
"$fleet" fault --dir "$fl" h1 http-500 > /dev/null || fail "fault"
sleep 1.2
"$fleet" fault --dir "$fl" h1 clear http-500 > /dev/null || fail "clear"
journalled '"readyz":"OK".*"was_readyz":"FAIL"' 1
keys q
wait_for "exit=0"
blip=$(records | grep -v '"first":true')
# When the tag went live goes beside it, as in any record saying it.
live='("(deployed|recreated)_[a-z]+":("[^"]*"|[0-9]+),)*'
# Held for the next tag read, a change says when it was seen
# (observed_ms); one whose round a tag read followed at once is written
# then, at its own time, without it: either way under the tag.
echo "$blip" | head -1 | grep -Eq '"tag":"v?1\.4\.1",'"$live"'"healthz":"[A-Z]+","readyz":"FAIL"' ||
	{ echo "$blip"; fail "the failure is not the first change, under the tag, at its time"; }
echo "$blip" | tail -1 | grep -Eq '"tag":"v?1\.4\.1",'"$live"'"healthz":"OK","readyz":"OK"' ||
	{ echo "$blip"; fail "OK again is not the last change"; }
ok "a one-round /readyz failure gone before the tag read is journalled, then OK"

#!/bin/sh
# test_conn_unwatched.sh — a host lost, its console killed twice (two
# stretches no console ran), the next one started while it is still DOWN:
# the UP that console records carries unwatched_s, both stretches summed,
# and TIMELINE and the post-mortem's timeline say its length is at most,
# by as much as Reachability does.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.4.1
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s/' "$fl/warroom.conf" > "$tmp/c.conf"
fault() { "$fleet" fault --dir "$fl" h1 "$@" > /dev/null || fail "fleet fault $*"; }
# The console killed, 3 s with none, the next one opened: one stretch
# nobody watched.
relaunch() {
	pid=$(pgrep -f "src/warroom -c $tmp/c.conf" | head -n 1)
	[ -n "$pid" ] || fail "no console pid"
	kill -9 "$pid"
	wait_for "exit=137" 10
	sleep 3
	start 200 40 "$WARROOM -c $tmp/c.conf --incident net"
	wait_for "incident.resume" 15
}

start 200 40 "$WARROOM -c $tmp/c.conf --incident net"
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
journal=$(ls "$fl"/timeline/net-*.jsonl)
fault sshd-stop
wait_re "conn\\.change +h1 +DOWN: connection lost" 15
relaunch
relaunch
fault sshd-start
wait_re "conn\\.change +h1 +UP again after at most [0-9]+s DOWN \\(no console" 30
unw=$(grep '"kind":"conn.change".*"state":"UP"' "$journal" |
    sed -n 's/.*"unwatched_s":\([0-9]*\).*/\1/p')
[ -n "$unw" ] || fail "the UP record has no unwatched_s"
# Two stretches of 3 s or more: the last one alone is less.
[ "$unw" -ge 6 ] || fail "unwatched_s is $unw: one stretch counted, not both"
ok "an UP through two stretches no console ran is at most, with how much nobody watched"

keys q
wait_for "exit=0"
"$WARROOM" -c "$tmp/c.conf" export "$(basename "$journal" .jsonl)" --format md > "$tmp/pm.md" ||
    fail "export"
grep -q "| h1 | UP again after at most [0-9]*s DOWN (no console ran for ${unw}s of it) |" \
    "$tmp/pm.md" || fail "the post-mortem's timeline row has no upper bound"
grep -q "| h1 | .* at most: no console ran for ${unw}s of it" "$tmp/pm.md" ||
    fail "Reachability's bound is not TIMELINE's ${unw}s"
ok "the post-mortem's timeline and Reachability say the same"

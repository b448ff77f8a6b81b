#!/bin/sh
# test_conn_unwatched.sh — a host lost, its console killed twice (two
# stretches no console ran), the next one started while it is still DOWN:
# the UP that console records carries unwatched_s, both stretches summed,
# and TIMELINE and the post-mortem's timeline say its length is at most
# the whole and at least what a console saw DOWN, as Reachability does. Then a host lost while no console
# ran, found DOWN on opening, that console killed, UP again: its start is
# unseen too, so the length is a range ("at least …, at most …").
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.4.1
# Retries at most 2 s apart, so a return is never the range a longer
# retry wait gives (test_conn_journal checks that one).
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nreconnect_max_interval = 2s/' "$fl/warroom.conf" > "$tmp/c.conf"
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
wait_re "conn\\.change +h1 +UP again after at least [0-9]+s, at most [0-9]+s" 30
unw=$(grep '"kind":"conn.change".*"state":"UP"' "$journal" |
    sed -n 's/.*"unwatched_s":\([0-9]*\).*/\1/p')
[ -n "$unw" ] || fail "the UP record has no unwatched_s"
# Two stretches of 3 s or more: the last one alone is less.
[ "$unw" -ge 6 ] || fail "unwatched_s is $unw: one stretch counted, not both"
ok "an UP through two stretches no console ran is a range, with how much nobody watched"

keys q
wait_for "exit=0"
"$WARROOM" -c "$tmp/c.conf" export "$(basename "$journal" .jsonl)" --format md > "$tmp/pm.md" ||
    fail "export"
why="nothing recorded for ${unw}s of it: it may have been back in between"
grep -q "| h1 | UP again after at least [0-9]*s, at most [0-9]*s DOWN ($why) |" \
    "$tmp/pm.md" || fail "the post-mortem's timeline row has not both bounds"
grep -q "| h1 | .* | at least [0-9]*s, at most [0-9]*s ($why) |" "$tmp/pm.md" ||
    fail "Reachability's bound is not TIMELINE's ${unw}s"
ok "the post-mortem's timeline and Reachability say the same"

# Lost with no console running: the next one finds it DOWN on opening.
fault sshd-stop
sleep 2
start 200 40 "$WARROOM -c $tmp/c.conf --incident net"
# The pane cuts rows: the journal and the export (the same words) say the rest.
wait_re "conn\\.change +h1 +DOWN: " 20
grep '"kind":"conn.change".*"state":"DOWN"' "$journal" | tail -n 1 | grep -q '"not_before":' ||
    fail "the DOWN found on opening has no not_before"
relaunch
fault sshd-start
# The first UP says a range too: wait for the second one's record.
n=0
until [ "$(grep -c '"kind":"conn.change".*"state":"UP"' "$journal")" -ge 2 ]; do
	n=$((n + 1))
	[ $n -le 300 ] || fail "no second UP recorded"
	sleep 0.1
done
wait_re "conn\\.change +h1 +UP again after at least [0-9]+s, at most" 10
up=$(grep '"kind":"conn.change".*"state":"UP"' "$journal" | tail -n 1)
case $up in *'"start_unseen_s":'*'"unwatched_s":'*|*'"unwatched_s":'*'"start_unseen_s":'*) ;;
*) fail "the UP has not both start_unseen_s and unwatched_s: $up" ;; esac
ok "a host found DOWN on opening, with a stretch nobody watched inside, is a range"
keys q
wait_for "exit=0"
"$WARROOM" -c "$tmp/c.conf" export "$(basename "$journal" .jsonl)" --format md > "$tmp/pm.md" ||
    fail "export"
grep -q "| h1 | DOWN: .* (already DOWN when a console opened; it went down after " \
    "$tmp/pm.md" || fail "the DOWN row does not say it was found on opening"
range="at least [0-9]*s, at most [0-9m ]*s"
why="(already DOWN when a console opened; nothing recorded for"
grep -q "| h1 | UP again after $range DOWN $why" "$tmp/pm.md" || fail "the UP row gives no range"
grep -q "| h1 | between [0-9: -]* and [0-9: -]* | [0-9: -]* | $range $why" \
    "$tmp/pm.md" || fail "Reachability does not give the range TIMELINE does"
ok "Reachability gives that range too"

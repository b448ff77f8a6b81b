#!/bin/sh
# test_rollback_fleet_failed.sh — a chain stopped by a FAILED rollback
# keeps its summary in the footer until a key, as every other ending
# does: the host's outcome said again after it (on_action runs more than
# once for a finished action) goes after the summary, not over it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --tag v1.5.0-bad
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident fleet-failed"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
wait_re "h2 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys B
wait_for "type api and press Enter" 15
# h1's pull fails (the fault makes every mutating command exit 1).
"$fleet" fault --dir "$fl" h1 cmd-escapes > /dev/null
keys -l api; keys Enter
summary="fleet rollback of api to v1.4.1: h1 FAILED · h2 not started | h1: pull exited 1"
wait_for "$summary" 15
# Held: still there after a plain message's few seconds.
sleep 7
capture
assert_contains "$tmp/screen" "$summary"
journal=$(ls "$fl"/timeline/fleet-failed-*.jsonl)
grep '"kind":"chain.end"' "$journal" | grep -qF '"to":"v1.4.1"' ||
	fail "chain.end does not name the confirmed target"
# A key: the summary has been read, and goes (within a message's few
# seconds, as before a fixed 7 s wait).
keys Tab
wait_gone "$summary" 7
ok "a chain stopped by a FAILED rollback: its summary kept in the footer until a key, the target in chain.end"
quit_console

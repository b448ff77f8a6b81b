#!/bin/sh
# test_poll_watch.sh — the poller's watch: a host's driver commands loop on
# one channel (one remote `sh -c 'while …'` per host, not a session per
# poll), every round still reaches HOSTS; a round runs only when the
# console asks for it (none while it is stopped); a command that hangs in the loop
# is named on the row after two intervals and 10 s (for as long as it
# has really been silent, counting on), no second loop is
# started while it hangs, and a new one answers once it has ended; the
# loop ends when the console quits. The rest of the watch (a re-read
# that hangs, a killed console, no usable sh, a docker that hangs) is in
# test_poll_watch_hang.sh.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/faults/poll_watch_lib.sh"

polling_works 1
ok "one remote loop per host; each round reaches HOSTS"

# The loop runs a round only when the console asks for it: a console
# that falls behind (stopped here for 4 s, at 1 s polls) is never handed
# answers read while it was not looking, which it would take as newer
# than they are. One round may be under way as it stops.
con=$(pgrep -f "$WARROOM -c $tmp/c.conf") || fail "no console process"
kill -STOP $con
sleep 0.5
n0=$(polls)
sleep 4
n1=$(polls)
kill -CONT $con
[ $((n1 - n0)) -le 1 ] || fail "$((n1 - n0)) rounds ran on h1 while the console was stopped"
until_ok 4 "polls again after the console went on" polled_since "$n1" 2
ok "no round runs on the host without the console asking for it"

# The next docker command hangs: the row says so after 2 x 1 s + 10 s;
# the loop is closed, which sshd completes once the command ends, and a
# new watch answers then. No second session is opened meanwhile. The hang
# lasts until the words are checked (clear hang-next), 60 s at most.
"$fleet" fault --dir "$fl" h1 hang-next 60 > /dev/null
wait_for "h1/api: the polling command has not answered for" 25
[ "$(watches)" = 1 ] || fail "$(watches) watch loops while one hangs"
# The words follow the clock, not the moment they were first said.
said() { grep -oE "has not answered for [0-9]+ s" "$tmp/screen" | grep -oE "[0-9]+"; }
first=$(said)
i=0
until [ "$(said)" -ge $((first + 3)) ] 2> /dev/null; do
	[ $i -lt 50 ] || { cat "$tmp/screen"; fail "still 'for $first s' 5 s later"; }
	sleep 0.1; capture; i=$((i + 1))
done
"$fleet" fault --dir "$fl" h1 clear hang-next > /dev/null
"$fleet" set-tag --dir "$fl" h1 api v1.4.1 > /dev/null
wait_re "│> h1 +api +UP +v1\\.4\\.1" 26
capture
assert_not_contains "$tmp/screen" "has not answered"
ok "a command hanging in the loop is named, and a new watch answers"
keys q
wait_for "exit=0"
gone 5
ok "the console quits: its loop on the host ends"

#!/bin/sh
# test_rollback_fleet_80x24.sh — at 80x24 B's dialog opened over the
# footer's two-row "rolling back api … each confirmed: h1 first": its
# bottom border cut the first row (" rol└──…──┘d:"), the second said
# "h1 first", and the dialog's keys came only after a key. The dialog
# names the hosts to come itself; the footer shows its keys at once, and
# the dialog stays above whatever rows the footer takes.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 3 --tag v1.5.0-bad

start 80 24 "$WARROOM -c $fl/warroom.conf --incident fleet-small"
wait_re "h3 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys B
wait_for "CONFIRM ROLLBACK" 15
sleep 0.5
capture
tail -1 "$tmp/screen" | grep -q "Enter confirms once api is typed  Esc cancel" ||
	{ cat "$tmp/screen"; fail "the footer does not show the dialog's keys"; }
tail -1 "$tmp/screen" | grep -q "[└┘]" &&
	{ cat "$tmp/screen"; fail "the dialog's border is on the footer"; }
ok "B's dialog at 80x24 leaves the footer its keys"

#!/bin/sh
# test_rollback_fleet_down.sh — B with the cursor on a DOWN host
# journalled a refused fleet rollback at once ("h1 refused (h1 is not UP) ·
# h2 not started"), no dialog, the UP host on the bad tag never offered.
# The DOWN row gives the service and its last known tag and is left out
# like any other; with no UP host on that tag, B says so and journals
# nothing, naming every DOWN host (it named the first alone). Esc on the
# dialog journals no chain either (no chain.end without a chain.start).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --tag v1.5.0-bad
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident fleet-down"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
wait_re "h2 +api +UP +v1\\.5\\.0-bad" 15
"$fleet" fault --dir "$fl" h1 sshd-stop > /dev/null
wait_re "│> h1 +api +DOWN" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys B
wait_for "type api and press Enter" 15
grep -qE "h1 (DOWN|RESOLVING|CONNECTING), last seen on v1\\.5\\.0-bad [0-9]+s ago: not included" "$tmp/screen" ||
	{ cat "$tmp/screen"; fail "the dialog does not leave the DOWN h1 out by name"; }
assert_contains "$tmp/screen" "on h2"
journal=$(ls "$fl"/timeline/fleet-down-*.jsonl)
grep -q '"kind":"action.refused"' "$journal" && fail "B on a DOWN row journalled a refusal"
ok "B on a DOWN row: the dialog of the UP host on its last tag, the DOWN one left out"
keys Escape
wait_gone "type api and press Enter" 5
# Esc before the first host was confirmed: no chain started, none
# journalled (it wrote a chain.end with no chain.start).
sleep 1
grep -E '"kind":"chain\.(start|end)"' "$journal" &&
	fail "B put away before anything was confirmed journalled a chain record"
ok "Esc on B's first dialog: no chain record"
"$fleet" fault --dir "$fl" h2 sshd-stop > /dev/null
wait_re "h2 +api +DOWN" 15
# Only what follows counts.
before=$(wc -l < "$journal")
keys B
# Both DOWN hosts named (the second went unsaid), and the driver B
# looked at: a host of another one may still run the tag.
wait_re "no UP compose host runs api at v1\\.5\\.0-bad: no fleet rollback \\(h1 (DOWN|CONNECTING|RESOLVING), last seen on v1\\.5\\.0-bad [0-9]+s ago: not included; h2 (DOWN|CONNECTING|RESOLVING), last seen on v1\\.5\\.0-bad [0-9]+s ago: not included\\)" 5
sleep 1
tail -n +$((before + 1)) "$journal" | grep -E '"kind":"(action.refused|chain.start|chain.end)"' &&
	fail "B with no UP host on the bad tag journalled a fleet rollback"
ok "B with no UP host on the bad tag: every DOWN one named in the footer, nothing journalled"
"$fleet" fault --dir "$fl" h1 sshd-start > /dev/null
"$fleet" fault --dir "$fl" h2 sshd-start > /dev/null
quit_console

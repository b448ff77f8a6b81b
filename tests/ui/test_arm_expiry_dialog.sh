#!/bin/sh
# test_arm_expiry_dialog.sh — the arming runs out while a kill switch
# dialog opened armed waits, its name already typed: the dialog is closed
# with the disarm and the footer says nothing ran; Enter then confirms
# nothing and nothing mutating reaches the host. (arm_time = 20s: time
# enough to open the dialog on a loaded machine, under ASan too.)
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
sed 's/^\[warroom\]$/[warroom]\narm_time = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident expiry"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_for "ARMED for 20 s: changes to production are possible"
wait_re "ARMED 0?0:[012][0-9]"
keys X
wait_for "CONFIRM KILL SWITCH"
keys -l api
wait_for "disarmed: the arming time ran out; the confirmation open then was closed, nothing ran (A arms again)" 40
assert_not_contains "$tmp/screen" "CONFIRM KILL SWITCH"
keys Enter
sleep 1
! grep -q '"mutating":true' "$fl/hosts/h1/commands.log" 2> /dev/null ||
	fail "something mutating reached the host: $(grep '"mutating":true' "$fl/hosts/h1/commands.log")"
grep -q '^EXPORT_MODE=off$' "$fl/hosts/h1/app/.env" && fail "the kill switch ran"
journal=$(ls "$fl"/timeline/expiry-*.jsonl)
grep '"kind":"mode.change"' "$journal" | tail -1 | grep '"mode":"disarmed"' |
	grep -qF '"reason":"the arming time ran out"' ||
	fail "no disarm record: $(grep mode.change "$journal" | tail -1)"
ok "the arming ran out with the dialog open: closed, said, nothing sent"
quit_console

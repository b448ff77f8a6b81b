#!/bin/sh
# test_armed_handoff.sh — the armed console quits while others watch and
# write: its disarm is journalled before its shutdown (the arming history
# ends where the console did), and the others' footers say at that
# moment that nobody is armed, where their headers only lose ARMED.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
printf '[warroom]\ntimeline_dir = %s/tl\n' "$tmp" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident hand"

start 200 40 "$wr --as alice"
wait_for "incident.open hand"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
start_also b 200 40 "$wr --as bob"
start_also ro 200 40 "$wr --read-only"
session=ro
wait_re "ARMED: alice \([^ ]+@[^ ]+\) since"
session=b
wait_re "ARMED: alice \([^ ]+@[^ ]+\) since"
session=t
quit_console
j=$(ls "$tmp"/tl/hand-*.jsonl)
last2=$(grep '"actor":"alice (' "$j" | tail -2 | sed -n 's/.*"kind":"\([^"]*\)".*/\1/p' | tr '\n' ' ')
[ "$last2" = "mode.change shutdown " ] || fail "alice's last records are: $last2"
grep '"actor":"alice (' "$j" | tail -2 | head -1 | grep '"mode":"disarmed"' |
	grep -qF '"reason":"console closed: quit"' || fail "no disarm before alice's shutdown"
ok "an armed console that quits journals its disarm before its shutdown"
session=b
wait_footer_re "alice quit \(disarmed\): nobody is armed"
capture
head -1 "$tmp/screen" | grep -q "ARMED" && fail "bob's header still says ARMED"
session=ro
wait_footer_re "alice quit \(disarmed\): nobody is armed"
keys q
wait_for "exit=0"
session=b
keys q
wait_for "exit=0"
ok "the other consoles say at once that alice quit and nobody is armed"

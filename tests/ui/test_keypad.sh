#!/bin/sh
# test_keypad.sh — the numeric keypad under TERM=tmux-256color, whose
# terminfo has no kent: with the keypad in application mode its keys
# arrive as ESC O M, ESC O q… and once ran as Esc, O and a letter (keypad
# Enter closed the rollback dialog and M opened a migration downgrade
# asking for the same word; KP1 quit). Now keypad Enter in the dialog is
# Enter (without the typed word it only says so), KP1 focuses HOSTS and
# KP2 METRICS; nothing opens, nothing quits, nothing reaches the host.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
sock="fixkeys-$$"
rm_sock() { rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"; }
cleanup_hooks="$cleanup_hooks rm_sock"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
mutating() { grep -c '"mutating":true' "$log" 2> /dev/null || true; }

start 200 50 "$WARROOM -c $fl/warroom.conf --incident keypad"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "CONFIRM ROLLBACK"
keys KPEnter
wait_for "type api to confirm, or Esc to cancel"
assert_contains "$tmp/screen" "CONFIRM ROLLBACK"
assert_not_contains "$tmp/screen" "MIGRATION DOWNGRADE"
assert_not_contains "$tmp/screen" "is not bound"
ok "keypad Enter in the rollback dialog is Enter: no word typed, it stays; nothing else opens"

keys Escape
wait_for "CANCELLED"
keys 3
wait_re "─ ▶ LOGS "
keys KP1
wait_re "─ ▶ HOSTS "
keys KP2
wait_re "─ ▶ METRICS "
keys KP1
wait_re "─ ▶ HOSTS "
assert_not_contains "$tmp/screen" "exit="
assert_not_contains "$tmp/screen" "CONFIRM"
ok "KP1 and KP2 focus HOSTS and METRICS: nothing quits, no dialog opens"

quit_console
[ "$(mutating)" = 0 ] || fail "a keypad key reached the host: $(grep '"mutating":true' "$log")"
[ "$(grep -c '"kind":"shutdown"' "$fl"/timeline/keypad-*.jsonl)" = 1 ] &&
	tail -1 "$fl"/timeline/keypad-*.jsonl | grep -q '"kind":"shutdown".*"reason":"quit"' ||
	fail "the console did not end once, by q"
ok "commands.log has nothing mutating; the console ended once, by q"

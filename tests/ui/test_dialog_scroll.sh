#!/bin/sh
# test_dialog_scroll.sh — a plan taller than an 80x24 terminal scrolls:
# what else it changes (.env, jobs on the same tag) is in view at the top,
# the dialog says how much is out of view and which key shows it, PgDn
# brings the .env steps into view, PgUp goes back to the top, the typed
# confirmation and the question naming the change (api on h1: v1.5.0-bad
# -> v1.4.1) stay on screen throughout, and picking another target starts
# the plan from its top again, the question naming the new target. Keys
# typed while the plan is read wait for it (r then "jobs" and Enter in one
# burst: no cursor move, no re-sort, no tail, the dialog for api); the
# footer shows the dialog's own keys, not the main screen's; on a terminal
# too small to show it, the rest of the name and Enter confirm nothing,
# and growing back shows the dialog as it was; a paste is typed text whose
# newline never confirms; Ctrl-C cancels the dialog like Esc and the
# console stays.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
grep -q '^IMAGE_TAG=v1.5.0-bad$' "$fl/hosts/h1/app/.env" || fail "the fleet's .env does not name the bad tag"
log=$fl/hosts/h1/commands.log
mutating() { grep -c '"mutating":true' "$log" 2> /dev/null || true; }
wr="$WARROOM -c $fl/warroom.conf --incident scroll"
# no_marker ARROW — the dialog shows no "▲/▼ N more lines" marker (METRICS'
# border has a ▼ of its own when it hides rows).
no_marker() {
	! grep -qE "$1 [0-9]+ more lines?: Pg" "$tmp/screen" || { cat "$tmp/screen"; fail "a $1 marker in the dialog"; }
}
# confirm_line [TO] — the question, at 80 columns on two rows: the change
# on a row of its own, so the target is never cut.
confirm_line() {
	assert_contains "$tmp/screen" "type api and press Enter to roll back api on h1:"
	assert_contains "$tmp/screen" "  v1.5.0-bad -> ${1:-v1.4.1}"
	assert_contains "$tmp/screen" "[ Cancel ]"
}

start 80 24 "$wr"
wait_re "│>[ !]h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter; wait_re "ARMED 1[45]:[0-9][0-9]"
# One burst while the plan is read: none of it reaches the main screen
# (j would select jobs, o re-sort, Enter tail its logs) or the dialog.
keys r j o b s Enter
wait_for "CONFIRM ROLLBACK"
wait_for "type api and press Enter"
cp "$tmp/screen" "$tmp/top"
assert_contains "$tmp/screen" "host h1   service api"
assert_not_contains "$tmp/screen" "> jobs"
wait_re "▼ [0-9]+ more lines: PgDn"
confirm_line
no_marker ▲
assert_contains "$tmp/screen" "jobs also runs v1.5.0-bad"
assert_contains "$tmp/screen" ".env changes too: IMAGE_TAG=v1.5.0-bad -> v1.4.1"
ok "at 80x24 the dialog shows what else changes first, says what is out of view and which key shows it"

# The footer: the dialog's keys once its first message is read.
wait_for "Enter confirms once api is typed" 10
assert_contains "$tmp/screen" "Esc cancel"
assert_contains "$tmp/screen" "PgUp/PgDn scroll"
assert_not_contains "$tmp/screen" "q quit"
ok "the footer shows the dialog's keys, not the main screen's"

# Type part of the name first: scrolling keeps what was typed.
keys -l ap
keys PgDn
wait_re "▲ [0-9]+ more lines: PgUp"
keys PgDn
keys PgDn
wait_for "mv -f -- .env.warroom-rb-"
assert_contains "$tmp/screen" "then keep IMAGE_TAG=v1.4.1 in .env (it says v1.5.0-bad):"
no_marker ▼
assert_contains "$tmp/screen" "> ap"
confirm_line
ok "PgDn shows the .env steps; the confirmation line stays"

for i in 1 2 3 4 5; do keys PgUp; done
wait_for "host h1   service api"
no_marker ▲
grep -qE "▼ [0-9]+ more lines: PgDn" "$tmp/screen" || fail "no ▼ marker back at the top"
assert_contains "$tmp/screen" "> ap"
confirm_line
ok "PgUp goes back to the top"

# Too small to show the dialog: the rest of the name and Enter do
# nothing; growing back shows it as it was.
resize 60 20
wait_for "terminal too small: 60x20"
keys i Enter
sleep 1
[ "$(mutating)" = 0 ] || fail "a dialog nobody could see was confirmed"
resize 80 24
wait_for "CONFIRM ROLLBACK"
wait_for "host h1   service api"
assert_contains "$tmp/screen" "> ap"
assert_not_contains "$tmp/screen" "> api"
confirm_line
ok "too small: typing and Enter confirm nothing; the dialog comes back as it was"

# A paste is typed text: its newline is a space, never an Enter.
printf 'i\n' | tmx load-buffer -
tmx paste-buffer -p -t t
wait_for "> api "
sleep 0.5
[ "$(mutating)" = 0 ] || fail "a pasted newline confirmed the dialog"
assert_contains "$tmp/screen" "CONFIRM ROLLBACK"
ok "a paste into the dialog is text; its newline confirms nothing"

# Another target is another plan: read from its top.
keys PgDn
wait_re "▲ [0-9]+ more lines: PgUp"
keys Down
wait_for "> v1.4.0"
wait_for "host h1   service api"
no_marker ▲
confirm_line v1.4.0
ok "Down picks another target and shows its plan from the top, the question naming it"

# Ctrl-C cancels the dialog, as Esc would; the console stays.
keys C-c
i=0
while capture; grep -qF "CONFIRM ROLLBACK" "$tmp/screen"; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 100 ] || fail "C-c did not close the dialog"
done
wait_for "CANCELLED — cancelled; nothing" 10
assert_not_contains "$tmp/screen" "exit="
wait_re "│>[ !]h1 +api +UP"
assert_not_contains "$tmp/screen" "h1/jobs"
[ "$(mutating)" = 0 ] || fail "a cancelled dialog sent something"
ok "C-c cancels the dialog like Esc; the burst typed while planning moved and tailed nothing"
quit_console

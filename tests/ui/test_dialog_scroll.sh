#!/bin/sh
# test_dialog_scroll.sh — a plan taller than an 80x24 terminal scrolls:
# what else it changes (.env, jobs on the same tag) is in view at the top,
# the dialog says how much is out of view and which key shows it, PgDn
# brings the .env steps into view, PgUp goes back to the top, the typed
# confirmation stays on screen throughout, and picking another target
# starts the plan from its top again.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
grep -q '^IMAGE_TAG=v1.5.0-bad$' "$fl/hosts/h1/app/.env" || fail "the fleet's .env does not name the bad tag"
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
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter; wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "CONFIRM ROLLBACK"
wait_for "type api and press Enter"
cp "$tmp/screen" "$tmp/top"
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

# Another target is another plan: read from its top.
keys PgDn
wait_re "▲ [0-9]+ more lines: PgUp"
keys Down
wait_for "> v1.4.0"
wait_for "host h1   service api"
no_marker ▲
confirm_line v1.4.0
ok "Down picks another target and shows its plan from the top, the question naming it"

keys Escape
i=0
while capture; grep -qF "CONFIRM ROLLBACK" "$tmp/screen"; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 100 ] || fail "Esc did not close the dialog"
done
keys q
wait_for "exit=0"

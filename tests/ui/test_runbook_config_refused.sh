#!/bin/sh
# test_runbook_config_refused.sh — a step naming a host the config does
# not list is refused by Enter and x with the reason, each time, and none
# of those presses reaches the journal as an action.refused: nothing was
# confirmed, and the pane marks the step from the start. No fleet: the
# refusal comes before any host is asked.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
write_config
cat > "$tmp/rb.md" <<'MD'
# Roll back

1. Roll back api on api-1

   ```warroom
   rollback service=api host=api-9
   ```
MD
start 200 40 "$WARROOM -c $tmp/warroom.conf --incident cfgref -r $tmp/rb.md"
wait_for "rb.md"
keys 4 Down
wait_for "> [ ] ! Roll back api on api-1"
for i in 1 2 3; do
	keys Enter
	wait_for "x and Enter refuse this step: warroom.conf cannot do what it asks"
	keys Escape
	wait_gone "x and Enter refuse this step"
done
ok "Enter, three times, shows why the step is refused"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
for i in 1 2 3; do
	keys x
	wait_for "x refuses this step: line 6: rollback: the step names host api-9"
	grep -qF "CONFIRM" "$tmp/screen" && fail "x opened a dialog"
	keys Escape
	wait_gone "x refuses this step"
done
ok "x, three times, refuses it with the reason"
n=$(grep -c '"kind":"action.refused"' "$tmp"/timeline/*.jsonl)
[ "$n" = 0 ] || fail "$n action.refused records for presses nothing confirmed"
ok "no press reached the journal as a refusal"

#!/bin/sh
# test_settle_unknown.sh — a runbook command whose host vanishes mid-run
# ends UNKNOWN, and warroom has nothing it could re-read for it: the
# header says to check by hand and press U; U asks for ok or failed and
# what was seen, refuses half an answer, and records action.reconcile (by
# hand) — the badge goes, and the post-mortem shows the settled outcome
# with the evidence. Its window closed mid-command (a hang-up): the journal
# says hangup, not quit; the next console has the command UNKNOWN again
# (from the action.end unknown the hang-up left) and U settles it; a token
# typed as evidence shows redacted there, as the journal keeps it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.4.1
app=$fl/hosts/h1/app
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nkeepalive_interval = 2s/' \
	"$fl/warroom.conf" > "$tmp/c.conf"
cat > "$tmp/settle.md" <<'MD'
# Settle drill

1. Warm the cache

   ```bash
   touch started.txt; sleep 20; touch warmed.txt
   ```
MD
start 200 50 "$WARROOM -c $tmp/c.conf --incident settle-drill -r $tmp/settle.md"
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
keys U
wait_for "no UNKNOWN outcome to settle"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 ]
keys x
wait_for "CONFIRM RUNBOOK COMMAND"
keys -l h1; keys Enter
i=0
until [ -e "$app/started.txt" ]; do
	sleep 0.05; i=$((i + 1)); [ $i -lt 200 ] || fail "the command never started"
done
"$fleet" fault --dir "$fl" h1 sshd-stop > /dev/null
wait_for "UNKNOWN: check by hand, then U" 30
"$fleet" fault --dir "$fl" h1 sshd-start > /dev/null
wait_re "h1 +api +UP +v1\\.4\\.1" 30
sleep 3
capture
assert_contains "$tmp/screen" "UNKNOWN: check by hand, then U"
ok "host lost mid-command: UNKNOWN, and the header says only a person can settle it"

keys U
wait_for "UNKNOWN runbook command of api on h1: ok or failed, and what you saw:"
keys -l "yes"; keys Enter
wait_for "type ok or failed, then what you saw"
keys C-u
keys -l "failed warmed.txt missing on h1"; keys Enter
wait_for "runbook command of api on h1 settled by hand: FAILED, warmed.txt missing on h1"
capture
assert_not_contains "$tmp/screen" "UNKNOWN: check by hand"
journal=$(ls "$fl"/timeline/settle-drill-*.jsonl)
grep -q '"kind":"action.reconcile".*"by":"hand","outcome":"failed","detail":"warmed.txt missing on h1"' \
	"$journal" || fail "no action.reconcile by hand: $(grep reconcile "$journal")"
keys U
wait_for "no UNKNOWN outcome to settle"
ok "U: half an answer asked again; the answer recorded, the badge gone"

quit_console
"$WARROOM" export "$(basename "$journal" .jsonl)" -c "$tmp/c.conf" -o "$tmp/pm.md" ||
	fail "export failed"
grep -qE "\| failed \(settled by hand by [^ |]+\) \| warmed.txt missing on h1 \|" "$tmp/pm.md" ||
	fail "the post-mortem: $(grep -A3 '## Actions' "$tmp/pm.md")"
# "failed" is the engineer's word, not "it did not take effect".
grep -qE "\| action.reconcile \| h1 \| runbook command — settled by hand by [^ |]+: FAILED — warmed.txt missing on h1 \|" \
	"$tmp/pm.md" || fail "the reconcile's row: $(grep '| action.reconcile |' "$tmp/pm.md")"
grep -q "did not take effect" "$journal" "$tmp/pm.md" && fail "failed by hand said as no effect"
# The step x ran is not listed as forgotten, though nobody ticked it.
grep -q "Warm the cache (not ticked; x ran it at .*: failed)" "$tmp/pm.md" ||
	fail "follow-ups: $(grep -A4 '### Follow-ups' "$tmp/pm.md")"
ok "the post-mortem shows the settled outcome with what was seen, and that x ran the step"

# Settled stays settled: a resumed incident has nothing UNKNOWN left.
start 200 50 "$WARROOM -c $tmp/c.conf --incident settle-drill -r $tmp/settle.md"
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
sleep 1
capture
assert_not_contains "$tmp/screen" "UNKNOWN: "
ok "resumed: the settled outcome is not UNKNOWN again"

rm -f "$app/started.txt"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 ]
keys x
wait_for "CONFIRM RUNBOOK COMMAND"
keys -l h1; keys Enter
i=0
until [ -e "$app/started.txt" ]; do
	sleep 0.05; i=$((i + 1)); [ $i -lt 200 ] || fail "the second command never started"
done
tmx kill-pane -t t
i=0
until tail -1 "$journal" | grep -q '"kind":"shutdown"'; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 100 ] || fail "no shutdown record after the pane closed"
done
tail -1 "$journal" | grep -q '"reason":"hangup"' || fail "closed pane: $(tail -1 "$journal")"
grep '"kind":"action.end"' "$journal" | tail -1 | grep -q '"outcome":"unknown"' ||
	fail "the cut-off command's end: $(grep '"kind":"action.end"' "$journal" | tail -1)"
start 200 50 "$WARROOM -c $tmp/c.conf --incident settle-drill -r $tmp/settle.md"
wait_for "UNKNOWN: check by hand, then U" 15
wait_for "ended UNKNOWN in an earlier session" 5
# The resume names it as TIMELINE shows it: what it was, not its op id.
grep '"kind":"incident.resume"' "$journal" | tail -1 |
	grep -q '"unknown_names":\["the runbook command on h1 at [0-9][0-9]:[0-9][0-9]"\]' ||
	fail "the resume does not name the UNKNOWN command: $(grep '"kind":"incident.resume"' "$journal" | tail -1)"
keys U
wait_for "UNKNOWN runbook command of api on h1: ok or failed, and what you saw:"
# A token pasted as evidence is shown as the journal keeps it: redacted.
keys -l "ok started.txt there, cache warm, token ghp_SETTLEabcdefghijklmnopqrstuvwxyz0123"
keys Enter
i=0
until [ "$(grep -c '"kind":"action.reconcile".*"by":"hand"' "$journal")" = 2 ]; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 50 ] || fail "the second command was not settled"
done
wait_for "settled by hand: OK, started.txt there, cache warm, token ghp_[REDACTED]"
assert_not_contains "$tmp/screen" "SETTLEabc"
keys 1 z
wait_for "settled by hand: ok, started.txt there, cache warm, token ghp_[REDACTED]"
assert_not_contains "$tmp/screen" "SETTLEabc"
keys z
grep -q "SETTLEabc" "$journal" && fail "the token reached the journal"
ok "a token typed while settling shows redacted in the footer and the zoomed HOSTS line"
quit_console
"$WARROOM" export "$(basename "$journal" .jsonl)" -c "$tmp/c.conf" -o "$tmp/pm.md" --force ||
	fail "export failed"
grep -q "| shutdown |  | hangup: the terminal went away" "$tmp/pm.md" ||
	fail "the post-mortem's shutdown: $(grep '| shutdown |' "$tmp/pm.md")"
grep -qE "\| incident.resume \|  \| settle-drill — (console restarted at once|(not recorded: no writing console|nothing recorded) for [0-9]+s[^|]*) — 1 action left UNKNOWN by an earlier session: the runbook command on h1 at [0-9: -]+ \(" "$tmp/pm.md" ||
	fail "the post-mortem's resume: $(grep '| incident.resume |' "$tmp/pm.md")"
ok "window closed mid-command: shutdown hangup; UNKNOWN on restart, settled with U; the post-mortem says both"

# A command that outlives step_timeout: UNKNOWN at once, said as a
# timeout, not as a lost connection.
sed 's/^\[warroom\]$/[warroom]\nstep_timeout = 2s/' "$tmp/c.conf" > "$tmp/t.conf"
rm -f "$app/started.txt"
start 200 50 "$WARROOM -c $tmp/t.conf --incident settle-timeout -r $tmp/settle.md"
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 ]
keys x
wait_for "CONFIRM RUNBOOK COMMAND"
keys -l h1; keys Enter
wait_for "did not finish: timed out after 2 s — the host may or may not have done it" 10
capture
assert_not_contains "$tmp/screen" "connection lost"
quit_console
ok "a command past step_timeout: UNKNOWN, said as a timeout"

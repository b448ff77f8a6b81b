#!/bin/sh
# test_runbook_alternatives.sh — x never runs two rollbacks of one step
# (alternatives written one under the other: undo, or undo to a chosen
# revision) nor output as commands (a table pasted into a bash block, an
# unlabelled block of sample output). Each is refused before any dialog,
# naming the line and what to do; the steps are marked ! (or have no $),
# and nothing reaches the journal. No fleet: the refusal comes before any
# host is asked.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
write_config
cat > "$tmp/alt.md" <<'MD'
# Roll back api

1. Undo the deploy

   ```bash
   kubectl rollout undo deploy/api
   kubectl rollout status deploy/api
   # or to a chosen revision
   kubectl rollout undo deploy/api --to-revision=<N>
   ```

2. See the pods

   ```bash
   kubectl get pods
   NAME    READY   STATUS    RESTARTS   AGE
   api-1   1/1     Running   0          3m
   ```

3. Sample output
   ```
   [2025-09-30T12:34:10Z] Smoke test completed successfully
   ```
MD
start 200 30 "$WARROOM -c $tmp/warroom.conf --incident alts -r $tmp/alt.md"
wait_for "alt.md"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 Down
wait_for "> [ ] ! Undo the deploy"
assert_contains "$tmp/screen" "[ ] ! See the pods"
grep -qF '[ ] $ Sample output' "$tmp/screen" && fail "sample output is marked as commands"
assert_contains "$tmp/screen" "[ ] Sample output"
ok "the steps x refuses are marked !, sample output is no command"
# The footer's rows as one line.
footer() { tail -7 "$tmp/screen" | grep -v '^[│┌└]' | tr -s '\n ' ' '; }
keys x
wait_for "nothing ran"
footer | grep -qF "alt.md:9: \`kubectl rollout undo deploy/api\` (line 6) and \`kubectl rollout undo deploy/api --to-revision=<N…\` (line 9) are two rollbacks in one step, which x would run one after the other: give each a step of its own, or use r in HOSTS — fix the runbook; nothing ran" ||
	fail "x does not refuse the two rollbacks: $(footer)"
grep -qF "CONFIRM" "$tmp/screen" && fail "x opened a dialog for two rollbacks"
ok "x refuses a step with two rollbacks, saying to split it or use r"
keys Down
wait_for "> [ ] ! See the pods"
keys x
wait_for "alt.md:16:"
footer | grep -qF "alt.md:16: line 16 starts with \`NAME\`, which is no command name: output is never run (put it in a block of its own, labelled text) — fix the runbook; nothing ran" ||
	fail "x does not refuse the table: $(footer)"
grep -qF "CONFIRM" "$tmp/screen" && fail "x opened a dialog for output"
ok "x refuses a bash block holding output, naming the line"
keys Down
wait_for "> [ ] Sample output"
keys x
wait_for "no commands to run"
footer | grep -qF "this step has no commands to run: its block of line 21 is output, never run (line 22 starts with \`[2025-09-30T12:34:10Z]\`, which is no command name)" ||
	fail "x does not say the sample is output: $(footer)"
grep -qF "CONFIRM" "$tmp/screen" && fail "x opened a dialog for sample output"
ok "x on sample output says it is output and runs nothing"
keys Enter
wait_for "block of line 21: output, never run (line 22 starts with \`[2025-09-30T12:34:10Z]\`)"
ok "Enter on it says the block is output"
# No host is reachable here: each one lost is journalled (conn.change),
# and so is its first verdict (NO DATA: it has no metrics, and its
# restarts cannot be read). A record's own kind, not one inside its data
# (runbook.load names its steps' actions by kind).
kinds=$(sed 's/^[^{]*{[^{]*"kind":"\([^"]*\)".*/\1/' "$tmp"/timeline/*.jsonl |
	grep -vx 'conn.change\|verdict.change' | sort -u | tr '\n' ' ')
[ "$kinds" = "action.refused incident.open mode.change runbook.load " ] ||
	fail "the journal holds more: $kinds"
n=$(grep -c '"kind":"action.refused"' "$tmp"/timeline/*.jsonl)
[ "$n" = 2 ] || fail "not one refusal record for each of the two refused x: $n"
ok "of the three steps only the two refusals reached the journal"

#!/bin/sh
# test_runbook_live.sh — ticking a runbook step in the real console goes
# through the incident journal (a step.check record) and shows once
# stored; unticking records step.uncheck; resuming the incident restores
# the ticks. The runbook's own ticked box ([f], ticked in the file) is
# not counted done in the incident: 0/15 at the start.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
printf '[warroom]\ntimeline_dir = %s/tl\n' "$tmp" > "$tmp/c.conf"
rb=$top_srcdir/docs/runbooks/compose-rollback.md
wr="$WARROOM -c $tmp/c.conf -r $rb --incident 'checklist drill'"

start 200 50 "$wr"
wait_for "compose-rollback.md  0/15"
keys 4 Down Down Down
wait_for "> [ ] Incident commander named"
keys Space
wait_for "step.check"
wait_for "> [x] Incident commander named"
wait_for "compose-rollback.md  1/15"
journal=$(ls "$tmp"/tl/checklist-drill-*.jsonl)
grep -q '"kind":"step.check".*"step":"compose-rollback.md:13"' "$journal" || fail "no step.check record"
keys Down Space
wait_for "compose-rollback.md  2/15"
keys Space
wait_for "step.uncheck"
wait_for "compose-rollback.md  1/15"
keys q
wait_for "exit=0"
ok "ticks and unticks are journal records, shown once stored"

start 200 50 "$wr"
wait_for "incident.resume"
wait_for "[x] Incident commander named"
assert_contains "$tmp/screen" "compose-rollback.md  1/15"
# No [statuspage] in this config: the post is marked as one x refuses.
assert_contains "$tmp/screen" "[ ] ! Status page set to investigating"
keys q
wait_for "exit=0"
ok "resuming the incident restores the ticks"

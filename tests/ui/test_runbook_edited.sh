#!/bin/sh
# test_runbook_edited.sh — a runbook edited during an incident. While the
# console runs, RUNBOOK says the file changed on disk and that x runs the
# steps shown; a touch (the same bytes) says nothing, and a file removed
# is said gone without a restart's advice; put back, it is no longer said
# changed. Reopened after a step was inserted above the marked ones,
# each tick and x mark is on the step it was made on, the
# inserted step has none; reopened after a marked step was renamed, its
# mark is on no step, and the footer, the journal's runbook.load and the
# post-mortem say which was not placed; the post-mortem lists the runbook
# once, saying when it was loaded again after it changed.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
printf '[warroom]\ntimeline_dir = %s/tl\n' "$tmp" > "$tmp/c.conf"
cat > "$tmp/live.md" <<'MD'
# Live

- [ ] Acknowledge the page
- [ ] Roll back the API

  ```warroom
  rolback service=api
  ```

- [ ] Post the update
MD
wr="$WARROOM -c $tmp/c.conf --incident qa -r $tmp/live.md"
start 160 40 "$wr"
wait_for "live.md  0/3"
press_for A "type arm to arm: "
keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 Down
wait_for "> [ ] Acknowledge the page"
keys Space
wait_for "> [x] Acknowledge the page"
keys Down
wait_for "> [ ] ! Roll back the API"
keys x
wait_for "[ ] ! [REFUSED] Roll back the API"
# Touched, the same bytes: nothing to say (the watcher looks every 2 s).
touch "$tmp/live.md"
sleep 3
capture
assert_not_contains "$tmp/screen" "changed on disk"
ok "a touched runbook, its bytes the same, is not said changed"
# Edited while it runs: a step inserted at the top.
sed -i '3i - [ ] Open the incident channel' "$tmp/live.md"
wait_for "live.md changed on disk since it was loaded" 6
wait_for "x runs the steps shown"
capture
assert_contains "$tmp/screen" "[ ] ! [REFUSED] Roll back the API"
ok "the file changed on disk is said in RUNBOOK; the steps read are still shown"
quit_console

start 160 40 "$wr"
wait_for "live.md  1/4" 10
capture
assert_contains "$tmp/screen" "[ ] Open the incident channel"
assert_contains "$tmp/screen" "[x] Acknowledge the page"
assert_contains "$tmp/screen" "[ ] ! [REFUSED] Roll back the API"
assert_not_contains "$tmp/screen" "not placed"
ok "reopened after a step was inserted: each mark on its own step"
quit_console

sed -i 's/Roll back the API/Roll back the API to v1.4.1/' "$tmp/live.md"
start 160 40 "$wr"
wait_for "live.md  1/4" 10
wait_for 'live.md: runbook changed since: 1 mark not placed: "Roll back the API" (x refused)'
capture
assert_contains "$tmp/screen" "[x] Acknowledge the page"
assert_contains "$tmp/screen" "[ ] ! Roll back the API to v1.4.1"
ok "reopened after the marked step was renamed: its mark is on no step, and said"
mv "$tmp/live.md" "$tmp/live.md.gone"
wait_for "live.md is gone from disk since it was loaded; x runs the steps shown" 6
assert_not_contains "$tmp/screen" "restart warroom"
# The line under RUNBOOK's title (the footer keeps its words once said).
no_notice() { ! grep -qF '│live.md is gone from disk' "$tmp/screen"; }
no_notice && fail "RUNBOOK shows no notice under its title"
ok "a runbook removed while it runs is said gone, with no restart advice"
# Put back as it was loaded: the notice goes, and the footer says so.
mv "$tmp/live.md.gone" "$tmp/live.md"
wait_for "live.md is back to what was loaded" 6
until_screen 3 "RUNBOOK's notice to go" no_notice
ok "a runbook put back as it was loaded is no longer said changed"
quit_console
journal=$(ls "$tmp"/tl/qa-*.jsonl)
grep -q '"kind":"runbook.load".*"unplaced":\[{"title":"Roll back the API","mark":"x refused"}\]' \
	"$journal" || fail "runbook.load does not list the mark not placed"
"$WARROOM" -c "$tmp/c.conf" export qa --format md > "$tmp/pm.md" || fail "export"
assert_contains "$tmp/pm.md" "after it changed): 1 of 4 steps done"
assert_contains "$tmp/pm.md" '_Runbook changed since: 1 mark not placed: "Roll back the API" (x refused)_'
# Loaded by three starts, the file edited before the second and the third.
grep -Eq '^\*\*live\.md\*\* \(loaded at [0-9:]{8}, again at [0-9:]{8} after it changed, again at [0-9:]{8} after it changed\): ' \
	"$tmp/pm.md" || { cat "$tmp/pm.md"; fail "the checklist does not say when live.md was loaded"; }
[ "$(grep -c '^\*\*live.md\*\* (loaded' "$tmp/pm.md")" -eq 1 ] || fail "live.md is listed more than once"
ok "the post-mortem lists the runbook once, says when it was reloaded, and the mark not placed"

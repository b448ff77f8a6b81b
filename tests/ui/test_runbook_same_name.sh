#!/bin/sh
# test_runbook_same_name.sh — two runbooks with the same file name
# (team/check.md, platform/check.md, each with a step on line 3) keep
# their ticks and x's marks apart: the journal names each by the end of
# its path, a tick and a refusal on team's step never show on
# platform's, live or once the incident is reopened, and the post-mortem
# lists each runbook on its own.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
printf '[warroom]\ntimeline_dir = %s/tl\n' "$tmp" > "$tmp/c.conf"
mkdir -p "$tmp/team" "$tmp/platform"
cat > "$tmp/team/check.md" <<'MD'
# Team

- [ ] Team: show containers

  ```warroom
  rolback service=api
  ```
MD
cat > "$tmp/platform/check.md" <<'MD'
# Platform

- [ ] Platform: restart api
MD
wr="$WARROOM -c $tmp/c.conf --incident qa13 -r $tmp/team/check.md -r $tmp/platform/check.md"
start 160 40 "$wr"
wait_for "R: team/check.md  0/1"
press_for A "type arm to arm: "
keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 Down
wait_for "> [ ] ! Team: show containers"
# Its block does not read: x refuses it, and the row keeps [REFUSED].
keys x
wait_for "[ ] ! [REFUSED] Team: show containers"
keys Space
wait_for "[x] ! [REFUSED] Team: show containers"
keys R
wait_for "R: platform/check.md  0/1"
capture
assert_contains "$tmp/screen" "[ ] Platform: restart api"
assert_not_contains "$tmp/screen" "REFUSED] Platform"
ok "live: team's tick and refusal stay on team/check.md"
quit_console
journal=$(ls "$tmp"/tl/qa13-*.jsonl)
grep -q '"kind":"step.check".*"step":"team/check.md:3"' "$journal" ||
	fail "the tick does not name team/check.md:3"
grep -q '"kind":"action.refused".*"runbook_step":"team/check.md:3"' "$journal" ||
	fail "the refusal does not name team/check.md:3"
! grep -q '"check.md:3"' "$journal" || fail "a step is named by the bare file name"

start 160 40 "$wr"
wait_for "[x] ! [REFUSED] Team: show containers" 10
keys R
wait_for "R: platform/check.md  0/1"
capture
assert_contains "$tmp/screen" "[ ] Platform: restart api"
assert_not_contains "$tmp/screen" "REFUSED] Platform"
ok "reopened: the same, each on its own runbook"
quit_console

"$WARROOM" -c "$tmp/c.conf" export qa13 --format md > "$tmp/pm.md" || fail "export"
assert_contains "$tmp/pm.md" "**team/check.md**: 1 of 1 steps done"
assert_contains "$tmp/pm.md" "**platform/check.md**: 0 of 1 steps done"
ok "the post-mortem lists each runbook apart"

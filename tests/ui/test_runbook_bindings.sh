#!/bin/sh
# test_runbook_bindings.sh — every binding of a `warroom` block is reached,
# in order, each confirmed as its own action: x on the section "3. Roll
# back api and jobs" of compose-rollback.md rolls back api, and x again
# jobs (the section's own bindings; no step needed); a rollback that does
# not end OK stops the rest. The row says what the next x runs. On a step
# that posts and smoke-tests: Esc at the status or at the text stops the
# rest there and the next x starts over; a step whose announcement has no
# [chat] is marked ! and x refuses it whole, before its post, saying why
# and journalling nothing (nothing was confirmed). Each
# section keeps its own outcome: section 2's command ending OK is not
# section 3's, and a cancelled rerun of section 2 does not stop section 3.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
rb=$top_srcdir/docs/runbooks/compose-rollback.md
cat > "$tmp/tell.md" <<'MD'
# Tell

1. Update

   ```warroom
   statuspage update status=identified message="api rollback under way"
   smoke url=/healthz
   ```

2. Update and announce

   ```warroom
   statuspage update status=identified message="api rollback under way"
   announce message="api rollback under way" channel=ops
   smoke url=/healthz
   ```
MD
start 200 50 "$WARROOM -c $fl/warroom.conf --incident bindings -r $rb -r $tmp/tell.md"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4
# Sections: title, Before you start (3 steps), 1 (2), then 2.
i=0
while [ $i -lt 12 ]; do
	capture
	grep -qF "> - 2. Find the last good tag" "$tmp/screen" && break
	keys Down
	sleep 0.1
	i=$((i + 1))
done
wait_for "> - 2. Find the last good tag"
keys x
wait_for "CONFIRM RUNBOOK COMMAND"
# ps, grep and tail only read: Enter alone runs them.
wait_for "reads only: Enter runs it on h1"
keys Enter
wait_for "runbook command of api on h1: OK" 20
wait_for "> - [OK h1] 2. Find the last good tag"
# Section 2's own step, then section 3: its own slot, never run yet.
keys Down Down
wait_for "> - 3. Roll back api and jobs"
keys x
wait_for "CONFIRM ROLLBACK"
wait_for "type api and press Enter"
keys -l api
keys Enter
wait_for "rollback of api on h1 (docker compose up -d): OK" 40
wait_for "[x next: 2 of 2 rollback]"
keys x
wait_for "CONFIRM ROLLBACK"
wait_for "type jobs and press Enter"
keys -l jobs
keys Enter
wait_for "rollback of jobs on h1 (docker compose up -d): OK" 40
wait_for "[x: all 2 started]"
assert_contains "$tmp/screen" "> - [OK h1] 3. Roll back api and jobs  0/3  [x: all 2 started]"
[ "$(grep -c '"up","-d","api"' "$log")" = 1 ] || fail "api not rolled back once"
[ "$(grep -c '"up","-d","jobs"' "$log")" = 1 ] || fail "jobs not rolled back once"
ok "x on the section runs its first rollback binding, x again the second, after section 2's command"

# Section 2 again: its own command ran, not section 3's rollbacks; the
# rerun cancelled in its dialog leaves section 3 as it was.
keys Up Up
wait_for "> - [OK h1] 2. Find the last good tag"
keys x
wait_for "CONFIRM RUNBOOK COMMAND"
wait_re "this section ran at [0-9:]{8} in this session: OK on h1"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
assert_contains "$tmp/screen" "> - [OK h1] 2. Find the last good tag"
assert_contains "$tmp/screen" "  - [OK h1] 3. Roll back api and jobs  0/3  [x: all 2 started]"
assert_not_contains "$tmp/screen" "x stopped"
keys Down Down
wait_for "> - [OK h1] 3. Roll back api and jobs"
ok "each section keeps its own outcome: another's command or cancel is not its own"

# Over again (it all ended OK: the dialog says so): a cancelled first
# one stops the rest.
keys x
wait_for "CONFIRM ROLLBACK"
wait_for "type api and press Enter"
keys Escape
wait_for "[x stopped: 1 of 2 CANCELLED]"
keys x
wait_for "1 of 2 ended CANCELLED: the 1 after it not run (x again starts over)"
[ "$(grep -c '"up","-d","jobs"' "$log")" = 1 ] || fail "jobs rolled back after a cancel"
ok "a binding that does not end OK stops the ones after it"

journal=$(ls "$fl"/timeline/bindings-*.jsonl)
records() { grep -c "$1" "$journal" || true; }
keys R
wait_for "R: tell.md"
keys Down
wait_for "> [ ] $ Update"
keys x
wait_for "Enter sends it, Esc posts nothing"
keys Escape
wait_for "nothing posted — 1 of 2 (statuspage) CANCELLED: the 1 after it not run (x again starts over)"
assert_not_contains "$tmp/screen" "[x next"
keys x
wait_for "Enter sends it, Esc posts nothing"
keys Escape
wait_for "nothing posted — 1 of 2 (statuspage) CANCELLED: the 1 after it not run (x again starts over)"
assert_not_contains "$tmp/screen" "[x next"
[ "$(records '"kind":"statuspage.queue"')" = 0 ] || fail "a cancelled post was queued"
ok "Esc at a post's status or text stops the rest; x starts over at the post"

refused=$(records '"kind":"action.refused"')
keys Down
wait_for "> [ ] ! Update and announce"
keys x
wait_for "x refuses this step: line 14: announce: warroom.conf has no [chat] to announce to"
assert_not_contains "$tmp/screen" "Enter sends it"
keys x
wait_for "x refuses this step: line 14: announce"
sleep 0.5
[ "$(records '"kind":"action.refused"')" = "$refused" ] || fail "a refusal nothing confirmed was journalled"
[ "$(records '"kind":"statuspage.queue"')" = 0 ] || fail "the post went out before the refused announcement"
[ "$(records '"kind":"smoke"')" = 0 ] || fail "the smoke test ran"
ok "a step whose announcement has no [chat]: marked, refused whole with why, nothing journalled or sent"
quit_console

#!/bin/sh
# test_runbook_rerun.sh — runbook memory across sessions of one incident:
# a section's own command block that ran keeps its mark ([OK h1]) when the
# incident is reopened, as a step's does; x on a step or section that
# already ran opens its dialog at once, which says what ran there before
# and when ("this section ran at 03:12:44 in this session: OK on h1", "…
# in an earlier session …"), with the dialog's keys in the footer; the
# rerun still needs the host's name typed, as any other, and a name typed
# ahead of the dialog goes into it, never to the panes' keys. The typed
# field edits (Home, C-a) as the footer prompts do. A step whose command
# was edited since it ran keeps no plain OK: its row says EARLIER VERSION
# OK and its dialog that an earlier version ran.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1
cat > "$tmp/rb.md" <<'MD'
# Drill

## Check the host

The block below is the section's own.

```bash
echo section >> rerun.log
```

1. Note it

   ```bash
   echo step >> rerun.log
   ```
MD
cmd="$WARROOM -c $fl/warroom.conf -r $tmp/rb.md --incident rerun"
intents() { grep '"kind":"action.intent"' "$fl"/timeline/rerun-*.jsonl | grep -c "$1" || true; }
arm() {
	keys A; keys -l arm; keys Enter
	wait_re "ARMED 1[45]:[0-9][0-9]"
}
# run WHAT — x on the selected row, h1 typed in its dialog, until OK.
run() {
	keys x
	wait_for "CONFIRM RUNBOOK COMMAND" 10
	assert_not_contains "$tmp/screen" " ran at "
	keys -l h1; keys Enter
	wait_for "runbook command of" 20
	wait_for "[OK h1] $1" 20
}
start 200 50 "$cmd"
wait_re "│> h1 +api +UP" 15
arm
keys 4 Down
wait_for "> - Check the host"
run "Check the host"
keys Down
wait_for "> [ ] $ Note it"
run "Note it"
[ "$(intents '"runbook_section":"rb.md:3"')" = 1 ] || fail "the section's intent does not name it"
[ "$(intents '"runbook_step":"rb.md:11"')" = 1 ] || fail "the step's intent does not name it"
keys Up
wait_for "> - [OK h1] Check the host"
assert_contains "$tmp/screen" "runbook command of api on h1: OK"
keys x
wait_for "CONFIRM RUNBOOK COMMAND" 10
wait_re "this section ran at [0-9:]{8} in this session: OK on h1"
# The footer: the dialog's keys, once the run before's outcome has had
# its few seconds (an unread outcome is never replaced).
wait_for "Enter confirms once h1 is typed" 12
assert_not_contains "$tmp/screen" "runbook command of api on h1: OK"
keys Escape
wait_for "CANCELLED"
ok "a section's command names it in the journal; its rerun's dialog says it ran in this session"

quit_console
start 200 50 "$cmd"
wait_re "│> h1 +api +UP" 15
keys 4 Down
wait_for "> - [OK h1] Check the host"
assert_contains "$tmp/screen" "[OK h1] Note it"
ok "reopened, the section keeps its mark as the step does"

arm
keys 4
wait_for "> - [OK h1] Check the host"
keys x
wait_for "CONFIRM RUNBOOK COMMAND" 10
wait_re "this section ran at [0-9:]{8} in an earlier session: OK on h1"
# Enter alone never confirms: the name is typed, as for any run.
keys Enter
sleep 0.5
wait_for "CONFIRM RUNBOOK COMMAND"
[ "$(intents '"runbook_section":"rb.md:3"')" = 1 ] || fail "Enter alone reran the section"
# The field edits: 1, Home, h is h1; C-a, x is xh1; C-u takes the x
# before the cursor back.
keys -l 1; keys Home; keys -l h
wait_for "> h1"
keys C-a; keys -l x
wait_for "> xh1"
keys C-u
wait_for "Enter run it"
assert_not_contains "$tmp/screen" "> xh1"
keys Enter
wait_for "runbook command of" 20
wait_for "> - [OK h1] Check the host" 20
[ "$(intents '"runbook_section":"rb.md:3"')" = 2 ] || fail "the section did not run again"
ok "x on a section an earlier session ran: said in its dialog at once; the field edits; the rerun needs the name typed"

keys Down
wait_for "> [ ] $ [OK h1] Note it"
keys x
wait_for "CONFIRM RUNBOOK COMMAND" 10
wait_re "this step ran at [0-9:]{8} in an earlier session: OK on h1"
keys Escape
wait_for "CANCELLED"
[ "$(intents '"runbook_step":"rb.md:11"')" = 1 ] || fail "the cancelled step ran"
ok "x on a step an earlier session ran: the same"

# Typed ahead, as a dialog usually needs: the name goes into the dialog
# (not k, o, n… to the panes), and Enter runs it.
keys x; keys -l h1; keys Enter
wait_for "runbook command of" 20
[ "$(intents '"runbook_step":"rb.md:11"')" = 2 ] || fail "the typed-ahead rerun did not run"
assert_contains "$tmp/screen" "> [ ] $ [OK h1] Note it"
assert_not_contains "$tmp/screen" "note:"
ok "x then h1 Enter typed ahead on a step that ran: its dialog took them and ran it"
quit_console

[ "$(intents '"runbook_step":"rb.md:11","runbook_code":"[0-9a-f]\{12\}"')" = 2 ] ||
	fail "the step's intents do not say what it ran"
sed -i 's/echo step >> rerun.log/echo edited >> rerun.log/' "$tmp/rb.md"
start 200 50 "$cmd"
wait_re "│> h1 +api +UP" 15
arm
keys 4 Down
wait_for "> - [OK h1] Check the host"
keys Down
wait_for "> [ ] $ [EARLIER VERSION OK h1] Note it"
keys x
wait_for "CONFIRM RUNBOOK COMMAND" 10
wait_re "an earlier version of this step ran at [0-9:]{8} \(OK on h1\): its commands have changed since"
keys Escape
wait_for "CANCELLED"
ok "a step edited since it ran: its row and dialog say an earlier version ran"
quit_console

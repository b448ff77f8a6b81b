#!/bin/sh
# test_runbook_rerun.sh — runbook memory across sessions of one incident:
# a section's own command block that ran keeps its mark ([OK h1]) when the
# incident is reopened, as a step's does: its intent names the section.
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
ok "a section's command names it in the journal"

keys q
wait_for "exit=0"
start 200 50 "$cmd"
wait_re "│> h1 +api +UP" 15
keys 4 Down
wait_for "> - [OK h1] Check the host"
assert_contains "$tmp/screen" "[OK h1] Note it"
ok "reopened, the section keeps its mark as the step does"
keys q
wait_for "exit=0"

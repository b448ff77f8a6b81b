#!/bin/sh
# test_runbook_readonly.sh — x on a step whose every command only reads
# (docker compose ps, tail) opens a dialog that says so and runs on Enter
# alone, with nothing to type; its intent says "reads_only". A step with
# one command that may change something (docker compose stop) keeps the
# typed name, says which command is why, and Enter alone runs nothing.
# --read-only still runs neither: x is refused before any dialog.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
cat > "$tmp/rb.md" <<'MD'
# Drill

1. Look

   ```bash
   docker compose ps --format json api | grep -c api
   tail -n 1 releases.log
   ```

2. Stop the jobs

   ```bash
   docker compose ps api
   docker compose stop jobs
   ```
MD
stops() { grep -c '"stop"' "$log" 2> /dev/null || true; }
intents() { grep '"kind":"action.intent"' "$fl"/timeline/ro-*.jsonl | grep -c "$1" || true; }
start 200 50 "$WARROOM -c $fl/warroom.conf -r $tmp/rb.md --incident ro"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 Down
wait_for "> [ ] $ Look"
keys x
wait_for "CONFIRM RUNBOOK COMMAND" 10
wait_for "reads only: Enter runs it on h1"
assert_not_contains "$tmp/screen" "type h1"
# What is typed is not kept: there is no name to type.
keys -l zz
keys Enter
wait_for "runbook command of api on h1: OK" 20
[ "$(intents '"reads_only":true')" = 1 ] || fail "the intent does not say it only reads"
ok "a step that only reads: the dialog says so, Enter alone runs it, the journal says how"

keys Down
wait_for "> [ ] $ Stop the jobs"
keys x
wait_for "CONFIRM RUNBOOK COMMAND" 10
wait_for "type h1 and press Enter to run it on h1"
wait_for "typed, not Enter alone: it may change something: \`docker compose stop jobs\`: docker compose stop is not one that only reads"
keys Enter
sleep 0.5
wait_for "type h1 to confirm, or Esc to cancel"
[ "$(stops)" = 0 ] || fail "Enter alone ran the stop"
keys -l h1; keys Enter
# The first step's OK may still be on screen: wait for the stop itself.
i=0
while [ "$(stops)" != 1 ] && [ "$i" -lt 200 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(stops)" = 1 ] || fail "the typed name did not run the stop ($(stops))"
[ "$(intents '"reads_only"')" = 1 ] || fail "the typed run's intent says it only reads"
ok "a step that may change something keeps the typed name and says why"
quit_console

start 200 50 "$WARROOM -c $fl/warroom.conf -r $tmp/rb.md --read-only"
wait_re "│> h1 +api +UP" 15
keys 4 Down
wait_for "> [ ] $ Look"
keys x
wait_for "refused: read-only mode"
assert_not_contains "$tmp/screen" "CONFIRM"
quit_console
[ "$(grep -c '"mutating":true' "$log")" = 1 ] || fail "read-only mode sent a change"
ok "--read-only runs no step, not even one that only reads"

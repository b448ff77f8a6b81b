#!/bin/sh
# test_runbook_unrun_marks.sh — a step whose x ran nothing shows the same
# mark live and once the incident is reopened (one rule, stepran's, for
# both): a rollback already on its tag is [SKIPPED] (it was [REFUSED,
# CANCELLED h1] live and [REFUSED] reopened); a dialog closed with Esc
# leaves no mark, live as reopened (nothing is journalled for it).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.4.1
cat > "$tmp/rb.md" <<'MD'
# Marks

1. Pin api

   ```warroom
   rollback service=api to=v1.4.1
   ```

2. Exports off

   ```warroom
   killswitch export off service=api
   ```
MD
wr="$WARROOM -c $fl/warroom.conf --incident unrun -r $tmp/rb.md"
start 200 50 "$wr"
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 Down
wait_for "> [ ] $ Pin api"
keys x
wait_for "rollback of api on h1 (docker compose up -d): SKIPPED — api already runs v1.4.1: nothing to do" 15
wait_for "> [ ] $ [SKIPPED] Pin api" 5
keys Down
wait_for "> [ ] $ Exports off"
keys x
wait_for "CONFIRM KILL SWITCH" 15
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
sleep 1
capture
assert_contains "$tmp/screen" "> [ ] $ Exports off"
assert_contains "$tmp/screen" "[ ] $ [SKIPPED] Pin api"
ok "live: the skipped step says [SKIPPED], the one closed with Esc nothing"
quit_console

start 200 50 "$wr"
wait_for "[ ] $ [SKIPPED] Pin api" 15
capture
assert_contains "$tmp/screen" "[ ] $ Exports off"
ok "reopened: the same marks"
quit_console

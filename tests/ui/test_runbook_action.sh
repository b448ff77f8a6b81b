#!/bin/sh
# test_runbook_action.sh — Enter on a runbook step that asks for a rollback
# (a `warroom rollback service=api` block) opens the same confirmation as r
# in HOSTS, through the same choke point: refused unarmed; armed, it rolls
# back the host that runs the service, and the step shows the outcome on
# that host ([OK h1]: not done on h2); x with h2 selected: its dialog says
# where it ran.
# Reopened after q, the step still says so: its mark comes from the journal.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --tag v1.5.0-bad
cat > "$tmp/rb.md" <<'MD'
# Drill

1. Roll the API back

   ```warroom
   rollback service=api to=last-good
   ```

2. Tell the channel
MD
sed 's/^\[warroom\]$/[warroom]\nhealth_timeout = 15s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf -r $tmp/rb.md --incident runbook-drill"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys 4 Down
wait_for "> [ ] $ Roll the API back"
keys Enter
wait_for "refused: console not armed"
keys A; keys -l arm; keys Enter
keys Enter
wait_for "CONFIRM ROLLBACK (compose.rollback)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "host h1   service api"
keys -l api; keys Enter
wait_for "rollback of api on h1 (docker compose up -d): OK" 40
wait_for "> [ ] $ [OK h1] Roll the API back" 5
ok "a runbook step's rollback goes through the choke point and the dialog; the step shows OK on h1"
keys 1 End 4
wait_re "│> h2 +jobs"
assert_contains "$tmp/screen" "$ [OK h1] Roll the API back"
keys x
wait_for "CONFIRM ROLLBACK" 15
wait_re "this step ran at [0-9:]{8} in this session: OK on h1"
keys Escape
wait_for "CANCELLED"
ok "with h2 selected, x's dialog says the step ran on h1; the row still names only h1"
quit_console
start 200 50 "$WARROOM -c $tmp/c.conf -r $tmp/rb.md --incident runbook-drill"
wait_re "\\[ \\] \\$ \\[OK h1\\] Roll the API back" 15
ok "reopened, the step still shows what x ran from it: [OK h1]"
quit_console

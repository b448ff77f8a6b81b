#!/bin/sh
# test_runbook_bluegreen.sh — the blue/green run of show's deploy step
# (`IMAGE_TAG=$RELEASE docker compose -p api-green --env-file .env.green up
# -d api`) runs on the host exactly as the runbook writes it: the built-in
# rollback would drop -p and --env-file and redeploy the live project from
# .env. The dialog shows the whole script; .env and releases.log stay as
# they were.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0
log=$fl/hosts/h1/commands.log
app=$fl/hosts/h1/app
cp "$app/.env" "$tmp/env.before"
cp "$app/releases.log" "$tmp/releases.before" 2> /dev/null || : > "$tmp/releases.before"
rb=$top_srcdir/docs/runbooks/blue-green-cutover.md
start 200 50 "$WARROOM -c $fl/warroom.conf --incident cutover -r $rb"
wait_re "│> h1 +api +UP +v1\\.5\\.0" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 Down Down Down Down
wait_re "> +\\[ \\] \\$ T-15m: Deploy the release to green"
keys x
wait_for 'on h1, sha-<commit> (1 of 1) = '
keys -l abc123
keys Enter
wait_for "CONFIRM RUNBOOK COMMAND"
assert_contains "$tmp/screen" "export RELEASE=sha-abc123"
assert_contains "$tmp/screen" 'IMAGE_TAG=$RELEASE docker compose -p api-green --env-file .env.green up -d api'
keys -l h1
keys Enter
wait_re "runbook command of api on h1: (OK|FAILED)" 30
grep -q '"-p","api-green","--env-file",".env.green","up","-d","api"' "$log" ||
	fail "the runbook's command did not run as written: $(grep '"up"' "$log")"
[ "$(grep -c '"up","-d"' "$log")" = 1 ] || fail "up -d ran more than once: $(grep '"up"' "$log")"
cmp -s "$app/.env" "$tmp/env.before" || fail ".env was changed: $(cat "$app/.env")"
cmp -s "$app/releases.log" "$tmp/releases.before" 2> /dev/null ||
	[ ! -e "$app/releases.log" ] || fail "releases.log was changed: $(tail -n 2 "$app/releases.log")"
journal=$(ls "$fl"/timeline/cutover-*.jsonl)
grep -q '"kind":"action.intent".*"runbook.command".*api-green' "$journal" ||
	fail "no runbook.command intent"
ok "the green deploy runs the runbook's own command, -p and --env-file kept; .env untouched"
quit_console

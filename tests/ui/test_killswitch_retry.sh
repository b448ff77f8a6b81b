#!/bin/sh
# test_killswitch_retry.sh — a kill switch whose redeploy failed, tried
# again. The fake docker fails (cmd-escapes) after .env was written: the
# outcome says EXPORT_MODE=off is in .env but the redeploy failed and
# /export still answers. X again, fault cleared, must turn exports OFF,
# not "restore" them from what .env says: the dialog says in bold that
# .env already says off but /export still answers, the plan only
# redeploys (no .env edit), /export then answers 404, commands.log shows
# the second redeploy, and the header never says "exports restored".
# X a third time restores exports to on, the value before the first
# switch (the retry's own "from" was off already).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
command -v curl > /dev/null 2>&1 || skip "curl is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
app=$fl/hosts/h1/app
url=$(sed -n 's/^health_url = //p' "$fl/warroom.conf")
ups() { grep '"event":"end"' "$log" 2> /dev/null | grep -c '"up","-d","api"' || true; }
export_code() { curl -s -o /dev/null -w '%{http_code}' "$url/export"; }
[ "$(export_code)" = 200 ] || fail "/export does not answer 200 to begin with"
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident ks-retry"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"

"$fleet" fault --dir "$fl" h1 cmd-escapes > /dev/null
keys X
wait_for "CONFIRM KILL SWITCH"
wait_for "then wait up to"
assert_contains "$tmp/screen" "EXPORT_MODE=on  ->  EXPORT_MODE=off in .env"
keys -l api; keys Enter
wait_for "kill switch of api on h1 (docker compose up -d): FAILED" 40
wait_for "EXPORT_MODE=off written to .env, but the redeploy failed: exports are still on (GET /export answers 200)" 5
grep -qx 'EXPORT_MODE=off' "$app/.env" || fail ".env was not written before the redeploy"
[ "$(export_code)" = 200 ] || fail "/export answers $(export_code) after the failed redeploy"
[ "$(ups)" = 1 ] || fail "up -d api ended $(ups) times"
wait_for "EXPORTS ON: h1" 10
ok "the redeploy fails: FAILED says EXPORT_MODE=off was written but exports are still on"

"$fleet" fault --dir "$fl" h1 clear cmd-escapes > /dev/null
cp "$app/.env" "$tmp/env.failed"
keys X
wait_for "CONFIRM KILL SWITCH"
wait_for "then wait up to"
assert_contains "$tmp/screen" "EXPORT_MODE=off in .env already (not changed); api is redeployed at v1.5.0-bad with it"
assert_contains "$tmp/screen" ".env already says EXPORT_MODE=off but /export still answers: api was not redeployed with it; this redeploys it (.env is not changed)"
assert_contains "$tmp/screen" "then GET $url/export must answer 404 (export disabled)"
assert_contains "$tmp/screen" "to switch api on h1: EXPORT_MODE=off as it is, redeployed with it"
screen_lacks "EXPORT_MODE=on in .env" || fail "the retry offers to turn exports back on"
screen_lacks "sftp: copy" || fail "the retry writes .env again"
keys -l api; keys Enter
wait_for "kill switch of api on h1 (docker compose up -d): OK — EXPORT_MODE=off in .env; api redeployed at v1.5.0-bad; /export answers 404" 40
[ "$(export_code)" = 404 ] || fail "/export answers $(export_code) after the retry"
[ "$(ups)" = 2 ] || fail "the retry's redeploy is not in commands.log (up -d api ended $(ups) times)"
cmp -s "$tmp/env.failed" "$app/.env" || fail "the retry changed .env"
[ "$(ls "$app"/.env.warroom-ks-*.bak | wc -l)" = 1 ] || fail "the retry wrote a backup of its own"
wait_gone "EXPORTS ON: h1" 10
screen_lacks "exports restored" || fail "the header says exports were restored"
journal=$(ls "$fl"/timeline/ks-retry-*.jsonl)
! grep '"kind":"action.intent"' "$journal" | grep -q '"to":"EXPORT_MODE=on"' ||
	fail "a kill switch turning exports back on was journalled"
ok "X again: off, redeploy only (no .env edit), /export 404, never restored"

# Restored to what the first switch replaced (on), not the retry's "from"
# (already off), which would leave nothing to restore.
keys X
wait_for "CONFIRM KILL SWITCH"
wait_for "then wait up to"
assert_contains "$tmp/screen" "EXPORT_MODE=off  ->  EXPORT_MODE=on in .env"
screen_lacks "no kill switch plan" || fail "X refuses to restore"
keys -l api; keys Enter
wait_for "kill switch of api on h1 (docker compose up -d): OK — EXPORT_MODE=on in .env; api redeployed at v1.5.0-bad; /export answers again" 40
[ "$(export_code)" = 200 ] || fail "/export answers $(export_code) after the restore"
grep -qx 'EXPORT_MODE=on' "$app/.env" || fail ".env was not put back to on"
[ "$(ups)" = 3 ] || fail "the restore's redeploy is not in commands.log (up -d api ended $(ups) times)"
grep '"kind":"action.intent"' "$journal" | grep -q '"to":"EXPORT_MODE=on"' ||
	fail "the restore's intent is not journalled"
! grep -q '"kind":"action.refused"' "$journal" || fail "a refusal was journalled"
ok "X a third time: restored to on (.env on, /export 200, redeployed)"
quit_console

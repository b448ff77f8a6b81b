#!/bin/sh
# test_killswitch.sh — the EXPORT_MODE kill switch from the console, proven
# on the host's files, its commands.log and the journal: refused read-only;
# the dialog shows the plan; confirmed, .env gets EXPORT_MODE=off through
# SFTP (every other byte and the file's mode kept, the old file kept as a
# backup, no temp file left), api is redeployed once at the tag it runs
# (not the one .env names), /export answers 404 and the action ends OK with
# no .env secret in the journal; X again undoes it the same way; a swap
# that fails leaves no new file behind; a .env changed between plan and
# confirmation runs nothing; a console killed before the swap leaves none
# once the next one has re-read the host.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
command -v curl > /dev/null 2>&1 || skip "curl is not installed"
fleet_up --hosts 1 --tag v1.4.1
log=$fl/hosts/h1/commands.log
app=$fl/hosts/h1/app
url=$(sed -n 's/^health_url = //p' "$fl/warroom.conf")
mutating() { grep -c '"mutating":true' "$log" 2> /dev/null || true; }
ups() { grep -c '"up","-d","api"' "$log" 2> /dev/null || true; }
export_code() { curl -s -o /dev/null -w '%{http_code}' "$url/export"; }
# .env names a tag that is not running: a redeploy must not pick it up.
sed -i 's/^IMAGE_TAG=.*/IMAGE_TAG=v1.5.0-bad/' "$app/.env"
printf '# kept as is\nexport  FEATURE_X = "yes"   # a comment\n' >> "$app/.env"
chmod 0640 "$app/.env"
cp "$app/.env" "$tmp/env.before"
[ "$(export_code)" = 200 ] || fail "/export does not answer 200 to begin with"
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident export-leak"
ready() { wait_re "│> h1 +api +UP +v1\\.4\\.1" 15; }
arm() { keys A; keys -l arm; keys Enter; wait_re "ARMED 1[45]:[0-9][0-9]"; }

start 200 50 "$wr --read-only"
ready
keys X
wait_for "refused: read-only mode"
quit_console
[ "$(mutating)" = 0 ] || fail "something mutating reached the host in read-only mode"
ok "read-only: the kill switch is refused, nothing sent"

start 200 50 "$wr"
ready
keys X
wait_for "refused: console not armed"
arm
keys X
wait_for "CONFIRM KILL SWITCH"
wait_for "then wait up to"
assert_contains "$tmp/screen" "EXPORT_MODE=on  ->  EXPORT_MODE=off in .env; api is redeployed at v1.4.1"
assert_contains "$tmp/screen" "mv -f -- .env.warroom-ks-"
# The directory every step works in is named once; the sftp step's files
# are then named within it.
assert_contains "$tmp/screen" "will run, in order, on the host, in $app:"
assert_contains "$tmp/screen" "sftp: copy .env to .env.warroom-ks-"
assert_contains "$tmp/screen" "IMAGE_TAG='v1.4.1' docker compose --env-file .env -f docker-compose.yml up -d 'api'"
assert_contains "$tmp/screen" "then GET $url/export must answer 404"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
[ "$(mutating)" = 0 ] || fail "a cancelled dialog sent something"
[ -z "$(ls "$app" | grep warroom)" ] || fail "a cancelled plan left files"
ok "unarmed refused; the dialog shows the plan; Esc runs nothing"

keys X
wait_for "CONFIRM KILL SWITCH"
keys -l "api"
keys Enter
wait_for "kill switch of api on h1 (docker compose up -d): OK — EXPORT_MODE=off in .env; api redeployed at v1.4.1; /export answers 404; /readyz answers 200" 40
[ "$(export_code)" = 404 ] || fail "/export still answers $(export_code)"
[ "$(ups)" = 1 ] || fail "up -d api ran $(ups) times"
grep '"up","-d","api"' "$log" | grep -q '"IMAGE_TAG":"v1.4.1"' || fail "the redeploy did not pin the running tag"
sed 's/^EXPORT_MODE=on$/EXPORT_MODE=off/' "$tmp/env.before" | cmp -s - "$app/.env" ||
	{ diff "$tmp/env.before" "$app/.env"; fail ".env changed beyond EXPORT_MODE"; }
[ "$(stat -c %a "$app/.env")" = 640 ] || fail ".env mode is now $(stat -c %a "$app/.env")"
bak=$(ls "$app"/.env.warroom-ks-*.bak)
cmp -s "$bak" "$tmp/env.before" || fail "the backup is not the previous .env"
[ "$(stat -c %a "$bak")" = 640 ] || fail "the backup's mode is $(stat -c %a "$bak")"
[ -z "$(ls -a "$app" | grep '\.new$')" ] || fail "a temp file was left"
journal=$(ls "$fl"/timeline/export-leak-*.jsonl)
grep -q '"kind":"action.intent".*compose.killswitch' "$journal" || fail "no action.intent"
grep -q '"kind":"action.end".*"outcome":"ok"' "$journal" || fail "no action.end ok"
! grep -q "fleet-canary-db-secret" "$journal" || fail ".env's secret reached the journal"
ok "confirmed: .env changed through SFTP (mode, other lines, backup kept), api redeployed once at its tag, /export 404, OK"

keys X
wait_for "CONFIRM KILL SWITCH"
wait_for "then wait up to"
assert_contains "$tmp/screen" "EXPORT_MODE=off  ->  EXPORT_MODE=on in .env"
keys -l "api"
keys Enter
wait_for "kill switch of api on h1 (docker compose up -d): OK — EXPORT_MODE=on in .env; api redeployed at v1.4.1; /export answers again" 40
[ "$(export_code)" = 200 ] || fail "/export answers $(export_code) after the undo"
cmp -s "$tmp/env.before" "$app/.env" || fail ".env is not back to what it was"
ok "X again undoes it the same way: EXPORT_MODE=on, /export 200, .env as before"

# The swap refused (a mv on the host's PATH that fails): FAILED, .env as
# it was, and the new file written beside it removed again.
printf '#!/bin/sh\necho "mv: cannot move: Operation not permitted" >&2\nexit 1\n' > "$fl/bin/mv"
chmod +x "$fl/bin/mv"
keys X
wait_for "CONFIRM KILL SWITCH"
keys -l "api"
keys Enter
wait_for "kill switch of api on h1 (docker compose up -d): FAILED" 40
rm -f "$fl/bin/mv"
cmp -s "$tmp/env.before" "$app/.env" || fail ".env changed although the swap failed"
i=0
until grep -q '"kind":"action.cleanup".*"outcome":"removed"' "$journal"; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 100 ] || fail "no action.cleanup record"
done
[ -z "$(ls -a "$app" | grep '\.new$')" ] || fail "the new .env was left: $(ls -a "$app" | grep '\.new$')"
[ "$(ups)" = 2 ] || fail "up -d api ran although the swap failed"
ok "a refused swap: FAILED, .env unchanged, the new file beside it removed and journalled"

before=$(mutating)
keys X
wait_for "CONFIRM KILL SWITCH"
echo "LATE_EDIT=1" >> "$app/.env"
keys -l "api"
keys Enter
# Said after the FAILED outcome's few seconds, behind it.
wait_footer_re "plan is stale: .*changed since it was read; nothing ran" 15
[ "$(mutating)" = "$before" ] || fail "a stale plan sent something"
grep -q '"kind":"action.stale"' "$journal" || fail "no action.stale record"
ok "a .env changed after planning runs nothing"
quit_console

# kill -9 between writing the new .env and the swap (a mv that hangs): on
# restart the action is UNKNOWN and never run again; .env is only read, and
# the new file the dead console left beside it is removed and journalled.
cp "$app/.env" "$tmp/env.crash"
removed() { grep -c '"kind":"action.cleanup".*"outcome":"removed"' "$journal" || true; }
was_removed=$(removed)
was_ups=$(ups)
printf '#!/bin/sh\nsleep 20\n' > "$fl/bin/mv"
chmod +x "$fl/bin/mv"
start 200 50 "$wr"
ready
arm
keys X
wait_for "CONFIRM KILL SWITCH"
keys -l "api"
keys Enter
i=0
until ls -a "$app" | grep -q '\.new$'; do
	sleep 0.05; i=$((i + 1)); [ $i -lt 400 ] || fail "the new .env was never written"
done
sleep 1                      # the swap's mv is under way, and hangs
pkill -9 -f "src/warroom -c $tmp/c.conf" || fail "cannot kill the console"
rm -f "$fl/bin/mv"
left=$(ls -a "$app" | grep '\.new$')
[ -n "$left" ] || fail "the killed console left no new .env to clean up"
start 200 50 "$wr"
wait_for "began in an earlier session" 15
i=0
until [ "$(removed)" -gt "$was_removed" ]; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 150 ] || fail "no action.cleanup for the adopted kill switch"
done
grep -q "\"kind\":\"action.cleanup\".*$left" "$journal" || fail "the cleanup does not name $left"
[ ! -e "$app/$left" ] || fail "$left was left beside .env"
cmp -s "$tmp/env.crash" "$app/.env" || fail ".env changed after the crash"
[ "$(ups)" = "$was_ups" ] || fail "the adopted kill switch redeployed api"
quit_console
ok "kill -9 before the swap: UNKNOWN on restart, .env untouched, the left new file removed"

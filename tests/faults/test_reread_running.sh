#!/bin/sh
# test_reread_running.sh — a dropped session does not stop the command it
# ran: `up -d` goes on recreating on the host (sshd is stopped and started
# again at once, as a brief network cut would). When the console is back
# first, its re-read sees the old release still running; that is no
# failure, only not done yet. It reads again until the target runs, then
# records the outcome ok — for a rollback and for the kill switch (whose
# /export still answers 200 until the new container is up). Never a
# reconcile record that says failed. A rollback settled so does what its
# OK path would: /readyz, releases.log and IMAGE_TAG kept in .env (both
# written by this console, which confirmed the plan and never sent them
# before the drop). Then SIGTERM mid-rollback: the console records
# action.end unknown and a shutdown that says terminated; the next one has
# the op UNKNOWN as after kill -9 and re-reads it (never re-runs it, nor
# its .env step), saying releases.log was not written and its outcome "OK
# after re-read, .env NOT updated". The first re-read says it came after a
# reconnect, the last after a restart.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
app=$fl/hosts/h1/app
"$fleet" set --dir "$fl" h1 recreate_seconds=8 > /dev/null
start 200 50 "$WARROOM -c $fl/warroom.conf --incident reread"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
journal=$(ls "$fl"/timeline/reread-*.jsonl)
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"

pulls() { grep -c '"pull","api"' "$log" || true; }
n=$(pulls)
keys r
wait_for "type api and press Enter"
keys -l api; keys Enter
i=0
until [ "$(pulls)" -gt "$n" ]; do     # commands.log has a command once it ends
	sleep 0.05; i=$((i + 1)); [ $i -lt 400 ] || fail "the pull never ran"
done
sleep 1                      # up -d is recreating on the host
"$fleet" fault --dir "$fl" h1 sshd-stop > /dev/null
i=0
until grep -q '"kind":"action.end".*"outcome":"unknown"' "$journal"; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 300 ] || fail "no action.end unknown after the drop"
done
"$fleet" fault --dir "$fl" h1 sshd-start > /dev/null     # back before up -d ends
i=0
until grep -q '"kind":"action.reconcile"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 150 ] || fail "no action.reconcile once up -d ended"
done
grep '"kind":"action.reconcile"' "$journal" | grep -q '"outcome":"ok"' ||
	fail "reconcile: $(grep '"kind":"action.reconcile"' "$journal")"
grep -q '"kind":"action.reconcile".*"outcome":"failed"' "$journal" &&
	fail "a re-read called the rollback failed while up -d was still running"
rec=$(grep '"kind":"action.reconcile"' "$journal")
for want in 're-read after reconnect: api runs v1.4.1, running and /readyz answers 200' \
    'answers 200 but migrations not current: the schema is ahead of this release' \
    'IMAGE_TAG=v1.4.1 kept in .env (was v1.5.0-bad)'; do
	printf '%s' "$rec" | grep -qF -- "$want" || fail "the re-read's detail lacks '$want': $rec"
done
printf '%s' "$rec" | grep -q 'WARNING\|env_updated' && fail "the re-read left .env behind: $rec"
[ "$(grep -c 'rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom' "$app/releases.log")" = 1 ] ||
	fail "releases.log: $(cat "$app/releases.log")"
grep -q '^IMAGE_TAG=v1.4.1$' "$app/.env" || fail ".env: $(grep IMAGE_TAG "$app/.env")"
[ "$(grep -c '"event":"end".*"up","-d","api"' "$log")" = 1 ] || fail "up -d ran twice"
ok "rollback: the re-read waits out the dropped up -d, then does what the OK path does: releases.log and .env once each, and records ok"

wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
"$fleet" set --dir "$fl" h1 recreate_seconds=6 > /dev/null
keys X
wait_for "CONFIRM KILL SWITCH"
wait_for "then wait up to"
keys -l api; keys Enter
i=0
until grep -q '^EXPORT_MODE=off$' "$app/.env"; do
	sleep 0.05; i=$((i + 1)); [ $i -lt 400 ] || fail ".env was never renamed into place"
done
sleep 1                      # up -d is recreating with the new .env
"$fleet" fault --dir "$fl" h1 sshd-stop > /dev/null
i=0
until [ "$(grep -c '"kind":"action.end".*"outcome":"unknown"' "$journal")" -ge 2 ]; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 300 ] || fail "no second action.end unknown"
done
"$fleet" fault --dir "$fl" h1 sshd-start > /dev/null
i=0
until [ "$(grep -c '"kind":"action.reconcile"' "$journal")" -ge 2 ]; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 150 ] || fail "no kill switch reconcile once up -d ended"
done
grep '"kind":"action.reconcile"' "$journal" | tail -1 | grep '"outcome":"ok"' |
	grep -q '"export_status":404' ||
	fail "kill switch reconcile: $(grep '"kind":"action.reconcile"' "$journal" | tail -1)"
ok "kill switch: read again until /export answers 404, then ok"
keys U
wait_for "no UNKNOWN outcome to settle"

"$fleet" set-tag --dir "$fl" h1 all v1.5.0-bad > /dev/null
"$fleet" set --dir "$fl" h1 recreate_seconds=4 > /dev/null
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
ups() { grep -c '"event":"end".*"up","-d","api"' "$log" || true; }
n=$(pulls)
ups0=$(ups)
keys r
wait_for "type api and press Enter"
keys -l api; keys Enter
i=0
until [ "$(pulls)" -gt "$n" ]; do
	sleep 0.05; i=$((i + 1)); [ $i -lt 400 ] || fail "the third pull never ran"
done
sleep 1                      # up -d is recreating on the host
kill -TERM "$(ps -o pid= --ppid "$(tmx display -p -t t '#{pane_pid}')" | tr -d ' ' | head -1)"
wait_for "exit=143" 10
tail -1 "$journal" | grep -q '"kind":"shutdown".*"reason":"terminated"' ||
	fail "SIGTERM's shutdown: $(tail -1 "$journal")"
op=$(grep '"kind":"action.end".*"outcome":"unknown"' "$journal" | tail -1 | sed 's/.*"op":"\([^"]*\)".*/\1/')
start 200 50 "$WARROOM -c $fl/warroom.conf --incident reread"
i=0
until grep -q "\"kind\":\"action.reconcile\".*\"op\":\"$op\"" "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 150 ] || fail "the op SIGTERM left UNKNOWN was never re-read"
done
grep -q "\"kind\":\"incident.resume\".*\"unknown_ops\":\\[\"$op\"\\]" "$journal" ||
	fail "the resume does not name $op: $(grep incident.resume "$journal" | tail -1)"
rec=$(grep "\"kind\":\"action.reconcile\".*\"op\":\"$op\"" "$journal")
for want in '"outcome":"ok"' 're-read after restart: api runs v1.4.1, running and /readyz answers 200' \
    'releases.log not written (the plan was confirmed in an earlier session)' \
    '.env says IMAGE_TAG=v1.5.0-bad: WARNING'; do
	printf '%s' "$rec" | grep -qF -- "$want" || fail "the re-read's detail lacks '$want': $rec"
done
[ "$(ups)" = $((ups0 + 1)) ] || fail "up -d ran $(($(ups) - ups0)) times for one rollback"
printf '%s' "$rec" | grep -qF '"env_updated":false' || fail "no env_updated false: $rec"
grep -q '^IMAGE_TAG=v1.5.0-bad$' "$app/.env" || fail "an earlier session's .env step ran: $(grep IMAGE_TAG "$app/.env")"
wait_for "OK after re-read, .env NOT updated" 10   # the footer and HOSTS: no plain OK
i=0                          # its last word: the unrenamed new .env removed
until grep -q "\"kind\":\"action.cleanup\".*\"op\":\"$op\"" "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 50 ] || fail "no action.cleanup for $op"
done
keys U
wait_for "no UNKNOWN outcome to settle"
ok "SIGTERM mid-rollback: UNKNOWN again on restart, re-read to ok, never re-run; releases.log said not written"
quit_console

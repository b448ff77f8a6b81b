#!/bin/sh
# test_killswitch_export_drip.sh — the kill switch's check of GET /export
# getting no whole answer after the change went out (the fleet's
# http-drip: 200 and a Content-Length, then one byte a second; with
# fault=http-hang: nothing at all): the action ends UNKNOWN, "export not
# verified: /export's answer did not arrive in 5 s", never FAILED from a
# status whose body was not read nor from no answer. Once the fault clears,
# the re-read finds .env off and /export 404: OK after re-read, journalled
# as an action.reconcile ok saying when /export read off.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fault=${fault:-http-drip}
fleet_up --hosts 1 --tag v1.4.1
log=$fl/hosts/h1/commands.log
app=$fl/hosts/h1/app
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 60s/' \
	"$fl/warroom.conf" > "$tmp/c.conf"
"$fleet" set --dir "$fl" h1 recreate_seconds=3 > /dev/null

start 200 50 "$WARROOM -c $tmp/c.conf --incident ks-unread"
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys X
wait_for "CONFIRM KILL SWITCH"
wait_for "then wait up to"
keys -l api; keys Enter
# The fault starts while up -d runs: the change is out, its check is not.
i=0
until cat "$fl"/hosts/h1/running/* 2> /dev/null | grep -q ' up -d'; do
	sleep 0.02; i=$((i + 1)); [ $i -lt 1000 ] || fail "up -d never started on h1"
done
"$fleet" fault --dir "$fl" h1 "$fault" > /dev/null
wait_re "kill switch of api on h1( \\([^)]*\\))?: UNKNOWN" 40
assert_contains "$tmp/screen" "export not verified: /export's answer did not arrive in 5 s"
assert_not_contains "$tmp/screen" "still on"
assert_not_contains "$tmp/screen" ": FAILED —"
journal=$(ls "$fl"/timeline/ks-unread-*.jsonl)
grep -q '"kind":"action.end".*"outcome":"unknown"' "$journal" || fail "no action.end unknown"
! grep -q '"kind":"action.end".*"outcome":"failed"' "$journal" || fail "an action.end failed"
grep -q '^EXPORT_MODE=off$' "$app/.env" || fail ".env does not say off"
ok "$fault on /export after the redeploy: UNKNOWN (export not verified), never FAILED"

"$fleet" fault --dir "$fl" h1 clear "$fault" > /dev/null
i=0
until grep -q '"kind":"action.reconcile".*"outcome":"ok"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 250 ] || fail "no action.reconcile ok after the fault cleared: $(grep reconcile "$journal")"
done
grep '"kind":"action.reconcile"' "$journal" | grep '"outcome":"ok"' | grep '"export_status":404' |
	grep -q '(/export read off at [0-2][0-9]:[0-5][0-9]:[0-5][0-9])' ||
	fail "reconcile record: $(grep '"kind":"action.reconcile"' "$journal")"
wait_for "kill switch of api on h1 (docker compose up -d): OK after re-read — EXPORT_MODE=off in .env; GET /export answers 404 now: the export is disabled (/export read off at" 15
[ "$(grep -c '"kind":"action.end"' "$journal")" = 1 ] || fail "more than one action.end"
[ "$(grep -c '"event":"end".*"up","-d","api"' "$log")" = 1 ] || fail "up -d ran more than once"
ok "fault cleared: re-read settles it OK, /export read off at its time, up -d ran once"
quit_console

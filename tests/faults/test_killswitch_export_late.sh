#!/bin/sh
# test_killswitch_export_late.sh — the kill switch's /export check gets no
# answer (the fleet's http-hang, set while up -d runs) for longer than its
# re-read waits (health_timeout 6 s here): UNKNOWN, and the re-read gives
# up, still UNKNOWN. Once the fault clears, the poller reads /export off
# and that settles it by itself: one action.reconcile by "export", OK
# after re-read, "/export read off at HH:MM:SS, after the re-read gave
# up", said once and in place of the re-read's words and advice; up -d
# ran once.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.4.1
log=$fl/hosts/h1/commands.log
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 6s/' \
	"$fl/warroom.conf" > "$tmp/c.conf"
"$fleet" set --dir "$fl" h1 recreate_seconds=2 > /dev/null

start 200 50 "$WARROOM -c $tmp/c.conf --incident ks-late"
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys X
wait_for "CONFIRM KILL SWITCH"
wait_for "then wait up to"
keys -l api; keys Enter
i=0
until cat "$fl"/hosts/h1/running/* 2> /dev/null | grep -q ' up -d'; do
	sleep 0.02; i=$((i + 1)); [ $i -lt 1000 ] || fail "up -d never started on h1"
done
"$fleet" fault --dir "$fl" h1 http-hang > /dev/null
wait_re "kill switch of api on h1( \\([^)]*\\))?: UNKNOWN" 40
journal=$(ls "$fl"/timeline/ks-late-*.jsonl)
# The re-read runs for health_timeout, then gives up: still UNKNOWN.
i=0
until grep -q '"kind":"action.reconcile".*"outcome":"unknown"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 250 ] || fail "the re-read never gave up: $(grep reconcile "$journal")"
done
sleep 3
! grep -q '"kind":"action.reconcile".*"outcome":"\(ok\|failed\)"' "$journal" ||
	fail "settled while /export hangs: $(grep reconcile "$journal")"
assert_not_contains "$tmp/screen" "OK after re-read"
ok "no /export answer past health_timeout: the re-read gave up, UNKNOWN"

"$fleet" fault --dir "$fl" h1 clear http-hang > /dev/null
i=0
until grep -q '"kind":"action.reconcile".*"outcome":"ok"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 250 ] || fail "not settled after the fault cleared: $(grep reconcile "$journal")"
done
rec=$(grep '"kind":"action.reconcile".*"outcome":"ok"' "$journal")
[ "$(printf '%s\n' "$rec" | wc -l)" = 1 ] || fail "more than one reconcile ok: $rec"
printf '%s\n' "$rec" | grep '"by":"export"' |
	grep -q '"reason":"/export read off at [0-2][0-9]:[0-5][0-9]:[0-5][0-9], after the re-read gave up"' ||
	fail "reconcile record: $rec"
wait_re "/export read off at [0-2][0-9]:[0-5][0-9]:[0-5][0-9], after the re-read gave up" 15
wait_for "OK after re-read" 15
# Settled: the footer and HOSTS say what settled it, not the UNKNOWN's
# advice nor what the re-read that gave up read.
wait_footer_re "OK after re-read — /export read off at [0-2][0-9]:[0-5][0-9]:[0-5][0-9], after the re-read gave up \\(before it: UNKNOWN" 5
! footer_text | grep -qF "check by hand, then U" || fail "the footer still says check by hand: $(footer_text)"
! footer_text | grep -qF "| h1's /export read off" || fail "said twice: $(footer_text)"
wait_re "  /export read off at [0-2][0-9]:[0-5][0-9]:[0-5][0-9], after the re-read gave up" 5
assert_not_contains "$tmp/screen" "what the export does is not known"
! grep -q '"kind":"action.reconcile".*"outcome":"failed"' "$journal" || fail "a reconcile failed"
[ "$(grep -c '"kind":"action.end"' "$journal")" = 1 ] || fail "more than one action.end"
[ "$(grep -c '"event":"end".*"up","-d","api"' "$log")" = 1 ] || fail "up -d ran more than once"
ok "fault cleared: /export read off settles it OK by itself, up -d ran once"
quit_console

#!/bin/sh
# test_killswitch_k8s_export_late.sh — test_killswitch_export_late.sh on a
# k8s host: /export answers nothing (http-hang) after the kill switch's
# revision rolled out, for longer than its re-read waits (health_timeout
# 8 s): UNKNOWN, the re-read gives up; once the fault clears and the
# rollout is read complete, the poller's /export off settles it by
# itself: one action.reconcile by "export", OK after re-read; set env ran
# once.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo
"$fleet" set --dir "$fl" k8s-bastion rollout_seconds=3 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 8s/' \
	"$fl/warroom.conf" > "$tmp/c.conf"
log=$fl/hosts/k8s-bastion/commands.log
# until_in FILE REGEX SECONDS WHAT — until a line of FILE matches.
until_in() {
	i=0
	until grep -q "$2" "$1" 2> /dev/null; do
		i=$((i + 1)); [ "$i" -lt "$(($3 * 10))" ] || fail "$4"; sleep 0.1
	done
}

start 200 50 "$WARROOM -c $tmp/c.conf --incident k8s-ks-late"
wait_re "k8s-bastion +api +UP +v1\\.5\\.0-bad +([A-Z][A-Za-z ()*]*[A-Z)*] +)?[0-9]+/[0-9]+ complete " 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys Down Down
wait_re "│> k8s-bastion +api" 5
keys X
wait_for "CONFIRM KILL SWITCH (k8s.killswitch)" 15
wait_for "type api and press Enter"
keys -l api; keys Enter
until_in "$log" '"event":"start".*"rollout","status"' 15 "rollout status never started"
"$fleet" fault --dir "$fl" k8s-bastion http-hang > /dev/null
journal=$(ls "$fl"/timeline/k8s-ks-late-*.jsonl)
until_in "$journal" '"kind":"action.end".*"outcome":"unknown"' 40 "no action.end unknown: $(grep action.end "$journal")"
until_in "$journal" '"kind":"action.reconcile".*"outcome":"unknown"' 60 "the re-read never gave up: $(grep reconcile "$journal")"
sleep 3
! grep -q '"kind":"action.reconcile".*"outcome":"\(ok\|failed\)"' "$journal" ||
	fail "settled while /export hangs: $(grep reconcile "$journal")"
ok "no /export answer past health_timeout: the re-read gave up, UNKNOWN"

"$fleet" fault --dir "$fl" k8s-bastion clear http-hang > /dev/null
until_in "$journal" '"kind":"action.reconcile".*"outcome":"ok"' 60 "not settled after the fault cleared: $(grep reconcile "$journal")"
rec=$(grep '"kind":"action.reconcile".*"outcome":"ok"' "$journal")
[ "$(printf '%s\n' "$rec" | wc -l)" = 1 ] || fail "more than one reconcile ok: $rec"
printf '%s\n' "$rec" | grep '"by":"export"' | grep '"action":"k8s.killswitch"' |
	grep -q '"reason":"/export read off at [0-2][0-9]:[0-5][0-9]:[0-5][0-9], after the re-read gave up"' ||
	fail "reconcile record: $rec"
wait_for "OK after re-read" 15
[ "$(grep -c '"kind":"action.end"' "$journal")" = 1 ] || fail "more than one action.end"
[ "$(grep -c '"event":"end".*"set","env"' "$log")" = 1 ] || fail "set env ran more than once: $(grep -c '"event":"end".*"set","env"' "$log")"
ok "fault cleared: /export read off settles it OK by itself, set env ran once"
quit_console

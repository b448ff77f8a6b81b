#!/bin/sh
# test_killswitch_k8s_export_drip.sh — the k8s kill switch's check of GET
# /export getting a 200 whose body never arrives (the fleet's http-drip:
# Content-Length 239, then one byte a second) after its revision rolled
# out: UNKNOWN, "export not verified: /export's answer did not arrive in
# 5 s", never FAILED "the export is still on" from a status with an unread
# body. Once the fault clears, the re-read (deployment, then /export 404)
# settles it OK, saying when /export read off.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo
"$fleet" set --dir "$fl" k8s-bastion rollout_seconds=4 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 60s/' \
	"$fl/warroom.conf" > "$tmp/c.conf"
log=$fl/hosts/k8s-bastion/commands.log
# until_in FILE REGEX SECONDS WHAT — until a line of FILE matches.
until_in() {
	i=0
	until grep -q "$2" "$1" 2> /dev/null; do
		i=$((i + 1)); [ "$i" -lt "$(($3 * 10))" ] || fail "$4"; sleep 0.1
	done
}

start 200 50 "$WARROOM -c $tmp/c.conf --incident k8s-ks-drip"
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
"$fleet" fault --dir "$fl" k8s-bastion http-drip > /dev/null
journal=$(ls "$fl"/timeline/k8s-ks-drip-*.jsonl)
until_in "$journal" '"kind":"action.end".*"outcome":"unknown"' 40 "no action.end unknown: $(grep action.end "$journal")"
wait_re "kill switch of api on k8s-bastion( \\([^)]*\\))?: UNKNOWN" 10
assert_contains "$tmp/screen" "export not verified: /export's answer did not arrive in 5 s"
assert_not_contains "$tmp/screen" "the export is still on"
! grep -q '"kind":"action.end".*"outcome":"failed"' "$journal" || fail "an action.end failed"
ok "http-drip on /export after the rollout: UNKNOWN (export not verified), never FAILED"

"$fleet" fault --dir "$fl" k8s-bastion clear http-drip > /dev/null
until_in "$journal" '"kind":"action.reconcile".*"outcome":"ok"' 60 "no action.reconcile ok after the fault cleared"
grep '"kind":"action.reconcile"' "$journal" | grep '"action":"k8s.killswitch"' | grep '"export_status":404' |
	grep -q '(/export read off at [0-2][0-9]:[0-5][0-9]:[0-5][0-9])' ||
	fail "reconcile record: $(grep '"kind":"action.reconcile"' "$journal")"
wait_for "kill switch of api on k8s-bastion (kubectl set env): OK after re-read — " 10
[ "$(grep -c '"kind":"action.end"' "$journal")" = 1 ] || fail "more than one action.end"
ok "fault cleared: the re-read settles it OK, /export read off at its time"
quit_console

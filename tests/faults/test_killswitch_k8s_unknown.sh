#!/bin/sh
# test_killswitch_k8s_unknown.sh — the k8s kill switch losing its host
# while kubectl rollout status waits (the fleet's rollout_seconds): the
# action ends UNKNOWN — in the journal and on screen — never OK; nothing
# is re-read while the host is away; once sshd is back the deployment is
# read again (its env and rollout) and /export asked, both agreeing
# settle the outcome ok (action.reconcile), and set env ran once; X then
# offers turning the export back on.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo
"$fleet" set --dir "$fl" k8s-bastion rollout_seconds=8 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 20s\nkeepalive_interval = 2s/' \
	"$fl/warroom.conf" > "$tmp/c.conf"
log=$fl/hosts/k8s-bastion/commands.log
sets() { grep -c '"event":"end".*"set","env"' "$log" 2> /dev/null || true; }
# until_in FILE REGEX SECONDS WHAT — until a line of FILE matches.
until_in() {
	i=0
	until grep -q "$2" "$1" 2> /dev/null; do
		i=$((i + 1)); [ "$i" -lt "$(($3 * 10))" ] || fail "$4"; sleep 0.1
	done
}

start 200 50 "$WARROOM -c $tmp/c.conf --incident k8s-ks-unknown"
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
"$fleet" fault --dir "$fl" k8s-bastion sshd-stop > /dev/null
journal=$(ls "$fl"/timeline/k8s-ks-unknown-*.jsonl)
until_in "$journal" '"kind":"action.end".*"outcome":"unknown"' 30 "no action.end unknown"
wait_for "kill switch of api on k8s-bastion (kubectl set env): UNKNOWN" 10
assert_contains "$tmp/screen" "connection lost during rollout status"
! grep -q '"kind":"action.end".*"outcome":"ok"' "$journal" || fail "an action.end ok"
ok "sshd stopped during rollout status: UNKNOWN in the journal and on screen, never OK"

sleep 6                      # the rollout finishes on the host meanwhile
! grep -q '"kind":"action.reconcile"' "$journal" || fail "reconciled while the host was down"
ok "nothing re-read or claimed while the host is away"

"$fleet" fault --dir "$fl" k8s-bastion sshd-start > /dev/null
until_in "$journal" '"kind":"action.reconcile"' 40 "no action.reconcile after sshd returned"
grep '"kind":"action.reconcile"' "$journal" | grep '"action":"k8s.killswitch"' | grep '"found":"off"' |
	grep '"revision":5' | grep '"export_status":404' | grep '"export_disabled":true' |
	grep '"outcome":"ok"' | grep -q '"summary":"the deployment.s env holds the new value, its rollout is complete and the export is disabled"' ||
	fail "reconcile record: $(grep '"kind":"action.reconcile"' "$journal")"
wait_for "kill switch of api on k8s-bastion (kubectl set env): OK after re-read — EXPORT_MODE=off in deployment/api's env, revision 5, rollout complete; GET /export answers 404 now: the export is disabled" 10
[ "$(grep -c '"kind":"action.end"' "$journal")" = 1 ] || fail "more than one action.end"
[ "$(sets)" = 1 ] || fail "set env ran $(sets) times"
ok "host back: the deployment re-read (off, revision 5 rolled out) and /export asked (404), journalled as ok; set env ran once"

# Off now, by a switch settled by the re-read: X offers turning it back on.
keys X
wait_for "CONFIRM KILL SWITCH (k8s.killswitch)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "EXPORT_MODE=off  ->  EXPORT_MODE=on in deployment/api's env (container api); a new revision after 5"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
[ "$(sets)" = 1 ] || fail "set env ran $(sets) times"
ok "after OK after re-read, X offers the undo (EXPORT_MODE=on)"
quit_console

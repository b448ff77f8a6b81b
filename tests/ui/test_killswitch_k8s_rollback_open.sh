#!/bin/sh
# test_killswitch_k8s_rollback_open.sh — a k8s kill switch whose rollout
# never completes (rollout-stuck) ends FAILED and keeps its host counted
# as exporting (EXPORT "on?"). An r rollback (kubectl rollout undo) then
# moves the deployment: the stuck switch's rollout is superseded, and once
# the undo's rollout is read complete, what /export answers counts again
# and X no longer says the old switch's why. Before, the stale switch
# stayed open until a kill switch ended OK.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
command -v curl > /dev/null 2>&1 || skip "curl is not installed"
fleet_up --hosts 1 --driver k8s --tag v1.5.0-bad
"$fleet" set --dir "$fl" h1 rollout_seconds=1 > /dev/null
"$fleet" fault --dir "$fl" h1 rollout-stuck > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 3s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident ks-rb-open"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys X
wait_for "type api and press Enter" 15
keys -l api; keys Enter
wait_for "kill switch of api on h1 (kubectl set env): FAILED" 20
wait_re "h1 +api .* on\\? " 10
ok "the switch's rollout stuck: FAILED, counted as exporting (on?)"

keys r
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
wait_for "type api and press Enter"
# None is preselected (v1.4.1 would change EXPORT_MODE): Down picks it.
keys Down
wait_for "revision 4 (v1.5.0-bad)  ->  revision " 5
keys -l api; keys Enter
wait_for "rollback of api on h1 (kubectl rollout undo): OK" 30
wait_re "h1 +api +UP +[^ ]+ .* (on|off) " 15
capture
grep -qE "h1 +api .* on\\? " "$tmp/screen" && fail "EXPORT still says on? after the undo's rollout completed"
sleep 3                      # a few polls read the undo's rollout complete
keys X
wait_for "type api and press Enter" 15
screen_lacks "old pods may still export" || fail "X still says the stale switch's why after the undo"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
ok "the undo read complete: the stale switch no longer decides, /export does"
quit_console

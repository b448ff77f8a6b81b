#!/bin/sh
# test_rollback_k8s_marked.sh — on k8s, once every earlier revision is one
# this incident rolled back from, r still opens the dialog: they are all
# listed, marked, none preselected, and it says why; Enter refuses until
# Up/Down picks one, and the pick is warned in red. Proven on a one-host
# k8s fleet (revisions v1.4.0, v1.4.1, v1.5.0-bad) after two rollbacks.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --driver k8s --tag v1.5.0-bad
"$fleet" set --dir "$fl" h1 rollout_seconds=1 > /dev/null
log=$fl/hosts/h1/commands.log
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 15s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident marked"
wait_re "h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "type api and press Enter" 15
keys -l api; keys Enter
wait_for "rollback of api on h1 (kubectl rollout undo): OK — api runs v1.4.1" 40
keys r
wait_for "type api and press Enter" 15
# h1 runs this incident's target: said first, nothing preselected.
assert_contains "$tmp/screen" "h1 was rolled back to v1.4.1 at "
assert_contains "$tmp/screen" "revision 4 (v1.4.1)  ->  ? (no target picked)"
keys Down
wait_for "> revision 1 (v1.4.0)" 5
keys -l api; keys Enter
wait_for "rollback of api on h1 (kubectl rollout undo): OK — api runs v1.4.0" 40

keys r
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
wait_for "pick a target with Up/Down, then type api and press Enter to roll back api on h1: v1.4.0 -> ? (none picked)"
assert_contains "$tmp/screen" "revision 5 (v1.4.0)  ->  ? (no target picked)"
assert_contains "$tmp/screen" "nothing is preselected: every earlier revision was rolled back from in this incident (v1.4.1, v1.5.0-bad); Up/Down picks one, only if it was fixed"
assert_contains "$tmp/screen" "    revision 4 (v1.4.1), made by \"kubectl set image"
assert_contains "$tmp/screen" "    revision 3 (v1.5.0-bad), made by \"kubectl set image"
assert_not_contains "$tmp/screen" "rollout undo deployment/api"
# At 80x24 the dialog's rows wrap, not cut: "…its plan then sho",
# "kubectl set image deploymen".
resize 80 24
wait_for "shows below):" 5
assert_contains "$tmp/screen" "its plan then "
keys NPage
wait_for "▲" 5
assert_contains "$tmp/screen" "revision 4 (v1.4.1), made by"
assert_contains "$tmp/screen" "\"kubectl set image deployment/api"
resize 200 50
wait_for "pick a target with Up/Down, then type api and press Enter to roll back api on h1: v1.4.0 -> ? (none picked)"
keys -l api; keys Enter
wait_for "no target is picked: Up/Down picks one"
keys Down
wait_for "type api and press Enter to roll back api on h1: v1.4.0 -> v1.4.1"
assert_contains "$tmp/screen" "v1.4.1 WAS ROLLED BACK FROM in this incident"
assert_contains "$tmp/screen" "> revision 4 (v1.4.1), made by \"kubectl set image"
assert_contains "$tmp/screen" "kubectl rollout undo deployment/api -n 'prod' --to-revision=4"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
[ "$(grep -c '"rollout","undo"' "$log")" = 2 ] || fail "an undo ran from the unpicked dialog"
ok "every earlier revision rolled back from: listed, marked, none preselected, Enter waits for a pick"
quit_console

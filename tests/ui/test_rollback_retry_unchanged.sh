#!/bin/sh
# test_rollback_retry_unchanged.sh — a helm rollback that exited 1 at
# once (nothing changed) was retried with r: the dialog preselected
# nothing and marked 1.4.1 "its rollout may never have completed", though
# no rollout began. The host still at the revision it left says what is
# known (exit 1, nothing changed, still at revision 3), and 1.4.1 is
# preselected as on a first try.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --driver helm --tag v1.5.0-bad
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident helm-retry"
wait_re "│> h1 +api +UP +1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "CONFIRM ROLLBACK (helm.rollback)" 15
wait_for "type api and press Enter"
wait_re "> revision 2: .*app 1\\.4\\.1"
# helm rollback fails in its own words before changing anything.
"$fleet" fault --dir "$fl" h1 cmd-escapes > /dev/null
keys -l api; keys Enter
wait_for "rollback of api on h1 (helm rollback): FAILED — helm rollback exited 1" 20
"$fleet" fault --dir "$fl" h1 clear cmd-escapes > /dev/null
keys r
wait_for "CONFIRM ROLLBACK (helm.rollback)" 15
wait_for "type api and press Enter"
wait_re "> revision 2: .*app 1\\.4\\.1 .*this incident's rollback to it here ended FAILED at [0-9:]+ \\(helm rollback exited 1\\) and changed nothing" 5
grep -qE "│ this incident's rollback to it here ended FAILED at [0-9:]+ \\(helm rollback exited 1\\) and changed nothing: still at revision 3 \\(1\\.5\\.0-bad\\) " "$tmp/screen" ||
	{ cat "$tmp/screen"; fail "the plan does not say the rollback changed nothing"; }
assert_contains "$tmp/screen" "revision 3 (1.5.0-bad)  ->  revision 2 (1.4.1)"
assert_not_contains "$tmp/screen" "may never have completed"
assert_not_contains "$tmp/screen" "nothing is preselected"
ok "retry after a helm rollback that changed nothing: said as such, the target preselected"
keys Escape
wait_gone "CONFIRM ROLLBACK" 5
quit_console

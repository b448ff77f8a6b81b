#!/bin/sh
# test_rollback_history_marks.sh — in a new incident, r preselected the
# release an earlier one rolled back from (helm's "Rollback to 3", k8s's
# undone revision), with no mark. The host's own history marks it now.
# After a FAILED undo the dialog named an earlier OK rollback; after the
# next bad deploy, the FAILED undo's target was preselected unsaid. Enter
# with nothing picked said "every one is marked" at a host at its target.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo
"$fleet" set --dir "$fl" k8s-bastion rollout_seconds=1 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 4s/' "$fl/warroom.conf" > "$tmp/c.conf"
# An earlier night: both bastions rolled back from 1.5.0-bad, outside
# this incident; then k8s-bastion got another bad release.
"$fleet" ssh --dir "$fl" helm-bastion helm rollback api 3 -n prod > /dev/null
"$fleet" ssh --dir "$fl" k8s-bastion kubectl rollout undo deployment/api -n prod > /dev/null
"$fleet" set-tag --dir "$fl" k8s-bastion api v1.5.1-bad > /dev/null

# Esc closed the dialog (the footer may still hold an earlier outcome).
dialog_closed() {
	i=0
	while [ "$i" -lt 200 ]; do
		capture
		grep -qF "CONFIRM ROLLBACK" "$tmp/screen" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	fail "the dialog stayed open after Esc"
}

start 200 50 "$WARROOM -c $tmp/c.conf --incident next-night"
wait_re "k8s-bastion +api +UP +v1\\.5\\.1-bad +([A-Z][A-Za-z ()*]*[A-Z)*] +)?[0-9]+/[0-9]+ complete " 15
keys A; keys -l arm; keys Enter
keys Down Down Down r
wait_for "CONFIRM ROLLBACK (helm.rollback)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "revision 5 (1.4.1)  ->  revision 2 (1.4.0)"
assert_contains "$tmp/screen" "  revision 4: api-0.12.0, app 1.5.0-bad (superseded)  (rolled back from: helm revision 5 is \"Rollback to 3\")"
keys Escape
dialog_closed
ok "helm: the revision its history rolled back from is marked, not preselected"

keys Up r
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "revision 6 (v1.5.1-bad)  ->  revision 5 (v1.4.1)"
assert_contains "$tmp/screen" "revision 4 (v1.5.0-bad), made by \"kubectl set image deployment/api api=registry.local/acme/api:v1.5.0-bad\"  (rolled back from: revision 5 went back from it to v1.4.1)"
keys -l api; keys Enter
wait_for "rollback of api on k8s-bastion (kubectl rollout undo): OK — api runs v1.4.1" 40
ok "k8s: the revision an earlier undo left is marked; the good one preselected"

# Another bad deploy, and an undo whose rollout never completes.
"$fleet" set-tag --dir "$fl" k8s-bastion api v1.5.2-bad > /dev/null
wait_re "k8s-bastion +api +[A-Z]+ +v1\\.5\\.2-bad " 15
"$fleet" fault --dir "$fl" k8s-bastion rollout-stuck > /dev/null
keys r
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "revision 8 (v1.5.2-bad)  ->  revision 7 (v1.4.1)"
keys -l api; keys Enter
wait_for "rollback of api on k8s-bastion (kubectl rollout undo): FAILED" 40
wait_re "k8s-bastion +api +[A-Z]+ +v1\\.4\\.1 " 15
keys r
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
wait_for "type api and press Enter"
# The latest rollback, FAILED, is named, not the earlier OK one.
assert_contains "$tmp/screen" "k8s-bastion runs v1.4.1, the tag its rollback went to (ended FAILED at "
assert_not_contains "$tmp/screen" "k8s-bastion was rolled back to v1.4.1"
keys -l api; keys Enter
wait_footer_re "no target is picked: Up/Down picks one \\(none is preselected: k8s-bastion runs v1\\.4\\.1, the tag its rollback went to" 5
keys Escape
dialog_closed
ok "after a FAILED undo: the latest rollback named; Enter says the host is at its target"

"$fleet" set-tag --dir "$fl" k8s-bastion api v1.5.3-bad > /dev/null
wait_re "k8s-bastion +api +[A-Z]+ +v1\\.5\\.3-bad " 15
keys r
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "->  ? (no target picked)"
assert_contains "$tmp/screen" "nothing is preselected: v1.4.1, the newest earlier release, is where this incident's rollback here went and it did not end OK"
assert_contains "$tmp/screen" "api:v1.4.1\"  (this incident's rollback to it here ended FAILED at "
keys Escape
dialog_closed
ok "after the next bad deploy: the FAILED undo's target is marked, not preselected"

# Helm: this incident rolls back to 1.4.1 and it holds; then someone
# outside the console goes back to the bad release ("Rollback to 6").
# 1.4.1 stays preselected, with a plain note, not a red warning calling
# it a release that brings the failure back.
"$fleet" set-tag --dir "$fl" helm-bastion api 1.6.0-bad > /dev/null
wait_re "helm-bastion +api +[A-Z]+ +1\\.6\\.0-bad " 15
keys Down r
wait_for "CONFIRM ROLLBACK (helm.rollback)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "revision 6 (1.6.0-bad)  ->  revision 5 (1.4.1)"
keys -l api; keys Enter
wait_for "rollback of api on helm-bastion (helm rollback): OK" 40
"$fleet" ssh --dir "$fl" helm-bastion helm rollback api 6 -n prod > /dev/null
wait_re "helm-bastion +api +[A-Z]+ +1\\.6\\.0-bad " 15
keys r
wait_for "CONFIRM ROLLBACK (helm.rollback)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "revision 8 (1.6.0-bad)  ->  revision 7 (1.4.1)"
assert_contains "$tmp/screen" "1.4.1 held OK as this incident's rollback target; it was left after that (helm revision 8 is \"Rollback to 6\")"
assert_not_contains "$tmp/screen" "WAS ROLLED BACK FROM"
keys Escape
dialog_closed
ok "helm: this incident's OK target left by an outside rollback: preselected, a note, no warning"
quit_console

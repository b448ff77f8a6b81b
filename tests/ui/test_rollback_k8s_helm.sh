#!/bin/sh
# test_rollback_k8s_helm.sh — rollbacks on the demo fleet's Kubernetes and
# Helm bastions, proven by their commands.log: kubectl rollout undo to the
# previous revision (its tag read from its ReplicaSet) then rollout
# status, verified by the deployment's new revision running that tag; helm rollback to the last good revision, verified by helm
# history; then helm's r preselects neither the revision the running one
# is a copy of nor the one rolled back from; a runbook step's typed
# revision of the release rolled back from is marked and warned in red;
# X on the Helm host is refused with the way to do it by hand,
# journalled; a rollout that never completes ends FAILED with kubectl's
# exit and what the undo left in place, and r after it preselects nothing;
# METRICS shows the deployment's restarts, and the other hosts' verdicts
# with their reasons.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo
"$fleet" set --dir "$fl" k8s-bastion rollout_seconds=1 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 8s/' "$fl/warroom.conf" > "$tmp/c.conf"
k8s=$fl/hosts/k8s-bastion/commands.log
helm=$fl/hosts/helm-bastion/commands.log

cat > "$tmp/rb.md" <<'MD'
# Drill

## Roll back to a chosen revision

1. Undo to a chosen revision

   ```bash
   kubectl rollout undo deployment/api -n prod --to-revision=<REVISION>
   ```

2. Helm back to a chosen revision

   ```bash
   helm rollback api <REV> -n prod
   ```
MD

start 200 50 "$WARROOM -c $tmp/c.conf --incident k8s-helm-drill -r $tmp/rb.md"
wait_re "k8s-bastion +api +UP +v1\\.5\\.0-bad +([A-Z][A-Za-z ()*]*[A-Z)*] +)?[0-9]+/[0-9]+ complete " 15
keys A; keys -l arm; keys Enter
keys Down Down
# METRICS counts the restarts per service that the bastion's pods report.
wait_re "restarts in 5m: api [0-9]+" 20
# The other hosts' verdicts carry their reasons.
wait_re "│api-1 +ROLLBACK IMMEDIATELY +error rate [0-9.]+% (\([0-9.]+ of [0-9.]+ requests\) )?> 5%" 20
keys r
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
# The dialog's last line, so the whole of it has been drawn.
wait_for "type api and press Enter"
# The target's tag, from its ReplicaSet; the verify then checks it runs.
assert_contains "$tmp/screen" "revision 4 (v1.5.0-bad)  ->  revision 3 (v1.4.1)"
assert_contains "$tmp/screen" "> revision 3 (v1.4.1), made by \"kubectl set image"
assert_contains "$tmp/screen" "kubectl rollout undo deployment/api -n 'prod' --to-revision=3"
keys -l api; keys Enter
wait_for "rollback of api on k8s-bastion (kubectl rollout undo): OK — api runs v1.4.1" 40
[ "$(grep -c '"argv":\["kubectl","rollout","undo","deployment/api","-n","prod","--to-revision=3"\]' "$k8s")" = 1 ] ||
	fail "rollout undo did not run exactly once"
grep -q '"argv":\["kubectl","rollout","status","deployment/api","-n","prod","--timeout=8s"\]' "$k8s" ||
	fail "rollout status did not run"
ok "kubectl rollout undo to the previous revision, waited for and verified"

keys Down r
wait_for "CONFIRM ROLLBACK (helm.rollback)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "revision 4 (1.5.0-bad)  ->  revision 3 (1.4.1)"
keys -l api; keys Enter
wait_for "rollback of api on helm-bastion (helm rollback): OK — api runs 1.4.1" 40
[ "$(grep -c '"argv":\["helm","rollback","api","3","-n","prod","--wait","--timeout","8s"\]' "$helm")" = 1 ] ||
	fail "helm rollback did not run exactly once"
ok "helm rollback to the last good revision, verified by helm history"

# helm's revision 5 is a copy of 3: r never preselects 3 (nothing would
# change), nor 4 (rolled back from); both are listed, marked. The host
# runs this incident's target: said first, and 2 is not preselected either.
keys r
wait_for "CONFIRM ROLLBACK (helm.rollback)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "revision 5 (1.4.1)  ->  ? (no target picked)"
assert_contains "$tmp/screen" "helm-bastion was rolled back to 1.4.1 at "
assert_contains "$tmp/screen" "    revision 2: api-0.10.0, app 1.4.0 (superseded)"
assert_contains "$tmp/screen" "  revision 3: api-0.11.0, app 1.4.1 (superseded)  (same version as running: nothing would change)"
# k8s-bastion left v1.5.0-bad first, but helm-bastion left it too: its
# own rollback is the one said, not another host's.
wait_re "  revision 4: api-0\\.12\\.0, app 1\\.5\\.0-bad \\(superseded\\)  \\(this host rolled back from 1\\.5\\.0-bad at [0-9]{2}:[0-9]{2}\\)" 2
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
ok "helm r: the same version and the release rolled back from are listed, never preselected"

# A runbook step's typed revision back to the release rolled back from:
# planned as typed, marked and warned in red before the confirmation.
keys 4; keys ]; keys x
wait_for "on k8s-bastion (api at revision 5, v1.4.1), <REVISION> (1 of 1) = " 15
keys -l 4; keys Enter
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "revision 5 (v1.4.1)  ->  revision 4 (v1.5.0-bad)"
assert_contains "$tmp/screen" "v1.5.0-bad WAS ROLLED BACK FROM in this incident"
assert_contains "$tmp/screen" "> revision 4 (v1.5.0-bad), made by \"kubectl set image"
wait_re "\\(this host rolled back from v1\\.5\\.0-bad at [0-9]{2}:[0-9]{2}\\)" 2
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
keys ]; keys x
wait_for "<REV> (1 of 1) = " 15
keys -l 4; keys Enter
wait_for "CONFIRM ROLLBACK (helm.rollback)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "revision 5 (1.4.1)  ->  revision 4 (1.5.0-bad)"
assert_contains "$tmp/screen" "1.5.0-bad WAS ROLLED BACK FROM in this incident"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
keys 1
ok "a runbook step's revision of the release rolled back from: marked, warned in red"

# The kill switch does not edit a chart's values: refused, with the way
# to do it by hand, and journalled.
journal=$(ls "$fl"/timeline/k8s-helm-drill-*.jsonl)
keys X
wait_for "kill switch refused: helm-bastion is a helm host" 10
grep '"kind":"action.refused"' "$journal" | grep '"action":"helm.killswitch"' |
	grep -q 'helm upgrade api CHART -n prod --reuse-values --set env.EXPORT_MODE=off' ||
	fail "the helm refusal is not journalled with the way by hand: $(grep '"kind":"action.refused"' "$journal")"
ok "X on a helm host: refused with the helm upgrade to run by hand, journalled"

# A rollout that never completes.
"$fleet" fault --dir "$fl" k8s-bastion rollout-stuck > /dev/null
keys Up r
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
# k8s-bastion runs this incident's target: nothing preselected; picked.
wait_for "k8s-bastion was rolled back to v1.4.1 at " 5
keys Down
wait_for "> revision 2 (v1.4.0)" 5
keys -l api; keys Enter
wait_for "rollback of api on k8s-bastion (kubectl rollout undo): FAILED — rollout status exited 1" 40
# The undo was applied all the same: the outcome says what is in place.
grep '"kind":"action.end"' "$journal" | tail -1 | grep '"outcome":"failed"' |
	grep -q "timed out waiting for the condition; undo applied (revision 6 at v1.4.0), rollout not complete: 2/3 ready after 8 s; it may still complete: revision 6 runs v1.4.0, this undo's target: another r would go past it" ||
	fail "the stuck undo's outcome: $(grep '"kind":"action.end"' "$journal" | tail -1)"
ok "a stuck rollout ends FAILED with kubectl's exit, and says the undo is in place"

# The FAILED undo applied: r again says so first and preselects nothing.
wait_re "k8s-bastion +api +[A-Z]+ +v1\\.4\\.0 " 15
keys r
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "k8s-bastion runs v1.4.0, the tag its rollback went to (ended FAILED at "
assert_contains "$tmp/screen" "revision 6 (v1.4.0)  ->  ? (no target picked)"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
ok "r after a FAILED undo that applied: at its target, nothing preselected"
quit_console

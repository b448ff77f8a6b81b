#!/bin/sh
# test_rollback_late_done_helm.sh — a helm rollback whose --wait runs out
# (health_timeout 2 s, the release's rollout 8 s) ends FAILED with helm's
# exit; helm history's new revision, failed by the wait at the target,
# goes in its end as data. Once the poller reads that revision still the
# newest and the release's Deployment all ready at the target, one
# action.reconcile says "h1's rollout completed at …, after its rollback
# ended FAILED at …: now OK", and the footer says "FAILED, rollout
# completed later". STATE shows the rollout under way ("2/3 progressing")
# from the Deployment, and once every pod runs the failed-by-wait
# revision, TAG and the journal's tag say its release, not the old
# revision helm still calls deployed, and r there preselects nothing.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --driver helm --tag v1.5.0-bad
"$fleet" set --dir "$fl" h1 rollout_seconds=8 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 2s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident helm-late"
wait_re "│> h1 +api +UP +1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "type api and press Enter" 15
wait_re "> revision 2: .*app 1\\.4\\.1"
keys -l api; keys Enter
wait_for "rollback of api on h1 (helm rollback): FAILED — helm rollback exited 1: Error: release api failed: timed out waiting for the condition" 20
grep -q '"argv":\["helm","rollback","api","2","-n","prod","--wait","--timeout","2s"\]' \
	"$fl/hosts/h1/commands.log" || fail "helm rollback --wait did not run"
journal=$(ls "$fl"/timeline/helm-late-*.jsonl)
grep '"kind":"action.end"' "$journal" | tail -1 |
	grep -q '"outcome":"failed",.*"rollout":{"revision":4,"tag":"1.4.1"}' ||
	fail "the FAILED end: $(grep '"kind":"action.end"' "$journal" | tail -1)"
grep -q '"kind":"action.reconcile"' "$journal" && fail "settled before its pods were ready"
ok "a helm rollback whose --wait runs out: FAILED, and its end says the rollback applied"

# helm shows only revision 3 deployed; the Deployment says the rollout is
# under way (VERDICT may read BAD RELEASE (OK): the row runs the release
# rolled back from).
wait_re "│> h1 +api +[A-Z]+ +1\\.5\\.0-bad +([A-Z][A-Z ()]*[A-Z)] +)?[0-2]/3 progressing" 5
ok "while its pods roll out, STATE says so from the Deployment, as on k8s rows"

wait_re "h1's rollout completed at [0-9]{2}:[0-9]{2}:[0-9]{2}, after its rollback ended FAILED at [0-9]{2}:[0-9]{2}:[0-9]{2}: now OK" 20
wait_re "h1/api: rollback 1\\.5\\.0-bad -> 1\\.4\\.1: FAILED, rollout completed later at [0-9:]{8} — helm rollback exited 1" 5
sleep 2
[ "$(grep -c '"kind":"action.reconcile"' "$journal")" = 1 ] ||
	fail "reconciles: $(grep '"kind":"action.reconcile"' "$journal")"
grep '"kind":"action.reconcile"' "$journal" | grep '"by":"rollout","outcome":"ok"' |
	grep -q '"revision":4,"tag":"1.4.1".*"detail":"release api at revision 4 (failed) is 1.4.1; deployment/api runs v1.4.1: 3/3 ready, 3 updated"' ||
	fail "the reconcile: $(grep reconcile "$journal")"
ok "its pods read all ready later at that revision: journalled once as OK, said in the footer"

# helm still calls revision 3 deployed, but no pod runs it: the row, and
# the journal's tag the containment and the post-mortem read, say 1.4.1.
wait_re "│> h1 +api +[A-Z]+ +1\\.4\\.1 +([A-Z]+ +)?failed" 5
grep '"kind":"health.change"' "$journal" | tail -1 | grep -q '"tag":"1.4.1"' ||
	fail "the journalled tag: $(grep '"kind":"health.change"' "$journal" | tail -1)"
grep '"kind":"health.change"' "$journal" | grep '"tag":"1.4.1"' | grep -q outside &&
	fail "the rollback's own tag said as a deploy outside this console"
ok "the revision failed by its wait, all its pods ready, is the one the row and the journal say runs"

# r there plans from what runs (revision 4 at 1.4.1), not from revision 3
# helm still calls deployed: it says so first and preselects nothing.
keys r
wait_for "CONFIRM ROLLBACK" 15
wait_for "a further rollback goes past it" 5
grep -qE "h1 was rolled back to 1\\.4\\.1 at [0-9]{2}:[0-9]{2}:[0-9]{2}, [0-9]+ s ago" "$tmp/screen" ||
	{ cat "$tmp/screen"; fail "r on h1 at the target does not say so"; }
assert_contains "$tmp/screen" "none preselected"
assert_not_contains "$tmp/screen" "rollback target (this host went to it"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran" 5
ok "r on the host back at the target plans from what runs: nothing preselected"
quit_console

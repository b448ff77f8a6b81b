#!/bin/sh
# test_rollback_late_done_helm_quit.sh — quit (y) while a helm rollback's
# --wait runs, then start again. helm's wait runs out after the quit: its
# new revision "failed" at the target, the old one still "deployed". The
# restart's re-read says so ("rollback applied (revision 4 at 1.4.1,
# recorded failed)") and records that revision, not "whether it took
# effect is not known"; once the poller reads the release's Deployment all
# ready at the target, one action.reconcile says it is OK, as on the live
# path (test_rollback_late_done_helm.sh).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --driver helm --tag v1.5.0-bad
"$fleet" set --dir "$fl" h1 rollout_seconds=14 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 3s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident helm-quit"
wait_re "│> h1 +api +UP +1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "type api and press Enter" 15
wait_re "> revision 2: .*app 1\\.4\\.1"
keys -l api; keys Enter
i=0
until cat "$fl"/hosts/h1/running/* 2> /dev/null | grep -q "^helm rollback"; do
	i=$((i + 1)); [ $i -lt 150 ] || fail "helm rollback never started"; sleep 0.1
done
keys q
wait_for "Quit anyway? (y/N)"
keys y
wait_for "exit=0" 10
start 200 50 "$WARROOM -c $tmp/c.conf --incident helm-quit"
wait_re "re-read after restart: api runs 1\\.5\\.0-bad, revision 3 deployed; rollback applied \\(revision 4 at 1\\.4\\.1, recorded failed\\)" 20
assert_not_contains "$tmp/screen" "whether it took effect is not known"
journal=$(ls "$fl"/timeline/helm-quit-*.jsonl)
grep '"kind":"action.reconcile"' "$journal" | head -1 |
	grep -q '"outcome":"unknown",.*"rollout":{"revision":4,"tag":"1.4.1"}' ||
	fail "the re-read's record: $(grep '"kind":"action.reconcile"' "$journal")"
wait_re " 1 UNKNOWN: waiting for h1's rollout \\(U settles it by hand\\) " 5
ok "restarted during helm's wait: the re-read says the rollback applied and waits for its pods"

wait_re "h1's rollout completed at [0-9:]{8}, after its rollback ended UNKNOWN and a re-read found it applied at [0-9:]{8}: now OK" 20
sleep 2
grep '"kind":"action.reconcile"' "$journal" | grep '"by":"rollout","outcome":"ok"' |
	grep -q '"reread_ts":.*"revision":4,"tag":"1.4.1"' ||
	fail "the OK record: $(grep '"kind":"action.reconcile"' "$journal")"
[ "$(grep -c '"by":"rollout"' "$journal")" = 1 ] || fail "more than one OK record"
assert_not_contains "$tmp/screen" " 1 UNKNOWN"
ok "its pods read all ready at the target: OK, journalled once, not UNKNOWN any more"
quit_console 10

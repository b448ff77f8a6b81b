#!/bin/sh
# test_rollback_late_done.sh — a k8s undo whose rollout outlives the
# console's wait (health_timeout 2 s, a rollout of 8 s) ends FAILED, the
# undo applied; its end says so as data. Once the poller reads that
# rollout complete at the undo's revision and tag, one action.reconcile
# says "h1's rollout completed at …, after its rollback ended FAILED at
# …: now OK", HOSTS says "FAILED, rollout completed later", r on another
# host preselects the target h1 reached, and the post-mortem's Actions
# say "FAILED, rollout completed later at …".
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --driver k8s --tag v1.5.0-bad
"$fleet" set --dir "$fl" h1 rollout_seconds=8 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 2s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident late-done"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "type api and press Enter" 15
keys -l api; keys Enter
wait_for "rollback of api on h1 (kubectl rollout undo): FAILED — rollout status exited 1" 20
journal=$(ls "$fl"/timeline/late-done-*.jsonl)
grep '"kind":"action.end"' "$journal" | tail -1 |
	grep -q '"outcome":"failed",.*"rollout":{"revision":4,"tag":"v1.4.1","ready":[0-2],"desired":3}' ||
	fail "the FAILED end: $(grep '"kind":"action.end"' "$journal" | tail -1)"
grep -q '"kind":"action.reconcile"' "$journal" && fail "settled before its rollout completed"
ok "an undo whose rollout outlives the wait: FAILED, and its end says the undo applied"

wait_re "h1's rollout completed at [0-9]{2}:[0-9]{2}:[0-9]{2}, after its rollback ended FAILED at [0-9]{2}:[0-9]{2}:[0-9]{2}: now OK" 20
wait_re "h1/api: rollback v1\\.5\\.0-bad -> v1\\.4\\.1: FAILED, rollout completed later at [0-9:]{8} — rollout status exited 1" 5
sleep 2
[ "$(grep -c '"kind":"action.reconcile"' "$journal")" = 1 ] ||
	fail "reconciles: $(grep '"kind":"action.reconcile"' "$journal")"
grep '"kind":"action.reconcile"' "$journal" | grep '"by":"rollout","outcome":"ok"' |
	grep -q '"revision":4,"tag":"v1.4.1"' || fail "the reconcile: $(grep reconcile "$journal")"
ok "its rollout read complete later: journalled once as OK, said in the footer and HOSTS"

# h2's r: the incident's target is the one h1 reached, preselected.
keys Down r
wait_for "type api and press Enter" 15
wait_re "> revision 2 \\(v1\\.4\\.1\\).*this incident's rollback target \\(h1 went to it at [0-9]{2}:[0-9]{2}\\)" 5
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
ok "r on another host preselects the target h1's late rollout reached"
quit_console
"$WARROOM" export "$(basename "$journal" .jsonl)" -c "$tmp/c.conf" -o "$tmp/pm.md" ||
	fail "export failed"
grep -qE "\| rollback \(kubectl rollout undo\) \| h1 \| [^|]* \| api rev 3 \(v1\.5\.0-bad\) → rev 2 \(v1\.4\.1\) \| [0-9: -]+ \| [0-9: -]+ \| FAILED, rollout completed later at [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} \| rollout status exited 1" "$tmp/pm.md" ||
	fail "the post-mortem's Actions: $(grep -A4 '## Actions' "$tmp/pm.md")"
ok "the post-mortem: FAILED, rollout completed later at …"

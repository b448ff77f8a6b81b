#!/bin/sh
# test_statuspage_cause.sh — the status-page text names the release the
# verdict judged, not the latest rollback, and says where the service
# stands on every host that runs it: on the demo fleet api's bad release
# is rolled back on api-1 on a ROLLBACK IMMEDIATELY verdict, then jobs is
# rolled back too; "identified" still says the cause is api's release, and
# that it is rolled back on 1 of api's 3 hosts, not back (k8s-bastion and
# helm-bastion still run it), and "resolved" does not call it normal
# again. "investigating" says since the post-mortem's impact start (the
# bad release's deploy, else the first bad verdict), not since the time
# of the post.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo
"$fleet" set --dir "$fl" api-1 traffic_rps=500 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nprobe_interval = 1s\nmetrics_interval = 1s\nhealth_timeout = 20s/' \
	"$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident cause"
wait_re "^│api-1 +ROLLBACK IMMEDIATELY" 20
journal=$(ls "$fl"/timeline/cause-*.jsonl)
ends() { grep -c '"kind":"action.end"' "$journal" || true; }
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:"

keys 1 Home r
wait_for "tag  v1.5.0-bad  ->  v1.4.1" 15
keys -l api; keys Enter
i=0; while [ "$(ends)" -lt 1 ] && [ $i -lt 800 ]; do sleep 0.05; i=$((i + 1)); done
[ "$(ends)" = 1 ] || fail "api's rollback did not end"
keys Down r
wait_for "CONFIRM ROLLBACK" 15
wait_for "service jobs"
keys -l jobs; keys Enter
i=0; while [ "$(ends)" -lt 2 ] && [ $i -lt 800 ]; do sleep 0.05; i=$((i + 1)); done
[ "$(ends)" = 2 ] || fail "jobs' rollback did not end"
grep '"kind":"action.intent"' "$journal" | tail -1 | grep -q '"service":"jobs"' ||
	fail "the latest rollback is not jobs'"

keys S; keys -l identified; keys Enter
wait_for "WHAT CUSTOMERS WILL READ"
wait_re "text: The cause is release v1\\.5\\.0-bad of api; it is rolled back on 1 of 3 hosts and we are working on the rest\\."
keys Escape
wait_for "nothing posted"
ok "identified names api's judged release, not jobs' later rollback, rolled back on 1 of 3 hosts"

keys S; keys -l resolved; keys Enter
wait_for "WHAT CUSTOMERS WILL READ"
wait_re "text: Resolved in part: api is rolled back on 1 of 3 hosts; we are still working on the others\\."
keys Escape
wait_for "nothing posted"
ok "resolved does not call api normal again while it is rolled back on 1 of 3 hosts"

# The post-mortem's impact start: the bad release's deploy when its host
# tells it (the demo's k8s and helm histories do), else the first bad verdict.
"$WARROOM" -c "$tmp/c.conf" export "$(basename "$journal" .jsonl)" --format json \
	> "$tmp/pm.json" < /dev/null || fail "export"
from=$(grep -o '"impact_from": *"[a-z_]*"' "$tmp/pm.json" | sed 's/.*"\([a-z_]*\)"$/\1/')
case $from in
bad_release_deployed)
	began=$(grep -o '"bad_release_deployed": *"[^"]*"' "$tmp/pm.json" |
		sed -n 's/.*T\([0-9:]\{5\}\).*/\1/p') ;;
*)
	began=$(grep -E '"kind":"verdict\.change".*"verdict":"(ROLLBACK IMMEDIATELY|CONSIDER ROLLBACK)"' \
		"$journal" | head -1 | sed -n 's/^{"seq":[0-9]*,"ts":"[0-9-]*T\([0-9:]\{5\}\).*/\1/p') ;;
esac
[ -n "$began" ] || fail "no impact start in the post-mortem ($from)"
keys S; keys -l investigating; keys Enter
wait_for "WHAT CUSTOMERS WILL READ"
wait_for "text: We are investigating elevated errors in api since $began UTC."
keys Escape
wait_for "nothing posted"
ok "investigating says since the post-mortem's impact start ($from, $began UTC)"
quit_console

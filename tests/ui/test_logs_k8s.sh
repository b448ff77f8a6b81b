#!/bin/sh
# test_logs_k8s.sh — LOGS on a Kubernetes host: a tail started before the
# deployment could be read follows the one pod kubectl picks, its lines
# naming it, and says "1 pod of 3" once a poll tells; started after, it
# follows every pod of the deployment by its own selector, each line
# naming its pod.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --driver k8s --log-rate 20
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
log=$fl/hosts/h1/commands.log
pane() { awk '/─ (▶ )?LOGS/ { f = 1; next } f && /^└/ { f = 0 } f' "$tmp/screen"; }

# The deployment cannot be read (its JSON is broken): one pod, said.
"$fleet" fault --dir "$fl" h1 bad-json > /dev/null
start 200 50 "$WARROOM -c $tmp/c.conf"
wait_re "│> h1 +api" 15
sleep 2
keys Enter
wait_re "^│h1/api \\[pod/api-[a-z0-9-]+/api\\] 20[0-9-]+T[0-9:.]+Z " 15
"$fleet" fault --dir "$fl" h1 clear bad-json > /dev/null
wait_re "h1/api, 1 pod of 3 +[0-9]+ lines" 15
grep -q '"cmd": *"kubectl logs -f deployment/api --prefix -n prod --since-time=' "$log" ||
	{ grep '"kubectl logs' "$log" | tail -2; fail "no kubectl logs -f deployment/api --prefix in commands.log"; }
ok "a tail begun before the deployment was read follows one pod and says 1 pod of 3"
keys q
wait_for "exit=0"

# Read: every pod, by the deployment's selector, each line's pod shown.
start 200 50 "$WARROOM -c $tmp/c.conf"
# The tag comes with the deployment's JSON, and so does its selector.
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
keys Enter
wait_re "^│h1/api \\[pod/api-[a-z0-9-]+/api\\] 20[0-9-]+T[0-9:.]+Z " 15
sleep 1
capture
pods=$(pane | sed -n 's/^│h1\/api \[pod\/\(api-[a-z0-9-]*\)\/api\] 20.*/\1/p' | sort -u | wc -l)
[ "$pods" -eq 3 ] || { pane; fail "lines of $pods pods in LOGS, not 3"; }
! grep -q "1 pod of" "$tmp/screen" || { cat "$tmp/screen"; fail "LOGS says 1 pod while following all"; }
grep -q '"cmd": *"kubectl logs -f -l app=api --prefix --max-log-requests=20 -n prod --since-time=' "$log" ||
	{ grep '"kubectl logs' "$log" | tail -2; fail "no kubectl logs -f -l app=api --prefix in commands.log"; }
ok "a deployment's tail follows all 3 pods by its selector, each line naming its pod"
keys q
wait_for "exit=0"

#!/bin/sh
# test_logs_k8s.sh — LOGS on a Kubernetes host: a tail started before the
# deployment could be read follows the one pod kubectl picks, each line
# naming it, and once a poll reads the deployment it follows all 3 pods
# by the deployment's selector, said once, no line shown lost, twice or
# out of its order; started after, it follows every pod from the start.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --driver k8s --log-rate 6
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
log=$fl/hosts/h1/commands.log
pane() { awk '/─ (▶ )?LOGS/ { f = 1; next } f && /^└/ { f = 0 } f' "$tmp/screen"; }
# "POD SEQ" of each line LOGS shows, in its order (seq: the fleet's count
# of the service's lines).
# A pod's line is prefixed by its replica's suffix ("h1/api …8frx5").
pod_seqs() { pane | sed -n 's/^│h1\/api …\([a-z0-9]*\) *20.* seq=\([0-9]*\).*/\1 \2/p'; }

# The deployment cannot be read (its JSON is broken): one pod, its lines
# named.
"$fleet" fault --dir "$fl" h1 bad-json > /dev/null
start 200 50 "$WARROOM -c $tmp/c.conf"
wait_re "│> h1 +api" 15
sleep 2
keys Enter
keys 3 z	# LOGS alone, its lines whole
wait_re "^│h1/api …[a-z0-9]+ +20[0-9-]+T[0-9:.]+Z " 15
grep -q '"cmd": *"kubectl logs -f deployment/api --prefix -n prod --since-time=' "$log" ||
	{ grep '"kubectl logs' "$log" | tail -2; fail "no kubectl logs -f deployment/api --prefix in commands.log"; }
one=$(pod_seqs | awk '{ print $1 }' | sort -u)
[ "$(echo "$one" | wc -l)" -eq 1 ] || { pane; fail "a one-pod tail shows the lines of pods $one"; }
ok "a tail begun before the deployment was read follows one pod, its lines naming it"

# Read: the same tail follows every pod by the deployment's selector,
# resumed from the second of its newest line.
"$fleet" fault --dir "$fl" h1 clear bad-json > /dev/null
wait_for "h1/api: now following all 3 pods" 15
i=0
until pod_seqs | grep -qv "^$one "; do
	[ "$i" -lt 200 ] || { pane; fail "no line of another pod in 10 s"; }
	sleep 0.05; capture; i=$((i + 1))
done
sleep 0.5
capture
grep -q '"cmd": *"kubectl logs -f -l app=api --prefix --max-log-requests=20 -n prod --since-time=' "$log" ||
	{ grep '"kubectl logs' "$log" | tail -2; fail "no kubectl logs -f -l app=api --prefix after the read"; }
! grep -q "1 pod of" "$tmp/screen" || { cat "$tmp/screen"; fail "LOGS says 1 pod while following all"; }
pod_seqs > "$tmp/seqs"
# The pod's lines shown before stay, each once and in its order; from the
# first line of another pod on, every line of the service is shown.
awk -v one="$one" 'NR == 1 && $1 != one { print "the first line shown is not the pod'"'"'s: " $0; bad = 1 }
	$1 == one { if ($2 <= last) { print "seq " $2 " after " last; bad = 1 } last = $2 }
	$1 != one && (m == "" || $2 + 0 < m) { m = $2 + 0 }
	{ if (seen[$2]++) { print "seq " $2 " twice"; bad = 1 } if ($2 + 0 > max) max = $2 + 0 }
	END { if (m == "") { print "no other pod yet"; bad = 1 }
		for (s = m; s <= max; s++) if (!(s in seen)) { print "seq " s " missing"; bad = 1 }
		exit bad }' "$tmp/seqs" > "$tmp/why" ||
	{ pane; cat "$tmp/why"; fail "LOGS lost, doubled or reordered lines when it widened"; }
ok "read, it follows all 3 pods by the selector, said; no line lost, twice or reordered"
# Once: later polls leave the selector tail alone.
sleep 2
[ "$(grep -c '"event":"start".*"cmd": *"kubectl logs -f -l app=api' "$log")" -eq 1 ] ||
	{ grep '"kubectl logs' "$log"; fail "the tail was widened more than once"; }
keys q
wait_for "exit=0"

# Read: every pod, by the deployment's selector, each line's pod shown.
start 200 50 "$WARROOM -c $tmp/c.conf"
# The tag comes with the deployment's JSON, and so does its selector.
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
keys Enter
wait_re "^│h1/api …[a-z0-9]+ +20[0-9-]+T[0-9:.]+Z " 15
# Each pod's first lines come when its own tail starts: up to 10 s.
i=0
while :; do
	capture
	pods=$(pane | sed -n 's/^│h1\/api …\([a-z0-9]*\) *20.*/\1/p' | sort -u | wc -l)
	[ "$pods" -ge 3 ] || [ "$i" -ge 50 ] && break
	sleep 0.2
	i=$((i + 1))
done
[ "$pods" -eq 3 ] || { pane; fail "lines of $pods pods in LOGS, not 3"; }
! grep -q "1 pod of" "$tmp/screen" || { cat "$tmp/screen"; fail "LOGS says 1 pod while following all"; }
grep -q '"cmd": *"kubectl logs -f -l app=api --prefix --max-log-requests=20 -n prod --since-time=' "$log" ||
	{ grep '"kubectl logs' "$log" | tail -2; fail "no kubectl logs -f -l app=api --prefix in commands.log"; }
ok "a deployment's tail follows all 3 pods by its selector, each line naming its pod"
keys q
wait_for "exit=0"

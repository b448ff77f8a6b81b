#!/bin/sh
# test_deploy_restart.sh — a rollout restart is no release: on a
# Kubernetes host (h2) running v1.4.1 since a day ago, `kubectl rollout
# restart` just before the console opens makes new pods and a new
# ReplicaSet of the same image (a new Progressing time too). The first
# health.change still says v1.4.1 went live a day ago, read from its first
# ReplicaSet; from the pods or the condition it would say now.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --driver mixed
"$fleet" ssh --dir "$fl" h2 kubectl rollout restart deployment/api -n prod > /dev/null ||
	fail "rollout restart"
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 45 "$WARROOM -c $tmp/c.conf --incident restart"
i=0
until grep -q '"kind":"health.change","host":"h2".*"tag":"v1.4.1"' "$fl"/timeline/restart-*.jsonl \
	2> /dev/null; do
	i=$((i + 1)); [ "$i" -lt 200 ] || fail "h2's first reading never journalled"; sleep 0.1
done
keys q
wait_for "exit=0"
line=$(grep '"kind":"health.change","host":"h2"' "$fl"/timeline/restart-*.jsonl | head -1)
echo "$line" | grep -q '"deployed_from":"kubectl rs: its first ReplicaSet created"' ||
	fail "h2's deploy time is not its first ReplicaSet's: $line"
ms=$(echo "$line" | sed 's/.*"deployed_ms":\([0-9]*\).*/\1/')
[ $(($(date -u +%s) - ms / 1000)) -ge 86000 ] ||
	fail "h2's deploy time $ms moved with the restart (the release is a day old)"
ok "a rollout restart does not move the release's deploy time"

#!/bin/sh
# test_k8s_rs_once.sh — the ReplicaSets are read only when they can say
# something new: on two Kubernetes hosts polled every second, each host's
# commands.log shows `kubectl get rs` once over several rounds of `get
# deploy`; a set-tag on h1 (a new revision and tag) brings one more read
# there, a `kubectl rollout undo` another, and h2 stays at one.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --driver k8s
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
# count HOST WHAT — the kubectl reads of WHAT (deploy, rs) on HOST so far.
count() { grep -c "\"cmd\": *\"kubectl get $2 " "$fl/hosts/$1/commands.log" 2> /dev/null || true; }
# rounds HOST N — wait until N more deployment reads than now came on HOST.
rounds() {
	want=$(($(count "$1" deploy) + $2)) i=0
	until [ "$(count "$1" deploy)" -ge "$want" ]; do
		i=$((i + 1)); [ "$i" -lt 200 ] || fail "$1 not polled $2 more times"; sleep 0.1
	done
}
expect_rs() {
	[ "$(count "$1" rs)" -eq "$2" ] ||
		{ grep '"kubectl get' "$fl/hosts/$1/commands.log" | sed 's/.*"cmd": *"\([^"]*\)".*/\1/';
		  fail "$1: $(count "$1" rs) ReplicaSet reads $3, not $2"; }
}
start 200 45 "$WARROOM -c $tmp/c.conf"
wait_re "h2 +api +UP" 20
rounds h1 5
rounds h2 1
expect_rs h1 1 "over $(count h1 deploy) polls"
expect_rs h2 1 "over $(count h2 deploy) polls"
ok "each service's ReplicaSets are read once while its deployment stays"

"$fleet" set-tag --dir "$fl" h1 api v1.5.1-bad > /dev/null || fail "set-tag h1"
wait_re "h1 +api +.*v1\\.5\\.1-bad" 10
rounds h1 3
expect_rs h1 2 "after a set-tag"
"$fleet" ssh --dir "$fl" h1 kubectl rollout undo deployment/api -n prod > /dev/null ||
	fail "rollout undo"
wait_re "h1 +api +.*v1\\.4\\.1" 10
rounds h1 3
expect_rs h1 3 "after a rollout undo"
rounds h2 3
expect_rs h2 1 "while h1 moved"
ok "a new revision or tag reads them again, on its host only"
keys q
wait_for "exit=0"

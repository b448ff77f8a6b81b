#!/bin/sh
# test_rollback_fleet_unsettled.sh — B pressed while h1's rollback was
# UNKNOWN (its sshd stopped during up -d) left h1 out as "h1 DOWN, last
# seen on v1.5.0-bad 10s ago", though that rollback had already moved api
# there. The dialog names the unsettled rollback instead of the old tag.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --tag v1.5.0-bad
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
# up -d pauses 8 s on h1, so sshd-stop lands inside it.
"$fleet" set --dir "$fl" h1 recreate_seconds=8 > /dev/null
up_running() { cat "$fl"/hosts/h1/running/* 2> /dev/null | grep -q ' up -d'; }
start 200 50 "$WARROOM -c $tmp/c.conf --incident fleet-unsettled"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
wait_re "h2 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "tag  v1.5.0-bad  ->  v1.4.1" 15
keys -l api; keys Enter
i=0
until up_running; do
	sleep 0.02; i=$((i + 1)); [ $i -lt 1000 ] || fail "up -d never started on h1"
done
"$fleet" fault --dir "$fl" h1 sshd-stop > /dev/null
wait_for "rollback of api on h1 (docker compose up -d): UNKNOWN" 30
keys Down Down
wait_re "│> h2 +api" 5
keys B
wait_for "CONFIRM ROLLBACK" 15
wait_for "type api and press Enter"
grep -qE "h1 (DOWN|CONNECTING|RESOLVING), its rollback to v1\\.4\\.1 UNKNOWN: not included" "$tmp/screen" ||
	{ cat "$tmp/screen"; fail "the dialog does not name h1's unsettled rollback"; }
assert_not_contains "$tmp/screen" "last seen on v1.5.0-bad"
ok "B while h1's rollback is UNKNOWN and h1 DOWN: the left-out line names the rollback, not the old tag"
keys Escape
wait_gone "CONFIRM ROLLBACK" 5
"$fleet" fault --dir "$fl" h1 sshd-start > /dev/null
quit_console

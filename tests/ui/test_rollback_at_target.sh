#!/bin/sh
# test_rollback_at_target.sh — a host this incident already rolled back
# (r and B there planned a rollback one release further back, B
# leaving the bad host out). After h1's rollback to v1.4.1 ends OK, r on
# h1 says so first, preselects nothing and marks v1.5.0-bad; B from h1 is
# refused and names the bad tag; h2, moved to v1.4.1 by hand, is said to
# run the incident's target too. Nothing more is sent to either host.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --tag v1.5.0-bad
mutating() { grep -c '"mutating":true' "$fl/hosts/$1/commands.log" 2> /dev/null || true; }
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident at-target"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
wait_re "h2 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "type api and press Enter" 15
assert_contains "$tmp/screen" "tag  v1.5.0-bad  ->  v1.4.1"
keys -l api; keys Enter
wait_for "rollback of api on h1 (docker compose up -d): OK" 40
wait_re "│> h1 +api +UP +v1\\.4\\.1 " 10
sent=$(mutating h1)

keys r
wait_for "CONFIRM ROLLBACK" 15
wait_for "a further rollback goes past it" 5
grep -qE "h1 was rolled back to v1\\.4\\.1 at [0-9]{2}:[0-9]{2}:[0-9]{2}, [0-9]+ s ago: a further" "$tmp/screen" ||
	{ cat "$tmp/screen"; fail "r on h1 does not say it was rolled back to v1.4.1"; }
assert_contains "$tmp/screen" "tag  v1.4.1  ->  ? (no target picked)"
assert_contains "$tmp/screen" "none preselected"
assert_not_contains "$tmp/screen" "> v1.4.0"
assert_contains "$tmp/screen" "v1.5.0-bad  (rolling forward to v1.5.0-bad, which this incident rolled back from"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran" 5
ok "r after an OK rollback: said first with its time, nothing preselected, the bad tag marked as a roll forward"

keys B
wait_for "h1 already runs v1.4.1; B rolls back the hosts at v1.5.0-bad: select one of them" 5
assert_not_contains "$tmp/screen" "CONFIRM ROLLBACK"
ok "B from a row at the target is refused, naming the bad tag"

# h2 moved to the target by hand: r there says it runs the incident's target.
"$fleet" set-tag --dir "$fl" h2 api v1.4.1 > /dev/null
wait_re "h2 +api +UP +v1\\.4\\.1" 15
keys j; keys j
keys r
wait_for "CONFIRM ROLLBACK" 15
wait_for "h2 already runs v1.4.1, the tag this incident rolled back to (on h1 at" 5
assert_contains "$tmp/screen" "none preselected"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran" 5
[ "$(mutating h1)" = "$sent" ] || fail "something more was sent to h1"
[ "$(mutating h2)" = 0 ] || fail "something was sent to h2"
ok "a host moved to the target by hand: said, nothing preselected; nothing more sent"
quit_console

#!/bin/sh
# test_rollback_bad_elsewhere.sh — a release another host of the incident
# rolled back from is known bad here too (after k8s-bastion left
# v1.5.0-bad, r on api-1, running v1.5.1-bad, preselected v1.5.0-bad as
# releases.log's last good). h1 is rolled back from v1.5.0-bad to v1.4.1;
# r on h2, running v1.5.1-bad, offers v1.4.1 first, the incident's
# target, and v1.5.0-bad last, marked with where and when it was left,
# named as another host's.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --tag v1.5.0-bad
"$fleet" set-tag --dir "$fl" h2 api v1.5.1-bad > /dev/null
start 200 50 "$WARROOM -c $fl/warroom.conf --incident bad-elsewhere"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
wait_re "h2 +api +UP +v1\\.5\\.1-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "type api and press Enter" 15
keys -l api; keys Enter
wait_for "rollback of api on h1 (docker compose up -d): OK" 40

keys j; keys j
wait_re "│> h2 +api " 5
keys r
wait_for "type api and press Enter" 15
assert_contains "$tmp/screen" "tag  v1.5.1-bad  ->  v1.4.1"
grep -qE "> v1\\.4\\.1  \\(last good in releases\\.log\\)  — this incident's rollback target \\(h1 went to it at [0-9]{2}:[0-9]{2}\\)" "$tmp/screen" ||
	{ cat "$tmp/screen"; fail "v1.4.1 is not first, the incident's target"; }
grep -qE "^.*    v1\\.5\\.0-bad  \\(another host, h1, rolled back from v1\\.5\\.0-bad at [0-9]{2}:[0-9]{2}\\)" "$tmp/screen" ||
	{ cat "$tmp/screen"; fail "v1.5.0-bad is not marked as rolled back from on another host, h1"; }
assert_not_contains "$tmp/screen" "> v1.5.0-bad"
assert_not_contains "$tmp/screen" "IMAGE_TAG='v1.5.0-bad'"
keys Down; keys Down
wait_for "tag  v1.5.1-bad  ->  v1.5.0-bad" 5
assert_contains "$tmp/screen" "v1.5.0-bad WAS ROLLED BACK FROM in this incident, on h1 at "
keys Escape
wait_for "CANCELLED" 5
[ "$(grep -c '"mutating":true' "$fl/hosts/h2/commands.log" 2> /dev/null || true)" = 0 ] ||
	fail "something was sent to h2"
ok "a release another host rolled back from is marked and last; the incident's target first"
quit_console

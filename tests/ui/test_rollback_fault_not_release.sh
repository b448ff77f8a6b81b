#!/bin/sh
# test_rollback_fault_not_release.sh — one host's own fault does not make
# the fleet's good release "judged bad": h1 and h2 run
# v1.4.1 and are judged OK; h1's endpoints then answer 500 (its tag
# unchanged) and its verdict turns bad; v1.5.0-bad goes to h2, which
# turns bad too. r on h2 preselects v1.4.1, unmarked, not v1.4.0 two
# releases back.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
verdicts() { grep "\"kind\":\"verdict.change\",\"host\":\"$1\"" "$fl"/timeline/fault-*.jsonl 2> /dev/null; }
# until_verdict HOST REGEX WHAT — until HOST's journalled verdicts match.
until_verdict() {
	i=0
	until verdicts "$1" | grep -q "$2"; do
		i=$((i + 1)); [ "$i" -lt 300 ] || { capture; cat "$tmp/screen"; fail "$3"; }; sleep 0.1
	done
}
start 200 50 "$WARROOM -c $tmp/c.conf --incident fault"
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
until_verdict h1 '"verdict":"OK"' "h1 was never judged OK"
until_verdict h2 '"verdict":"OK"' "h2 was never judged OK"
# Less traffic: the console's own 500s from h1 weigh more, sooner.
"$fleet" set --dir "$fl" h1 traffic_rps=5 > /dev/null
"$fleet" fault --dir "$fl" h1 http-500 > /dev/null
"$fleet" set-tag --dir "$fl" h2 api v1.5.0-bad > /dev/null
until_verdict h1 '"verdict":"\(CONSIDER ROLLBACK\|ROLLBACK IMMEDIATELY\)"' \
	"h1's verdict never turned bad under its fault"
wait_re "h2 +api +UP +v1\\.5\\.0-bad" 15
until_verdict h2 '"verdict":"\(CONSIDER ROLLBACK\|ROLLBACK IMMEDIATELY\)"' \
	"h2's verdict never turned bad on v1.5.0-bad"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys j; keys j
wait_re "│> h2 +api " 5
keys r
wait_for "type api and press Enter" 15
assert_contains "$tmp/screen" "tag  v1.5.0-bad  ->  v1.4.1"
grep -qE "> v1\\.4\\.1  \\(last good in releases\\.log" "$tmp/screen" ||
	{ cat "$tmp/screen"; fail "v1.4.1 is not preselected"; }
assert_not_contains "$tmp/screen" "judged bad: h1"
assert_not_contains "$tmp/screen" "WAS JUDGED BAD"
keys Escape
wait_for "CANCELLED" 5
ok "h1's own fault under v1.4.1 does not mark v1.4.1: r on h2 preselects it"
quit_console

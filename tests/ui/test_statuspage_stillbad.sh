#!/bin/sh
# test_statuspage_stillbad.sh — "api is back on v1.4.1" went out
# as monitoring, then resolved, with jobs still on v1.5.0-bad, the
# release api was rolled back from. h1's api and jobs get v1.5.0-bad,
# api is rolled back: S monitoring says in bold, before Enter, that jobs
# on h1 still runs v1.5.0-bad; investigating does not; Enter still posts.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1
"$fleet" set-tag --dir "$fl" h1 all v1.5.0-bad > /dev/null || fail "fleet set-tag"
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nprobe_interval = 1s/' \
	"$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident stillbad"
wait_re "│> h1 +api +UP +v1\.5\.0-bad" 15
wait_re "│  h1 +jobs +UP +v1\.5\.0-bad" 15
journal=$(ls "$fl"/timeline/stillbad-*.jsonl)
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:"
keys 1 Home r
wait_for "tag  v1.5.0-bad  ->  v1.4.1" 15
keys -l api; keys Enter
i=0; while ! grep -q '"kind":"action.end"' "$journal" && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
grep -q '"kind":"action.end".*"outcome":"ok"' "$journal" || fail "api's rollback did not end ok"
wait_re "│> h1 +api +UP +v1\.4\.1" 15

still="jobs on h1 still runs v1.5.0-bad (judged bad in this incident)"
keys S; keys -l investigating; keys Enter
wait_for "WHAT CUSTOMERS WILL READ"
capture
assert_not_contains "$tmp/screen" "still runs v1.5.0-bad"
keys Escape
wait_for "nothing posted"
keys S; keys -l monitoring; keys Enter
wait_for "WHAT CUSTOMERS WILL READ"
wait_for "$still"
# Bold: the attribute's escape right before the words (any colour after it).
esc=$(printf '\033')
tmx capture-pane -e -p -t t | grep -qE "$esc\[(0;)?1m($esc\[[0-9;]*m)*jobs on h1 still runs v1" ||
	fail "the still-running line is not bold"
keys Enter
wait_for "status page: queued" 10
ok "monitoring names jobs on h1 still on v1.5.0-bad, in bold; investigating does not; it still posts"
quit_console

#!/bin/sh
# test_statuspage_takeover.sh — a post left pending by a console killed
# while the page answered 500 is taken over by the next console at its
# start: the footer says so (as when arming), and TIMELINE reads the
# statuspage.takeover record in words, not JSON.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.4.1
wr="$WARROOM -c $fl/warroom.conf --incident takeover"
"$fleet" fault --dir "$fl" statuspage 500 > /dev/null || fail "fleet fault statuspage 500"

start 200 50 "$wr"
wait_re "│> h1 +api +UP" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys S; keys -l investigating; keys Enter
wait_for "Enter posts, Esc no" 5
keys Enter
journal=$(ls "$fl"/timeline/takeover-*.jsonl)
i=0
until grep -q '"kind":"statuspage.retry"' "$journal"; do
	i=$((i + 1)); [ "$i" -lt 100 ] || fail "no statuspage.retry after the 500"
	sleep 0.1
done
pid=$(pgrep -f "src/warroom -c $fl/warroom.conf" | head -n 1)
[ -n "$pid" ] || fail "no console pid"
kill -9 "$pid"
wait_for "exit=137" 10
"$fleet" fault --dir "$fl" statuspage clear > /dev/null || fail "fleet fault statuspage clear"

start 300 50 "$wr"
wait_for "status page: took over 1 post" 15
ok "a post taken over at start is said in the footer"
wait_for "statuspage.takeover status page: " 15
assert_not_contains "$tmp/screen" '{"queue"'
grep -q '"kind":"statuspage.takeover".*"status":"investigating"' "$journal" ||
    fail "the takeover record has no status"
ok "TIMELINE says the takeover in words"
# Sent by this console (q would ask while it is still to go).
until_ok 30 "the taken post to go through" grep -q '"kind":"statuspage.post"' "$journal"
quit_console

#!/bin/sh
# test_quit_live.sh — q's question follows what is left while it is open:
# worded once when q came, it still said "1 status-page update not sent
# yet … Quit anyway?" after the post had gone through. Now it says that
# only the arming is left, and y quits with the post on the page.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1
start 200 50 "$WARROOM -c $fl/warroom.conf --incident quitlive"
wait_re "│>[ !]h1 +api +UP" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:"
journal=$(ls "$fl"/timeline/quitlive-*.jsonl)
"$fleet" fault --dir "$fl" statuspage 500 > /dev/null
post_status monitoring
wait_re "STATUS PAGE: 1 pending, last HTTP 500, retrying" 15
keys q
wait_for "1 status-page update not sent yet: the next writing console on this incident sends it. Quit anyway? (y/N)"
ok "q while the post waits to be retried asks"

# The page answers again: the retried post goes through, the question open.
"$fleet" fault --dir "$fl" statuspage clear > /dev/null
until_ok 20 "the retried post to go through" sh -c \
	"grep -q '\"kind\":\"statuspage.post\"' '$journal'"
wait_re "The console is ARMED \(1[0-5] min left\): quitting disarms it\. .* Quit\? \(y/N\)" 5
screen_lacks "not sent yet" || fail "the question still says the post is not sent"
ok "the open question says nothing is left once the post went through"
keys y
wait_for "exit=0" 10
ok "y quits"

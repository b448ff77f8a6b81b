#!/bin/sh
# test_quit_post.sh — q while a status-page post is still to go asks
# first and says what becomes of it (the page answered 500, q quit at
# once, exit 0, not a word): with a try out and no answer, it may be on
# the page already and is looked for there first; answered 500 and
# waiting for its next try, not sent yet, the next writing console sends
# it. After y the next console on the incident does send it, once.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1
wr="$WARROOM -c $fl/warroom.conf --incident quitpost"
ask="Quit anyway? (y/N)"
# count KIND — records of that kind in the journal.
count() { grep -c "\"kind\":\"$1\"" "$journal" || true; }

start 200 50 "$wr"
wait_re "│>[ !]h1 +api +UP" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:"
journal=$(ls "$fl"/timeline/quitpost-*.jsonl)
# The page holds its answers: the first try is out with none when q comes.
"$fleet" fault --dir "$fl" statuspage hang > /dev/null
post_status monitoring
until_ok 15 "the first try to go out" sh -c \
	"grep -q '\"kind\":\"statuspage.sent\"' '$journal'"
keys q
wait_for "1 status-page update may be on the page already (its try got no answer): the next writing console on this incident looks for it there first and never posts it twice. $ask"
ok "q with a try out: it may be on the page, looked for there first"
keys n
wait_for "not quitting"

# The page answers 500 (the held try too): nothing of it is on the page.
"$fleet" fault --dir "$fl" statuspage 500 > /dev/null
wait_re "STATUS PAGE: 1 pending, last HTTP 50[03], retrying" 15
keys q
wait_for "1 status-page update not sent yet: the next writing console on this incident sends it. $ask"
ok "q while a post waits to be retried asks, saying the next console sends it"
keys y
wait_for "exit=0" 15
[ "$(count statuspage.post)" -eq 0 ] || fail "posted before the quit"

"$fleet" fault --dir "$fl" statuspage clear > /dev/null
start 200 50 "$wr"
until_ok 30 "the next console to send the post" sh -c \
	"grep -q '\"kind\":\"statuspage.post\"' '$journal'"
[ "$(count statuspage.post)" -eq 1 ] || fail "$(count statuspage.post) posts"
n=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["incidents"]))' \
	"$fl/statuspage/state.json")
[ "$n" -eq 1 ] || fail "$n incidents on the page"
ok "the next console on the incident sends it, once"
quit_console 10

#!/bin/sh
# test_restarts_stale.sh — METRICS on a Kubernetes host whose poll starts
# failing: the restart counts are the last good read's, said as such with
# their age in METRICS' row and in the verdict's reason (still judged: the
# error rate and p95 still speak); current again once the poll answers.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --driver k8s
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"

start 200 50 "$WARROOM -c $tmp/c.conf"
wait_re "restarts in 5m: api 0" 15
wait_re "│h1 +OK +│" 15
wait_for "below thresholds: error rate" 5
capture
assert_not_contains "$tmp/screen" "poll failing"
ok "restarts read by a poll that answers are current"

"$fleet" fault --dir "$fl" h1 bad-json > /dev/null
wait_re "restarts in 5m: api 0 as of [0-9]+s ago \\(poll failing\\)" 15
wait_re "0 restarts in 5m as of [0-9]+s ago \\(poll failing\\)" 15
ok "a failing poll's restarts are as of its last good read, in METRICS and the verdict's reason"

"$fleet" fault --dir "$fl" h1 clear bad-json > /dev/null
wait_gone "poll failing" 15
wait_re "│h1 +OK +│" 5
wait_for "below thresholds: error rate" 5
ok "the poll answering again makes them current"
keys q
wait_for "exit=0"

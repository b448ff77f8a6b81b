#!/bin/sh
# test_low_traffic.sh — a bad release at 2 requests/s, scraped every
# second: no one scrape holds min_requests (10) requests, so the error
# rate is judged over the last few scrapes together and the verdict says
# ROLLBACK IMMEDIATELY with the count and its span; the release put back,
# the old release's intervals are dropped and the verdict comes back to OK.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
"$fleet" set --dir "$fl" h1 traffic_rps=2 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nmetrics_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --read-only"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
wait_re "│h1 +ROLLBACK IMMEDIATELY" 30
wait_re "error rate [0-9.]+% \\([0-9.]+ of [0-9.]+ requests, last [0-9]+s\\) > 5%" 5
ok "2 requests/s: the error rate judged over the last scrapes together, its count and span said"
"$fleet" set-tag --dir "$fl" h1 api v1.4.1 > /dev/null
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
wait_re "│h1 +OK " 60
ok "the release put back: its verdict comes back to OK"
keys q
wait_for "exit=0"

#!/bin/sh
# test_hosts_bad_release.sh — after r on api alone, h1's jobs still runs
# v1.5.0-bad, the release the rollback left. At 80x24 its row read OK once
# h1's verdict (api's metrics) calmed, and the title counted nothing. It
# reads BAD REL(EASE) and the title counts h1 "on a bad release"; api's
# row, on v1.4.1, reads OK.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 80 24 "$WARROOM -c $tmp/c.conf --incident jobsrow"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "type api and press Enter" 15
keys -l api; keys Enter
wait_re "│> h1 +api +UP +v1\\.4\\.1 .* OK " 40
wait_re "│  h1 +jobs +UP +v1\\.5\\.0-bad( \\.env!)? +BAD REL" 10
wait_re "HOSTS 1 on a bad release" 5
ok "jobs left on v1.5.0-bad reads BAD REL at 80x24 and the title counts h1"
quit_console

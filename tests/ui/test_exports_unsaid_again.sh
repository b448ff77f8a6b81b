#!/bin/sh
# test_exports_unsaid_again.sh — a host whose /export gave three answers
# in a row that said nothing (http-drip on h2: a 200 whose body never
# arrives) is still asked, every 30 s, while a kill switch has been asked
# for: once the fault clears its EXPORT cell and the header read on again
# without a key (no C-r), not "?" for minutes.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --tag v1.4.1
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"

start 200 30 "$WARROOM -c $tmp/c.conf --incident unsaid-export"
wait_re "│> h1 +api +UP +v1\\.4\\.1 .* OK " 20
wait_re "│  h2 +api +UP .* OK " 20
"$fleet" fault --dir "$fl" h2 http-drip > /dev/null || fail "fault http-drip"

keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys X
wait_for "CONFIRM KILL SWITCH"
keys -l api; keys Enter
wait_re "kill switch of api on h1( \\([^)]*\\))?: OK" 40
wait_for "EXPORTS ?: h2" 15
# Three rounds whose /export timed out mid-body (5 s each): past them,
# asked only slowly.
sleep 20
"$fleet" fault --dir "$fl" h2 clear http-drip > /dev/null || fail "clear http-drip"
wait_for "EXPORTS ON: h2" 45
assert_not_contains "$tmp/screen" "?: h2"
ok "h2 answers again: EXPORTS ON: h2 within 45 s, no key pressed"
quit_console

#!/bin/sh
# test_killswitch_k8s_quit.sh — quit (y) during the rollout of a k8s
# kill switch, then start again: the console re-read it and waited for the
# rollout (~50 s), while the header said "1 UNKNOWN: read back, not
# settled: U settles it", inviting a U it was about to make needless. The
# header says the console waits for the host's rollout.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --driver k8s --tag v1.5.0-bad
"$fleet" set --dir "$fl" h1 rollout_seconds=20 > /dev/null
log=$fl/hosts/h1/commands.log
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 30s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident ksquit"
wait_re "h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys X
wait_for "CONFIRM KILL SWITCH (k8s.killswitch)" 15
wait_for "type api and press Enter"
keys -l api; keys Enter
i=0
until grep -q '"event":"start".*"rollout","status"' "$log" 2> /dev/null; do
	i=$((i + 1)); [ $i -lt 150 ] || fail "rollout status never started"; sleep 0.1
done
keys q
wait_for "Quit anyway? (y/N)"
keys y
wait_for "exit=0" 10
start 200 50 "$WARROOM -c $tmp/c.conf --incident ksquit"
wait_re " 1 UNKNOWN: waiting for h1's rollout \\(U settles it by hand\\) " 15
assert_not_contains "$tmp/screen" "read back, not settled"
ok "restarted during the kill switch's rollout: the header says the console waits for it"
quit_console 10

#!/bin/sh
# test_quit_running.sh — q while a rollback waits in rollout status: the
# question names the action and says it ends UNKNOWN; after y the journal
# says the console quit during rollout status ("connection lost during
# rollout status: shutting down", though no connection was lost). The
# next console re-reads it while its rollout goes on: the header says it
# waits for h1's rollout, not "read back, not settled: U settles it"
# (that invited a U while the console was about to settle it).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --driver k8s --tag v1.5.0-bad
"$fleet" set --dir "$fl" h1 rollout_seconds=20 > /dev/null
log=$fl/hosts/h1/commands.log
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 30s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident quitrun"
wait_re "h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "type api and press Enter" 15
keys -l api; keys Enter
i=0
until grep -q '"event":"start".*"rollout","status"' "$log" 2> /dev/null; do
	i=$((i + 1)); [ $i -lt 150 ] || fail "rollout status never started"; sleep 0.1
done
keys q
wait_for "rollback of api on h1 (rollout status) is still running: quitting ends it UNKNOWN in the journal (the host may or may not finish what was sent). Quit anyway? (y/N)"
ok "q names the running action and says it ends UNKNOWN"
keys y
wait_for "exit=0" 10
journal=$(ls "$fl"/timeline/quitrun-*.jsonl)
grep '"kind":"action.end"' "$journal" | grep '"outcome":"unknown"' |
	grep -q 'the console quit during rollout status, before it ended' ||
	fail "the end does not say the console quit: $(grep action.end "$journal")"
grep -q 'connection lost during' "$journal" && fail "a quit recorded as a lost connection"
ok "the journal says the console quit during rollout status, not a lost connection"

start 200 50 "$WARROOM -c $tmp/c.conf --incident quitrun"
wait_re " 1 UNKNOWN: waiting for h1's rollout \\(U settles it by hand\\) " 15
assert_not_contains "$tmp/screen" "read back, not settled"
ok "restarted during the rollout: the header says the console waits for h1's rollout"
quit_console 10

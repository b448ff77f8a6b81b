#!/bin/sh
# test_outcome_superseded.sh — HOSTS' line for the selected row said the
# last rollback's outcome ("rollback v1.5.0-bad -> v1.4.1: OK — api runs
# v1.4.1 …") after a CI job had deployed v1.5.0-bad again, as if the
# rollback were still what ran. On a Compose host: roll back from the
# console, then deploy the bad release from outside (fleet set-tag): the
# line says first that v1.5.0-bad runs now, deployed outside this console
# (with when: an 80-column pane cuts the line's end), then the rollback's
# outcome at its end; the rollback's reason is gone from it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 260 50 "$WARROOM -c $tmp/c.conf --incident superseded"
wait_re "│>[ !]h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "type api and press Enter" 15
keys -l api; keys Enter
wait_for "h1/api: rollback v1.5.0-bad -> v1.4.1: OK — api runs v1.4.1 and /readyz answers 200" 40
wait_re "│>[ !]h1 +api +UP +v1\\.4\\.1 " 10
journal=$(ls "$fl"/timeline/superseded-*.jsonl)
# The rollback's own re-read is journalled before the deploy from outside.
i=0
until grep -q '"kind":"health.change","host":"h1".*"tag":"v1.4.1"' "$journal"; do
	i=$((i + 1)); [ "$i" -lt 200 ] || fail "the rollback's tag was never journalled"; sleep 0.1
done
"$fleet" set-tag --dir "$fl" h1 api v1.5.0-bad > /dev/null || fail "set-tag h1"
i=0
until grep -q '"kind":"health.change","host":"h1".*"tag":"v1.5.0-bad".*"outside":true' "$journal"; do
	i=$((i + 1)); [ "$i" -lt 300 ] || fail "the outside deploy was never journalled"; sleep 0.1
done
end=$(grep '"kind":"action.end"' "$journal" | sed 's/.*"ts":"[-0-9]*T\([0-9:]*\).*/\1/')
wait_re "h1/api: now v1\\.5\\.0-bad, deployed outside this console at [0-9:]{8} \\(after rollback v1\\.5\\.0-bad -> v1\\.4\\.1: OK at $end\\)" 10
capture
line=$(grep -o 'h1/api: [^│]*' "$tmp/screen")
case $line in
*"api runs v1.4.1"*) fail "the rollback's reason is still said as what runs: $line" ;;
esac
ok "a deploy from outside after a rollback supersedes its outcome on HOSTS' line"
quit_console

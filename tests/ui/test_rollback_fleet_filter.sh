#!/bin/sh
# test_rollback_fleet_filter.sh — B takes only the hosts the HOSTS filter
# shows: 34 hosts on one tag is more than B's 32 others, refused with no
# filter; F h1 shows h1 and h10–h19, and B then queues those 10 (the
# dialog's title names them and the filter, and the 23 it hides, all on
# the bad tag, are counted and the first three named), and after h1 the
# next dialog is h10's, never h2's, which the filter hides. Esc in h10's
# dialog stops the rest: the summary (journalled) says h10 CANCELLED and
# the 9 after it not started.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 34 --hosts-per-service 10 --tag v1.5.0-bad
mutating() { grep -c '"mutating":true' "$fl/hosts/$1/commands.log" 2> /dev/null || true; }
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"

start 200 50 "$WARROOM -c $tmp/c.conf --incident fleet-filter"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
# Every host's api at the bad tag before B counts them (HOSTS zoomed:
# the 34 api rows fit).
keys F; keys -l api; keys Enter
keys z
i=0
while :; do
	capture
	[ "$(grep -cE '│. h[0-9]+ +api +UP +v1\.5\.0-bad' "$tmp/screen")" -ge 34 ] && break
	i=$((i + 1)); [ $i -lt 600 ] || { cat "$tmp/screen"; fail "not every api is UP at v1.5.0-bad"; }
	sleep 0.1
done 2> /dev/null
keys z
keys F; keys C-u; keys Enter
wait_for "HOSTS: every row shown"
keys Home
keys B
wait_for "more than 32 other hosts run api at v1.5.0-bad: roll them back in groups (F filters HOSTS)"
keys F; keys -l h1; keys Enter
wait_for 'HOSTS: 22 of 68 rows have "h1"'
keys Home
keys B
wait_for "CONFIRM ROLLBACK" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "— then h10, h11, h12, h13, h14, h15, h16, h17, h18, h19 (filter h1), each confirmed like this one"
assert_contains "$tmp/screen" "23 hosts listing api hidden by the HOSTS filter: not included (h2, h3, h4 and 20 more last read on v1.5.0-bad: an empty F filter shows them)"
keys -l api; keys Enter
wait_for "host h10   service api" 40
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "host h10   service api"
assert_contains "$tmp/screen" "— then h11, h12, h13, h14, h15, h16, h17, h18, h19 (filter h1), each confirmed like this one, to v1.4.1"
keys Escape
summary="fleet rollback of api to v1.4.1: h1 OK · h10 CANCELLED · h11, h12, h13, h14, h15, h16, h17, h18, h19 not started"
wait_for "$summary | h10: cancelled; nothing ran" 10
journal=$(ls "$fl"/timeline/fleet-filter-*.jsonl)
grep '"kind":"chain.end"' "$journal" | grep -qF "\"summary\":\"$summary\"" ||
	fail "chain.end does not say '$summary': $(grep '"kind":"chain.end"' "$journal")"
# The engineer's own Esc is no refusal.
grep -q '"kind":"action.refused"' "$journal" && fail "Esc was journalled as a refusal"
sleep 1
[ "$(mutating h1)" -ge 1 ] || fail "h1 was not rolled back"
for h in h2 h3 h9 h10 h11 h20 h34; do
	[ "$(mutating $h)" = 0 ] || fail "$h changed"
done
ok "B with F h1: 10 more hosts named, all shown by the filter, 23 hidden counted; h10 follows h1; Esc there stops the rest, said and journalled in the summary"
quit_console

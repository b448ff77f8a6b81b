#!/bin/sh
# test_rollback_drop_settle.sh — the connection drops
# during a compose rollback's `up -d` (recreate_seconds holds it); the
# command goes on recreating on the host. While the console still re-reads,
# the header says so and how long for, not "read back, not settled … U
# settles it". Settled FAILED by hand anyway (U) before the host got there:
# once a poll reads it at the target with /readyz answering 200, the footer
# and the journal say "h1 now runs v1.4.1, the target of the rollback
# settled FAILED by hand at …" (outcome ok, by reading), once. At 80x24
# U's question is whole, what to type beside the typed text.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
"$fleet" set --dir "$fl" h1 recreate_seconds=16 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 60s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident dropsettle"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
journal=$(ls "$fl"/timeline/dropsettle-*.jsonl)
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
pulls() { grep -c '"pull","api"' "$log" || true; }
n=$(pulls)
keys r
wait_for "type api and press Enter" 15
keys -l api; keys Enter
i=0
until [ "$(pulls)" -gt "$n" ]; do     # commands.log has a command once it ends
	sleep 0.05; i=$((i + 1)); [ $i -lt 400 ] || fail "the pull never ran"
done
# Dropped only once up -d is under way on the host (the fleet lists a
# shim in running/ from its start; recreate_seconds then holds it 12 s): a
# fixed second after the pull may not be enough for a loaded console
# to send it, and a drop before it leaves nothing to deploy v1.4.1.
i=0
until cat "$fl"/hosts/h1/running/* 2> /dev/null | grep -q ' up -d'; do
	sleep 0.02; i=$((i + 1)); [ $i -lt 1000 ] || fail "up -d never started on h1"
done
"$fleet" fault --dir "$fl" h1 drop > /dev/null
wait_re " 1 UNKNOWN: h1 still on v1\\.5\\.0-bad, re-reading for [0-9]+s more \\(a recreate may still be under way\\); U settles it by hand " 20
assert_not_contains "$tmp/screen" "read back, not settled"
ok "a dropped up -d: the header says the console still re-reads, and for how long"

keys U
wait_re "still re-read for [0-9]+s \\(a recreate may still be under way\\) \\| UNKNOWN rollback of api on h1: ok or failed" 5
# At 80 columns the question is whole: which outcome in the rows above,
# what to type on the footer's row, the typed text after it (not cut
# with … and the typed text glued to it).
resize 80 24
wait_re "^ ok or failed, and what you saw: +Enter confirms, Esc no$" 5
footer_matches "\\| UNKNOWN rollback +of api on h1: ok or failed" ||
	fail "not above the footer's row: $(footer_text)"
keys -l "failed still on v1.5.0-bad"
wait_re "^ ok or failed, and what you saw: failed still on v1\\.5\\.0-bad" 5
! tail -n 1 "$tmp/screen" | grep -q "…" || fail "the footer's row is cut: $(tail -n 1 "$tmp/screen")"
ok "at 80x24 U's question goes on in the rows above, what to type beside the typing"
resize 200 50
keys Enter
wait_for "settled by hand: FAILED, still on v1.5.0-bad" 5
grep -q '"by":"hand","outcome":"failed"' "$journal" || fail "no hand settle in the journal"
wait_re "h1 now runs v1\\.4\\.1, the target of the rollback settled FAILED by hand at [0-9]{2}:[0-9]{2}:[0-9]{2}" 30
sleep 2
[ "$(grep -c '"by":"reading"' "$journal")" = 1 ] ||
	fail "readings: $(grep '"by":"reading"' "$journal")"
grep '"by":"reading"' "$journal" | grep -q '"outcome":"ok".*"tag":"v1.4.1"' ||
	fail "the reading: $(grep '"by":"reading"' "$journal")"
grep -q '"kind":"action.reconcile".*"by":"hand","outcome":"failed"' "$journal" ||
	fail "the engineer's FAILED is gone from the journal"
ok "settled FAILED by hand, then read at the target: said in the footer and journalled once"
quit_console 10

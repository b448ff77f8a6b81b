#!/bin/sh
# test_unknown_damaged.sh — a journal whose line after a rollback's
# confirmation is damaged (it may have held the intent), nothing else of
# that op after it, then a restart: the console does not say "nothing
# ran" but shows the rollback UNKNOWN (header badge, the host's row),
# re-reads the host and says what it runs, and U settles it by hand with
# the engineer's words, recorded as action.reconcile for its op. The same
# when the damaged line is the journal's last and whole (it ends in a
# newline): set aside, but as damage, never as a write that never finished,
# and named as set aside, not by the line number the resume now has.
# Then one whose output was kept after the damaged line, and whose target
# the host runs now: the change to it is the rollback's, never "outside".
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
forge="$top_builddir/tests/timeline/tl_writer"
[ -x "$forge" ] || skip "$forge is not built"
fleet_up --hosts 1 --tag v1.5.0-bad
journal=$fl/timeline/unkd-0a1b2c.jsonl
"$forge" forge 3 > "$journal" <<'SPEC'
incident.open - - {"name":"unkd"}
action.confirmed h1 rb-lost {"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}
note - - {"text":"the line the intent may have been"}
note - - {"text":"after the damage"}
SPEC

start 200 50 "$WARROOM -c $fl/warroom.conf --incident unkd"
wait_for "outcome UNKNOWN, damaged line 3" 15
wait_re "1 UNKNOWN" 15
capture
head -3 "$tmp/screen" | grep -q "UNKNOWN" || { cat "$tmp/screen"; fail "no UNKNOWN badge in the header"; }
grep -q "never ran" "$tmp/screen" && fail "said never ran: $(grep 'never ran' "$tmp/screen")"
grep '"kind":"incident.resume"' "$journal" | grep -q '"unknown_ops":\["rb-lost"\]' ||
	fail "the resume does not hold it UNKNOWN: $(grep incident.resume "$journal")"
ok "a confirmation with a damaged line after it is UNKNOWN on restart, in the header"
wait_re "1 UNKNOWN: h1 still on v1\\.5\\.0-bad, re-reading for [0-9]+s more .*U settles it by hand" 20
wait_re "h1/api: rollback v1\\.5\\.0-bad -> v1\\.4\\.1: UNKNOWN — confirmed in an earlier session; its intent is not kept" 5
ok "the host is re-read (what it runs now in the badge) and its row says UNKNOWN"

keys U
wait_for "ok or failed, and what you saw:" 10
keys -l "failed h1 still runs v1.5.0-bad"; keys Enter
wait_for "settled by hand: FAILED, h1 still runs v1.5.0-bad" 10
grep '"kind":"action.reconcile"' "$journal" | grep '"op":"rb-lost"' |
	grep -q '"by":"hand","outcome":"failed"' ||
	fail "no reconcile by hand for rb-lost: $(grep action.reconcile "$journal")"
capture
head -1 "$tmp/screen" | grep -q "UNKNOWN" && fail "the badge stayed: $(head -1 "$tmp/screen")"
ok "U settles it by hand, recorded for its op; the badge goes"

keys q
wait_for "exit=0"
start 200 50 "$WARROOM -c $fl/warroom.conf --incident unkd"
wait_re "│> h1 +api +UP" 15
capture
grep -q "outcome UNKNOWN\\|1 UNKNOWN" "$tmp/screen" && fail "UNKNOWN again after it was settled"
ok "settled, it is not UNKNOWN on the next restart"

# The damaged line the last one, whole: set aside so the file stays
# appendable, but it may have held the intent, so never "never ran".
keys q
wait_for "exit=0"
journal=$fl/timeline/unkl-0a1b2c.jsonl
"$forge" forge 3 > "$journal" <<'SPEC'
incident.open - - {"name":"unkl"}
action.confirmed h1 rb-last {"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}
action.intent h1 rb-last {"plan":{"action":"compose.rollback","host":"h1","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}
SPEC
tail -c 1 "$journal" | od -c | grep -q '\\n' || fail "the forged last line does not end in a newline"
start 200 50 "$WARROOM -c $fl/warroom.conf --incident unkl"
wait_for "outcome UNKNOWN, the damaged last line, now in the journal's .torn file" 15
wait_re "1 UNKNOWN" 15
capture
# Line 3 is the resume's now: the words never send a reader there.
grep -q "damaged line 3" "$tmp/screen" && fail "named a line the resume holds now: $(grep 'damaged line 3' "$tmp/screen")"
grep -q "never ran" "$tmp/screen" && fail "said never ran: $(grep 'never ran' "$tmp/screen")"
grep -q "torn last record" "$tmp/screen" && fail "called the whole line torn: $(grep 'torn last' "$tmp/screen")"
[ -s "$journal.torn" ] || fail "the damaged last line was not set aside to $journal.torn"
grep '"kind":"incident.resume"' "$journal" | grep -q '"unknown_ops":\["rb-last"\]' ||
	fail "the resume does not hold it UNKNOWN: $(grep incident.resume "$journal")"
grep -q '"kind":"action.refused"' "$journal" && fail "refused as never ran: $(grep action.refused "$journal")"
ok "a whole damaged last line after a confirmation: set aside, and the rollback UNKNOWN, not never ran"

keys q
wait_for "exit=0"
# Its up -d ran (its output is kept) and h1 runs its target now.
"$fleet" set-tag --dir "$fl" h1 api v1.4.1 > /dev/null
journal=$fl/timeline/unko-0a1b2c.jsonl
"$forge" forge 4 > "$journal" <<'SPEC'
incident.open - - {"name":"unko"}
health.change h1 - {"service":"api","tag":"v1.5.0-bad","first":true}
action.confirmed h1 rb-ran {"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}
note - - {"text":"the intent's line"}
action.output h1 rb-ran {"step":"up","stream":"stdout","text":"Recreating api"}
SPEC
start 200 50 "$WARROOM -c $fl/warroom.conf --incident unko"
i=0
until grep '"kind":"action.reconcile"' "$journal" | grep '"op":"rb-ran"' | grep -q '"outcome":"ok"'; do
	i=$((i + 1)); [ $i -lt 40 ] || fail "no ok re-read of rb-ran: $(grep -v '"kind":"note"' "$journal" | tail -5)"
	sleep 0.5
done
grep '"kind":"health.change"' "$journal" | grep -q '"tag":"v1.4.1"' ||
	fail "no change to v1.4.1 recorded: $(grep health.change "$journal")"
grep '"kind":"health.change"' "$journal" | grep '"outside":true' &&
	fail "the rollback's own change was said outside this console"
ok "a rollback whose intent line is damaged is the change to its target, not outside"

#!/bin/sh
# test_actor.sh — on a shared ops account every console is the same
# user@machine; --as NAME (or actor = NAME) records "NAME (account)", so
# the arm refusal, a watcher's ARMED badge, the journal and TIMELINE tell
# the people apart. When the armed console is killed and the other quits
# cleanly, the resume names the killed one by actor and pid, and does not
# blame the clean quit's gap on it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
printf '[warroom]\ntimeline_dir = %s/tl\n' "$tmp" > "$tmp/c.conf"
printf '[warroom]\ntimeline_dir = %s/tl\nactor = bob\n' "$tmp" > "$tmp/b.conf"
wr="$WARROOM -c $tmp/c.conf --incident qa"

out=$($WARROOM -c "$tmp/c.conf" --as 'al(ice)' 2>&1) && fail "--as took a name with ( )"
echo "$out" | grep -qF "warroom: --as: an actor name cannot hold ( or )" ||
	fail "--as refusal: $out"

start 200 40 "$wr --as alice"
wait_for "incident.open qa"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
start_also b 200 40 "$WARROOM -c $tmp/b.conf --incident qa"
start_also ro 200 40 "$wr --read-only"
session=ro
wait_re "ARMED: alice \([^ ]+@[^ ]+\) since [0-9]{2}:[0-9]{2} UTC"
session=b
# Opened while alice's console runs: bob joined, not "bob incident.resume".
wait_re "bob joined qa"
assert_not_contains "$tmp/screen" "bob incident.resume"
keys A
wait_re "not armed: alice \([^ ]+@[^ ]+\) \(pid [0-9]+"
keys Escape
keys n; keys -l "bob was here"; keys Enter
wait_for "note stored"
grep -q '"actor":"bob ([^)"]*@[^)"]*)","session":[0-9]*,"kind":"note"' "$tmp"/tl/qa-*.jsonl ||
	fail "the note's actor is not bob (account)"
ok "--as and actor = name the person before the account: refusal, badge, journal"

keys 5; keys Enter
wait_re "note +by bob \([^ ]+@[^ ]+\)"
keys Escape
session=t
wait_re "bob note bob was here"
ok "TIMELINE rows and Enter's entry say whose record it is when two people wrote"
session=ro
keys e
wait_for "journal; warroom export $(basename "$tmp"/tl/qa-*.jsonl .jsonl) prints the post-mortem"
ok "a watcher's e is refused with the command that prints the post-mortem"

pid=$(sed -n 's/.*(pid \([0-9]*\) on.*/\1/p' "$tmp"/tl/qa-*.jsonl.arm)
[ -n "$pid" ] || fail "the arm lock names no pid"
kill -9 "$pid"
session=b
sleep 1.2
quit_console
start_also b2 200 40 "$WARROOM -c $tmp/b.conf --incident qa"
session=b2
wait_footer_re "the console of alice \([^ ]+@[^ ]+\), pid $pid, ended without shutting down while armed \(last record [0-9:]+ UTC\)"
quit_console
session=ro
quit_console
"$WARROOM" export "$(basename "$tmp"/tl/qa-*.jsonl .jsonl)" -c "$tmp/c.conf" > "$tmp/pm.md"
grep -q "nothing recorded: the writing console stopped without shutting down" "$tmp/pm.md" &&
	fail "the post-mortem blames bob's clean quit on alice's crash"
grep -qF "all hosts (nothing recorded since the last record)" "$tmp/pm.md" &&
	fail "the post-mortem's Data gaps call bob's clean quit a killed console's silence"
grep -qF "the console of alice (" "$tmp/pm.md" || fail "the post-mortem does not name alice"
ok "the resume names the killed console by actor and pid, not the one that quit cleanly"

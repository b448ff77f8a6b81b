#!/bin/sh
# test_console_gone.sh — three consoles that write and a watcher on one
# incident. Each that joins says in TIMELINE how many consoles write
# then (the watcher writes nothing and counts for nothing). A console not
# armed names who is when it is refused a
# change. When the armed console is killed, a console that writes
# records it (session.gone) once, however many see it; the post-mortem
# says so, and a resume of the incident names it without recording it
# again. Consoles killed with no writer left are told from their .live
# lock by `warroom export`.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
printf '[warroom]\ntimeline_dir = %s/tl\n' "$tmp" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident qa"

start 200 40 "$wr --as alice"
wait_for "incident.open qa"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
start_also b 200 40 "$wr --as bob"
start_also c 200 40 "$wr --as carol"
start_also ro 200 40 "$wr --read-only"
session=b
wait_re "bob joined qa \\([23] consoles open\\)"
keys r
wait_footer_re "refused: alice \([^ ]+@[^ ]+\) is armed on this incident; one armed console at a time"
ok "a change refused for want of arming names the console that holds it"

session=c
wait_re "carol joined qa \\([23] consoles open\\)"
j=$(ls "$tmp"/tl/qa-*.jsonl)
pid=$(sed -n 's/.*(pid \([0-9]*\) on.*/\1/p' "$j.arm")
[ -n "$pid" ] || fail "the arm lock names no pid"
kill -9 "$pid"
for i in 1 2 3 4 5 6 7 8 9 10; do
	grep -q '"kind":"session.gone"' "$j" && break
	sleep 0.5
done
sleep 2     # both writers have looked by now
n=$(grep -c '"kind":"session.gone"' "$j")
[ "$n" = 1 ] || fail "$n session.gone records for one killed console"
grep '"kind":"session.gone"' "$j" | grep -q "\"pid\":$pid,.*\"was_armed\":true" ||
	fail "session.gone does not name alice's pid and arming: $(grep session.gone "$j")"
grep '"kind":"session.gone"' "$j" | grep -q '"actor":"\(bob\|carol\) (' ||
	fail "session.gone is not a writing console's record"
id=$(basename "$j" .jsonl)
"$WARROOM" export "$id" -c "$tmp/c.conf" > "$tmp/pm.md"
grep -q "the console of alice ([^)]*), pid $pid, ended without shutting down while armed (last record [^)]*); seen by the console of" "$tmp/pm.md" ||
	fail "the post-mortem's Journal part does not say alice's console ended: $(grep -A4 '### Journal' "$tmp/pm.md")"
ok "the killed armed console is recorded once by a console that writes, and the post-mortem says so"

pb=$(grep '"actor":"bob (' "$j" | sed -n 's/.*"kind":"incident.resume".*"pid":\([0-9]*\).*/\1/p' | head -1)
pc=$(grep '"actor":"carol (' "$j" | sed -n 's/.*"kind":"incident.resume".*"pid":\([0-9]*\).*/\1/p' | head -1)
[ -n "$pb" ] && [ -n "$pc" ] || fail "no pid in bob's or carol's incident.resume"
kill -9 "$pb" "$pc"
sleep 1
"$WARROOM" export "$id" -c "$tmp/c.conf" > "$tmp/pm2.md"
grep -q "the console of bob ([^)]*), pid $pb, ended without shutting down (last record [^)]*); no console recorded it: its lock on the journal is free" "$tmp/pm2.md" ||
	fail "the export does not tell bob's console gone from its lock: $(grep -A6 '### Journal' "$tmp/pm2.md")"
[ "$(grep -c "the console of alice (" "$tmp/pm2.md")" -ge 1 ] || fail "alice is no longer named"
ok "with no console left that writes, the export tells the gone ones from the .live lock"

start_also a2 200 40 "$wr --as alice"
session=a2
wait_footer_re "3 consoles before ended without shutting down, at least one of them armed"
n=$(grep -c '"kind":"session.gone"' "$j")
[ "$n" = 1 ] || fail "$n session.gone records after the resume"
tail -n 3 "$j" | grep '"kind":"incident.resume"' | grep -q '"ended_without_shutdown":2,' ||
	fail "the resume counts alice's recorded end again: $(grep incident.resume "$j" | tail -1)"
"$WARROOM" export "$id" -c "$tmp/c.conf" > "$tmp/pm3.md"
n=$(sed -n '/### Journal/,/^## /p' "$tmp/pm3.md" | grep -c "the console of alice (")
[ "$n" = 1 ] || fail "the Journal part names alice's end $n times: $(sed -n '/### Journal/,/^## /p' "$tmp/pm3.md")"
keys q
wait_for "exit=0"
ok "a resume names a console recorded gone, and records it no second time"

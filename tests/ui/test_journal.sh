#!/bin/sh
# test_journal.sh — the incident timeline from the console: a note typed
# with cursor keys, Ctrl-U and UTF-8 is stored; Esc drops a note; e
# exports the post-mortem draft, named again on quitting; q and SIGTERM
# end the journal with a shutdown record; the same --incident resumes it
# with what it held; and `warroom incidents` / `warroom export` (by id or
# by name) read it without a terminal; Enter in TIMELINE shows an entry whole; a
# run-of-show T-0 is recorded and restored; E resolves the incident; a
# runbook's errors and a second runbook's ignored decision matrix are said
# at the start of an incident, beside the journal's own news (the matrices
# recorded too), and its step that did not read is marked and says so; an
# armed console killed while others stay open is named by the next resume.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
printf '[warroom]\ntimeline_dir = %s/tl\n' "$tmp" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident 'db failover drill'"

start 200 40 "$wr"
wait_for "incident.open db failover drill"
keys n
wait_for "note:"
keys -l "abc"
keys Left Left
keys -l "X"
keys End
keys -l " — ünïcode ✓"
wait_for "note: aXbc — ünïcode ✓"
keys Enter
wait_for "note stored"
wait_for "note aXbc — ünïcode ✓"
keys n
keys -l "throw this away"
keys C-u
keys -l "and this"
keys Escape
wait_for "note discarded"
keys e
wait_for "exported $tmp/tl/db-failover-drill-"
quit_console
# The footer that said where the draft went is gone: the shell says it.
assert_contains "$tmp/screen" "post-mortem draft: $tmp/tl/db-failover-drill-"
journal=$(ls "$tmp"/tl/db-failover-drill-*.jsonl)
[ -f "$journal" ] || fail "no journal"
[ "$(stat -c %a "$journal")" = 600 ] || fail "journal mode is not 0600"
grep -q '"kind":"note".*"text":"aXbc — ünïcode ✓"' "$journal" || fail "note not in the journal"
! grep -q 'throw this away\|and this' "$journal" || fail "a dropped note was stored"
grep -q '"kind":"export"' "$journal" || fail "export not recorded"
tail -1 "$journal" | grep -q '"kind":"shutdown".*"reason":"quit"' || fail "no shutdown record after q"
assert_contains "${journal%.jsonl}.postmortem.md" "aXbc"
# The post-mortem holds every record: as private as the journal.
for f in "${journal%.jsonl}.postmortem.md" "${journal%.jsonl}.postmortem.json"; do
	[ "$(stat -c %a "$f")" = 600 ] || fail "$f is mode $(stat -c %a "$f"), not 0600"
done
ok "note editor (cursor keys, UTF-8, Ctrl-U, Esc), export (0600), shutdown on q"

start 200 40 "$wr"
wait_for "incident.resume"
assert_contains "$tmp/screen" "note aXbc — ünïcode ✓"
# A note longer than the pane is cut there; Enter on it in TIMELINE shows
# it whole, over the panes, until Esc.
long="the replica in eu-west lagged 40 s behind the primary before the failover; we held writes for 90 s and the lag fell to 0 once the old primary was fenced"
keys n; keys -l "$long"; keys Enter
wait_for "note stored"
resize 100 40
keys 5 Enter
wait_for "Esc or Enter closes"
# The overlay's columns only (5 to 94 at 100 wide), its rows joined.
python3 -c 'import sys; print("".join(l[5:94].strip() for l in open(sys.argv[1], encoding="utf-8")).replace(" ", ""))' \
	"$tmp/screen" | grep -qF "$(printf '%s' "$long" | tr -d ' ')" ||
	{ cat "$tmp/screen"; fail "the whole note is not in the entry overlay"; }
keys Escape
i=0
while capture && grep -q "Esc or Enter closes" "$tmp/screen"; do
	i=$((i + 1)); [ $i -lt 50 ] || fail "Esc did not close the entry"; sleep 0.1
done
ok "Enter in TIMELINE shows the selected entry whole"
pid=$(pgrep -f "src/warroom -c $tmp/c.conf" | head -1)
kill -TERM "$pid"
wait_for "exit=143"
tail -1 "$journal" | grep -q '"kind":"shutdown".*"reason":"terminated"' || fail "no shutdown record after SIGTERM"
[ "$(ls "$tmp"/tl/*.jsonl | wc -l)" -eq 1 ] || fail "resuming created a second incident"
ok "the same --incident resumes the journal; SIGTERM ends it with a shutdown record"

id=$(basename "$journal" .jsonl)
"$WARROOM" incidents -c "$tmp/c.conf" > "$tmp/list" || fail "warroom incidents"
assert_contains "$tmp/list" "$id"
assert_contains "$tmp/list" "db failover drill"
"$WARROOM" export "$id" -c "$tmp/c.conf" --format json -o "$tmp/pm.json" < /dev/null || fail "export json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d' "$tmp/pm.json" || fail "export json is not JSON"
# -o never replaces a file unasked, and never the journal itself.
echo "keep me" > "$tmp/old.md"
rc=0; "$WARROOM" export "$id" -c "$tmp/c.conf" -o "$tmp/old.md" 2> "$tmp/err" || rc=$?
[ "$rc" = 1 ] && [ "$(cat "$tmp/old.md")" = "keep me" ] || fail "-o replaced an existing file (exit $rc)"
assert_contains "$tmp/err" "old.md exists: nothing written (--force replaces it)"
"$WARROOM" export "$id" -c "$tmp/c.conf" -o "$tmp/old.md" --force || fail "-o --force"
assert_contains "$tmp/old.md" "aXbc"
[ "$(stat -c %a "$tmp/old.md")" = 600 ] || fail "the export is not 0600"
cp "$journal" "$tmp/journal.before"
rc=0; "$WARROOM" export "$id" -c "$tmp/c.conf" -o "$journal" --force 2> "$tmp/err" || rc=$?
[ "$rc" = 1 ] && cmp -s "$journal" "$tmp/journal.before" || fail "-o --force touched the journal (exit $rc)"
assert_contains "$tmp/err" "is an incident journal: an export never replaces one; nothing written"
"$WARROOM" export "$id" -c "$tmp/c.conf" --tz Europe/Paris > "$tmp/pm.md" < /dev/null || fail "export md"
assert_contains "$tmp/pm.md" "aXbc"
# Each time in Paris as it was then (CET +1, CEST +2), with UTC beside it.
python3 - "$tmp/pm.md" <<'PY' || fail "--tz Europe/Paris: times not in the zone with UTC"
import re, sys
md = open(sys.argv[1]).read()
assert re.search(r"times in Europe/Paris \(CES?T, UTC\+0[12]:00\), each followed by UTC", md)
m = re.search(r"\| Detection[^|]*\| [0-9-]{10} (\d\d):\d\d:\d\d (CES?T) \((?:[0-9-]{10} )?(\d\d):\d\d:\d\d UTC\) \|", md)
assert m and (int(m[1]) - int(m[3])) % 24 == (2 if m[2] == "CEST" else 1)
PY
# A zone the database does not know is refused, not printed as UTC.
rc=0; "$WARROOM" export "$id" -c "$tmp/c.conf" --tz America/New_Yrok > /dev/null 2> "$tmp/err" || rc=$?
[ "$rc" -eq 2 ] || fail "--tz America/New_Yrok exited $rc"
assert_contains "$tmp/err" "--tz America/New_Yrok: not a time zone"
rc=0; "$WARROOM" export nosuch-000000 -c "$tmp/c.conf" > /dev/null 2> "$tmp/err" || rc=$?
[ "$rc" -eq 1 ] || fail "exporting a missing incident exited $rc"
assert_contains "$tmp/err" "warroom incidents lists them"
# The name given to --incident finds it too.
"$WARROOM" export 'db failover drill' -c "$tmp/c.conf" > "$tmp/by-name.md" < /dev/null ||
	fail "export by the incident's name"
assert_contains "$tmp/by-name.md" "Incident \`$id\`"
ok "warroom incidents and warroom export work without a terminal, by id or by name"

# A run-of-show's T-0 is a journal record: a resumed console shows it.
rb="-r $top_srcdir/docs/runbooks/blue-green-cutover.md"
start 200 40 "$WARROOM -c $tmp/c.conf --incident cutover $rb"
wait_for "(T sets T-0)"
keys T
wait_for "T-0 (now, +30m, HH:MM UTC):"
keys -l "+2h"
keys Enter
wait_re "T-0 [0-9][0-9]:[0-9][0-9] in 2h"
quit_console
grep -q '"kind":"runbook.tzero"' "$tmp"/tl/*.jsonl || fail "no runbook.tzero record"
start 200 40 "$WARROOM -c $tmp/c.conf --incident cutover $rb"
wait_re "T-0 [0-9][0-9]:[0-9][0-9] in (2h|1h59m)\b"
quit_console
ok "T-0 is recorded and restored on resume"

# E resolves the incident: typed, recorded, and the name starts afresh.
# An armed console is disarmed by it, as A would, and the journal says so.
start 200 40 "$WARROOM -c $tmp/c.conf --incident cutover"
wait_for "incident.resume"
keys A; keys -l arm; keys Enter
wait_re "ARMED [0-9][0-9]:[0-9][0-9]"
keys E
wait_for "type resolve to mark the incident resolved:"
keys -l "yes"; keys Enter
wait_for "not resolved: type resolve to resolve it"
keys E
keys -l "resolve"; keys Enter
wait_for "incident resolved and the console disarmed; e exports the post-mortem"
wait_for " RESOLVED "
wait_for "incident.resolve"
assert_not_contains "$tmp/screen" "ARMED "
keys E
wait_for "the incident is already resolved"
keys r                       # production changes belong to a new incident now
wait_for "refused: the incident is resolved: a change now is new trouble"
quit_console
cutover=$(grep -l '"kind":"incident.resolve"' "$tmp"/tl/*.jsonl)
[ "$(echo "$cutover" | wc -l)" -eq 1 ] || fail "incident.resolve in: $cutover"
grep -A1 '"kind":"incident.resolve"' "$cutover" | grep -q '"mode":"disarmed","reason":"the incident is resolved"' ||
	{ tail -3 "$cutover"; fail "the resolve's disarm is not journalled after it"; }
"$WARROOM" incidents -c "$tmp/c.conf" > "$tmp/list" || fail "warroom incidents"
grep -q "$(basename "$cutover" .jsonl).*resolved" "$tmp/list" || fail "not listed resolved: $(cat "$tmp/list")"
"$WARROOM" export "$(basename "$cutover" .jsonl)" -c "$tmp/c.conf" > "$tmp/pm.md" < /dev/null ||
	fail "export of the resolved incident"
grep -qi "resolved" "$tmp/pm.md" || fail "the post-mortem does not say resolved"
start 200 40 "$WARROOM -c $tmp/c.conf --incident cutover"
wait_for "incident.open cutover"
quit_console
[ "$(ls "$tmp"/tl/cutover-*.jsonl | wc -l)" -eq 2 ] || fail "the name did not start a new incident"
ok "E resolves the incident (typed) and disarms; changes refused after; listed and exported resolved; the name then opens a new one"

# A runbook's errors are said at the start of an incident too (the journal
# said "" after them, which wiped them); what the journal has to say (a
# torn tail set aside) comes beside them, not instead. The step whose block
# did not read is marked !, and x on it says why nothing runs.
cat > "$tmp/bad.md" <<'MD'
# Drill

1. Roll back

   ```warroom
   rolback service=api
   ```

| Metric | Threshold | Action |
|---|---|---|
| Error rate | > 5% | Rollback immediately |
MD
# A second runbook's matrix is ignored: said beside the errors, and
# recorded with the one in force.
cat > "$tmp/comms.md" <<'MD'
# Comms

| Metric | Threshold | Action |
|---|---|---|
| Error rate | > 1% | Rollback immediately |
MD
said="runbook bad.md: 1 error (line 6: warroom: unknown action 'rolback' (did you mean 'rollback'?))"
matrix="decision matrix from bad.md (line 9) overrides [thresholds]; the one in comms.md (line 3) is IGNORED: only the first -r runbook's matrix counts"
# footer_has TEXT — the footer's rows (a long message wraps above it) as one line.
footer_has() {
	i=0
	while [ $i -lt 100 ]; do
		capture
		tail -6 "$tmp/screen" | tr '\n' ' ' | tr -s ' ' | grep -qF -- "$1" && return 0
		sleep 0.05; i=$((i + 1))
	done
	cat "$tmp/screen"; fail "the footer does not say: $1"
}
start 200 40 "$WARROOM -c $tmp/c.conf --incident 'rb errors' -r $tmp/bad.md -r $tmp/comms.md"
wait_for "incident.open rb errors"
footer_has "$said"
footer_has "what could be read is loaded | $matrix"
python3 - "$(ls "$tmp"/tl/rb-errors-*.jsonl)" <<'PY' || fail "no runbook.matrix record naming bad.md in force and comms.md ignored"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
m = [r["data"] for r in recs if r["kind"] == "runbook.matrix"]
assert m and m[0]["in_force"] == {"runbook": "bad.md", "line": 9}, m
assert m[0]["ignored"] == [{"runbook": "comms.md", "line": 3}], m
PY
wait_for "[ ] ! Roll back"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 Down x
footer_has "bad.md:6: warroom: unknown action 'rolback' (did you mean 'rollback'?) — fix the runbook; nothing ran"
quit_console
printf '{"seq":99,"torn' >> "$(ls "$tmp"/tl/rb-errors-*.jsonl)"
start 200 40 "$WARROOM -c $tmp/c.conf --incident 'rb errors' -r $tmp/bad.md -r $tmp/comms.md"
wait_for "incident.resume rb errors"
footer_has "$said"
footer_has "what could be read is loaded | "
footer_has "journal: last line set aside (a torn write: no newline at the end): 15 bytes moved to $tmp/tl/rb-errors-"
quit_console
ok "a runbook's errors and an ignored matrix are said at an incident's start, beside the journal's notice, and the matrix recorded; the broken step is marked ! and x says why"

# A runbook that reads cleanly but asks what this config cannot do (a
# status-page post with no [statuspage]): said at the start, not at x.
cat > "$tmp/posts.md" <<'MD'
# Comms

1. Tell customers

   ```warroom
   statuspage create name="API errors" status=investigating
   ```
MD
cat > "$tmp/tell.md" <<'MD'
# Team

1. Tell the team

   ```warroom
   announce message="rolled back"
   ```
MD
start 200 40 "$WARROOM -c $tmp/c.conf --incident 'rb config' -r $tmp/posts.md -r $tmp/tell.md"
wait_for "incident.open rb config"
footer_has "runbook posts.md asks 1 thing this config cannot do (line 6: warroom: statuspage: c.conf has no [statuspage] (nor [chat]) to post to); warroom runbook -c lists them | runbook tell.md asks 1 thing this config cannot do (line 6); warroom runbook -c lists them"
wait_for "[ ] ! Tell customers"
quit_console
ok "runbook steps this config cannot do are said at the start, every runbook's; the step is marked !"

# Two consoles on one incident: only one is armed at a time; the other is
# told who, and arms once that one disarms or dies.
wr2="$WARROOM -c $tmp/c.conf --incident 'arm drill'"
held="is armed on this incident: one armed console at a time"
start 200 40 "$wr2"
wait_for "incident.open arm drill"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
start_also b 200 40 "$wr2"
session=b
# Opened while the first console runs: TIMELINE says it joined (the
# record stays incident.resume, with others_open).
wait_for "joined arm drill"
assert_not_contains "$tmp/screen" "incident.resume arm drill"
keys A
wait_for "$held"
assert_contains "$tmp/screen" "(pid "
head -1 "$tmp/screen" | grep -qE "ARMED [0-9]" && fail "the second console armed beside the first"
session=t
keys A
wait_for "disarmed"
session=b
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
session=t
keys A
wait_for "$held"
pid=$(tr '\n' ' ' < "$tmp/screen" | sed -n 's/.*(pid \([0-9]*\) on.*/\1/p')
[ -n "$pid" ] || fail "the refusal names no pid"
# A read-only watcher is open too: it holds no byte of .live and counts
# for nothing.
start_also ro 200 40 "$wr2 --read-only"
session=ro
wait_for "joined arm drill"
kill -9 "$pid"
ok "one armed console per incident: the second is told who holds it"

# The armed console killed above never wrote its shutdown record. A third
# console resumes while the first (not armed) and the watcher still run:
# it tells the dead console from the live ones (each writing console holds
# its own byte of .live), names it, armed, in the journal, at the start
# and in the post-mortem's row, and takes the arm lock it left.
start_also c 200 40 "$wr2"
session=c
wait_for "joined arm drill"
footer_has ", ended without shutting down while armed (last record "
footer_text | grep -qE "the console of [^ ]+@[^ ]+, pid [0-9]+, ended" ||
	fail "the resume does not name the dead console by actor and pid: $(footer_text)"
keys A
wait_for "type arm to arm"
keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
quit_console
session=t
quit_console
drill=$(ls "$tmp"/tl/arm-drill-*.jsonl)
python3 - "$drill" <<'PY' || fail "the resumes do not say which console ended without a shutdown record"
import json, sys
recs = list(map(json.loads, open(sys.argv[1])))
res = [r for r in recs if r["kind"] == "incident.resume"]
assert len(res) == 2, res
b, c = res[0], res[1]
assert b["data"].get("others_open") is True and "ended_without_shutdown" not in b["data"], b
d = c["data"]
assert d.get("others_open") is True and d["ended_without_shutdown"] == 1 and d["was_armed"] is True, d
# b's own last record, though t wrote after it; b alone, not t.
last_b = [r["ts"] for r in recs if r.get("session") == b["seq"]][-1]
assert d["last_record_ts"] == last_b, (d, last_b)
assert [e["session"] for e in d["ended_sessions"]] == [b["seq"]], d
PY
"$WARROOM" export "$(basename "$drill" .jsonl)" -c "$tmp/c.conf" > "$tmp/drill.md" < /dev/null ||
	fail "export of the arm drill"
grep -qE "\| joined \| .*the console of [^ ]+@[^ ]+, pid [0-9]+, ended without shutting down while armed \(last record " \
	"$tmp/drill.md" || fail "the post-mortem's resume row does not say it"
ok "an armed console killed while others stay open is named by the next resume: journal, footer, post-mortem"

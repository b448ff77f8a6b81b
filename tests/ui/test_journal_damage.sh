#!/bin/sh
# test_journal_damage.sh — one changed byte in a note in the middle of the
# journal (sed, as a disk or a hand might): the console resumes the
# incident writable, names the skipped line in the footer (file, line,
# byte offset, why) and shows the records after it; what it writes next
# goes after the file's end, nothing before rewritten; `incidents` counts
# every record kept and names the line, and `export` warns of it and
# holds the records after it. No fleet.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
printf '[warroom]\ntimeline_dir = %s/tl\n' "$tmp" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident dmg"

start 160 30 "$wr"
wait_for "incident.open dmg"
for text in one "saw 5xx" three; do
	keys n; keys -l "$text"; keys Enter
	wait_for "note $text"
done
keys q
wait_for "exit=0"
journal=$(ls "$tmp"/tl/dmg-*.jsonl)
sed -i 's/saw 5xx/saw 4xx/' "$journal"
line=$(grep -n 'saw 4xx' "$journal" | cut -d: -f1)
cp "$journal" "$tmp/before"

start 160 30 "$wr"
wait_for "damaged (checksum): skipped" 10
footer() { tail -3 "$tmp/screen" | grep -v '^[│┌└]' | tr -s '\n ' ' '; }
footer | grep -qF "$journal: line $line (byte " || fail "the footer does not name the file and line: $(footer)"
footer | grep -qF "the 2 records after it kept" || fail "the footer does not say what was kept: $(footer)"
assert_contains "$tmp/screen" "note three"
head -1 "$tmp/screen" | grep -q "READ-ONLY\|DEGRADED" && fail "a damaged middle line made the journal read-only"
ok "the damaged line is named at the start, the records after it shown"
keys Escape
keys n; keys -l "after the damage"; keys Enter
wait_for "note stored"
keys q
wait_for "exit=0"
cmp -n "$(stat -c %s "$tmp/before")" "$tmp/before" "$journal" || fail "the journal was rewritten before its end"
tail -1 "$journal" | grep -q '"kind":"shutdown"' || fail "no shutdown record after the damage"
ok "the console writes after the damaged journal's end, nothing rewritten"

"$WARROOM" incidents -c "$tmp/c.conf" > "$tmp/list" || fail "incidents failed"
assert_contains "$tmp/list" "(damaged: line $line)"
grep -q " open " "$tmp/list" || fail "the damaged incident is not listed open"
"$WARROOM" export -c "$tmp/c.conf" dmg > "$tmp/pm.md" || fail "export failed"
assert_contains "$tmp/pm.md" "> - line $line (byte "
assert_contains "$tmp/pm.md" "| note |  | three |"
grep -q "only the .* records before it" "$tmp/pm.md" && fail "the export still stops at the damage"
ok "incidents and export name the line and keep every record after it"

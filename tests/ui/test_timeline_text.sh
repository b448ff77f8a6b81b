#!/bin/sh
# test_timeline_text.sh — TIMELINE's text as it is: a note pasted with a
# bidi control (U+202E) is stored as the sanitizer writes it (the journal
# holds <U+202E>; TIMELINE, its whole-entry view and the post-mortem show
# it so, never the raw character; so does an incident named with one); a
# note longer than the pane ends in "…" there, and zoomed (z) it wraps
# whole under its time.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
printf '[warroom]\ntimeline_dir = %s/tl\n' "$tmp" > "$tmp/c.conf"
rlo=$(printf '\342\200\256')
start 120 30 "$WARROOM -c $tmp/c.conf --incident 'bidi ${rlo}drill'"
wait_for "incident.open bidi <U+202E>drill"
keys n
wait_for "note:"
keys -l "bidi ${rlo} evil override"
wait_for "note: bidi <U+202E> evil override"
keys Enter
wait_for "note stored"
wait_for "note bidi <U+202E> evil override"
keys 5 Enter
wait_for "Esc or Enter closes"
assert_contains "$tmp/screen" "bidi <U+202E> evil override"
keys Escape
long="the replica in eu-west lagged 40 s behind the primary before the failover ENDMARK"
keys n; keys -l "$long"; keys Enter
wait_for "note stored"
resize 80 24
wait_re "note the replica i…│$"
keys z
wait_for "ENDMARK"
wait_re "^│ +before the failover ENDMARK"
ok "a long note is cut with … in TIMELINE and wraps whole when zoomed"
keys z
keys e
wait_for "exported $tmp/tl/"
keys q
wait_for "exit=0"
journal=$(ls "$tmp"/tl/*.jsonl)
grep -q '"kind":"note".*"text":"bidi <U+202E> evil override"' "$journal" ||
	fail "the note is not stored sanitized"
grep -q '"kind":"incident.open".*"name":"bidi <U+202E>drill"' "$journal" ||
	fail "the incident's name is not stored sanitized"
for f in "$journal" "${journal%.jsonl}.postmortem.md" "${journal%.jsonl}.postmortem.json" \
    "$tmp/screen"; do
	! grep -q "$rlo" "$f" || fail "a raw U+202E in $f"
done
assert_contains "${journal%.jsonl}.postmortem.md" 'bidi \<U+202E\> evil override'
ok "a note with U+202E is stored, shown and exported as <U+202E>"

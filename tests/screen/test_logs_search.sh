#!/bin/sh
# test_logs_search.sh — a filter over more lines than one frame examines:
# the LOGS status line counts the matching lines and says the search is
# still going (with how far it got) until it has read them all, and marks a
# pattern with an uppercase letter as case-sensitive; n with a filter
# searches in read-only mode too (it writes nothing).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
# 120 000 lines, every 1000th an ERROR; a frame examines 50 000.
awk 'BEGIN { for (i = 1; i <= 120000; i++)
	printf "api-1/api 2026-01-01T00:00:00.000Z %s seq=%d\n", i % 1000 ? "INFO " : "ERROR", i }' \
	> "$tmp/api.log"
steps '
:resize 160x30
:logs api.log
3
/ERROR<Enter>
:save-screen first
<C-l>
:save-screen second
<C-l>
:save-screen done
/<C-u>error<Enter>
<C-l>
<C-l>
:save-screen lower
'
run_console -c "$tmp/warroom.conf"
status() { grep -o 'filter /ERROR/.*' "$tmp/$1" | sed 's/ *│.*//'; }
[ "$(status first)" = "filter /ERROR/ (case)  50 matching (searching, 41%)" ] ||
	fail "first frame: '$(status first)'"
[ "$(status second)" = "filter /ERROR/ (case)  100 matching (searching, 83%)" ] ||
	fail "second frame: '$(status second)'"
[ "$(status done)" = "filter /ERROR/ (case)  120 matching" ] || fail "last frame: '$(status done)'"
lower=$(grep -o 'filter /error/.*' "$tmp/lower" | sed 's/ *│.*//')
[ "$lower" = "filter /error/  120 matching" ] || fail "lowercase: '$lower'"
ok "the status line counts matches, says how far the search got and marks case"

# With a filter, n is the next match, not a note: read-only lets it pass.
steps '
:resize 160x30
:logs api.log
3
/ERROR<Enter>
<C-l>
<C-l>
n
:save-screen readonly
'
run_console -c "$tmp/warroom.conf" --read-only
grep -q "no later match" "$tmp/readonly" || { cat "$tmp/readonly"; fail "n with a filter did not search in read-only mode"; }
ok "read-only: n with a filter searches"

# A line pcre2 gives up on (its match limit) is shown, and the status line
# says how many could not be searched, and why.
python3 -c '
print("api-1/api 2026-01-01T00:00:00.000Z INFO  first")
print("api-1/api 2026-01-01T00:00:01.000Z WARN  " + "x" * 60 + " NEEDLE42")
print("api-1/api 2026-01-01T00:00:02.000Z INFO  last")
' > "$tmp/bomb.log"
steps '
:resize 120x30
:logs bomb.log
3
z
/(x+x+)+y|NEEDLE42<Enter>
:save-screen bomb
'
run_console -c "$tmp/warroom.conf"
grep -q "│api-1/api 2026-01-01T00:00:01.000Z WARN  xxxxxxxx*x NEEDLE42 " "$tmp/bomb" ||
	{ cat "$tmp/bomb"; fail "the line pcre2 gave up on is hidden"; }
grep -q "  1 matching  1 line could not be searched (match limit)" "$tmp/bomb" ||
	{ cat "$tmp/bomb"; fail "no word of the line that could not be searched"; }
ok "a line the filter could not search is shown and counted (match limit)"

# In LOGS without a filter, n says so rather than open the note prompt
# (what is typed next must not become a note); / then Esc leaves the
# filter unchanged, and the next filter set says so in its own words.
steps '
:resize 120x30
:logs api.log
3
n
:save-screen nofilter
/ERR<Esc>
:save-screen esc
/ERROR<Enter>
:save-screen set
'
run_console -c "$tmp/warroom.conf"
grep -q "^ no filter: / sets one" "$tmp/nofilter" || { cat "$tmp/nofilter"; fail "n without a filter in LOGS"; }
! grep -q "note:" "$tmp/nofilter" || { cat "$tmp/nofilter"; fail "n in LOGS opened the note prompt"; }
grep -q "^ filter unchanged" "$tmp/esc" || { cat "$tmp/esc"; fail "/ then Esc"; }
grep -q "^ LOGS filtered by /ERROR/, case-sensitive (it has an uppercase letter)" "$tmp/set" ||
	{ cat "$tmp/set"; fail "a new filter did not say so"; }
ok "n without a filter in LOGS says / sets one; a filter set after Esc says so"

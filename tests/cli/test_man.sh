#!/bin/sh
# test_man.sh — the manuals match the program: warroom(1) lists every key
# of the command table and every option of --help; warroom.conf(5)
# documents every config key the parser accepts.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/common.sh"

man1=$top_builddir/man/warroom.1
man5=$top_srcdir/man/warroom.conf.5
[ -f "$man1" ] || fail "$man1 was not built"

"$top_builddir/src/tools/keydoc" > "$tmp/keys"
while IFS= read -r line; do
	assert_contains "$man1" "$line"
done < "$tmp/keys"
ok "warroom(1) holds the generated key list"

"$WARROOM" --help | grep -oE -- '--[a-z-]+' | sort -u > "$tmp/opts"
[ -s "$tmp/opts" ] || fail "warroom --help listed no options"
while read -r opt; do
	grep -qF -- "$(printf '%s' "$opt" | sed 's/-/\\-/g')" "$man1" || fail "warroom(1) does not document $opt"
done < "$tmp/opts"
for sub in incidents export runbook; do
	"$WARROOM" "$sub" --help | grep -oE -- '--[a-z-]+' | sort -u > "$tmp/opts"
	[ -s "$tmp/opts" ] || fail "warroom $sub --help listed no options"
	while read -r opt; do
		grep -qF -- "$(printf '%s' "$opt" | sed 's/-/\\-/g')" "$man1" ||
			fail "warroom(1) does not document $sub's $opt"
	done < "$tmp/opts"
done
ok "warroom(1) documents every option"

# The parser's key tables, read from its source.
sed -n '/^static const char \*const [a-z_]*_keys\[\] = {/,/};/p' "$top_srcdir/src/core/config.c" |
	grep -oE '"[a-z0-9_]+"' | tr -d '"' | sort -u > "$tmp/conf-keys"
[ "$(wc -l < "$tmp/conf-keys")" -gt 20 ] || fail "could not read the config keys from config.c"
while read -r key; do
	grep -qxF ".B $key" "$man5" || fail "warroom.conf(5) does not document $key"
done < "$tmp/conf-keys"
ok "warroom.conf(5) documents every config key"

# Booleans: every spelling parse_bool accepts is named once, and every key
# read with it says it is a boolean where it is described.
sed -n '/^parse_bool(/,/^}/p' "$top_srcdir/src/core/config.c" | grep -oE '"[a-z0-9]+"' |
	tr -d '"' | sort -u > "$tmp/bool-words"
[ "$(wc -l < "$tmp/bool-words")" -ge 4 ] || fail "could not read parse_bool's words from config.c"
sed -n '/^A yes-or-no key/,/^\.PP/p' "$man5" > "$tmp/bool-para"
while read -r word; do
	grep -qE "^\.BR? $word( |$)" "$tmp/bool-para" ||
		fail "warroom.conf(5) does not say that a boolean may be $word"
done < "$tmp/bool-words"
grep -oE 'parse_bool\(ps, name, v, &[a-z]+->[a-z_]+' "$top_srcdir/src/core/config.c" |
	sed 's/.*->//' | sort -u > "$tmp/bool-keys"
[ -s "$tmp/bool-keys" ] || fail "could not read the boolean keys from config.c"
while read -r key; do
	grep -qE "^\.(BR?|RB) (\( )?$key( |$)" "$tmp/bool-para" ||
		fail "warroom.conf(5) does not list $key among the booleans"
	awk -v k=".B $key" 'prev == ".TP" && $0 == k { getline; print } { prev = $0 }' "$man5" \
		> "$tmp/bool-entry"
	[ -s "$tmp/bool-entry" ] || fail "warroom.conf(5) has no entry for $key"
	if grep -qv '^A boolean (see' "$tmp/bool-entry"; then
		fail "warroom.conf(5)'s $key does not say it is a boolean"
	fi
done < "$tmp/bool-keys"
ok "warroom.conf(5) names every spelling of a boolean, at every boolean key"

# The focus marker: the glyph screen.c draws before the focused pane's
# title is the one warroom(1) names (it once said \(rh, a ☞).
glyph=$(sed -n 's/.*focused ? (scr->utf8 ? "\([^ "]*\) ".*/\1/p' "$top_srcdir/src/ui/screen.c")
[ -n "$glyph" ] || fail "could not read the focus marker from screen.c"
code=$(printf '%s' "$glyph" | iconv -f UTF-8 -t UTF-32BE | od -An -tx1 | tr -d ' \n' | sed 's/^0*//' | tr a-f A-F)
grep -A1 "^The focused pane has" "$man1" | grep -qF ".B \\[u$code]" ||
	fail "warroom(1) does not name the focus marker $glyph (\\[u$code]) before the focused pane's title"
ok "warroom(1) names the focus marker the console draws"

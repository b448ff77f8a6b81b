#!/bin/sh
# test_theme_check.sh — --check-config on themes: text the colour of its
# background (green on green, black on black, 16 on black) is refused with
# file:line, by a check and by a start alike; a theme of 256-colour numbers
# passes with a note naming the entries an 8-colour terminal approximates,
# and with a warning at the line of each entry that would be drawn
# otherwise there (unreadable, or a verdict colour that would change).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/common.sh"

export HOME=$tmp/home
mkdir -p "$HOME"
host='[host "api-1"]\naddress = 127.0.0.1\nport = 2201\ndriver = compose\ncompose_dir = /srv/app\nservices = api\nmetrics_url = http://127.0.0.1:8000/metrics\n'
printf "[warroom]\ntimeline_dir = %s/timeline\n\n$host" "$tmp" > "$tmp/c.conf"

# check THEME — --check-config with --theme THEME: stdout in out, stderr in err, rc.
check() {
	rc=0; "$WARROOM" -c "$tmp/c.conf" --check-config --theme "$1" > "$tmp/out" \
		2> "$tmp/err" || rc=$?
}

printf '# 256 colours\nbad = 196\nok = 46\nwarn = 226\nheader = 231 on 19\n' > "$tmp/qa.theme"
check "$tmp/qa.theme"
[ "$rc" -eq 0 ] || { cat "$tmp/out" "$tmp/err"; fail "the 256-colour theme exited $rc"; }
assert_contains "$tmp/out" "note: $tmp/qa.theme: 4 entries use colours an 8-colour terminal lacks (header, ok, warn, bad): there the nearest it has are drawn"
assert_not_contains "$tmp/out" "warning:"
assert_contains "$tmp/out" "config OK"
ok "a 256-colour theme passes with a note naming what 8 colours approximate"

printf 'bad = 52 bold\n\nheader = 231 on 7\nok = 2\n' > "$tmp/few.theme"
check "$tmp/few.theme"
[ "$rc" -eq 0 ] || { cat "$tmp/out" "$tmp/err"; fail "few.theme exited $rc"; }
assert_contains "$tmp/out" "warning: $tmp/few.theme:3: header: 231 on white would be white on white on an 8-colour terminal: there it is drawn in the built-in colours"
assert_contains "$tmp/out" "warning: $tmp/few.theme:1: bad: 52 would be black, not red, on an 8-colour terminal: there bad, warn and ok are drawn in the built-in colours"
assert_contains "$tmp/out" "config OK"
ok "entries 8 colours would draw otherwise are warnings at their lines"

printf 'normal = default\nok = green on green\n' > "$tmp/ill.theme"
check "$tmp/ill.theme"
[ "$rc" -eq 1 ] || { cat "$tmp/out" "$tmp/err"; fail "green on green exited $rc, want 1"; }
assert_contains "$tmp/err" "$tmp/ill.theme:2: ok: green on green cannot be read: the text and its background are one colour"
assert_not_contains "$tmp/out" "config OK"
rc=0; "$WARROOM" -c "$tmp/c.conf" --theme "$tmp/ill.theme" < /dev/null > /dev/null \
	2> "$tmp/start.err" || rc=$?
[ "$rc" -eq 1 ] || fail "a start with green on green exited $rc"
cmp -s "$tmp/start.err" "$tmp/err" ||
	{ cat "$tmp/start.err" "$tmp/err"; fail "check and start say different things"; }
printf 'normal = black on black\n' > "$tmp/black.theme"
check "$tmp/black.theme"
[ "$rc" -eq 1 ] || fail "black on black exited $rc, want 1"
assert_contains "$tmp/err" "$tmp/black.theme:1: normal: black on black cannot be read"
printf 'header = 16 on black bold\n' > "$tmp/rgb.theme"
check "$tmp/rgb.theme"
[ "$rc" -eq 1 ] || fail "16 on black exited $rc, want 1"
assert_contains "$tmp/err" "$tmp/rgb.theme:1: header: 16 on black cannot be read"
printf "[warroom]\ntimeline_dir = %s/timeline\ntheme = %s\n\n$host" "$tmp" "$tmp/ill.theme" \
	> "$tmp/named.conf"
rc=0; "$WARROOM" -c "$tmp/named.conf" --check-config > "$tmp/out" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/out"; fail "a config naming green on green exited $rc"; }
assert_contains "$tmp/out" "$tmp/named.conf:3: theme: $tmp/ill.theme:2: ok: green on green cannot be read"
ok "text the colour of its background is refused with file:line, by a check and a start"

for t in default light high-contrast monochrome; do
	check "$t"
	[ "$rc" -eq 0 ] || { cat "$tmp/out" "$tmp/err"; fail "shipped theme $t exited $rc"; }
done
ok "the shipped themes pass"

#!/bin/sh
# test_theme_colours.sh — a theme of 256-colour numbers on an 8-colour
# terminal (TERM=screen): each colour is drawn as the nearest of the eight
# (the header 231 on 19 is white on blue; curses alone made it white on
# yellow, 19 % 8), and the footer says once which entries were
# approximated. On a 256-colour terminal nothing is approximated or said.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
export HOME=$tmp/home
mkdir -p "$HOME"
printf '[warroom]\ntimeline_dir = %s/timeline\n' "$tmp" > "$tmp/c.conf"
printf 'bad = 196\nok = 46\nwarn = 226\nheader = 231 on 19\n' > "$tmp/qa.theme"

start 100 24 "TERM=screen $WARROOM -c $tmp/c.conf --theme $tmp/qa.theme"
wait_for "theme: 4 entries approximated for an 8-colour terminal (TERM=screen): header, ok, warn, bad"
tmx capture-pane -p -e -t t | head -1 > "$tmp/header"
grep -q "$(printf '\033')\[37m$(printf '\033')\[44m warroom" "$tmp/header" ||
	{ cat -v "$tmp/header"; fail "the header is not white on blue"; }
ok "8 colours: the nearest colours, and the footer names the entries"
keys q
wait_for "exit=0"

start 100 24 "TERM=screen-256color $WARROOM -c $tmp/c.conf --theme $tmp/qa.theme"
wait_for "q quit"
assert_not_contains "$tmp/screen" "approximated"
tmx capture-pane -p -e -t t | head -1 > "$tmp/header"
grep -q "38;5;231m.*48;5;19m warroom" "$tmp/header" ||
	{ cat -v "$tmp/header"; fail "the header is not 231 on 19"; }
ok "256 colours: the theme's own numbers, nothing said"

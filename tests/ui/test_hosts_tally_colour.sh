#!/bin/sh
# test_hosts_tally_colour.sh — the HOSTS title's tally is drawn in the
# bad colour while a host is DOWN (h1's port refuses: no fleet needed):
# red in an unfocused title, reversed in the focused title's bar, the
# pane's name in the title's own colours.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
printf '[warroom]\ntimeline_dir = %s/timeline\n\n[host "h1"]\naddress = 127.0.0.1\nport = 1\n' \
	"$tmp" > "$tmp/c.conf"
printf 'driver = compose\ncompose_dir = /srv/app\nservices = api\n' >> "$tmp/c.conf"
esc=$(printf '\033')
title() { tmx capture-pane -p -e -t t | sed -n 2p > "$tmp/title"; }

start 100 24 "$WARROOM -c $tmp/c.conf"
wait_for "HOSTS 1 DOWN of 1 host" 15
title
grep -qE "HOSTS ($esc\[[0-9;]*m)*$esc\[7m($esc\[[0-9;]*m)*$esc\[31m($esc\[[0-9;]*m)*1 DOWN of 1 host" \
	"$tmp/title" || { cat -v "$tmp/title"; fail "the focused title's tally is not reversed red"; }
grep -qE "$esc\[30m$esc\[46m ▶ HOSTS " "$tmp/title" ||
	{ cat -v "$tmp/title"; fail "the focused title's name left its colours"; }
ok "focused: the tally reversed red in the title's bar"

keys Tab
until_screen 5 "HOSTS unfocused" grep -qF "─ HOSTS 1 DOWN" "$tmp/screen"
title
grep -qE "HOSTS ($esc\[[0-9;]*m)*$esc\[31m1 DOWN of 1 host" "$tmp/title" ||
	{ cat -v "$tmp/title"; fail "the unfocused title's tally is not red"; }
grep -q "$esc\[7m" "$tmp/title" && { cat -v "$tmp/title"; fail "unfocused, reversed"; }
ok "unfocused: the tally red"
keys q
wait_for "exit=0"

#!/bin/sh
# test_quit_armed.sh — armed, with nothing under way, one q dropped the
# console mid-incident without a word. Armed, q now asks, saying the
# arming ends and how to come back; n keeps it running and armed, y quits
# (exit 0). Unarmed, watching, q still quits at once.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
printf '[warroom]\ntimeline_dir = %s/tl\n' "$tmp" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident 'api 5xx'"

start 200 40 "$wr"
wait_for "incident.open api 5xx"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys q
wait_re "The console is ARMED \(1[45] min left\): quitting disarms it\. The journal keeps everything; warroom --incident 'api 5xx' resumes it \(A arms again\)\. Quit\? \(y/N\)"
screen_lacks "exit=" || fail "q quit an armed console without asking"
ok "armed, q asks and says how to resume"

keys n
wait_for "not quitting"
screen_lacks "exit=" || fail "n quit"
screen_matches "ARMED 1[45]:[0-9][0-9]" || fail "n disarmed the console"
ok "n keeps the console running and armed"

keys q
wait_for "Quit? (y/N)"
keys y
wait_for "exit=0"
ok "y quits with exit 0"

start 200 40 "$wr"
wait_for "incident.resume"
keys q
wait_for "exit=0"
screen_lacks "Quit?" || fail "unarmed q asked"
ok "unarmed, q quits at once"

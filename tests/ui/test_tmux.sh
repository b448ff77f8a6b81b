#!/bin/sh
# test_tmux.sh — the real console in tmux: every pane title at 80x24 and
# 200x50, help lists every key (200x60), resizing leaves nothing stale, q exits 0
# with the terminal restored, SIGTERM restores it too, --read-only shows
# its badge, no --incident refuses changes, NO_COLOR draws without colour.
# Bracketed paste is on while it runs: a paste is one line of text in the
# note prompt (never an Enter) and runs no key with no prompt open; Ctrl-Z
# hands the terminal back with paste markers off and takes it again;
# Ctrl-\ and Ctrl-C quit like q (exit 131, 130), interrupted in the
# journal, the terminal restored, paste markers off; a crash restores the
# terminal too. (A start is waited for by its panes: the footer says the
# hosts without metrics until a key, in place of the key hints.)
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
write_config
wr="$WARROOM -c $tmp/warroom.conf --incident tmux-test"

start 80 24 "$wr"
wait_for "TIMELINE"
for title in HOSTS METRICS LOGS RUNBOOK TIMELINE tmux-test; do
	assert_contains "$tmp/screen" "$title"
done
assert_contains "$tmp/screen" "▶ HOSTS"
ok "every pane title at 80x24"

keys Tab
wait_for "▶ METRICS"
keys BTab
wait_for "▶ HOSTS"
ok "Tab and Shift-Tab move the focus"


resize 200 50
sleep 0.3
wait_for "TIMELINE"
[ "$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$tmp/screen")" -ge 190 ] ||
	fail "the console did not grow to 200 columns"
for title in HOSTS METRICS LOGS RUNBOOK TIMELINE; do
	assert_contains "$tmp/screen" "$title"
done
ok "every pane title at 200x50"

# The help's headings and its legend of HOSTS' marks take rows of their
# own: 66 rows hold every line of it.
resize 200 66
sleep 0.3
keys '?'
# The help's last line: a capture taken as the title appears may hold a
# frame the terminal has only partly received.
wait_for "?, q or Esc closes this help"
"$top_builddir/src/tools/keydoc" | sed -n 's/^\.B \([^ ]*\).*/\1/p' > "$tmp/keys"
while read -r key; do
	grep -qF -- " $key " "$tmp/screen" || grep -qF -- " $key," "$tmp/screen" ||
		grep -qF -- ", $key " "$tmp/screen" || fail "help does not show $key"
done < "$tmp/keys"
keys Escape
sleep 0.1
capture
assert_not_contains "$tmp/screen" "HELP: keys"
ok "? shows every key (at 200x66); Esc closes it"

resize 80 24
sleep 0.3
resize 120 40
sleep 0.5
capture
# Compare with a console started at 120x40, clock times aside, and which
# host a conn.change or verdict.change row names: the hosts' connects fail,
# and their first verdicts come, in either order.
normalize() {
	sed 's/[0-9][0-9]:[0-9][0-9]:[0-9][0-9] UTC/HH:MM:SS UTC/g; s/T+[0-9:]*/T+/g;
	    s/20[0-9-]* HH/HH/; s/DOWN [0-9][0-9hms]*/DOWN N/g; s/retry in [0-9]*s/retry in Ns/g;
	    s/conn\.change [^│]*│/conn.change HOST│/; s/verdict\.change [^│]*│/verdict.change HOST│/' "$1" |
	# How long each host has been DOWN differs between the two consoles,
	# and CONN is as wide as its longest value: every run of spaces is one
	# (a wider CONN leaves one space less after the last column).
	sed 's/  */ /g'
}
# Every host DOWN in one and the same capture, in both: a host retries
# (CONNECTING) between its DOWN spells, so hosts seen DOWN one capture
# at a time may not all be DOWN in the last one.
all_down() {
	i=0
	while :; do
		capture
		n=0
		for h in "api-1 api" "api-1 jobs" "api-2 api" "k8s-bastion api"; do
			# shellcheck disable=SC2086
			grep -qE -- "$(printf '%s +%s +' $h)DOWN [0-9]" "$tmp/screen" && n=$((n + 1))
		done
		[ "$n" = 4 ] && return 0
		i=$((i + 1))
		[ "$i" -lt 300 ] || { cat "$tmp/screen"; fail "never every host DOWN at once"; }
		sleep 0.05
	done
}
# The hosts have no metrics: each is judged on its restarts (NO DATA while
# DOWN) once its first metrics round comes; both consoles past them.
judged() {
	wait_re "│> api-1 +api +DOWN [0-9hms]+ +NO DATA" 15
	wait_re "│  api-2 +api +DOWN [0-9hms]+ +NO DATA" 15
	wait_re "│  k8s-bastion +api +DOWN [0-9hms]+ +NO DATA" 15
	# … and the three verdicts in TIMELINE.
	i=0
	until capture; [ "$(grep -c 'verdict\.change ' "$tmp/screen")" -ge 3 ]; do
		i=$((i + 1)); [ $i -lt 150 ] || { cat "$tmp/screen"; fail "not three verdict.change rows"; }
		sleep 0.1
	done
}
wait_for "TIMELINE"
judged
all_down
normalize "$tmp/screen" > "$tmp/resized"
quit_console
wait_for "tty="
assert_contains "$tmp/screen" "tty=sane"
ok "q exits 0 and restores the terminal"

# A fresh journal too, so the TIMELINE pane holds the same records: the
# incident's open and each host lost (in the order their connects failed).
sed "s|^timeline_dir = .*|timeline_dir = $tmp/timeline2|" "$tmp/warroom.conf" > "$tmp/fresh.conf"
start 120 40 "$WARROOM -c $tmp/fresh.conf --incident tmux-test"
wait_for "TIMELINE"
# The start's words on the hosts without metrics read with a key, as in
# the first console, and gone after a while.
keys Tab
keys BTab
wait_for "q quit" 10
judged
all_down
normalize "$tmp/screen" > "$tmp/fresh"
diff -u "$tmp/fresh" "$tmp/resized" || fail "200x50 -> 80x24 -> 120x40 left stale characters"
ok "resizing leaves no stale characters"

pid=$(pgrep -f "src/warroom -c $tmp/fresh.conf" | head -1)
[ -n "$pid" ] || fail "cannot find the console's pid"
kill -TERM "$pid"
wait_for "exit=143"
wait_for "tty="
assert_contains "$tmp/screen" "tty=sane"
ok "SIGTERM restores the terminal"

start 80 24 "$wr --read-only"
wait_for "READ-ONLY"
quit_console
ok "--read-only shows its badge"

# Without --incident nothing could record a change: refused before a dialog.
start 120 30 "$WARROOM -c $tmp/warroom.conf"
wait_for "TIMELINE"
keys A
wait_for "refused: no incident journal: changes need --incident NAME, so the timeline records them"
keys r
wait_for "refused: no incident journal"
assert_not_contains "$tmp/screen" "CONFIRM"
assert_not_contains "$tmp/screen" "type the"
quit_console
ok "no journal: arming and every change refused with the reason, no dialog"

# Bracketed paste: tmux marks a paste only for an application that asked.
paste() { printf "$1" | tmx load-buffer -; tmx paste-buffer -p -t t; }
journal_of() { ls "$tmp"/timeline/tmux-test-*.jsonl; }
start 100 30 "$wr"
wait_for "TIMELINE"
keys n
wait_for "note:"
paste 'first line\nsecond o\nthird n'
wait_for "note: first line second o third n"
assert_not_contains "$tmp/screen" "note stored"
keys Enter
wait_for "note stored"
grep -q '"kind":"note".*"text":"first line second o third n"' "$(journal_of)" ||
	fail "the pasted note is not one line in the journal"
paste 'z?\no'
wait_for "paste ignored: no prompt open"
assert_not_contains "$tmp/screen" "HELP: keys"
assert_not_contains "$tmp/screen" "zoomed"
ok "a paste is text for the prompt, newlines as spaces; with none open it runs no key"

# A confirmation pasted with its newline reads "arm " and is arm, as the
# field shows.
keys A
wait_for "type arm to arm:"
paste 'arm\n'
wait_for "type arm to arm: arm "
keys Enter
wait_for "ARMED for"
ok "a pasted typed confirmation arms: the newline's space is set aside"

# Ctrl-Z under a shell with job control (sh -m): the shell gets its
# terminal back as it was, paste markers off (its read takes a paste as
# typed text), and fg gives it back to the console, redrawn, paste markers
# on again.
cat > "$tmp/jobs.sh" <<RUN
export LC_ALL=C.UTF-8 WARROOM_THEME_PATH='$WARROOM_THEME_PATH' TERM=tmux-256color
set -m
$wr
echo "stopped=\$?"
read line
[ "\$line" = QQ ] && echo plain > "$tmp/read" || echo marked > "$tmp/read"
fg > /dev/null
echo "exit=\$?"
stty -a | tr ';' '\n' | grep -qw -- '-icanon' && echo "tty=raw" || echo "tty=sane"
sleep 600
RUN
kill_tmux
for try in 1 2 3 4 5; do
	tmx new-session -d -s t -x 100 -y 30 "sh $tmp/jobs.sh" 2> /dev/null && break
	sleep 0.2
done
wait_for "TIMELINE"
keys C-z
wait_for "stopped=148"
[ "$(tmx display -p -t t '#{alternate_on}')" = 0 ] || fail "suspended, the alternate screen is still on"
paste QQ
keys Enter
i=0
until [ -s "$tmp/read" ]; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 50 ] || fail "the shell never read the paste"
done
[ "$(cat "$tmp/read")" = plain ] || fail "suspended, a paste still came with its markers"
wait_for "TIMELINE"
keys n
wait_for "note:"
paste 'a\nb'
wait_for "note: a b"
keys Escape
ok "Ctrl-Z: the terminal handed back without paste markers; fg, and the console takes it again"

keys 'C-\'
wait_for "exit=131"
wait_for "tty="
assert_contains "$tmp/screen" "tty=sane"
[ "$(tmx display -p -t t '#{alternate_on} #{cursor_flag}')" = "0 1" ] ||
	fail "Ctrl-\\ left the alternate screen on or the cursor hidden"
tail -1 "$(journal_of)" | grep -q '"kind":"shutdown".*"reason":"interrupted"' ||
	{ tail -1 "$(journal_of)"; fail "no shutdown record, interrupted"; }
paste QQ
wait_for "QQ"
assert_not_contains "$tmp/screen" "[200~"
ok "Ctrl-\\ quits like q: exit 131, shutdown interrupted, terminal restored, paste markers off"

start 80 24 "$wr"
wait_for "TIMELINE"
keys C-c
wait_for "exit=130"
tail -1 "$(journal_of)" | grep -q '"kind":"shutdown".*"reason":"interrupted"' ||
	fail "no shutdown record, interrupted"
ok "Ctrl-C on the main screen quits like q: exit 130, shutdown interrupted"

# A crash (here the abort an allocation failing ends in) restores the
# terminal before the process goes: cooked mode, no alternate screen,
# the cursor shown, no paste markers.
start 80 24 "ulimit -c 0; $wr"
wait_for "TIMELINE"
pid=$(ps -o pid= --ppid "$(tmx display -p -t t '#{pane_pid}')" | tr -d ' ' | head -1)
[ -n "$pid" ] || fail "no console process"
kill -ABRT "$pid"
wait_for "exit=134"
wait_for "tty="
assert_contains "$tmp/screen" "tty=sane"
[ "$(tmx display -p -t t '#{alternate_on} #{cursor_flag}')" = "0 1" ] ||
	fail "after a crash the alternate screen is on or the cursor hidden"
paste QQ
wait_for "QQ"
assert_not_contains "$tmp/screen" "[200~"
ok "a crash (SIGABRT) restores the terminal: cooked, no alternate screen, cursor shown, paste markers off"

# Colour: the default theme paints the header; NO_COLOR paints nothing.
start 80 24 "$wr"
wait_for "TIMELINE"
tmx capture-pane -e -p -t t > "$tmp/colour"
grep -q "$(printf '\033')\[[0-9;]*4[0-7]m\|$(printf '\033')\[[0-9;]*48;5;" "$tmp/colour" ||
	fail "the default theme drew no background colour"
start 80 24 "NO_COLOR=1 $wr"
wait_for "TIMELINE"
tmx capture-pane -e -p -t t > "$tmp/nocolour"
! grep -q "$(printf '\033')\[[0-9;]*[34][0-7]m" "$tmp/nocolour" || fail "NO_COLOR still drew colours"
ok "NO_COLOR is honoured"

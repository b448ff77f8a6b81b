# tmux.sh — black-box UI tests: the real binary in a real terminal (tmux),
# driven with send-keys and read back with capture-pane.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/common.sh"

command -v tmux > /dev/null 2>&1 || skip "tmux is not installed"
sock="warroom-test-$$"
tmx() { tmux -L "$sock" -f /dev/null "$@"; }
kill_tmux() { tmx kill-server > /dev/null 2>&1 || true; }
cleanup_hooks="$cleanup_hooks kill_tmux"

# The session keys, capture and wait_* act on: start's "t", or one
# start_also added (session=NAME, and session=t to go back).
session=t

# run_script FILE CMD… — CMD, then a shell line that reports the exit
# status and the terminal's modes. The shell outlives the terminal's
# Ctrl-C, Ctrl-\ and Ctrl-Z (they reach CMD, which has its own say), so
# the report follows.
run_script() {
	f=$1
	shift
	cat > "$f" <<RUN
export LC_ALL=C.UTF-8 WARROOM_THEME_PATH='$WARROOM_THEME_PATH' TERM=tmux-256color
trap : INT QUIT TSTP
$*
echo "exit=\$?"
stty -a | tr ';' '\n' | grep -qw -- '-icanon' && echo "tty=raw" || echo "tty=sane"
sleep 600
RUN
}

# start W H CMD… — a fresh session of that size running CMD (run_script).
start() {
	w=$1 h=$2
	shift 2
	kill_tmux
	session=t
	printf '%s\n' "$*" > "$tmp/cmd"
	run_script "$tmp/run.sh" "$@"
	# A server killed a moment ago may still be going away: try again.
	for try in 1 2 3 4 5; do
		tmx new-session -d -s t -x "$w" -y "$h" "sh $tmp/run.sh" 2> /dev/null && return 0
		sleep 0.2
	done
	fail "tmux would not start a session"
}

# start_also NAME W H CMD… — a second console beside start's, in the same
# tmux server (kill_tmux ends both); session=NAME then drives it.
start_also() {
	name=$1 w=$2 h=$3
	shift 3
	run_script "$tmp/run-$name.sh" "$@"
	tmx new-session -d -s "$name" -x "$w" -y "$h" "sh $tmp/run-$name.sh" ||
		fail "tmux would not start session $name"
}

# start_jobs W H CMD… — start's session "t", but CMD runs under a shell
# with job control, so Ctrl-Z stops it: the shell then prints
# "stopped=STATUS" and waits for a line (keys Enter) before it runs fg
# and prints "exit=STATUS".
start_jobs() {
	w=$1 h=$2
	shift 2
	kill_tmux
	session=t
	cat > "$tmp/jobs.sh" <<RUN
export LC_ALL=C.UTF-8 WARROOM_THEME_PATH='$WARROOM_THEME_PATH' TERM=tmux-256color
set -m
$*
echo "stopped=\$?"
read line
fg > /dev/null
echo "exit=\$?"
sleep 600
RUN
	for try in 1 2 3 4 5; do
		tmx new-session -d -s t -x "$w" -y "$h" "sh $tmp/jobs.sh" 2> /dev/null && return 0
		sleep 0.2
	done
	fail "tmux would not start a session"
}

capture() { tmx capture-pane -p -t "$session" > "$tmp/screen"; }

# assert_contains FILE TEXT — as common.sh's; on the captured screen a
# frame may have been caught half drawn (a slow, loaded machine), so the
# pane is read again for up to 2 s before the text counts as missing.
assert_contains() {
	if [ "$1" = "$tmp/screen" ]; then
		i=0
		while ! grep -qF -- "$2" "$1" && [ "$i" -lt 40 ]; do
			sleep 0.05; capture; i=$((i + 1))
		done
	fi
	grep -qF -- "$2" "$1" || { echo "--- $1:"; cat "$1"; fail "expected '$2' in $1"; }
}

# until_screen SECONDS WHAT TEST… — capture the pane until TEST succeeds;
# past SECONDS, show the screen and fail waiting for WHAT.
until_screen() {
	_us_n=$(( $1 * 20 )); _us_what=$2; shift 2
	i=0
	while [ "$i" -lt "$_us_n" ]; do
		capture
		"$@" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "--- screen:"; cat "$tmp/screen"
	fail "timed out waiting for $_us_what"
}

# footer_text — the footer's rows (a long message goes on in the rows above
# it) as one line, runs of spaces as one.
footer_text() {
	tail -6 "$tmp/screen" | tr '\n' ' ' | tr -s ' '
}

screen_has() { grep -qF -- "$1" "$tmp/screen" || footer_text | grep -qF -- "$1"; }
screen_matches() { grep -qE -- "$1" "$tmp/screen" || footer_text | grep -qE -- "$1"; }
footer_matches() { footer_text | grep -qE -- "$1"; }

# wait_for TEXT [SECONDS] — until the pane shows TEXT, on one row or in the
# footer read as one line (an outcome said behind an unread one wraps).
# A console's "exit=N" after q waits 10 s by default: under ASan the exit
# runs the leak check, on a machine running six tests at once.
wait_for() {
	case $1 in
	exit=*) until_screen "${2:-10}" "'$1'" screen_has "$1" ;;
	*) until_screen "${2:-5}" "'$1'" screen_has "$1" ;;
	esac
}

# wait_gone TEXT [SECONDS] — until neither the pane nor the footer read as
# one line shows TEXT.
screen_lacks() { ! screen_has "$1"; }
wait_gone() { until_screen "${2:-5}" "'$1' to go" screen_lacks "$1"; }

# wait_re REGEX [SECONDS] — until a line of the pane, or the footer read as
# one line, matches the ERE.
wait_re() { until_screen "${2:-5}" "/$1/" screen_matches "$1"; }

# wait_footer_re REGEX [SECONDS] — until the footer, its rows read as one
# line, matches the ERE.
wait_footer_re() { until_screen "${2:-5}" "the footer to match /$1/" footer_matches "$1"; }

# press_for KEY TEXT — KEY, then until the pane shows TEXT. Seen a few
# times in loaded sanitizer runs: A pressed just after a read-only
# watcher opened the incident brought no arm prompt (cause not found).
# After 15 s what the footer said meanwhile and the screen go to the log
# and KEY is pressed once more; a second miss fails.
press_for() {
	keys "$1"
	i=0
	: > "$tmp/footers"
	until capture && screen_has "$2"; do
		f=$(footer_text)
		[ "$f" = "$(tail -n 1 "$tmp/footers")" ] || printf '%s\n' "$f" >> "$tmp/footers"
		i=$((i + 1))
		if [ "$i" -eq 300 ]; then
			echo "note: no '$2' 15 s after $1; the footer said meanwhile:"
			cat "$tmp/footers"
			echo "the screen then:"; cat "$tmp/screen"
			keys "$1"
		fi
		[ "$i" -lt 600 ] || { cat "$tmp/footers" "$tmp/screen"; fail "timed out waiting for '$2'"; }
		sleep 0.05
	done
}

# keys KEY… — send-keys to the session. An Escape sent last is the Esc key
# as pressed by hand: the next key comes a moment later, since ESC and a
# key read together are Alt and that key (keyseq.h).
keys() {
	# A loaded tmux server may refuse a client now and then: a key lost
	# that way must not pass for one the console ignored.
	keys_try=0
	until tmx send-keys -t "$session" "$@"; do
		keys_try=$((keys_try + 1))
		echo "note: tmux send-keys $* failed (try $keys_try)"
		[ "$keys_try" -lt 5 ] || fail "tmux would not send keys: $*"
		sleep 0.2
	done
	eval "keys_last=\${$#}"
	if [ "$keys_last" = Escape ]; then sleep 0.1; fi
}

# post_status WORD — S, the status word, then the prefilled text as it is.
post_status() {
	keys S; keys -l "$1"; keys Enter
	wait_for "Enter sends it, Esc posts nothing"
	keys Enter
}

# quit_console [SECONDS] — q; y to the question an armed console asks
# with nothing under way ("Quit? (y/N)"); then until exit=0. A question
# about something still under way ("Quit anyway?") is not answered here:
# a test that quits then says so itself.
quit_console() {
	keys q
	until_screen "${1:-10}" "exit= or the quit question" screen_matches 'exit=|Quit\? \(y/N\)'
	if screen_has "Quit? (y/N)"; then keys y; fi
	wait_for "exit=0" "${1:-10}"
}

resize() { tmx resize-window -t t -x "$1" -y "$2"; }

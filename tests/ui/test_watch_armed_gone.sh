#!/bin/sh
# test_watch_armed_gone.sh — a --read-only watcher names the armed console
# from the journal, and checks that console still runs: once it is killed
# while armed (kill -9: no disarm, no shutdown record), the watcher's
# header says the armed console is gone, with its last record, rather
# than ARMED until someone resumes; A there says no console is armed.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
printf '[warroom]\ntimeline_dir = %s/tl\n' "$tmp" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident gone"
footer_has() {
	i=0
	while [ $i -lt 100 ]; do
		capture
		tail -6 "$tmp/screen" | tr '\n' ' ' | tr -s ' ' | grep -qF -- "$1" && return 0
		sleep 0.05; i=$((i + 1))
	done
	cat "$tmp/screen"; fail "the footer does not say: $1"
}

start 200 40 "$wr"
wait_for "incident.open gone"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
start_also ro 200 40 "$wr --read-only"
session=ro
wait_re "ARMED: [^ ]+@[^ ]+ since [0-9]{2}:[0-9]{2} UTC"
head -1 "$tmp/screen" | grep -q "ARMED CONSOLE GONE" && fail "a running console is called gone"
ok "while the armed console runs: ARMED, who and since when"

pid=$(sed -n 's/.*(pid \([0-9]*\) on.*/\1/p' "$tmp"/tl/gone-*.jsonl.arm)
[ -n "$pid" ] || fail "the arm lock names no pid: $(cat "$tmp"/tl/gone-*.jsonl.arm)"
kill -9 "$pid"
wait_re "ARMED CONSOLE GONE: [^ ]+@[^ ]+, last record [0-9]{2}:[0-9]{2} UTC" 5
head -1 "$tmp/screen" | grep -q "ARMED: " && fail "the gone console is still shown armed"
keys A
footer_has "the armed console is gone ("
footer_has "no console is armed on this incident, and one that writes can arm"
ok "killed while armed: the watcher says the armed console is gone, A says none is armed"
quit_console

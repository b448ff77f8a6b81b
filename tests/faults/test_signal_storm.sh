#!/bin/sh
# test_signal_storm.sh — signal storms at the running console (watching a
# fleet host, journal open): 20 000 SIGWINCH with the window resized in
# between, and the console still answers a key within a second and draws
# at the final size; then storms that end it — WINCH with a TERM in the
# middle, 200 HUP, 200 INT, and TERM+HUP+INT at once. Every time: the
# terminal is restored (tty=sane), the exit status is 128 plus the first
# ending signal's number (INT quits like q, as 130), and the journal ends with
# exactly one shutdown record for that run, naming the reason (terminated,
# hangup, interrupted: never quit, which is the engineer's q).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
command -v python3 > /dev/null 2>&1 || skip "python3 is not installed"
fleet_up --hosts 1
wr="$WARROOM -c $fl/warroom.conf --incident storm"
pidof_console() {
	ps -o pid= --ppid "$(tmx display -p -t t '#{pane_pid}')" | tr -d ' ' | head -1
}
# storm PID SPEC… — SPEC is SIG:COUNT; sent in order, as fast as possible.
storm() {
	python3 - "$@" <<'PY'
import os, signal, sys
pid = int(sys.argv[1])
for spec in sys.argv[2:]:
    name, n = spec.split(":")
    sig = getattr(signal, "SIG" + name)
    for _ in range(int(n)):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            sys.exit(0)
PY
}
shutdowns() { grep -c '"kind":"shutdown"' "$journal"; }
ended() {    # ended EXIT REASON — the run ended cleanly, one shutdown record more
	wait_for "exit=$1" 10
	wait_re "^tty=" 5            # printed just after exit=: wait for it
	assert_contains "$tmp/screen" "tty=sane"
	tail -1 "$journal" | grep -q "\"kind\":\"shutdown\".*\"reason\":\"$2\"" ||
		{ tail -2 "$journal"; fail "the journal does not end with shutdown $2"; }
	n=$(shutdowns)
	[ "$n" = $((before + 1)) ] || fail "$((n - before)) shutdown records for one run"
}
begin() {
	start 120 40 "$wr"
	wait_re "│> h1 +api +UP" 15
	pid=$(pidof_console)
	[ -n "$pid" ] || fail "no console process"
	before=$(shutdowns 2> /dev/null || echo 0)
}

journal=/nonexistent
begin
journal=$(ls "$fl"/timeline/storm-*.jsonl)
before=0
storm "$pid" WINCH:5000 &
resize 100 30; resize 140 45; resize 90 28
wait
storm "$pid" WINCH:15000 &
resize 130 42
wait
# The key's effect is on screen within a second, on one of three tries:
# what is timed includes starting tmux twice or more, which a loaded
# machine (an ASan run beside five other tests) can make take a second
# once; a console still busy with the storm misses every try.
took_ms=""
for try in 1 2 3; do
	t0=$(date +%s%N)
	keys n
	wait_for "note:" 2
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	[ "$ms" -lt 1000 ] && break
	took_ms="$took_ms $ms"
	[ "$try" -lt 3 ] || fail "a key took over a second after the storm, three times:$took_ms ms"
	keys Escape
	wait_gone "note:"
done
keys -l "after the storm"
keys Enter
wait_for "note stored"
capture
tmx display -p -t t '#{window_width}x#{window_height}' | grep -q '^130x42$' || fail "tmux is not 130x42"
grep -q "┐$" "$tmp/screen" || { cat "$tmp/screen"; fail "the frame is not drawn to the right edge"; }
[ "$(wc -l < "$tmp/screen")" = 42 ] || fail "the screen is not 42 lines"
ok "20 000 SIGWINCH and resizes: still drawn at 130x42 and answering keys at once"

storm "$pid" WINCH:200000 TERM:1 WINCH:5000
ended 143 terminated
grep -q '"kind":"note".*"text":"after the storm"' "$journal" || fail "the note is gone"
ok "WINCH storm with a TERM in it: exit 143, terminal restored, one shutdown record, terminated"

begin
storm "$pid" HUP:200
ended 129 hangup
ok "200 SIGHUP: exit 129, terminal restored, one shutdown record, hangup"

begin
storm "$pid" INT:200
ended 130 interrupted
ok "200 SIGINT: quits like q, exit 130, terminal restored, one shutdown record, interrupted"

begin
storm "$pid" TERM:50 HUP:50 INT:50 WINCH:1000 TERM:50 &
wait
wait_re "exit=(143|129|130)$" 10
wait_re "^tty=" 5
assert_contains "$tmp/screen" "tty=sane"
n=$(shutdowns)
[ "$n" = $((before + 1)) ] || fail "$((n - before)) shutdown records for one run"
tail -1 "$journal" | grep -q '"kind":"shutdown"' || fail "the journal does not end with shutdown"
python3 - "$journal" <<'PY' || fail "the journal's chain is broken"
import json, sys
prev = None
for line in open(sys.argv[1]):
    r = json.loads(line)
    assert prev is None or r["prev"] == prev, r
    prev = r["crc"]
PY
ok "TERM, HUP, INT and WINCH at once: one clean exit, one shutdown record, chain intact"

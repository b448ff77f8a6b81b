#!/bin/sh
# test_two_writers.sh — two consoles that both write, on one incident. The
# one not armed shows what a watcher shows of the other (ARMED: …, its
# action with NO OUTCOME YET, ARMED CONSOLE GONE once it is killed); A
# there names why it is refused: the other disarmed with its kill switch
# still running, or it is stopped (SIGSTOP; its ARMED badge says so);
# once the other is killed its unfinished kill switch is taken over here,
# re-read, and settled once.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.4.1
app=$fl/hosts/h1/app
# health_timeout: how long the taken-over kill switch is read again
# before it is settled UNKNOWN (its mv never renames: the target never shows).
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 5s/' "$fl/warroom.conf" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident two"
ready() { wait_re "│> h1 +api +UP +v1\\.4\\.1" 15; }
arm() { keys A; keys -l arm; keys Enter; wait_re "ARMED 1[45]:[0-9][0-9]"; }
head_has() {
	i=0
	while [ $i -lt 100 ]; do
		capture
		head -1 "$tmp/screen" | grep -qE -- "$1" && return 0
		sleep 0.05; i=$((i + 1))
	done
	cat "$tmp/screen"; fail "the header does not say: $1"
}
# The swap's mv hangs: the kill switch stays in flight.
printf '#!/bin/sh\nsleep 30\n' > "$fl/bin/mv"
chmod +x "$fl/bin/mv"

start 200 50 "$wr"
ready
arm
keys X
wait_for "CONFIRM KILL SWITCH"
keys -l "api"
keys Enter
i=0
until ls -a "$app" | grep -q '\.new$'; do
	sleep 0.05; i=$((i + 1)); [ $i -lt 400 ] || fail "the new .env was never written"
done
pid=$(sed -n 's/.*(pid \([0-9]*\) on.*/\1/p' "$tmp"/fleet/timeline/two-*.jsonl.arm)
[ -n "$pid" ] || fail "the arm lock names no pid"

start_also b 200 50 "$wr"
session=b
ready
head_has "ARMED: [^ ]+@[^ ]+ since [0-9]{2}:[0-9]{2} UTC"
head_has "1 ACTION: NO OUTCOME YET"
ok "a second writing console shows the armed one and its action with no outcome"

session=t
keys A
wait_for "disarmed"
session=b
keys A
wait_footer_re "\\(pid $pid on [^)]*\\) disarmed, but its kill switch of api on h1 still runs: arming is possible once it ends"
ok "the holder disarmed mid-action: A names its running kill switch, not 'armed'"

session=t
arm
kill -STOP "$pid"
session=b
head_has "ARMED: [^ ]+@[^ ]+ since [0-9]{2}:[0-9]{2} UTC, stopped \\(pid $pid\\)"
keys A
wait_footer_re "pid $pid is stopped \\(SIGSTOP, a debugger\\?\\): continue it \\(kill -CONT $pid\\) or end it"
capture
tail -4 "$tmp/screen" | grep -q "is armed on this incident" && fail "a stopped holder is called armed"
kill -CONT "$pid"
ok "a stopped holder: A says so and how to free it"

start_also ro 200 50 "$wr --read-only"
session=ro
head_has "1 ACTION: NO OUTCOME YET"
session=b
kill -9 "$pid"
head_has "ARMED CONSOLE GONE: [^ ]+@[^ ]+, last record"
wait_for "UNKNOWN: kill switch of api on h1 (docker compose up -d)" 10
wait_re "taken over from [^ ]+'s console \\(gone\\)"
journal=$(ls "$fl"/timeline/two-*.jsonl)
op=$(sed -n 's/.*"kind":"action.intent","host":"h1","op":"\([^"]*\)".*/\1/p' "$journal" | tail -1)
[ -n "$op" ] || op=$(grep '"kind":"action.intent"' "$journal" | tail -1 | sed 's/.*"op":"\([^"]*\)".*/\1/')
n=$(grep -c '"kind":"session.gone"' "$journal")
[ "$n" = 1 ] || fail "$n session.gone records for the killed console"
grep '"kind":"session.gone"' "$journal" | grep -q "\"pid\":$pid,.*\"unknown_ops\":\[\"$op\"\]" ||
	fail "session.gone does not name the pid and the kill switch left: $(grep session.gone "$journal")"
session=ro
head_has "ARMED CONSOLE GONE"
head_has " 1 UNKNOWN"
capture
head -1 "$tmp/screen" | grep -q "NO OUTCOME YET" && fail "the watcher still expects an outcome from the gone console"
session=b
# Its re-read never finds the switch made (the mv renames nothing): it is
# settled, UNKNOWN, after health_timeout; 60 s allows a loaded machine.
i=0
until grep '"kind":"action.reconcile"' "$journal" | grep -q "\"op\":\"$op\""; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 600 ] || fail "the taken-over kill switch was never re-read"
done
sleep 2
n=$(grep '"kind":"action.reconcile"' "$journal" | grep -c "\"op\":\"$op\"")
[ "$n" = 1 ] || fail "$n reconciles of $op"
grep '"kind":"action.reconcile"' "$journal" | grep "\"op\":\"$op\"" | grep -q "taken over from" ||
	fail "the re-read does not say it was taken over: $(grep action.reconcile "$journal")"
ok "killed: the other console is named gone (recorded once), its kill switch taken over and re-read once"
session=ro
keys q
wait_for "exit=0"
session=b
rm -f "$fl/bin/mv"
keys q
keys y
wait_for "exit=0" 10

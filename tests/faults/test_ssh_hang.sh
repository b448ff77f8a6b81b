#!/bin/sh
# test_ssh_hang.sh — SSH peers that hang instead of closing, while the
# console watches (keepalive_interval = 2s):
#  - h1's sshd (listener and session) stopped with SIGSTOP: its TCP
#    connection stays up and the kernel keeps acknowledging, so only an
#    answer-requiring check can tell; h1 goes DOWN within two intervals with
#    the reason and its last readings (and their age) dim, h2 stays UP, and keys are answered within a second while
#    it hangs; after SIGCONT h1 comes back UP by itself;
#  - a port that accepts TCP and never speaks SSH: DOWN with a clear
#    reason at the connect deadline, not a hang;
#  - h2's session process killed: the reason says the connection was lost
#    (not which of its channels noticed), and h2 reconnects.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
command -v python3 > /dev/null 2>&1 || skip "python3 is not installed"
stopped=""
resume() { [ -z "$stopped" ] || kill -CONT $stopped 2> /dev/null || true; }
mute_pid=""
mute_stop() { [ -z "$mute_pid" ] || kill "$mute_pid" 2> /dev/null || true; }
cleanup_hooks="resume mute_stop $cleanup_hooks"
fleet_up --hosts 2

# A listener that accepts and then says nothing, ever.
python3 - "$tmp/mute.port" <<'PY' &
import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
open(sys.argv[1] + ".tmp", "w").write(str(s.getsockname()[1]))
import os; os.rename(sys.argv[1] + ".tmp", sys.argv[1])
held = []
while True:
    c, _ = s.accept()
    held.append(c)
PY
mute_pid=$!
i=0
until [ -s "$tmp/mute.port" ]; do sleep 0.05; i=$((i + 1)); [ $i -lt 100 ] || fail "the mute listener did not start"; done
mute_port=$(cat "$tmp/mute.port")

# h2's section again as host "mute" on the mute port.
{
	sed 's/^\[warroom\]$/[warroom]\nkeepalive_interval = 2s/' "$fl/warroom.conf"
	awk '/^\[host "h2"\]/ { f = 1; print "[host \"mute\"]"; next } /^\[/ { f = 0 } f' "$fl/warroom.conf" |
		sed "s/^port = .*/port = $mute_port/"
} > "$tmp/c.conf"
grep -q '^\[host "mute"\]' "$tmp/c.conf" || fail "no mute host in the config"

start 200 50 "$WARROOM -c $tmp/c.conf --incident ssh-hang"
wait_re "│> h1 +api +UP +v1\\.4\\.1 " 15
wait_re "│  h2 +api +UP +v1\\.4\\.1 " 5
assert_contains "$tmp/screen" "mute"

# latency KEY TEXT — the key's effect is on screen within a second, on
# one of three tries: what is timed includes starting tmux twice or more,
# which a loaded machine (an ASan run beside five other tests) can make
# take a second once; a console that waits on the hung host misses every
# try.
latency() {
	took_ms=""
	for try in 1 2 3; do
		k0=$(date +%s%N)
		keys "$1"
		wait_for "$2" 2
		ms=$(( ($(date +%s%N) - k0) / 1000000 ))
		keys Escape
		[ "$ms" -lt 1000 ] && return 0
		took_ms="$took_ms $ms"
		wait_for_gone "$2"
	done
	fail "'$1' took$took_ms ms to show '$2'"
}
# wait_for_gone TEXT — until the pane no longer shows TEXT.
wait_for_gone() {
	i=0
	while capture; grep -qF -- "$1" "$tmp/screen"; do
		sleep 0.05; i=$((i + 1)); [ $i -lt 40 ] || fail "'$1' stayed after Escape"
	done
}

tree() { for c in $(pgrep -P "$1"); do echo "$c"; tree "$c"; done; }
listener=$(cat "$fl/hosts/h1/sshd.pid")
stopped="$listener $(tree "$listener" | tr '\n' ' ')"
[ "$(echo $stopped | wc -w)" -ge 2 ] || fail "no session process under h1's sshd"
kill -STOP $stopped
t0=$(date +%s%N)
# When h1 shows DOWN is noted beside the keys' tries, which may retry.
(
	i=0
	until tmx capture-pane -p -t t | grep -qE "│> h1 +api +DOWN"; do
		sleep 0.05; i=$((i + 1)); [ $i -lt 400 ] || exit 1
	done
	date +%s%N > "$tmp/down.at"
) &
down_watch=$!
latency n "note:"
latency "?" "arm the console"
wait_re "│> h1 +api +DOWN" 8
wait $down_watch || fail "h1 was never seen DOWN"
took=$(( ($(cat "$tmp/down.at") - t0) / 1000000000 ))
[ "$took" -le 6 ] || fail "h1 took $took s to go DOWN with keepalive_interval 2s"
grep -qE "│h1(/api)?( \(retry in [0-9]+s\))?: no answer to a keepalive within 2 s: the server hangs" "$tmp/screen" ||
	{ cat "$tmp/screen"; fail "no reason for h1"; }
grep -qE "│  h2 +api +UP " "$tmp/screen" || { cat "$tmp/screen"; fail "h2 is not UP any more"; }
# h1's tag is its last reading: drawn dim (SGR 2) on the unselected jobs
# row; h2's current one is not.
tmx capture-pane -e -p -t t > "$tmp/attrs"
esc=$(printf '\033')
grep "h1 .*jobs" "$tmp/attrs" | grep -qE "$esc\[([0-9;]*;)?2(;[0-9;]*)?mv1\.4\.1" ||
	{ grep "h1 .*jobs" "$tmp/attrs" | cat -v; fail "h1's last tag is not dim"; }
! grep "h2 .*jobs" "$tmp/attrs" | grep -qE "$esc\[([0-9;]*;)?2(;[0-9;]*)?mv1\.4\.1" ||
	{ grep "h2 .*jobs" "$tmp/attrs" | cat -v; fail "h2's current tag is dim"; }
# Its AGE is the last reading's, dim: not ERR, which is a tool failing on a
# live host.
! grep -E "│[> ] h1 " "$tmp/screen" | grep -q " ERR " ||
	{ grep "h1 " "$tmp/screen"; fail "a DOWN host's AGE reads ERR"; }
grep "h1 .*jobs" "$tmp/attrs" | grep -qE "$esc\[([0-9;]*;)?2(;[0-9;]*)?m[0-9]+[smh] " ||
	{ grep "h1 .*jobs" "$tmp/attrs" | cat -v; fail "h1's AGE is not the dim age of its last reading"; }
# METRICS says why h1's numbers stopped.
wait_for "no scrapes while h1 is not UP" 5
latency n "note:"
ok "a stopped sshd: h1 DOWN in $took s with the reason, h2 still UP, keys answered within a second"

# The mute port: DOWN at the connect deadline with a clear reason.
keys Down Down Down Down
wait_re "│> mute +api " 2
wait_re "│mute(/api)?( \\(retry in [0-9]+s\\))?: no answer within 10 s \\(CONNECTING\\)" 15
wait_re "│> mute +api +DOWN" 2
latency n "note:"
ok "a port that never speaks SSH: DOWN with 'no answer within 10 s (CONNECTING)', keys still answered"

kill -CONT $stopped
stopped=""
wait_re "│  h1 +api +UP " 20
ok "h1 is UP again by itself after SIGCONT"

# h2's session killed outright: the connection is named as lost, whichever
# of its channels (a health probe's tunnel, a poll) noticed first.
keys Up Up
wait_re "│> h2 +api " 2
kill -9 $(pgrep -P "$(cat "$fl/hosts/h2/sshd.pid")")
wait_re "│h2(/api)?( \\(retry in [0-9]+s\\))?: (connection lost|connection closed)" 8
if grep -q "tunnel to" "$tmp/screen"; then cat "$tmp/screen"; fail "the reason names a tunnel"; fi
wait_re "│> h2 +api +UP " 20
ok "a killed session: h2's reason says the connection was lost, and h2 comes back"
keys q
wait_for "exit=0"

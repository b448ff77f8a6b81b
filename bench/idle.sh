#!/bin/sh
# idle.sh — B3 (DESIGN §5): idle cost of the console watching a 50-host
# fleet (--hosts-per-service 10, the default 2 log lines/s, nothing
# changing) against htop at the same terminal size, both in tmux and
# measured over the same window: CPU seconds (utime + stime of every
# thread, /proc/PID/task/*/stat) and wake-ups/s (voluntary context
# switches of every thread: each is one sleep in poll()/select()).
# Goal: <= 0.25x htop's CPU and <= 5 wake-ups/s. Prints a RESULT line for
# bench/table.sh. Run by `make bench-idle`; not part of make check.
# IDLE_SECONDS (default 120, as the issue asks: CPU ticks are 10 ms, so a
# shorter window rounds both figures) sets the window; IDLE_SETTLE (default 20)
# the wait after every host shows UP.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
warroom=${WARROOM:-$top/src/warroom}
fleet=$top/tests/fleet/fleet
secs=${IDLE_SECONDS:-120}
settle=${IDLE_SETTLE:-20}
W=200 H=50
[ -x "$warroom" ] || { echo "build it first: make src/warroom" >&2; exit 1; }
command -v tmux > /dev/null || { echo "idle.sh: tmux is not installed" >&2; exit 1; }
command -v htop > /dev/null || { echo "idle.sh: htop is not installed (scripts/deps)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/warroom-idle.XXXXXX")
sock=warroom-idle-$$
tmx() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tmx kill-server > /dev/null 2>&1 || true; "$fleet" down --dir "$work/fl" > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
export HOME=$work/home LC_ALL=C.UTF-8 TERM=tmux-256color
mkdir -p "$HOME"

"$fleet" up --dir "$work/fl" --base-port auto --hosts 50 --hosts-per-service 10 > "$work/up.log" 2>&1 ||
	{ cat "$work/up.log"; exit 1; }

# Each program is the pane's own process (exec), so pane_pid is its pid.
tmx new-session -d -s wr -x $W -y $H "exec $warroom -c $work/fl/warroom.conf"
tmx new-session -d -s ht -x $W -y $H "exec htop"
wpid=$(tmx display -p -t wr '#{pane_pid}')
hpid=$(tmx display -p -t ht '#{pane_pid}')

# Wait until no HOSTS row is still connecting (every row UP), at most 90 s.
i=0
while :; do
	tmx capture-pane -p -t wr > "$work/screen"
	up=$(grep -c '│[> ] h[0-9]* .* UP' "$work/screen" || true)
	notup=$(grep -E '│[> ] h[0-9]+ ' "$work/screen" | grep -vc ' UP' || true)
	[ "$up" -gt 0 ] && [ "$notup" -eq 0 ] && break
	i=$((i + 1))
	[ "$i" -lt 180 ] || { cat "$work/screen"; echo "idle.sh: hosts did not come UP" >&2; exit 1; }
	sleep 0.5
done
sleep "$settle"

# ticks voluntary nonvoluntary, summed over the threads of PID
sample() {
	t=0 v=0 n=0
	for d in /proc/"$1"/task/*; do
		s=$(sed 's/.*) //' "$d/stat")
		set -- $s
		t=$((t + ${12} + ${13}))
		v=$((v + $(awk '/^voluntary_ctxt_switches/ { print $2 }' "$d/status")))
		n=$((n + $(awk '/^nonvoluntary_ctxt_switches/ { print $2 }' "$d/status")))
	done
	echo "$t $v $n"
}
hz=$(getconf CLK_TCK)
w0=$(sample "$wpid"); h0=$(sample "$hpid"); t0=$(date +%s%N)
sleep "$secs"
w1=$(sample "$wpid"); h1=$(sample "$hpid"); t1=$(date +%s%N)
tmx capture-pane -p -t wr > "$work/screen.end"

awk -v w0="$w0" -v w1="$w1" -v h0="$h0" -v h1="$h1" -v hz="$hz" \
	-v ns=$((t1 - t0)) -v W=$W -v H=$H -v ups="$(grep -c ' UP' "$work/screen.end" || true)" 'BEGIN {
	split(w0, a); split(w1, b); split(h0, c); split(h1, d)
	s = ns / 1e9
	wc = (b[1] - a[1]) / hz; hc = (d[1] - c[1]) / hz
	ww = (b[2] - a[2]) / s; hw = (d[2] - c[2]) / s
	printf "B3 idle over %.1f s at %dx%d, 50 hosts (%d rows UP on screen at the end)\n", s, W, H, ups
	printf "%-8s %10s %12s %14s %12s\n", "", "cpu_s", "cpu_%core", "wakeups/s", "involuntary/s"
	printf "%-8s %10.2f %12.2f %14.1f %12.1f\n", "warroom", wc, 100 * wc / s, ww, (b[3] - a[3]) / s
	printf "%-8s %10.2f %12.2f %14.1f %12.1f\n", "htop", hc, 100 * hc / s, hw, (d[3] - c[3]) / s
	# clock ticks are 10 ms: below a few ticks the ratio is noise, say so
	if (hc > 0) { r = wc / hc; rs = sprintf("%.3f", r) } else { r = -1; rs = "n/a" }
	pass = (r >= 0 && r <= 0.25 && ww <= 5) ? "pass" : "fail"
	printf "ratio %s (goal <= 0.25x the CPU of htop, <= 5 wake-ups/s); CPU resolution 1/%d s\n", rs, hz
	printf "RESULT B3 cpu_s=%.2f,wakeups/s=%.1f htop_cpu_s=%.2f,htop_wakeups/s=%.1f %s <=0.25x,<=5/s %s\n", wc, ww, hc, hw, rs, pass
}'

#!/bin/sh
# frame.sh — B6 (DESIGN §5): instructions (callgrind Ir) spent in
# screen_draw() for one frame of the console on the in-memory screen of
# the screen tests (--screen-test, 200x50, xterm-256color to /dev/null),
# against a naive full repaint: the same screen after C-l (clearok, every
# cell drawn and sent again). Frames: the clock tick of an idle console
# (:sleep 1 — the header's time changes), a one-row selection move in
# HOSTS (Down/Up), a one-line scroll of LOGS (Up with LOGS focused and
# 1000 fleet-like lines in it, put there by the script command :logs),
# and the full redraw itself. Each figure is (Ir with K frames - Ir of the
# same set-up with none) / K, so set-up does not count; the LOGS scroll is
# compared with C-l on its own screen (LOGS full of text costs more to
# repaint than the empty pane). Goal: <= 0.5x the naive repaint. Prints a
# RESULT line for bench/table.sh. Run by `make bench-frame`; not part of
# make check.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
warroom=${WARROOM:-$top/src/warroom}
K=${FRAME_K:-40}
command -v valgrind > /dev/null || { echo "frame.sh: valgrind is not installed (scripts/deps)" >&2; exit 1; }
[ -x "$warroom" ] || { echo "build it first: make src/warroom" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/warroom-frame.XXXXXX")
trap 'rm -rf "$work"' EXIT
cat > "$work/warroom.conf" <<CONF
[warroom]
timeline_dir = $work/timeline
CONF
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	printf '\n[host "api-%s"]\naddress = 127.0.0.1\nport = %s\ndriver = compose\ncompose_dir = /srv/app\nservices = api jobs\n' \
		"$i" $((2200 + i)) >> "$work/warroom.conf"
done

# 1000 lines like the fleet's (tests/fleet/lib/fleetstate.py LogLines),
# prefixed as LOGS prefixes a tailed service's lines.
awk 'BEGIN { srand(1); split("/api/orders /api/cart /export /api/users/ /api/search?q=item", p, " ")
	for (i = 1; i <= 1000; i++)
		printf "api-1/api 2026-01-01T00:%02d:%02d.%03dZ INFO  api req=%08x ip=10.%d.%d.%d GET %s%s status=200 dur_ms=%d tag=v1.4.1 seq=%d\n",
			int(i / 600), int(i / 10) % 60, (i % 10) * 100, int(rand() * 4294967295),
			int(rand() * 256), int(rand() * 256), int(rand() * 254) + 1, p[i % 5 + 1],
			(i % 5 >= 3 ? int(rand() * 99999) : ""), int(rand() * 200), i }' > "$work/api.log"

# script NAME LINE [SETUP] — the set-up (HOSTS by default), then LINE K times
script() {
	{ echo ":resize 200x50"; echo "${3:-<Down><Down>}"; i=0
	  while [ "$i" -lt "$K" ] && [ -n "$2" ]; do echo "$2"; i=$((i + 1)); done
	  echo "q"; } > "$work/$1.keys"
}
logs_setup=":logs api.log
3"
ir() {
	(cd "$work" && LC_ALL=C.UTF-8 valgrind --tool=callgrind --toggle-collect=screen_draw \
		--callgrind-out-file="$work/$1.cg" "$warroom" --screen-test "$work/$1.keys" \
		-c "$work/warroom.conf" --incident "bench") > "$work/$1.log" 2>&1 ||
		{ cat "$work/$1.log" >&2; exit 1; }
	sed -n 's/^totals: \([0-9]*\).*/\1/p; s/^summary: \([0-9]*\).*/\1/p' "$work/$1.cg" | head -1
}
script base ""
script tick ":sleep 1"
script move "<Down><Up>"
script full "<C-l>"
script lbase "" "$logs_setup"
script scroll "<Up>" "$logs_setup"
script lfull "<C-l>" "$logs_setup"
base=$(ir base)
tick=$(( ($(ir tick) - base) / K ))
move=$(( ($(ir move) - base) / (2 * K) ))
full=$(( ($(ir full) - base) / K ))
lbase=$(ir lbase)
scroll=$(( ($(ir scroll) - lbase) / K ))
lfull=$(( ($(ir lfull) - lbase) / K ))

echo "B6 frame cost, callgrind Ir inside screen_draw per frame, 200x50, $K frames each"
awk -v t="$tick" -v m="$move" -v f="$full" -v s="$scroll" -v lf="$lfull" 'BEGIN {
	printf "%-34s %12s %8s\n", "frame", "Ir/frame", "vs C-l"
	printf "%-34s %12d %8.2f\n", "idle clock tick", t, t / f
	printf "%-34s %12d %8.2f\n", "one-row move (HOSTS)", m, m / f
	printf "%-34s %12d %8s\n", "full redraw (C-l) = peer", f, "1.00"
	printf "%-34s %12d %8.2f\n", "one-line scroll (LOGS, 1000 lines)", s, s / lf
	printf "%-34s %12d %8s\n", "full redraw, LOGS full = its peer", lf, "1.00"
	r = t / f; if (m / f > r) r = m / f; if (s / lf > r) r = s / lf
	printf "goal: <= 0.5x a naive full repaint (worst of tick, move and scroll: %.2f)\n", r
	printf "RESULT B6 tick=%.2fM,move=%.2fM,scroll=%.2fM C-l=%.2fM,logs_C-l=%.2fM %.2f <=0.5x %s\n", t / 1e6, m / 1e6, s / 1e6, f / 1e6, lf / 1e6, r, r <= 0.5 ? "pass" : "fail"
}'

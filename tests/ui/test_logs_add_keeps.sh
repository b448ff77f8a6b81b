#!/bin/sh
# test_logs_add_keeps.sh — + adds a service to LOGS without losing what the
# tails already hold: h1/api keeps a line from before the new tail's
# ten-minute backlog (its first line, stamped 590 s back when the tail
# began, so older than ten minutes by the time of +), it comes first by
# time with h2's backlog merged in after it, and none of h1's lines is
# lost or shown twice across the +.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --log-rate 0.5
sed -i 's/^\[warroom\]$/&\npoll_interval = 1h/' "$fl/warroom.conf"
grep -q '^poll_interval = 1h' "$fl/warroom.conf" || fail "no [warroom] section to set poll_interval in"

start 320 100 "$WARROOM -c $fl/warroom.conf"
wait_re "│> h1 +api +UP" 15
wait_re "│  h2 +api +UP" 15
# The first line of h1's log, in place (the writer appends to the same
# file), stamped 590 s back: inside h1's backlog now, outside one that
# starts ten minutes before the +.
log=$fl/hosts/h1/logs/api.log
[ -f "$log" ] || fail "no $log"
t0=$(date +%s)
old=$(date -u -d "@$((t0 - 590))" +%Y-%m-%dT%H:%M:%S.000Z)
cp "$log" "$tmp/api.log"
{ printf '%s INFO  api held-since-onset seq=0\n' "$old"; cat "$tmp/api.log"; } > "$log"
keys Enter
wait_re "^│h1/api 20[0-9-]+T[0-9:.]+Z " 15
wait_for "held-since-onset" 5
# Past ten minutes after the old line: a backlog fetched now misses it.
while [ "$(date +%s)" -lt $((t0 + 16)) ]; do sleep 0.5; done
keys Down Down +
wait_for "h1/api, h2/api, by time"
wait_re "^│h2/api 20[0-9-]+T[0-9:.]+Z " 15
sleep 4
keys 3 g
paused_top() {
	screen_has "PAUSED" || return 1
	awk '/─ (▶ )?LOGS/ { f = 1; next } f && /^└/ { f = 0 } f' "$tmp/screen" |
		grep -E '^│h[12]/api 20' > "$tmp/logs" || true
	grep -q '^│h2/api' "$tmp/logs"
}
until_screen 5 "the oldest lines, paused" paused_top
head -1 "$tmp/logs" | grep -q "^│h1/api $old INFO  api held-since-onset" ||
	{ cat "$tmp/logs"; fail "h1's line from before the new backlog is not the oldest shown"; }
ok "+ keeps the first tail's lines older than the new tail's backlog"

# Every h1 line from the first on, once each, in order: the pane holds
# them all at this rate.
grep '^│h1/api' "$tmp/logs" | sed -n 's/.* seq=\([0-9]*\).*/\1/p' > "$tmp/seqs"
n=$(wc -l < "$tmp/seqs")
[ "$n" -gt 10 ] || { cat "$tmp/logs"; fail "too few h1 lines shown ($n)"; }
sort -n -c "$tmp/seqs" 2> /dev/null || { cat "$tmp/logs"; fail "h1's lines out of order"; }
[ "$(sort -n -u "$tmp/seqs" | wc -l)" -eq "$n" ] || { cat "$tmp/logs"; fail "an h1 line is shown twice"; }
first=$(sed -n 2p "$tmp/seqs")
last=$(tail -1 "$tmp/seqs")
[ $((last - first + 2)) -eq "$n" ] || { cat "$tmp/logs"; fail "h1 lines $first..$last lack some"; }
sed 's/^│h[12]\/api \([^ ]*\) .*/\1/' "$tmp/logs" > "$tmp/times"
sort -c "$tmp/times" || { cat "$tmp/logs"; fail "the merged lines are not in time order"; }
ok "no h1 line is lost or doubled across the +, and both merge by time"
keys q
wait_for "exit=0"

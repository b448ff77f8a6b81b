#!/bin/sh
# test_logs_merged.sh — several services in LOGS at once: Enter tails one,
# + adds another (HOSTS), and their lines are shown together with a
# host/service prefix in the order of the time each line carries — the
# ten-minute backlogs of both included, which arrive one after the other,
# the second here seconds after the first was due; a reconnect's
# back-fill, stored after newer lines already shown, is said.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --log-rate 10
# One poll only, so h2's next command is its logs tail, which slow-next delays.
sed -i 's/^\[warroom\]$/&\npoll_interval = 1h/' "$fl/warroom.conf"
grep -q '^poll_interval = 1h' "$fl/warroom.conf" || fail "no [warroom] section to set poll_interval in"

start 200 60 "$WARROOM -c $fl/warroom.conf"
wait_re "│> h1 +api +UP" 15
wait_re "│  h2 +api +UP" 15
keys Enter
wait_re "^│h1/api 20[0-9-]+T[0-9:.]+Z " 15
keys +
wait_for "LOGS already tails h1/api"
keys Down Down
"$fleet" fault --dir "$fl" h2 slow-next 3 > /dev/null
keys +
wait_for "LOGS: tailing h1/api, h2/api, by time"
wait_re "^│h2/api 20[0-9-]+T[0-9:.]+Z " 15
sleep 3
# The oldest lines: the two backlogs, a burst each, merged by time.
# g pauses the pane at its oldest lines: read once it says PAUSED and shows
# both services (a fixed half second may not be enough to draw them on
# a loaded machine).
keys 3 g
top_both() {
	screen_has "PAUSED" || return 1
	awk '/─ (▶ )?LOGS/ { f = 1; next } f && /^└/ { f = 0 } f' "$tmp/screen" |
		grep -E '^│h[12]/api 20' > "$tmp/logs" || true
	grep -q '^│h1/api' "$tmp/logs" && grep -q '^│h2/api' "$tmp/logs"
}
until_screen 5 "both services' oldest lines, paused" top_both
# Both hosts' lines interleave, in time order.
sed 's/^│h[12]\/api \([^ ]*\) .*/\1/' "$tmp/logs" > "$tmp/times"
sort -c "$tmp/times" || { cat "$tmp/logs"; fail "the merged lines are not in time order"; }
switches=$(sed 's/^│\(h[12]\).*/\1/' "$tmp/logs" | uniq | wc -l)
[ "$switches" -gt 2 ] || { cat "$tmp/logs"; fail "the lines are in blocks, not interleaved"; }
ok "+ adds a service; both backlogs and the lines after are merged by their own time"

# h1 goes away while h2 goes on; back, its tail fills in what h1 wrote
# meanwhile, older than h2's lines on screen: the footer says so.
keys f
"$fleet" fault --dir "$fl" h1 sshd-stop > /dev/null
wait_re "NOT STREAMING: [^;]+; retrying" 15
sleep 2
"$fleet" fault --dir "$fl" h1 sshd-start > /dev/null
wait_re "h1/api: [0-9]+ lines? from while it was away, after newer lines \\(reconnect\\)" 25
ok "a reconnect's lines of the time away, after newer ones, are said"

keys 1 Enter
wait_for "LOGS now follows h2/api only (was 2 merged)"
ok "Enter starts over with one service, and says it replaced the merge"
keys q
wait_for "exit=0"

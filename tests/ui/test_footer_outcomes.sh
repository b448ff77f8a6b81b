#!/bin/sh
# test_footer_outcomes.sh — outcomes in a burst are each read: two kill
# switches (h1, then h2 at once) and a C-r; the first outcome stays in the
# footer its few seconds, the second shown after it at once, C-r's words
# before them, never in their place.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --tag v1.4.1
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"

start 160 40 "$WARROOM -c $tmp/c.conf --incident burst"
wait_re "│> h1 +api +UP +v1\\.4\\.1 .* OK " 20
wait_re "│  h2 +api +UP .* OK " 20
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys X
wait_for "CONFIRM KILL SWITCH"
keys -l api; keys Enter
keys Down Down X
wait_for "CONFIRM KILL SWITCH"
keys -l api; keys Enter
wait_footer_re "kill switch of api on h[12]: OK" 40
first=$(tail -6 "$tmp/screen" | tr '\n' ' ' | grep -oE "kill switch of api on h[12]: OK" | head -1)
shown=$(date +%s)
second="kill switch of api on h1: OK"
[ "$first" = "$second" ] && second="kill switch of api on h2: OK"
keys C-r
pressed=$(date +%s)
# Pressed once the outcome had been on screen a glance (3 s; a loaded
# machine's captures are slow), C-r reads it: then its words alone.
if [ $((pressed - shown)) -lt 2 ]; then
	wait_footer_re "polling [0-9]+ connected hosts? now \\| $first" 3
else
	wait_footer_re "polling [0-9]+ connected hosts? now" 3
fi
ok "C-r's words lead the unread outcome, never in its place"
wait_footer_re "$first.* \\| $second" 20
ok "the second outcome is shown after the first at once, not in its place"
while tail -6 "$tmp/screen" | tr '\n' ' ' | grep -qF "$first"; do
	[ $(( $(date +%s) - shown )) -lt 40 ] || fail "the first outcome never went"
	sleep 0.2
	capture
done
took=$(( $(date +%s) - shown ))
# Its 6 s, or 3 s when C-r came once it had been read (a glance).
[ "$took" -ge 3 ] || fail "the first outcome gave way after ${took}s"
ok "the first outcome kept its place ${took}s"
keys q
wait_for "exit=0"

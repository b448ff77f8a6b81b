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
# h1's dialog gone before h2's is asked for: a capture still showing it
# would let "api" reach HOSTS while h2's plan is read (GET /export).
wait_gone "CONFIRM KILL SWITCH" 10
keys Down Down X
wait_re "host h2 +service api" 10
keys -l api; keys Enter
wait_footer_re "kill switch of api on h[12] \\(docker compose up -d\\): OK" 40
first=$(tail -6 "$tmp/screen" | tr '\n' ' ' | grep -oE "kill switch of api on h[12] \\(docker compose up -d\\): OK" | head -1)
second="kill switch of api on h1 (docker compose up -d): OK"
[ "$first" = "$second" ] && second="kill switch of api on h2 (docker compose up -d): OK"
# When it was said: its action's end in the journal (a loaded machine's
# captures see it late), in ms.
journal=$(ls "$fl"/timeline/burst-*.jsonl)
ended_ms() {
	python3 - "$journal" "$1" <<'PY'
import json, sys, datetime
for l in open(sys.argv[1]):
    r = json.loads(l)
    if r["kind"] == "action.end" and r.get("host") == sys.argv[2]:
        t = datetime.datetime.fromisoformat(r["ts"].replace("Z", "+00:00"))
        print(int(t.timestamp() * 1000))
        break
PY
}
shown=$(ended_ms "$(echo "$first" | sed 's/.* on \(h[12]\) .*/\1/')")
# As EREs: the command's parentheses literal.
first_re=$(printf '%s' "$first" | sed 's/[()]/\\&/g')
second_re=$(printf '%s' "$second" | sed 's/[()]/\\&/g')
[ -n "$shown" ] || fail "no action.end journalled for $first"
keys C-r
pressed=$(date +%s%3N)
# Its glance is 3 s on a whole-second clock, so more than 2 s may count:
# pressed a second later, it may have been read.
if [ $((pressed - shown)) -ge 1000 ]; then
	# Seen too late to press before its glance could be over (a loaded
	# machine): C-r may read it, and only its words can be checked.
	wait_footer_re "polling [0-9]+ connected hosts? now" 5
	ok "C-r came $((pressed - shown)) ms after the first outcome (too late to test it unread); its words shown"
else
	wait_footer_re "polling [0-9]+ connected hosts? now \\| $first_re" 3
	ok "C-r's words lead the unread outcome, never in its place"
	wait_footer_re "$first_re.* \\| $second_re" 20
	ok "the second outcome is shown after the first at once, not in its place"
	while tail -6 "$tmp/screen" | tr '\n' ' ' | grep -qF "$first"; do
		[ $(( $(date +%s%3N) - shown )) -lt 40000 ] || fail "the first outcome never went"
		sleep 0.2
		capture
	done
	took=$(( $(date +%s%3N) - shown ))
	# Its 6 s on a whole-second clock (more than 5 s): C-r came unread.
	[ "$took" -ge 5000 ] || fail "the first outcome gave way after ${took} ms"
	ok "the first outcome kept its place ${took} ms"
fi
quit_console

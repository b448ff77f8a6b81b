#!/bin/sh
# test_down_restart_tag.sh — a console started again while h2 is DOWN read
# no tag of h2's: HOSTS showed its TAG blank and B said "h2 DOWN, tag
# unknown (never read)", though the journal's health.change said h2 ran
# v1.5.0-bad until it went. Now its row shows the journal's tag, marked
# "(journal)" and dim with its age, and B's dialog leaves h2 out as "last
# seen on v1.5.0-bad at HH:MM UTC (journal)", never as a tag read now.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 3 --tag v1.5.0-bad
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nprobe_interval = 1s/' \
    "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident downtag"
wait_re "│  h2 +api +UP +v1\\.5\\.0-bad" 15
journal=$(ls "$fl"/timeline/downtag-*.jsonl)
i=0
until grep -q '"kind":"health.change","host":"h2"[^}]*"service":"api","tag":"v1.5.0-bad"' \
    "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 100 ] || fail "no health.change of h2's api tag"
done
"$fleet" fault --dir "$fl" h2 sshd-stop > /dev/null || fail "fleet fault sshd-stop"
wait_re "│  h2 +api +DOWN" 15
quit_console

start 200 50 "$WARROOM -c $tmp/c.conf --incident downtag"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
wait_re "│  h3 +api +UP +v1\\.5\\.0-bad" 15
wait_re "│  h2 +api +[A-Z]+[^│]* v1\\.5\\.0-bad \\(journal\\) " 10
grep -qE "│  h2 +api +UP" "$tmp/screen" && fail "h2 UP: its sshd was stopped"
ok "restarted with h2 DOWN: its row shows the journal's tag, marked so"

keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys B
wait_for "type api and press Enter" 15
# h2 retries between its DOWN spells: CONNECTING or RESOLVING then.
grep -qE "h2 (DOWN|CONNECTING|RESOLVING), last seen on v1\\.5\\.0-bad at [0-9]{2}:[0-9]{2} UTC \\(journal\\): not included" \
    "$tmp/screen" || { cat "$tmp/screen"; fail "B does not name h2's tag from the journal"; }
grep -q "never read" "$tmp/screen" && { cat "$tmp/screen"; fail "B says h2 was never read"; }
ok "B: h2 left out as last seen on the bad release, from the journal"
keys Escape
wait_gone "type api and press Enter" 5
"$fleet" fault --dir "$fl" h2 sshd-start > /dev/null
quit_console
exit 0

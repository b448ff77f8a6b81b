#!/bin/sh
# test_rollback_fleet_leftbad.sh — the hosts a fleet rollback leaves on the
# bad tag are in its summary. h4, DOWN on v1.5.0-bad when B is pressed,
# was named in the dialog only: the outcome read "h1 OK · h2 DOWN, …"
# as if the chain had reached every bad host, in the footer, chain.end
# and the post-mortem alike. And h2, DOWN at its turn, showed only h1's
# "OK" for ~20 s: the summary waited behind it instead of taking its
# place, as it does when every host ends OK.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 4 --tag v1.5.0-bad
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident fleet-leftbad"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
wait_re "h4 +api +UP +v1\\.5\\.0-bad" 15
"$fleet" fault --dir "$fl" h4 sshd-stop > /dev/null
wait_re "h4 +api +DOWN" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys B
wait_for "type api and press Enter" 15
# h2 goes away while h1's dialog is open: its turn finds it DOWN.
journal=$(ls "$fl"/timeline/fleet-leftbad-*.jsonl)
"$fleet" fault --dir "$fl" h2 sshd-stop > /dev/null
# Its row is behind the dialog: the journal says when it is gone.
i=0
until grep -q '"kind":"conn.change","host":"h2"' "$journal"; do
	i=$((i + 1)); [ $i -lt 150 ] || fail "h2 never went DOWN"
	sleep 0.1
done
keys -l api; keys Enter
# First in the footer (h1's outcome is in it), at once: not after a key
# or a message's time.
wait_footer_re "┘ fleet rollback of api to v1\\.4\\.1: h1 OK · h2 DOWN, not rolled back · h3 not started · h4 (DOWN|CONNECTING|RESOLVING) on v1\\.5\\.0-bad: not rolled back \\| h2 is DOWN: not rolled back" 12
grep '"kind":"chain.end"' "$journal" |
	grep -qE '"summary":"fleet rollback of api to v1\.4\.1: h1 OK · h2 DOWN, not rolled back · h3 not started · h4 [A-Z]+ on v1\.5\.0-bad: not rolled back"' ||
	fail "chain.end does not name h4: $(grep '"kind":"chain.end"' "$journal")"
grep '"kind":"chain.start"' "$journal" | grep -qE 'in this order; h4 [A-Z]+ on v1\.5\.0-bad: not rolled back"' ||
	fail "chain.start counts h4 among the hosts not included: $(grep '"kind":"chain.start"' "$journal")"
ok "a host DOWN on the bad tag is in the summary (footer, chain.end, chain.start); a host DOWN at its turn: the summary at once"
quit_console
"$WARROOM" export fleet-leftbad -c "$tmp/c.conf" --format md > "$tmp/pm.md" ||
	fail "export failed"
grep -qE "^- fleet rollback of api to v1\.4\.1: h1 OK · h2 DOWN, not rolled back · h3 not started · h4 [A-Z]+ on v1\.5\.0-bad: not rolled back" "$tmp/pm.md" ||
	{ grep -A3 "Fleet rollbacks" "$tmp/pm.md"; fail "the post-mortem does not name h4"; }
ok "the post-mortem's fleet rollback names h4 too"
"$fleet" fault --dir "$fl" h2 sshd-start > /dev/null
"$fleet" fault --dir "$fl" h4 sshd-start > /dev/null

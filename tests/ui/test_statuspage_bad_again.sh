#!/bin/sh
# test_statuspage_bad_again.sh — api rolled back off v1.5.0-bad, then an
# outside deploy puts v1.7.0-bad on h1 and its verdict asks for a rollback
# again: S identified offers no text (not "back on v1.7.0-bad") and says
# why; S monitoring does not say api is back either.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1
"$fleet" set-tag --dir "$fl" h1 api v1.5.0-bad > /dev/null || fail "fleet set-tag"
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nprobe_interval = 1s/' \
	"$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident badagain"
wait_re "│> h1 +api +UP +v1\.5\.0-bad" 15
journal=$(ls "$fl"/timeline/badagain-*.jsonl)
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:"
keys 1 Home r
wait_for "tag  v1.5.0-bad  ->  v1.4.1" 15
keys -l api; keys Enter
i=0; while ! grep -q '"kind":"action.end"' "$journal" && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
grep -q '"kind":"action.end".*"outcome":"ok"' "$journal" || fail "api's rollback did not end ok"
wait_re "│> h1 +api +UP +v1\.4\.1" 15

# The outside deploy, and h1's verdict asking for a rollback under it.
"$fleet" set-tag --dir "$fl" h1 api v1.7.0-bad > /dev/null || fail "fleet set-tag"
wait_re "│> h1 +api +UP +v1\.7\.0-bad" 15
i=0
until grep '"kind":"verdict.change","host":"h1"' "$journal" | tail -1 |
	grep -q 'ROLLBACK\|CONSIDER'; do
	i=$((i + 1)); [ "$i" -lt 300 ] || fail "h1's verdict is not bad under v1.7.0-bad"; sleep 0.1
done

keys S; keys -l identified; keys Enter
wait_for "WHAT CUSTOMERS WILL READ"
wait_for "no text offered: api was rolled back from v1.5.0-bad, but h1 runs v1.7.0-bad now"
capture
assert_not_contains "$tmp/screen" "back on"
assert_not_contains "$tmp/screen" "The cause is"
keys Escape
wait_for "nothing posted"
keys S; keys -l monitoring; keys Enter
wait_for "We are watching the error rate of api while we work on a fix."
capture
assert_not_contains "$tmp/screen" "back on"
assert_not_contains "$tmp/screen" "rolled back on every host"
keys Escape
wait_for "nothing posted"
ok "after a bad outside deploy: identified offers no text and says why; monitoring does not say back"
quit_console

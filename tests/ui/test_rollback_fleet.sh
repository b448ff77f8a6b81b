#!/bin/sh
# test_rollback_fleet.sh — B rolls a service back on every host running
# its tag, one host after another, each planned and confirmed in its own
# dialog: a host at another tag is left alone, the target picked on the
# first host (Down: v1.4.0, not releases.log's v1.4.1) is the next hosts'
# too, and the first rollback that does not end OK (here, a dialog
# cancelled with Esc) stops the rest.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 4 --tag v1.5.0-bad
"$fleet" set-tag --dir "$fl" h4 api v1.4.1 > /dev/null
ups() { grep -c '"up","-d","api"' "$fl/hosts/$1/commands.log" 2> /dev/null || true; }
mutating() { grep -c '"mutating":true' "$fl/hosts/$1/commands.log" 2> /dev/null || true; }
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"

start 200 50 "$WARROOM -c $tmp/c.conf --incident fleet-drill"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
wait_re "h3 +api +UP +v1\\.5\\.0-bad" 15
wait_re "h4 +api +UP +v1\\.4\\.1" 15
keys B
wait_for "refused: console not armed"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys B
# (The footer's "rolling back api … on 3 hosts" gives way to the dialog's
# own line as soon as h1's plan is read: the title carries the count.)
wait_for "CONFIRM ROLLBACK" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "— then 2 more, each confirmed like this one, to the target chosen here"
keys Down
wait_for "tag  v1.5.0-bad  ->  v1.4.0"
keys -l api; keys Enter
# The next host's dialog comes by itself, planned for that host, once h1
# ended OK.
wait_for "nothing has changed on h2 yet: the plan waits for your confirmation" 40
journal=$(ls "$fl"/timeline/fleet-drill-*.jsonl)
grep -q '"kind":"action.end","host":"h1".*"outcome":"ok"' "$journal" || fail "h1 did not end OK first"
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "— then 1 more, each confirmed like this one, to v1.4.0"
assert_contains "$tmp/screen" "tag  v1.5.0-bad  ->  v1.4.0"
assert_not_contains "$tmp/screen" "(last good in releases.log)"
grep '"pull","api"' "$fl/hosts/h1/commands.log" | grep -q '"IMAGE_TAG":"v1.4.0"' ||
	fail "h1 was not rolled back to v1.4.0"
[ "$(mutating h2)" = 0 ] || fail "h2 changed before its confirmation"
keys Escape
wait_for "rollback of api on h2: CANCELLED (the 1 queued after it: not started)" 10
sleep 1
[ "$(ups h1)" = 1 ] || fail "up -d ran $(ups h1) times on h1"
[ "$(mutating h2)" = 0 ] || fail "h2 changed after its dialog was cancelled"
[ "$(mutating h3)" = 0 ] || fail "h3 changed after the rollbacks stopped"
[ "$(mutating h4)" = 0 ] || fail "h4, at another tag, was touched"
capture
assert_not_contains "$tmp/screen" "CONFIRM ROLLBACK"
ok "B: h1 confirmed and rolled back to the tag picked there, h2's own dialog next to the same tag, Esc stops h2 and h3; h4 at another tag untouched"
keys q
wait_for "exit=0"

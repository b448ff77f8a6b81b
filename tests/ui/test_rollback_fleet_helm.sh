#!/bin/sh
# test_rollback_fleet_helm.sh — B on helm hosts: the revision picked on
# the first host (Down: revision 1, app 1.4.0, not helm's own default,
# revision 2) decides the next host's target by its app version, so the
# fleet ends on one release; the next host's dialog offers nothing else.
# A note prompt opened while h1's rollback runs is never covered: h2's
# dialog, ready meanwhile, waits for it to close.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --driver helm --tag v1.5.0-bad
mutating() { grep -c '"mutating":true' "$fl/hosts/$1/commands.log" 2> /dev/null || true; }
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"

start 200 50 "$WARROOM -c $tmp/c.conf --incident helm-fleet"
wait_re "│> h1 +api +UP +1\\.5\\.0-bad" 15
wait_re "h2 +api +UP +1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys B
wait_for "CONFIRM ROLLBACK (helm.rollback)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "— then h2, each confirmed like this one, to the target chosen here"
# At 80 columns the title has no room for the hosts to come: the body's
# first lines say them, never cut (the title was cut there).
resize 80 24
wait_for "then h2, each confirmed like this one, to the target chosen"
assert_not_contains "$tmp/screen" "— then h2"
resize 200 50
wait_for "— then h2, each confirmed like this one, to the target chosen here"
wait_re "> revision 2: .*app 1\\.4\\.1"
keys Down
wait_re "> revision 1: .*app 1\\.4\\.0"
keys -l api; keys Enter
# A note while h1's rollback runs: h2's plan, read once h1 ends OK, waits
# for the prompt instead of opening over it and taking its keys.
keys n
wait_for "note:"
keys -l "h1 confirmed"
journal=$(ls "$fl"/timeline/helm-fleet-*.jsonl)
i=0
until grep -q '"kind":"action.end","host":"h1".*"outcome":"ok"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 200 ] || fail "h1 did not end OK"
done
sleep 3
capture
assert_contains "$tmp/screen" "note: h1 confirmed"
assert_not_contains "$tmp/screen" "CONFIRM ROLLBACK"
# Once the note is stored, h2's dialog (Enter pressed again while its plan
# is still read is dropped, so try a few times).
for try in 1 2 3 4 5; do
	keys Enter
	i=0
	while capture; ! grep -qF "host h2   service api" "$tmp/screen" && [ $i -lt 30 ]; do
		sleep 0.1; i=$((i + 1))
	done
	grep -qF "host h2   service api" "$tmp/screen" && break
done
wait_for "host h2   service api" 5
grep -q '"kind":"note".*"text":"h1 confirmed"' "$journal" || fail "the note was not stored"
grep -q '"argv":\["helm","rollback","api","1",' "$fl/hosts/h1/commands.log" ||
	fail "h1 was not rolled back to revision 1"
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "host h2   service api"
grep -qE "> revision 1: .*app 1\\.4\\.0" "$tmp/screen" || fail "h2 is not offered revision 1"
assert_not_contains "$tmp/screen" "revision 2:"
keys -l api; keys Enter
# The end: one summary for the fleet (held until a key).
wait_for "fleet rollback of api to 1.4.0: h1 OK · h2 OK" 40
grep -q '"argv":\["helm","rollback","api","1",' "$fl/hosts/h2/commands.log" ||
	fail "h2 was not rolled back to revision 1 (app 1.4.0) like h1"
grep -q '"argv":\["helm","rollback","api","2",' "$fl/hosts/h2/commands.log" &&
	fail "h2 went to revision 2"
ok "B on helm: h2 goes to the app version picked on h1 (revision 1), not its own default; its dialog waited for the note prompt to close"
quit_console

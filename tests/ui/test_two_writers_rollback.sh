#!/bin/sh
# test_two_writers_rollback.sh — alice rolls api on h1 back (the schema
# is ahead afterwards) while bob, a second writing console, is open on
# the same incident. One console records observations: every
# health.change and verdict.change of h1 is alice's (the armed one), and
# no record pairs the new tag with a /readyz read before the rollback.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nprobe_interval = 1s\nmetrics_interval = 2s\nhealth_timeout = 20s/' \
	"$fl/warroom.conf" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident tworb"
ready() { wait_re "│>[ !]h1 +api +UP +v1\\.5\\.0-bad" 15; }

start 200 50 "$wr --as alice"
ready
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
start_also b 200 50 "$wr --as bob"
session=b
ready
sleep 2
session=t
keys r
wait_for "CONFIRM ROLLBACK"
keys -l api
keys Enter
journal=$(ls "$fl"/timeline/tworb-*.jsonl)
i=0
until grep -q '"kind":"action.end"' "$journal"; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 300 ] || fail "the rollback never ended"
done
# Both consoles read h1 again after the end, and judge it for a while.
sleep 8
session=b
wait_re "│>[ !]h1 +api +UP +v1\\.4\\.1" 10
keys q; keys y
wait_for "exit=0" 10
session=t
keys q; keys y
wait_for "exit=0" 10

alice=$(sed -n 's/.*"kind":"mode.change".*"session":\([0-9]*\).*"mode":"armed".*/\1/p' "$journal" | head -1)
[ -n "$alice" ] || alice=$(grep '"kind":"mode.change"' "$journal" | head -1 | sed 's/.*"session":\([0-9]*\).*/\1/')
[ -n "$alice" ] || fail "no arming in the journal"
obs=$(grep -E '"kind":"(health|verdict)\.change","host":"h1"' "$journal")
[ -n "$obs" ] || fail "no observation of h1 recorded"
others=$(printf '%s\n' "$obs" | grep -v "\"session\":$alice[,}]" || true)
[ -z "$others" ] || { printf '%s\n' "$others"; fail "observations of h1 recorded by a console not armed"; }
ok "during alice's rollback with bob open, every health.change and verdict.change of h1 is alice's"
# After the rollback /readyz says the schema is ahead: a record of the new
# tag saying otherwise paired it with a read from before.
stale=$(grep '"kind":"health.change","host":"h1"' "$journal" | grep '"tag":"v1.4.1"' |
	grep -v '"schema_ahead":true' || true)
[ -z "$stale" ] || { printf '%s\n' "$stale"; fail "the new tag recorded with a /readyz from before the rollback"; }
grep '"kind":"health.change","host":"h1"' "$journal" | grep -q '"tag":"v1.4.1"' ||
	fail "the new tag was never recorded"
ok "no record pairs v1.4.1 with the /readyz from before the rollback"

#!/bin/sh
# test_conn_journal.sh — a host's reachability in the journal: sshd
# stopped makes one conn.change DOWN with why (not "first": it was UP),
# shown in TIMELINE; back, one UP with how long it was away and when its
# last try failed, once it held, and the post-mortem's Reachability says
# that same duration as a bound, back between that try and the reconnect.
# A rollback's health gate that waited while its host was DOWN says so in
# its UNKNOWN outcome, and the post-mortem has a Reachability part.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 10s/' "$fl/warroom.conf" > "$tmp/c.conf"
fault() { "$fleet" fault --dir "$fl" h1 "$@" > /dev/null || fail "fleet fault $*"; }

start 200 50 "$WARROOM -c $tmp/c.conf --incident net"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
journal=$(ls "$fl"/timeline/net-*.jsonl)

fault sshd-stop
wait_re "conn\\.change +h1 +DOWN: connection lost" 15
[ "$(grep -c '"kind":"conn.change"' "$journal")" = 1 ] || fail "not one conn.change for one loss"
# h1 was UP before it was lost: its loss is no first contact failing.
! grep -q '"kind":"conn.change".*"first":true' "$journal" || fail "first on a host that was UP"
# Back only while the console waits over 5 s for its next try: its
# UP says when its last try failed, and the length is a range.
wait_re "h1 \\(retry in ([6-9]|1[0-9])s\\)" 30
fault sshd-start
wait_re "conn\\.change +h1 +UP again after at least [0-9m ]+s, at most [0-9m ]+s D" 45
grep -q '"kind":"conn.change".*"state":"UP".*"down_s":[0-9]' "$journal" || fail "no UP with down_s"
grep -q '"kind":"conn.change".*"state":"UP".*"last_failed_try":"20' "$journal" ||
    fail "no UP with last_failed_try"
[ "$(grep -c '"kind":"conn.change"' "$journal")" = 2 ] || fail "not two conn.change records"
ok "sshd stopped and started: one DOWN with why, one UP with how long and its last failed try"

# The gate waits on a /readyz that never answers while the host is DOWN.
keys A
keys -l "arm"
keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
fault http-hang
keys r
wait_for "tag  v1.5.0-bad  ->  v1.4.1"
keys -l "api"
keys Enter
wait_for "health gate" 20
fault sshd-stop
sleep 5
fault sshd-start
wait_re "rollback of api on h1 \\(docker compose up -d\\): UNKNOWN — api runs v1\\.4\\.1 but /readyz gave no answer within 10 s \\(.*\\); h1 was DOWN for about [0-9]+ s of that wait" 40
grep -q '"kind":"action.end".*"outcome":"unknown".*h1 was DOWN for about' "$journal" || fail "the end does not say h1 was DOWN"
fault clear http-hang
ok "an UNKNOWN gate says its host was DOWN during the wait"

quit_console
id=$(basename "$journal" .jsonl)
"$WARROOM" -c "$tmp/c.conf" export "$id" --format md > "$tmp/pm.md" || fail "export"
grep -q "^## Reachability" "$tmp/pm.md" || fail "no Reachability part"
grep -q "^| h1 | .* | .* | .* | connection lost" "$tmp/pm.md" || fail "no h1 stretch with why"
down=$(grep -o '"state":"UP".*"down_s":[0-9]*' "$journal" | head -n 1 | sed 's/.*"down_s"://')
down=$(printf '%dm %02ds' $((down / 60)) $((down % 60)) | sed 's/^0m 0\{0,1\}//')
grep -q "^| h1 | [^|]* | between [^|]* and [^|]* | at least [^|]*, at most ${down} (last failed try [0-9]*s before the reconnect[^|]*) | connection lost" "$tmp/pm.md" ||
    fail "Reachability does not say the UP record's ${down} as a bound from its last failed try"
! grep -q "not reached before" "$tmp/pm.md" || fail "h1 said not reached before"
ok "the post-mortem says when h1 was unreachable"

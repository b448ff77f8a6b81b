#!/bin/sh
# test_down_health.sh — a k8s host whose sshd stops: its probes go through
# that connection, so its HEALTH and READY read UNKNOWN while it is DOWN
# (k8s rows kept a green OK; only hosts with a probe round out
# when the connection went showed UNKNOWN), with no health.change meanwhile
# (conn.change says it). Back UP: OK again, and no poll.change of the
# outage ("no data … host still connected") at the reconnect. The
# post-mortem's Data gaps has the DOWN stretch, as Reachability does.
# h1 compose, h2 k8s; 1 s rounds.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --driver mixed
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nprobe_interval = 1s\nmetrics_interval = 1s/' \
    "$fl/warroom.conf" > "$tmp/c.conf"
fault() { "$fleet" fault --dir "$fl" h2 "$@" > /dev/null || fail "fleet fault $*"; }

start 200 50 "$WARROOM -c $tmp/c.conf --incident downgap"
wait_re "│  h2 +api +UP +v1\\.4\\.1 +[A-Z ]+ 3/3 complete +OK +OK " 15
journal=$(ls "$fl"/timeline/downgap-*.jsonl)

fault sshd-stop
wait_re "│  h2 +api +DOWN [a-z0-9 ]+ v1\\.4\\.1 +[A-Z ]+ 3/3 complete +UNKNOWN +UNKNOWN " 5
grep -qE "│> h1 +api +UP .* OK +OK " "$tmp/screen" || { cat "$tmp/screen"; fail "h1's health went too"; }
wait_re "conn\\.change +h2 +DOWN" 10
sleep 2
! grep -q '"kind":"health.change","host":"h2"[^}]*"healthz":"UNKNOWN"' "$journal" ||
    fail "a health.change for a host DOWN"
ok "k8s host DOWN: HEALTH and READY UNKNOWN, not its old OK; no health.change"

fault sshd-start
keys C-r
wait_re "│  h2 +api +UP +v1\\.4\\.1 +[A-Z ]+ 3/3 complete +OK +OK " 20
wait_re "conn\\.change +h2 +UP again after" 20
! grep -q '"kind":"poll.change"' "$journal" ||
    { grep poll.change "$journal"; fail "a poll.change of the outage at the reconnect"; }
! grep -q '"kind":"health.change","host":"h2"[^}]*"was_healthz"' "$journal" ||
    { grep health.change "$journal"; fail "a health.change for an outage that changed nothing"; }
ok "back UP: OK again, no poll.change or health.change of the outage"

keys q
wait_for "exit=0"
"$WARROOM" -c "$tmp/c.conf" export "$(basename "$journal" .jsonl)" --format md > "$tmp/pm.md" ||
    fail "export"
grep -q "^## Reachability" "$tmp/pm.md" || fail "no Reachability part"
sed -n '/^## Data gaps/,/^$/p;/^## Data gaps/,/^## [A-Z]/p' "$tmp/pm.md" > "$tmp/gaps"
grep -q "^| h2 | .* | .* | [0-9]*s | DOWN (connection lost: .*): nothing read over its SSH connection |" \
    "$tmp/gaps" || { cat "$tmp/pm.md"; fail "Data gaps leaves out h2's DOWN"; }
! grep -q "^| h1 " "$tmp/gaps" || { cat "$tmp/gaps"; fail "Data gaps names h1, which stayed UP"; }
ok "the post-mortem's Data gaps has h2's DOWN"
exit 0

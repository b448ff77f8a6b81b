#!/bin/sh
# test_deploy_outside_killswitch.sh — a kill switch never changes a tag
# (compose redeploys at the tag it runs), so a tag set after one is a
# deploy made outside this console. On a compose host h1 running v1.4.1,
# X turns exports off and back on; then a CI job (fleet set-tag) deploys
# v1.7.0-bad (api and jobs). The health.change says "outside" with its
# deploy time, TIMELINE says so, and once v1.7.0-bad is judged bad the
# post-mortem names it deployed outside this console, not by a kill
# switch.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.4.1
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 45 "$WARROOM -c $tmp/c.conf --incident ks-outside"
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
ks() {
	keys X
	wait_for "type api and press Enter" 15
	keys -l api; keys Enter
	wait_for "kill switch of api on h1 (docker compose up -d): OK" 40
}
ks
ks
"$fleet" set-tag --dir "$fl" h1 all v1.7.0-bad > /dev/null || fail "set-tag"
deployed=$(date -u +%s)
wait_re "health\\.change h1 (\\[[0-9:]+ [a-z]+\\] )?api: v1\\.7\\.0-bad d" 30
wait_re "│> h1 +api +UP +v1\\.7\\.0-bad +(CONSIDER ROLLBACK|ROLLBACK IMMEDIATELY) " 60
quit_console
journal=$(ls "$fl"/timeline/ks-outside-*.jsonl)
line=$(grep '"kind":"health.change","host":"h1".*"tag":"v1.7.0-bad"' "$journal" | head -1)
echo "$line" | grep -q '"outside":true' || fail "the record does not say outside: $line"
echo "$line" | grep -q '"deployed_from":"compose ps: container created"' ||
	fail "the record does not say where its deploy time came from: $line"
ms=$(echo "$line" | sed 's/.*"deployed_ms":\([0-9]*\).*/\1/')
[ $((ms / 1000 - deployed)) -le 1 ] && [ $((deployed - ms / 1000)) -le 2 ] ||
	fail "the deploy time $ms is not the set-tag's ($deployed)"
"$WARROOM" export "$(basename "$journal" .jsonl)" -c "$tmp/c.conf" > "$tmp/pm.md" < /dev/null ||
	fail "export md"
grep -q "^- release judged bad: v1\\.7\\.0-bad deployed on h1 at [-0-9]* [0-9:]* (per compose ps: container created), outside this console" "$tmp/pm.md" ||
	{ cat "$tmp/pm.md"; fail "the Summary does not name h1's deploy of v1.7.0-bad as made outside"; }
grep -q "^| Bad release deployed (v1\\.7\\.0-bad on h1, .*outside this console" "$tmp/pm.md" ||
	{ cat "$tmp/pm.md"; fail "Key times do not name h1's deploy of v1.7.0-bad as made outside"; }
! grep -q "killswitch (op" "$tmp/pm.md" || { cat "$tmp/pm.md"; fail "the deploy is put down to a kill switch"; }
ok "a tag set after a compose kill switch is a deploy made outside this console"

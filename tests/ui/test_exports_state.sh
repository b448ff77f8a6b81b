#!/bin/sh
# test_exports_state.sh — where exports are still on, on a mixed fleet
# (h1 compose, h2 k8s, h3 helm): once a kill switch was asked for, HOSTS'
# EXPORT column reads each host's /export with its health probes (not
# before: an idle console asks three URLs a round); after X worked on h1 and was refused on
# h3 (helm), the header says EXPORTS ON: h2 h3 and h1's EXPORT says off;
# the change is journalled once (exports.change); E names the hosts still
# exporting before it resolves; the post-mortem counts the refused kill
# switch and lists it under Follow-ups.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 3 --driver mixed --tag v1.4.1
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"

start 220 40 "$WARROOM -c $tmp/c.conf --incident leak"
wait_re "│> h1 +api +UP +v1\\.4\\.1 .* OK " 20
wait_re "│  h3 +api +UP .* OK " 20
# No kill switch yet: /export is not asked (an idle console's rounds stay
# three requests), and exports on everywhere would be no news.
sleep 2
capture
! grep -q "EXPORTS ON" "$tmp/screen" || fail "EXPORTS ON before any kill switch"
! grep -q " EXPORT " "$tmp/screen" || fail "an EXPORT column before any kill switch"
! grep -q '"GET /export' "$fl"/hosts/h*/http.log 2> /dev/null || fail "/export asked before any kill switch"
ok "no EXPORT column before a kill switch"

keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys X
wait_for "CONFIRM KILL SWITCH"
wait_for "then wait up to"
keys -l api; keys Enter
wait_for "kill switch of api on h1 (docker compose up -d): OK" 40
wait_for "EXPORTS ON: h2 h3" 10
wait_re "│> h1 +api +UP +v1\\.4\\.1 .* off " 10
keys Down Down Down
keys X
wait_for "kill switch refused: h3 is a helm host"
wait_for "EXPORTS ON: h2 h3"
ok "after X on h1 and a refusal on h3: EXPORTS ON: h2 h3, h1 off"

journal=$(ls "$fl"/timeline/leak-*.jsonl)
[ "$(grep -c '"kind":"exports.change","host":"h1".*"export":"off"' "$journal")" = 1 ] ||
	fail "h1's exports off not journalled exactly once"
[ "$(grep -c '"kind":"exports.change","host":"h3"' "$journal")" = 1 ] ||
	fail "h3's exports journalled $(grep -c '"kind":"exports.change","host":"h3"' "$journal") times"
ok "exports.change journalled once per change"

keys E
wait_for "h2, h3 still export: type resolve to resolve anyway"
keys -l resolve; keys Enter
wait_re "incident resolved( and the console disarmed)?, but h2, h3 still export"
quit_console
id=$(basename "$journal" .jsonl)
"$WARROOM" export "$id" -c "$tmp/c.conf" --format md > "$tmp/pm.md" || fail "export md"
assert_contains "$tmp/pm.md" "- 2 actions: 1 ok, 0 failed, 0 unknown, **1 refused** (nothing ran)."
assert_contains "$tmp/pm.md" "- h3: kill switch not applied (refused: h3 is a helm host"
assert_contains "$tmp/pm.md" "- h2: still exports (last answered: exports on)"
ok "E warned before resolving; the post-mortem counts and follows up the refused kill switch"

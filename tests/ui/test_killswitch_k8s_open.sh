#!/bin/sh
# test_killswitch_k8s_open.sh — a k8s kill switch whose rollout
# outlives the console's wait (health_timeout 2 s, a rollout of 14 s) ends
# FAILED with exports still on in the old pods. The fixture's /export
# answers 404 from the new revision at once, yet until the poller reads
# that rollout complete the host stays in the header's EXPORTS ON, HOSTS'
# EXPORT says "on?", and X offers to turn exports off again (rollout
# restart), saying why, never back on. Once read complete, X offers the
# restore as usual and the host leaves EXPORTS ON.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
command -v curl > /dev/null 2>&1 || skip "curl is not installed"
fleet_up --hosts 1 --driver k8s --tag v1.5.0-bad
"$fleet" set --dir "$fl" h1 rollout_seconds=14 > /dev/null
url=$(sed -n 's/^health_url = //p' "$fl/warroom.conf")
export_code() { curl -s -o /dev/null -w '%{http_code}' "$url/export"; }
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 2s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident ks-open"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys X
wait_for "type api and press Enter" 15
keys -l api; keys Enter
wait_for "kill switch of api on h1 (kubectl set env): FAILED" 20
wait_for "exports still on there" 5
[ "$(export_code)" = 404 ] || fail "the fixture's /export answers $(export_code), not 404 at once"
sleep 3
capture
assert_contains "$tmp/screen" "EXPORTS ON: h1"
grep -qE "h1 +api .* on\\? " "$tmp/screen" || fail "HOSTS' EXPORT does not say on?"
ok "FAILED with the rollout not complete: /export 404, yet still counted as exporting"

keys X
wait_for "type api and press Enter" 15
assert_contains "$tmp/screen" "the last kill switch's rollout did not complete: old pods may still export"
assert_contains "$tmp/screen" "kubectl rollout restart deployment/api"
screen_lacks "EXPORT_MODE=on in deployment" || fail "X offers to turn exports back on"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
ok "X again: off (rollout restart), saying why, never back on"

wait_gone "EXPORTS ON: h1" 30
keys X
wait_for "type api and press Enter" 15
assert_contains "$tmp/screen" "EXPORT_MODE=off  ->  EXPORT_MODE=on in deployment/api's env"
screen_lacks "old pods may still export" || fail "the why stays after the rollout completed"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
ok "the rollout read complete: off counts, X offers the restore"
quit_console

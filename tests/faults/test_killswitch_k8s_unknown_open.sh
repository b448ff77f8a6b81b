#!/bin/sh
# test_killswitch_k8s_unknown_open.sh — a k8s kill switch turning exports
# off that loses its host during rollout status ends UNKNOWN; its set env
# applied and the fixture's new pods answer /export 404 at once, but the
# rollout (20 s) is not complete when the host is back. Until it is read
# complete, the host is not counted as contained: the header keeps it in
# EXPORTS ON, HOSTS' EXPORT says "on?", and X offers exports off again,
# saying why (UNKNOWN, rollout not read complete), never back on. Once
# the rollout is read complete, /export is believed again.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --driver k8s --tag v1.5.0-bad
"$fleet" set --dir "$fl" h1 rollout_seconds=20 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 30s\nkeepalive_interval = 1s/' \
	"$fl/warroom.conf" > "$tmp/c.conf"
log=$fl/hosts/h1/commands.log
i=0
start 200 50 "$WARROOM -c $tmp/c.conf --incident ks-unknown-open"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys X
wait_for "type api and press Enter" 15
keys -l api; keys Enter
until grep -q '"event":"start".*"rollout","status"' "$log" 2> /dev/null; do
	i=$((i + 1)); [ "$i" -lt 150 ] || fail "rollout status never started"; sleep 0.1
done
"$fleet" fault --dir "$fl" h1 sshd-stop > /dev/null
wait_for "kill switch of api on h1 (kubectl set env): UNKNOWN" 20
"$fleet" fault --dir "$fl" h1 sshd-start > /dev/null
wait_re "│> h1 +api +UP" 20
wait_re "h1 +api .* on\\? " 15
capture
assert_contains "$tmp/screen" "EXPORTS ON: h1"
ok "UNKNOWN, set env applied, rollout going: /export 404 from the new pods, still counted as exporting"

keys X
wait_for "type api and press Enter" 15
assert_contains "$tmp/screen" "the last kill switch ended UNKNOWN and its rollout is not read complete: old pods may still export"
screen_lacks "EXPORT_MODE=on in deployment" || fail "X offers to turn exports back on"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
ok "X again: off, saying why, never back on"

wait_gone "EXPORTS ON: h1" 40
capture
grep -qE "h1 +api .* off " "$tmp/screen" || fail "EXPORT does not say off once the rollout is complete"
ok "the rollout read complete: /export off is believed"
quit_console

#!/bin/sh
# test_rollback_pick.sh — choosing where to roll back to: the dialog lists
# every good tag of releases.log, newest first; Down picks another, the
# plan follows it and the typed confirmation must be typed again; with no
# target in releases.log the tag is asked for, and an unusable one is
# refused; a tag the timeline saw run here before is offered first. Polls
# are an hour apart: HOSTS shows a rollback's result because the end of an
# action polls its host. Proven on the host's commands.log.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
app=$fl/hosts/h1/app
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1h\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident pick"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"

keys r
wait_for "CONFIRM ROLLBACK"
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "> v1.4.1  (last good in releases.log)"
assert_contains "$tmp/screen" "  v1.4.0"
assert_contains "$tmp/screen" "tag  v1.5.0-bad  ->  v1.4.1"
keys -l ap
keys Down
wait_for "tag  v1.5.0-bad  ->  v1.4.0"
assert_contains "$tmp/screen" "> v1.4.0"
assert_contains "$tmp/screen" "IMAGE_TAG='v1.4.0' docker compose --env-file .env -f docker-compose.yml pull 'api'"
! grep -q '> ap[^i]' "$tmp/screen" || fail "the confirmation text survived a change of plan"
keys -l api
keys Enter
wait_for "rollback of api on h1 (docker compose up -d): OK — api runs v1.4.0 and /readyz answers 200" 40
[ "$(grep -c '"pull","api"' "$log")" = 1 ] || fail "pull did not run once"
grep '"pull","api"' "$log" | grep -q '"IMAGE_TAG":"v1.4.0"' || fail "the pull was not for v1.4.0"
# The poller sees it run, and the timeline notes it (health.change).
wait_re "│> h1 +api +UP +v1\\.4\\.0 " 3
journal=$(ls "$fl"/timeline/pick-*.jsonl)
i=0
until grep -q '"kind":"health.change".*"tag":"v1.4.0"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 50 ] || fail "no health.change for v1.4.0"
done
# TIMELINE names the host and what changed (after when it came, when
# that was before the row above: held for the tag's re-read, the row
# then cut sooner).
wait_re "health\\.change h1 (api: tag v1\\.5\\.0-bad -> v1\\.4\\.0|\\[[0-9:]+ [a-z]+\\] api: tag v1\\.5\\.0-bad)" 5
ok "every releases.log target listed newest first; Down re-plans and asks for the name again"

: > "$app/releases.log"
keys r
wait_for "releases.log names no earlier successful tag than v1.4.0: roll api on h1 back to tag: "
keys -l 'v1;reboot'
keys Enter
wait_for "rollback of api refused: 'v1;reboot' is not a usable tag"
keys r
wait_for "releases.log names no earlier successful tag than v1.4.0: roll api on h1 back to tag: "
keys -l v1.4.1
keys Enter
wait_for "CONFIRM ROLLBACK"
wait_for "tag  v1.4.0  ->  v1.4.1"
keys -l api
keys Enter
wait_for "rollback of api on h1 (docker compose up -d): OK — api runs v1.4.1" 40
ok "no target in releases.log: the tag is asked for, checked, and planned like any other"

# Another operator deploys a bad tag over v1.4.1: the timeline saw v1.4.1
# run here, so it is offered first; v1.4.0 and v1.5.0-bad, which rollbacks
# started from, are not.
wait_re "│> h1 +api +UP +v1\\.4\\.1 " 15
i=0
until grep -q '"kind":"health.change".*"tag":"v1.4.1"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 50 ] || fail "no health.change for v1.4.1"
done
"$fleet" set-tag --dir "$fl" h1 all v1.6.0-bad > /dev/null
keys C-r                     # polls are an hour apart here
wait_re "│> h1 +api +UP +v1\\.6\\.0-bad" 5
keys r
wait_for "CONFIRM ROLLBACK"
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "> v1.4.1  (last good in releases.log; ran here earlier)"
assert_not_contains "$tmp/screen" "v1.4.0  (ran here"
assert_not_contains "$tmp/screen" "v1.5.0-bad  (ran here"
keys Escape
wait_for "CANCELLED"
ok "a tag the timeline saw run here is offered first; one rolled back from never"
quit_console

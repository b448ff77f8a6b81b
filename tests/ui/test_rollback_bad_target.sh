#!/bin/sh
# test_rollback_bad_target.sh — after a rollback away from a bad release,
# releases.log still lists that release as the newest good one. A second
# `r` must not offer it first: it is listed last, marked as a roll forward
# to what this incident rolled back from; and since h1 runs this incident's
# target, the dialog says so first and preselects nothing. With
# nothing else left, the tag is asked for instead. A rollback gated on
# another service's /readyz names that service. Another incident, without
# this timeline, reads the same from releases.log's rollback line.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
start 200 50 "$WARROOM -c $fl/warroom.conf --incident badtarget"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"

keys r
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "> v1.4.1  (last good in releases.log)"
keys -l api
keys Enter
wait_for "rollback of api on h1 (docker compose up -d): OK — api runs v1.4.1" 40
wait_re "│> h1 +api +UP +v1\\.4\\.1 " 15

keys r
wait_for "CONFIRM ROLLBACK"
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "tag  v1.4.1  ->  ? (no target picked)"
assert_contains "$tmp/screen" "h1 was rolled back to v1.4.1 at "
assert_contains "$tmp/screen" "    v1.4.0  (last good in releases.log)"
assert_contains "$tmp/screen" "    v1.5.0-bad  (rolling forward to v1.5.0-bad, which this incident rolled back from"
assert_not_contains "$tmp/screen" "IMAGE_TAG='v1.5.0-bad'"
assert_not_contains "$tmp/screen" "IMAGE_TAG='v1.4.0'"
keys Escape
wait_for "CANCELLED"
ok "the release rolled back from is listed last, marked; at the incident's target nothing is the default"

# jobs has no health_url of its own: the gate asks api's, and says so.
keys Down
wait_re "│> h1 +jobs +UP +v1\\.5\\.0-bad" 5
keys r
wait_for "type jobs and press Enter"
keys -l jobs; keys Enter
wait_for "rollback of jobs on h1 (docker compose up -d): OK — jobs runs v1.4.1 and api's /readyz answers 200" 40
keys Up
ok "a service gated on another's readiness names whose"

# Only the bad release is left in releases.log: the tag is asked for.
printf '%s\n' "2025-06-02T12:00:00Z deploy IMAGE_TAG=v1.5.0-bad services=api,jobs result=ok" \
	"2025-06-02T13:00:00Z rollback IMAGE_TAG=v1.4.1 services=api result=ok" > "$fl/hosts/h1/app/releases.log"
keys r
wait_for "every earlier tag was rolled back from in this incident (v1.5.0-bad): roll api on h1 back to tag: " 15
keys Escape
[ "$(grep -c '"pull","api"' "$log")" = 1 ] || fail "a second pull ran"
ok "nothing but the bad release left: the target is asked for"
quit_console

# Another incident shares no timeline, only releases.log: the rollback
# line there says the bad release was left, so it is never "last good".
printf '%s\n' "2025-06-01T12:00:00Z deploy IMAGE_TAG=v1.4.0 services=api,jobs result=ok" \
	"2025-06-02T12:00:00Z deploy IMAGE_TAG=v1.5.0-bad services=api,jobs result=ok" \
	"2025-06-02T13:07:00Z rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom" \
	> "$fl/hosts/h1/app/releases.log"
start 200 50 "$WARROOM -c $fl/warroom.conf --incident other"
wait_re "│> h1 +api +UP +v1\\.4\\.1 " 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "tag  v1.4.1  ->  v1.4.0"
assert_contains "$tmp/screen" "> v1.4.0  (last good in releases.log)"
assert_contains "$tmp/screen" "  v1.5.0-bad  (newer than the running v1.4.1: a roll forward, not back; rolled back from at 13:07 per releases.log)"
assert_not_contains "$tmp/screen" "WAS ROLLED BACK FROM"
keys Down
wait_for "tag  v1.4.1  ->  v1.5.0-bad"
assert_contains "$tmp/screen" "v1.5.0-bad WAS ROLLED BACK FROM at 13:07 per releases.log"
keys Escape
wait_for "CANCELLED"
ok "another incident: a release releases.log rolled back from is listed last, marked, warned"

sed -i '1d' "$fl/hosts/h1/app/releases.log"
keys r
wait_for "every earlier tag in releases.log was rolled back from (v1.5.0-bad at 13:07): roll api on h1 back to tag: " 15
keys Escape
[ "$(grep -c '"pull","api"' "$log")" = 1 ] || fail "a second pull ran"
ok "only releases that were rolled back from: the target is asked for"
quit_console

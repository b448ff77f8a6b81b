#!/bin/sh
# test_gate_faults.sh — a rollback's health gate against a /readyz that
# answers 200 without being a health answer: a proxy's HTML page, then a
# body dripped one byte a second. The rollback runs and verifies, but the
# gate never passes: FAILED with the reason, never OK; and a /readyz that
# never answers: UNKNOWN, settled by hand. Last, a wrong health_url (404):
# the probes say so (UNKNOWN, not FAIL), the dialog warns that the gate
# cannot pass, and the rollback made ends UNKNOWN, not FAILED.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
app=$fl/hosts/h1/app
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 4s/' "$fl/warroom.conf" > "$tmp/c.conf"
fault() { "$fleet" fault --dir "$fl" h1 "$@" > /dev/null || fail "fleet fault $*"; }

start 200 50 "$WARROOM -c $tmp/c.conf --incident gate"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
journal=$(ls "$fl"/timeline/gate-*.jsonl)
keys A
keys -l "arm"
keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"

fault http-html
keys r
wait_for "tag  v1.5.0-bad  ->  v1.4.1"
keys -l "api"
keys Enter
wait_for "rollback of api on h1 (docker compose up -d): FAILED — api runs v1.4.1 but /readyz did not answer 200 within 4 s: HTTP 200: an HTML page, not a health answer" 30
grep -q '"kind":"action.end".*"outcome":"failed"' "$journal" || fail "no action.end failed"
! grep -q '"kind":"action.end".*"outcome":"ok"' "$journal" || fail "an action.end ok was recorded"
ok "an HTML page on /readyz: the gate does not pass, FAILED with the reason"

# Back to the bad tag, then a /readyz that drips its answer.
fault clear http-html
"$fleet" set-tag --dir "$fl" h1 all v1.5.0-bad > /dev/null
echo "2026-11-26T09:01:00Z deploy IMAGE_TAG=v1.4.1 services=api,jobs result=ok" >> "$app/releases.log"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
fault http-drip
keys r
wait_for "tag  v1.5.0-bad  ->  v1.4.1"
keys -l "api"
keys Enter
wait_re "rollback of api on h1 \\(docker compose up -d\\): (FAILED — api runs v1\\.4\\.1 but /readyz did not answer 200 within 4 s: HTTP 200: cut short: Operation timed out|UNKNOWN — api runs v1\\.4\\.1 but /readyz gave no answer within 4 s)" 30
[ "$(grep -c '"kind":"action.end".*"outcome":"\(failed\|unknown\)"' "$journal")" = 2 ] || fail "not two action.end failed/unknown"
! grep -q '"kind":"action.end".*"outcome":"ok"' "$journal" || fail "an action.end ok was recorded"
ok "a /readyz dripping its answer: the gate does not pass, never OK"

# A /readyz that never answers says nothing of the service: the rollback
# is made and its health UNKNOWN (settled by hand), neither OK nor FAILED.
fault clear http-drip
"$fleet" set-tag --dir "$fl" h1 all v1.5.0-bad > /dev/null
echo "2026-11-26T09:02:00Z deploy IMAGE_TAG=v1.4.1 services=api,jobs result=ok" >> "$app/releases.log"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
fault http-hang
keys r
wait_for "tag  v1.5.0-bad  ->  v1.4.1"
keys -l "api"
keys Enter
wait_for "rollback of api on h1 (docker compose up -d): UNKNOWN — api runs v1.4.1 but /readyz gave no answer within 4 s" 40
wait_for "its health is not known: check it, then U"
grep -q '"kind":"action.end".*"outcome":"unknown"' "$journal" || fail "no action.end unknown"
fault clear http-hang
sleep 3
! grep -q '"kind":"action.reconcile"' "$journal" || fail "a re-read settled a health nobody saw"
ok "a /readyz that never answers: UNKNOWN, left to the engineer (U), not re-read to OK"
quit_console

# A health_url that reaches no health endpoint: 404 is no verdict.
"$fleet" set-tag --dir "$fl" h1 all v1.5.0-bad > /dev/null
echo "2026-11-26T09:03:00Z deploy IMAGE_TAG=v1.4.1 services=api,jobs result=ok" >> "$app/releases.log"
sed 's|^health_url = .*|&/nope|' "$tmp/c.conf" > "$tmp/nope.conf"
url=$(sed -n 's/^health_url = //p' "$tmp/nope.conf")
start 200 50 "$WARROOM -c $tmp/nope.conf --incident nope"
wait_for "h1: healthz UNKNOWN (HTTP 404: is health_url right?), readyz UNKNOWN (HTTP 404: is health_url right?)" 15
keys A
keys -l "arm"
keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "the gate cannot pass: GET $url/readyz answers 404 now (is health_url right?)"
keys -l "api"
keys Enter
wait_for "rollback of api on h1 (docker compose up -d): UNKNOWN — api runs v1.4.1 but /readyz gave no health answer within 4 s (HTTP 404: is health_url right?)" 30
journal=$(ls "$fl"/timeline/nope-*.jsonl)
grep -q '"kind":"action.end".*"outcome":"unknown"' "$journal" || fail "no action.end unknown"
! grep -q '"kind":"action.end".*"outcome":"\(ok\|failed\)"' "$journal" || fail "an action.end ok or failed was recorded"
ok "a wrong health_url: UNKNOWN probes, a warning before, and an UNKNOWN rollback, not FAILED"
quit_console

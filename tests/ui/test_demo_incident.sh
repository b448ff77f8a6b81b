#!/bin/sh
# test_demo_incident.sh — the demo incident resolved end to end by
# keystrokes: a compose host on a bad tag shows ROLLBACK IMMEDIATELY
# (and LOGS follows the Helm release's pods);
# the status page goes to investigating; the rollback is confirmed and
# verified; health comes back and the verdict returns to OK; x runs the
# runbook's Verify on this fleet (its service's address and metrics token
# come from the config: nothing asked, the token never shown) and every
# item ends OK; the status page is resolved; the post-mortem export holds every step in order, and
# keeps a step ticked in the runbook file apart from the incident's ticks
# (said, neither done nor dropped), and a step whose work r did (its
# pull, its recreate with options of its own) is no follow-up; resumed, the incident
# does not record again a verdict it already holds.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo
"$fleet" set --dir "$fl" api-1 traffic_rps=500 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nprobe_interval = 1s\nmetrics_interval = 1s\nhealth_timeout = 20s/' \
	"$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf -r $top_srcdir/docs/runbooks/compose-rollback.md --incident 'demo: api 5xx after deploy'"

wait_re "^│api-1 +ROLLBACK IMMEDIATELY" 20
wait_re "error rate [0-9.]+% (\([0-9.]+ of [0-9.]+ requests\) )?> 5%" 5
ok "the bad tag: ROLLBACK IMMEDIATELY with the reason"

# The Helm release's logs stream (its pods by Helm's standard label).
keys 1 End Enter
wait_re "helm-bastion/api +[0-9]+ lines" 10
wait_re "^│.* api req=" 15
sleep 2
capture
assert_not_contains "$tmp/screen" "NOT STREAMING"
ok "LOGS follows the Helm release"

keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:"
post_status investigating
wait_for "status page: create investigating (incident " 15
ok "status page: investigating"

keys 1 Home r
wait_for "tag  v1.5.0-bad  ->  v1.4.1" 15
keys -l api; keys Enter
wait_for "rollback of api on api-1 (docker compose up -d): OK — api runs v1.4.1" 40
ok "rollback confirmed, verified and gated"

wait_re "^│api-1 +OK" 30
ok "health back: the verdict returns to OK"

# The runbook's Verify, as a first-time user runs it after the rollback.
token=$(cat "$fl/hosts/api-1/metrics.token")
keys 4 End Up Up Up
wait_re "> - 5\. Verify"
keys x
wait_for "CONFIRM RUNBOOK COMMAND"
wait_for "type api-1 and press Enter to run it"
assert_contains "$tmp/screen" "from the config, not typed: \$METRICS_TOKEN is api-1's metrics token from metrics_token_file, \$METRICS_URL is api-1's metrics_url"
assert_contains "$tmp/screen" 'curl -fsS -H "Authorization: Bearer [REDACTED]" "http://127.0.0.1:'
assert_not_contains "$tmp/screen" "$token"
keys -l api-1; keys Enter
wait_for "> - [OK api-1] 5. Verify" 20
keys x
wait_re "smoke GET http://127\.0\.0\.1:[0-9]+/healthz: OK — 200 \(expected 200\)" 10
wait_for "> - [OK api-1, SMOKE OK api-1] 5. Verify"
keys x
wait_for "Enter sends it, Esc posts nothing"
keys Enter
wait_for "status page: update monitoring (incident " 15
journal=$(ls "$fl"/timeline/*.jsonl)
grep -q '"kind":"action.end".*"outcome":"ok".*http_requests_total' "$journal" ||
	fail "Verify's commands did not end OK: $(grep '"kind":"action.end"' "$journal" | tail -n 1)"
! grep -qF "$token" "$journal" || fail "the metrics token reached the journal"
ok "x on Verify after the rollback: its commands reach this fleet's service and end OK, the smoke check OK, monitoring posted"

post_status resolved
wait_for "status page: resolve the incident (incident " 15
keys e
wait_for "exported " 10
quit_console
pm=$(ls "$fl"/timeline/*.postmortem.md)
# Every step, in the order it happened.
# A post that went through is its queue row, saying when it was posted.
grep -n 'verdict.change\|statuspage.queue\|action.intent\|action.end\|verdict.change' "$pm" > "$tmp/order" || true
awk '
	/verdict.change/ && /ROLLBACK IMMEDIATELY/ && !a { a = NR }
	/statuspage.queue/ && /create investigating/ && /posted/ && !b { b = NR }
	/action.intent/ && !c { c = NR }
	/action.end/ && !d { d = NR }
	/verdict.change/ && /\| OK/ && !e { e = NR }
	/statuspage.queue/ && /resolve the incident/ && /posted/ && !f { f = NR }
	END { exit !(a && b && c && d && e && f && a < c && b < c && c < d && d < e && e < f) }
' "$pm" || { grep -n '^|' "$pm" | head -60; fail "the post-mortem does not hold every step in order"; }
grep -qi 'rollback' "$pm" || fail "the post-mortem does not mention the rollback"
ok "the post-mortem holds every step in order"

# A step ticked in the file ("- [x]") is the author's, not this incident's:
# the post-mortem says so, and counts it apart from the steps done.
grep -qF -- '- [ ] Incident opened in warroom; the timeline is recording _(ticked in the runbook file, not during the incident)_' "$pm" ||
	{ sed -n '/^## Checklist/,$p' "$pm"; fail "a step ticked in the runbook file is not said so in the checklist"; }
grep -qF -- '- Incident opened in warroom; the timeline is recording (ticked in the runbook file only, never during the incident)' "$pm" ||
	{ sed -n '/^### Follow-ups/,$p' "$pm"; fail "a step ticked in the runbook file only is not a follow-up that says so"; }
grep -q -- '- Checklist: 0 of 15 steps ticked; 2 more whose action ran OK, not ticked; 1 more ticked only in the runbook file, never during the incident\.' "$pm" ||
	{ grep -- '- Checklist' "$pm"; fail "the summary counts a step ticked in the file as done"; }
ok "a step ticked in the runbook file is said so in the post-mortem, not counted as done"

# The rollback r ran pulled the good image: the step that pulls it is
# not left to do, though nobody ticked it.
grep -qE -- '^- \[ \] Pull the known-good image first, .*\(not ticked, but its rollback ran OK on api-1 at .* via r\)$' "$pm" ||
	{ sed -n '/^## Checklist/,$p' "$pm"; fail "the pull step does not say the rollback ran OK"; }
grep -q -- '^- Pull the known-good image first' "$pm" &&
	{ sed -n '/^### Follow-ups/,$p' "$pm"; fail "the pull step r did is a follow-up"; }
# So did its recreate: the step's `up -d --no-deps api jobs` is a
# recreate, though x would run it as written.
grep -qE -- '^- \[ \] Recreate both services on it.*\(not ticked, but its rollback ran OK on api-1 at .* via r\)$' "$pm" ||
	{ sed -n '/^## Checklist/,$p' "$pm"; fail "the recreate step does not say the rollback ran OK"; }
ok "a step whose work r did is said so, not a follow-up"

# Resumed: every host's verdict is computed again, and none that the
# timeline already holds is recorded twice.
journal=$(ls "$fl"/timeline/*.jsonl)
start 200 50 "$WARROOM -c $tmp/c.conf --incident 'demo: api 5xx after deploy'"
wait_for "incident.resume"
wait_re "^│api-1 +OK" 20
wait_re "^│k8s-bastion +ROLLBACK IMMEDIATELY" 20
sleep 2
quit_console
grep '"kind":"verdict.change"' "$journal" |
	sed 's/.*"host":"\([^"]*\)".*"verdict":"\([^"]*\)".*/\1 \2/' > "$tmp/verdicts"
awk '$1 in last && last[$1] == $2 { bad = 1 } { last[$1] = $2 } END { exit bad }' "$tmp/verdicts" ||
	fail "a verdict recorded twice in a row for one host: $(cat "$tmp/verdicts")"
ok "a resumed incident does not record the verdicts it already holds"

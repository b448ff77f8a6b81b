#!/bin/sh
# test_statuspage_runbook.sh — a runbook's `statuspage create name=…
# impact=…` reaches the page as written: the preview shows the title and
# the impact, the create carries them (Atlassian: incident.name and
# impact_override, over [statuspage] impact), and a later update never
# renames the incident. On Cachet the title goes and the preview says the
# page has no impact field. The post-mortem knows which step x posted
# from, or smoke-checked, though nobody ticked it; the steps' rows say so
# too ([POSTED], [POSTED, SMOKE OK h1]) like any step's outcome. A
# runbook with its own announce step tells the chat itself: its posts are
# not echoed there too (the box says so), so the team hears each news once.
# The post's and the smoke check's records say what their step held
# (runbook_code), so a step edited since is told apart.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
cat > "$tmp/rb.md" <<'MD'
# Drill

1. Tell customers

   ```warroom
   statuspage create name="Elevated API errors" status=investigating impact=minor
   ```

2. Say what we found

   ```warroom
   statuspage update status=identified message="Rolling back api"
   smoke url=/readyz expect=200
   ```

3. Tell the team

   ```warroom
   announce message="api is being rolled back"
   ```
MD
# count EXPR: recorded requests for which the Python expression on r holds.
count() {
	[ -f "$req" ] || { echo 0; return; }
	python3 - "$req" "$1" <<'PY'
import json, sys
print(sum(1 for l in open(sys.argv[1]) for r in [json.loads(l)] if eval(sys.argv[2])))
PY
}
# run_step N: x on runbook step N: a step that names its status is not
# asked for it again, straight to the text.
run_step() {
	keys x
	wait_for "Enter sends it, Esc posts nothing"
	assert_not_contains "$tmp/screen" "status page (investigating/identified/monitoring/resolved):"
}

fleet_up --hosts 1
req=$fl/statuspage/requests.jsonl
# [statuspage] is the config's last section: the runbook's impact beats this.
printf 'impact = major\n' >> "$fl/warroom.conf"
sed "\$a[chat]\nwebhook_url_file = $fl/chat.webhook" "$fl/warroom.conf" > "$tmp/chat.conf"
start 200 50 "$WARROOM -c $tmp/chat.conf -r $tmp/rb.md --incident 'api 5xx'"
wait_re "│> h1 +api +UP" 15
keys A; keys -l arm; keys Enter
keys 4 Down
wait_for "Tell customers"
run_step
wait_for "create investigating on the status page"
assert_contains "$tmp/screen" 'title "Elevated API errors"'
assert_contains "$tmp/screen" "impact minor"
assert_contains "$tmp/screen" "not echoed to the chat: this runbook tells the chat with its own announce step"
assert_not_contains "$tmp/screen" "and in the chat"
keys Enter
wait_for "status page: create investigating (incident " 20
wait_for "> [ ] $ [POSTED] Tell customers"
keys Down
run_step
wait_for "update identified on the status page"
keys Enter
wait_for "status page: update identified (incident " 20
wait_for "> [ ] $ [POSTED] Say what we found"
keys x
wait_re "smoke GET http://127\\.0\\.0\\.1:[0-9]+/readyz: OK" 10
wait_for "> [ ] $ [POSTED, SMOKE OK h1] Say what we found"
[ "$(count 'r["path"].startswith("/services/")')" = 0 ] ||
	{ cat "$req"; fail "a status-page post was echoed to the chat"; }
keys Down x
wait_for 'announce "api is being rolled back" to the chat? type announce: '
keys -l announce; keys Enter
i=0
until [ "$(count 'r["path"].startswith("/services/")')" = 1 ]; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 50 ] || { cat "$req"; fail "the announce step posted nothing"; }
done
quit_console
[ "$(count 'r["path"].startswith("/services/")')" = 1 ] ||
	{ cat "$req"; fail "the chat got the news more than once"; }
[ "$(count 'r["path"].startswith("/v1/") and r["method"] == "POST" and r["body"]["incident"]["name"] == "Elevated API errors" and r["body"]["incident"].get("impact_override") == "minor"')" = 1 ] ||
	{ cat "$req"; fail "the create did not carry the runbook's title and impact"; }
[ "$(count 'r["path"].startswith("/v1/") and r["method"] == "PATCH" and "name" not in r["body"]["incident"] and "impact_override" not in r["body"]["incident"]')" = 1 ] ||
	{ cat "$req"; fail "the update renamed the incident or sent an impact"; }
journal=$(ls "$fl"/timeline/api-5xx-*.jsonl)
grep '"kind":"statuspage.queue"' "$journal" | head -1 |
	grep -q '"name":"Elevated API errors".*"impact":"minor"' ||
	fail "the journal's queue record lacks the title and impact"
# What each step held when x sent from it: a step edited since is told apart.
grep '"kind":"statuspage.queue"' "$journal" | head -1 |
	grep -q '"runbook_step":"[^"]*","runbook_code":"[0-9a-f]\{12\}"' ||
	fail "the queue record does not say what its step held"
grep '"kind":"smoke"' "$journal" | grep -q '"runbook_step":"[^"]*","runbook_code":"[0-9a-f]\{12\}"' ||
	fail "the smoke record does not say what its step held"
"$WARROOM" export 'api 5xx' -c "$fl/warroom.conf" > "$tmp/pm.md" < /dev/null || fail "export"
grep -q '^- Tell customers (not ticked; x posted it to the status page at .*: posted)$' "$tmp/pm.md" ||
	{ cat "$tmp/pm.md"; fail "the follow-ups do not say x posted 'Tell customers'"; }
grep -q '^- Say what we found (not ticked; x ran its smoke check at .*: OK)$' "$tmp/pm.md" ||
	{ cat "$tmp/pm.md"; fail "the follow-ups do not say x smoke-checked 'Say what we found'"; }
ok "atlassian: the runbook's title and impact are previewed, created and journaled; the update keeps the title; the chat hears only the runbook's announce; the post-mortem says which steps x posted from"

fleet_down
rm -rf "$fl"
fleet_up --hosts 1 --statuspage-kind cachet
req=$fl/statuspage/requests.jsonl
start 200 50 "$WARROOM -c $fl/warroom.conf -r $tmp/rb.md --incident 'api 5xx'"
wait_re "│> h1 +api +UP" 15
keys A; keys -l arm; keys Enter
keys 4 Down
wait_for "Tell customers"
run_step
assert_contains "$tmp/screen" 'title "Elevated API errors"'
assert_contains "$tmp/screen" "impact minor: this status page has no impact field"
keys Enter
wait_for "status page: create investigating (incident " 20
quit_console
[ "$(count 'r["method"] == "POST" and r["body"].get("name") == "Elevated API errors" and "minor" not in json.dumps(r["body"])')" = 1 ] ||
	{ cat "$req"; fail "the cachet create did not carry the runbook's title"; }
ok "cachet: the title is created; the preview says there is no impact field"

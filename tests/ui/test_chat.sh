#!/bin/sh
# test_chat.sh — status-page components and templates, and the chat
# announcement, proven by the fleet's fake page and webhook: S posts the
# [templates] text filled from the incident (the rollback's service and
# tags once there is one) with the configured components and impact, and
# announces the same text to the webhook as {"text": …}, led by the title
# customers read (typed after Tab, the box having said the title was the
# internal --incident name); the webhook URL
# (a credential) never reaches the journal; a webhook answering 500 is
# retried until it takes the message; a redirect is never followed, and
# the header's CHAT badge says so until an announcement goes through; a
# runbook step's announce binding asks for the word, fills its {incident}
# as a post's text is, and names its step (runbook.load keeps the step's
# section for the post-mortem).
# Beside it, a console whose [chat] variable is not set and whose status
# page refuses its token says both at start and holds it, journals them,
# shows the refusal in the header, and its S box says the chat will NOT
# be told.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
command -v python3 > /dev/null 2>&1 || skip "python3 is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
req=$fl/statuspage/requests.jsonl
token=$(cat "$fl/statuspage.token")
{
	sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 20s/' "$fl/warroom.conf"
	echo "components = cmpapi000001=major_outage cmpexport001"
	echo "impact = major"
	echo "[chat]"
	echo "webhook_url_file = $fl/chat.webhook"
	echo "[templates]"
	echo "investigating = Checking {service} since {time} for {incident}."
} > "$tmp/c.conf"
# The n-th post to a path (the consoles' checks are GETs): method, status
# and body as one line.
nth() {
	python3 - "$req" "$1" "$2" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
rows = [r for r in rows if r["path"].startswith(sys.argv[2]) and r["method"] != "GET"]
n = int(sys.argv[3])
if len(rows) >= n:
    r = rows[n - 1]
    print(r["method"], r["status"], json.dumps(r["body"], sort_keys=True, ensure_ascii=False))
PY
}
count() { [ -f "$req" ] && grep -c "\"path\": \?\"$1" "$req" || echo 0; }
# Until the journal holds N chat.post records (the footer's last word may
# be the status page's, which answers in its own time).
posted() {
	i=0
	until [ "$(cat "$fl"/timeline/chat-drill-*.jsonl 2> /dev/null | grep -c '"kind":"chat.post"')" -ge "$1" ]; do
		sleep 0.2; i=$((i + 1))
		[ $i -lt "${2:-75}" ] || {
			grep -h '"kind":"chat\.' "$fl"/timeline/chat-drill-*.jsonl | cut -c1-300
			grep '/services/' "$req" | tail -5 | cut -c1-200
			fail "no chat.post number $1"
		}
	done
}

printf '# Tell the team\n\n1. Say it is back\n\n   ```warroom\n   announce message="drill: api is back ({incident})"\n   ```\n' > "$tmp/rb.md"
start 200 50 "$WARROOM -c $tmp/c.conf --incident chat-drill -r $tmp/rb.md"
echo wrong > "$tmp/wrong.token"
chmod 600 "$tmp/wrong.token"
sed -e "s|^token_file = .*|token_file = $tmp/wrong.token|" \
	-e 's|^webhook_url_file = .*|webhook_url_env = TEAM_SLACK_HOOK|' "$tmp/c.conf" > "$tmp/off.conf"
start_also off 200 50 "env -u TEAM_SLACK_HOOK $WARROOM -c $tmp/off.conf --incident chat-off"
off_started=$(date +%s)
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
# No runbook name=: the box says the title is the internal name, and Tab
# puts it in the footer to change (the text kept meanwhile).
keys S; keys -l investigating; keys Enter
wait_for 'title "chat-drill" (Tab edits it): the internal --incident name, as no runbook name= gave one'
keys Tab
wait_for "title: chat-drill"
keys C-u; keys -l "API errors"
wait_for 'title "API errors" (editing it below: Tab or Enter keeps it)'
assert_contains "$tmp/screen" "Checking the service since"
keys Tab
wait_for 'title "API errors"'
wait_for "text: Checking the service since"
keys Enter
posted 1
# The page's POST goes in its own time (a second after the start's check
# of the page), maybe after the chat's: until it is there.
i=0
until page=$(nth /v1/pages/ 1) && [ -n "$page" ]; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 75 ] || break
done
case "$page" in
*'"body": "Checking the service since '*' UTC for chat-drill."'*'"name": "API errors"'*) ;;
*) fail "status page body or title: $page" ;;
esac
case "$page" in *'"components": {"cmpapi000001": "major_outage", "cmpexport001": "partial_outage"}'*'"impact_override": "major"'*) ;;
*) fail "components or impact: $page" ;; esac
hook=$(nth /services/ 1)
case "$hook" in
'POST 200 {"text": "API errors (chat-drill) — investigating: Checking the service since '*' UTC for chat-drill."}') ;;
*) fail "webhook: $hook" ;;
esac
journal=$(ls "$fl"/timeline/chat-drill-*.jsonl)
grep -q '"kind":"chat.announce"' "$journal" && grep -q '"kind":"chat.post"' "$journal" ||
	fail "no chat.announce/chat.post records"
! grep -q "$token" "$journal" || fail "the webhook URL's secret reached the journal"
ok "S: the title typed after Tab, the template filled, components and impact sent, the same text announced under the public title; no URL in the journal"

keys r
wait_for "CONFIRM ROLLBACK"
keys -l api; keys Enter
wait_for "rollback of api on h1 (docker compose up -d): OK" 40
# v1.4.1 over v1.5.0-bad's migration: /readyz says the schema is ahead.
wait_for "200 ahead!" 20
post_status identified
posted 2
case "$(nth /services/ 2)" in
*'"text": "API errors (chat-drill) — identified: '*"The cause is release v1.5.0-bad of api; it is back on v1.4.1 (the database schema is ahead of it: 0042 vs 0041) since "[0-2][0-9]:[0-5][0-9]" UTC."*) ;;
*) fail "identified text: $(nth /services/ 2)" ;;
esac
ok "after a verified rollback the default words name the service, both tags, the schema left ahead and since when"

"$fleet" fault --dir "$fl" statuspage 500 > /dev/null
post_status monitoring
i=0
# Until the webhook itself met the 500 (the page's posts meet it too, and
# the page is asked first).
until [ "$(grep '/services/' "$req" | grep -c '"status": \?500')" -ge 1 ]; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 100 ] || fail "the webhook never met the 500"
done
# The fault's file goes at once (what `fleet fault statuspage clear`
# does, without a python start that a loaded machine ran 15 s late, past
# all five tries). Backoff 1, 2, 4, 8 s over five tries: a clear late
# still may leave the message to the last try, 15 s after the first.
rm -f "$fl/statuspage/fault"
posted 3 200
grep -q '"kind":"chat.retry"' "$journal" || fail "no chat.retry record"
[ "$(count /services/)" -ge 4 ] || fail "the webhook was not asked again"
ok "a 500 from the webhook is retried with backoff until it takes the message"

before=$(grep -c '"trap":true' "$req" || true)
"$fleet" fault --dir "$fl" statuspage redirect > /dev/null
post_status resolved
i=0
until grep -q '"kind":"chat.failed".*the webhook answered a redirect (307), which is never followed' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 100 ] || fail "no chat.failed record for the redirect"
done
"$fleet" fault --dir "$fl" statuspage clear > /dev/null
sleep 1
[ "$(grep -c '"trap":true' "$req" || true)" = "$before" ] || fail "a redirect was followed"
wait_for "CHAT: 1 FAILED (last HTTP 307): announce again"
ok "a redirect is never followed; the header keeps the failed announcement in sight"

keys 4 Down x
wait_for 'announce "drill: api is back (chat-drill)" to the chat? type announce: '
keys -l yes; keys Enter
wait_for "nothing announced: type announce to send it"
keys x
keys -l announce; keys Enter
posted 4
case "$(nth /services/ "$(count /services/)")" in
'POST 200 {"text": "drill: api is back (chat-drill)"}') ;;
*) fail "announce: $(nth /services/ "$(count /services/)")" ;;
esac
# Its record names the step, for the post-mortem's follow-ups.
grep -q '"kind":"chat.announce".*"text":"drill: api is back (chat-drill)".*"runbook_step":"rb.md:3"' "$journal" ||
	fail "the announcement's record does not name its runbook step"
# The checklist the post-mortem lists keeps each step's section.
grep -q '"kind":"runbook.load".*"title":"Say it is back","section":"Tell the team"' "$journal" ||
	fail "runbook.load does not keep the step's section"
i=0
until capture; ! head -1 "$tmp/screen" | grep -q "CHAT:"; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 50 ] || { cat "$tmp/screen"; fail "CHAT stays after a post"; }
done
ok "a runbook's announce binding asks for the word, then posts its message ({incident} filled in, as in a post), its step named; CHAT is gone"
# The page's retried posts through first: q asks while one is still to go.
i=0
until [ "$(grep -c '"kind":"statuspage.post"' "$journal")" -ge \
    "$(grep -c '"kind":"statuspage.queue"' "$journal")" ]; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 150 ] || fail "the page's posts never all went through"
done
quit_console

# The console beside it has run all along: what its start said is still
# there (held until a key: a message lasts 6 s), journalled, and the
# refusal is in its header.
session=off
waited=$(($(date +%s) - off_started))
[ "$waited" -gt 7 ] || sleep $((8 - waited))
wait_for 'chat unavailable: chat webhook URL: $TEAM_SLACK_HOOK is not set'
wait_for "status page: token refused (HTTP 401) (checked at start)"
wait_for "STATUS PAGE: token refused (HTTP 401): posts will fail"
off=$(ls "$fl"/timeline/chat-off-*.jsonl)
grep -q '"kind":"chat.unavailable".*"error":"chat webhook URL: \$TEAM_SLACK_HOOK is not set"' "$off" &&
	grep -q '"kind":"statuspage.check".*"http_status":401' "$off" ||
	{ cat "$off"; fail "the start's problems are not journalled"; }
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys S; keys -l investigating; keys Enter
wait_for 'the chat will NOT be told: unavailable: chat webhook URL: $TEAM_SLACK_HOOK is not set'
wait_for "this post will fail: the status page at start: token refused (HTTP 401)"
keys Escape
quit_console
ok "an unset webhook variable and a refused token: said and held at start, journalled, in the header and the S box"

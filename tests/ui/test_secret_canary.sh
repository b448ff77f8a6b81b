#!/bin/sh
# test_secret_canary.sh — one secret canary in every slot never comes out
# (DESIGN §3.3, §5): the status-page token file (0600), a metrics token
# file and a metrics token from the environment (the config names it), and
# in remote text: a log line with "Authorization: Bearer <canary>", a URL
# with ?access_token=<canary>, and DATABASE_URL=postgres://u:<canary>@h/db
# in a log line and in the output of the rollback's planning command
# (releases.log); a log line with a GitHub and a Slack token, a Slack
# webhook URL and a mysql -pPASSWORD, each the canary. A short incident in tmux — LOGS, a note, a status-page
# post, a rollback, e export, q — then `warroom export` in both formats:
# the journal, every export, every screen capture and stderr hold zero
# copies. A second canary in the chat's webhook URL stays off the screen
# from the first log line, without an incident too. (tests/cli/test_check_config.sh covers --check-config's output.)
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
canary="wrcanary$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
FLEET_TOKEN=$canary
export FLEET_TOKEN
fleet_up --hosts 2 --tag v1.5.0-bad --log-rate 5
unset FLEET_TOKEN
[ "$(cat "$fl/statuspage.token")" = "$canary" ] || fail "the fleet did not take FLEET_TOKEN"
[ "$(stat -c %a "$fl/statuspage.token")" = 600 ] || fail "statuspage.token is not 0600"
# h1 takes its metrics token from the environment, h2 from its 0600 file.
sed -e 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nprobe_interval = 1s\nmetrics_interval = 1s\nhealth_timeout = 20s/' \
    -e "s|^metrics_token_file = $fl/hosts/h1/metrics.token\$|metrics_token_env = WR_CANARY_METRICS|" \
    "$fl/warroom.conf" > "$tmp/c.conf"
grep -q '^metrics_token_env = WR_CANARY_METRICS$' "$tmp/c.conf" || fail "config not rewritten"

ts() { date -u +%Y-%m-%dT%H:%M:%S.000Z; }
plant_logs() {
	{
		echo "$(ts) WARN  api upstream said Authorization: Bearer $canary retrying"
		echo "$(ts) INFO  api GET https://cdn.example.com/a.js?access_token=$canary&v=2 status=200"
		echo "$(ts) INFO  api boot DATABASE_URL=postgres://u:$canary@h/db pool=5"
		echo "$(ts) INFO  api vendor ghp_$canary$canary xoxb-1-$canary https://hooks.slack.com/services/T1/B2/$canary mysql -uroot -p$canary shop"
	} >> "$fl/hosts/h1/logs/api.log"
}
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) deploy IMAGE_TAG=v1.4.1 services=api DATABASE_URL=postgres://u:$canary@h/db result=ok" \
	>> "$fl/hosts/h1/app/releases.log.tmp"
# Keep releases.log's last lines what the plan reads, plus the canary line
# before them.
{ cat "$fl/hosts/h1/app/releases.log.tmp"; cat "$fl/hosts/h1/app/releases.log"; } > "$tmp/rl"
cp "$tmp/rl" "$fl/hosts/h1/app/releases.log"
rm -f "$fl/hosts/h1/app/releases.log.tmp"

# A runbook command whose last line holds it: the outcome line (footer,
# HOSTS) quotes that line.
printf 'DATABASE_URL=postgres://u:%s@h/db\n' "$canary" > "$fl/hosts/h1/app/pool.txt"
cat > "$tmp/pool.md" <<'MD'
# Pool check

1. Show the pool

   ```bash
   cat pool.txt
   ```
MD

n=0
shot() { n=$((n + 1)); capture; cp "$tmp/screen" "$tmp/shot.$n"; }

start 220 50 "WR_CANARY_METRICS=$canary $WARROOM -c $tmp/c.conf --incident canary-drill -r $tmp/pool.md 2> $tmp/stderr"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
plant_logs
keys Enter
wait_for "Authorization: Bearer" 10
wait_for "access_token=" 5
wait_for "DATABASE_URL=" 5
wait_for "ghp_[REDACTED] xoxb-[REDACTED]" 5
shot
wait_re "h1 +(ROLLBACK IMMEDIATELY|CONSIDER ROLLBACK|MONITOR|OK)" 10
shot
ok "LOGS shows the planted lines"

keys n; wait_for "note:"; keys -l "db creds rotated, see vault"; keys Enter
wait_for "note stored" 5
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys S; wait_for "status page (investigating/identified/monitoring/resolved):"
keys -l investigating; keys Enter
wait_for "Enter sends it, Esc posts nothing"
keys Enter
wait_for "status page: create investigating (incident " 15
shot
keys r
wait_for "CONFIRM ROLLBACK" 10
shot
keys -l api; keys Enter
wait_for "rollback of api on h1 (docker compose up -d): OK" 40
plant_logs
sleep 1
shot
keys 4 ]
keys x
wait_for "CONFIRM RUNBOOK COMMAND" 10
keys -l h1; keys Enter
wait_for "runbook command: OK" 20
shot
keys 1
keys e
wait_for "exported " 10
shot
quit_console
shot
ok "note, status-page post, rollback, a runbook command, export and quit"

journal=$(ls "$fl"/timeline/canary-drill-*.jsonl)
id=$(basename "$journal" .jsonl)
"$WARROOM" export "$id" -c "$tmp/c.conf" --format md > "$tmp/export.md" 2>> "$tmp/stderr" || fail "export md"
"$WARROOM" export "$id" -c "$tmp/c.conf" --format json > "$tmp/export.json" 2>> "$tmp/stderr" || fail "export json"
grep -q '"kind":"statuspage.post"' "$journal" || fail "no statuspage.post in the journal"
grep -q '"kind":"action.end".*"outcome":"ok"' "$journal" || fail "no rollback in the journal"
grep -q '"kind":"note"' "$journal" || fail "no note in the journal"
grep -q 'Bearer' "$tmp"/shot.* || fail "the planted log lines never reached the screen"

# Everything warroom wrote: the journal and anything beside it (torn files,
# `e`'s exports), both exports, every screen, stderr.
hits=$(grep -rl -- "$canary" "$fl/timeline" "$tmp/export.md" "$tmp/export.json" \
    "$tmp"/shot.* "$tmp/stderr" 2> /dev/null || true)
[ -z "$hits" ] || { for f in $hits; do echo "--- $f:"; grep -n -- "$canary" "$f" | cut -c1-300; done;
	fail "the canary leaked into: $hits"; }
ls "$fl/timeline" | grep -q . || fail "nothing in the timeline directory"
ok "the canary is in none of: journal, exports, $n screens, stderr"

# The chat's webhook URL is a credential from the first line on, with or
# without an incident (the chat client itself starts only with one).
chatc="wrchat$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
printf '\n[chat]\nwebhook_url_env = WR_CANARY_CHAT\n' >> "$tmp/c.conf"
start 220 50 "WR_CANARY_CHAT=http://127.0.0.1:9/hooks/$chatc $WARROOM -c $tmp/c.conf 2> $tmp/stderr2"
wait_re "│> h1 +api +UP" 15
echo "$(ts) INFO  api notifier posting to http://127.0.0.1:9/hooks/$chatc" >> "$fl/hosts/h1/logs/api.log"
keys Enter
wait_for "notifier posting to" 10
shot
quit_console
! grep -l -- "$chatc" "$tmp/shot.$n" "$tmp/stderr2" || fail "the chat webhook URL reached the screen"
ok "the chat webhook URL is redacted from the start, without an incident too"

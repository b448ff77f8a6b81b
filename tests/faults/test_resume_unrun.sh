#!/bin/sh
# test_resume_unrun.sh — a console killed (-9) with a rollback confirmed
# while its re-read before running hangs, and a status-page post queued
# while the page hangs. The journal holds the confirmation
# (action.confirmed) and no intent; the next console names it in its
# incident.resume, records it refused (confirmed, nothing ran, with its
# op), and says so at its start with the warning that the console before
# ended without shutting down. When the queued post goes out at that
# start, its words come after that warning, not instead of it; a key
# then lets the warning go. Nothing but reads ran on the host, and the
# post-mortem lists the rollback as refused with when it was confirmed.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
# No poll between the dialog and the re-read: the hang lands on the re-read.
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 60s/' "$fl/warroom.conf" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident unrun"
changes() { grep -cE '"(pull|up)"' "$log" || true; }
console_pid() { ps -o pid= --ppid "$(tmx display -p -t t '#{pane_pid}')" | tr -d ' ' | head -1; }

"$fleet" fault --dir "$fl" statuspage hang > /dev/null
start 200 50 "$wr"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
journal=$(ls "$fl"/timeline/unrun-*.jsonl)
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
post_status monitoring
i=0
until grep -q '"kind":"statuspage.queue"' "$journal"; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 100 ] || fail "the post was never queued"
done
keys r
wait_for "type api and press Enter" 15
"$fleet" fault --dir "$fl" h1 hang-next 30 > /dev/null
keys -l api; keys Enter
i=0
until grep -q '"kind":"action.confirmed"' "$journal"; do
	sleep 0.05; i=$((i + 1)); [ $i -lt 100 ] || fail "the confirmation was not journalled"
done
sleep 1                      # the re-read hangs on the host
op=$(sed -n 's/.*"kind":"action.confirmed".*"op":"\([^"]*\)".*/\1/p' "$journal")
[ -n "$op" ] || fail "action.confirmed has no op: $(grep action.confirmed "$journal")"
grep -q '"kind":"action.intent"' "$journal" && fail "an intent before the re-read ended"
kill -9 "$(console_pid)"
wait_for "exit=137"
"$fleet" fault --dir "$fl" statuspage clear > /dev/null
ok "kill -9 during the re-read: the confirmation is journalled, no intent"

start 200 50 "$wr"
wait_re "status page: (create|update) monitoring \\(incident" 20
# The footer's rows as one line: the warning first, the post after it.
tail -6 "$tmp/screen" | tr '\n' ' ' | tr -s ' ' > "$tmp/footer"
grep -qE "resumed incident unrun-[a-z0-9]+: the console of [^ ]+@[^ ]+, pid [0-9]+, ended without shutting down while armed \(last record [0-9:]+ UTC\) \| rollback of api on h1 \(v1\.5\.0-bad → v1\.4\.1\), confirmed at [0-9:]+ UTC: never ran, no intent was recorded after its confirmation \(nothing was sent; run it again if it is still wanted\) \| status page: (create|update) monitoring \(incident " \
	"$tmp/footer" || { cat "$tmp/screen"; fail "the footer: $(cat "$tmp/footer")"; }
ok "the resume's warning leads the footer; the queued post's words come after it"
keys Tab
i=0
while capture && grep -qF "ended without shutting down" "$tmp/screen"; do
	sleep 0.05; i=$((i + 1)); [ $i -lt 100 ] || fail "the warning stayed after a key"
done
ok "a key lets the warning go"

grep "\"kind\":\"action.refused\".*\"op\":\"$op\"" "$journal" | grep '"confirmed":true' |
	grep '"confirmed_ts":' | grep -q 'never ran, no intent was recorded after its confirmation' ||
	fail "no refusal for $op: $(grep action.refused "$journal")"
grep '"kind":"incident.resume"' "$journal" | tail -1 | grep -q '"confirmed_not_run":\["rollback of api on h1' ||
	fail "the resume does not name it: $(grep incident.resume "$journal" | tail -1)"
grep -q "\"kind\":\"action.intent\".*\"op\":\"$op\"" "$journal" && fail "$op got an intent"
[ "$(changes)" = 0 ] || fail "something changed the host: $(grep -E '"(pull|up)"' "$log")"
ok "journalled refused (confirmed, nothing ran) with its op; only reads reached the host"

quit_console
"$WARROOM" export "$(basename "$journal" .jsonl)" -c "$tmp/c.conf" -o "$tmp/pm.md" ||
	fail "export failed"
grep -q "1 cancelled after confirming (nothing ran)" "$tmp/pm.md" ||
	fail "the summary: $(grep -- '- [0-9]* action' "$tmp/pm.md")"
grep -q "| rollback (docker compose up -d) | h1 | [^|]* | api v1.5.0-bad → v1.4.1 | .* | — | cancelled | rollback of api on h1 (v1.5.0-bad → v1.4.1), confirmed at .* UTC; never ran, no intent was recorded after its confirmation" \
	"$tmp/pm.md" || fail "the Actions row: $(grep '| cancelled |' "$tmp/pm.md")"
grep -q "| action.confirmed | h1 | confirmed: rollback of api on h1, v1.5.0-bad → v1.4.1; re-read before it runs |" \
	"$tmp/pm.md" || fail "the confirmation's row: $(grep action.confirmed "$tmp/pm.md")"
ok "the post-mortem lists the rollback confirmed and cancelled, nothing ran"

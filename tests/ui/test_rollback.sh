#!/bin/sh
# test_rollback.sh — rolling a Compose service back from the console,
# proven against the fleet's commands.log and the incident journal:
# refused unarmed and in read-only mode; the dialog shows the plan and
# Enter alone or Esc runs nothing; the typed name runs pull and up -d once,
# after action.intent, then verifies and gates on /readyz (OK); a plan gone
# stale (another deploy meanwhile) runs nothing, and so does one whose host
# cannot be read again before it runs (journalled, said until a key); a
# pull that fails ends FAILED with the reason; sshd killed mid-action ends
# UNKNOWN and the host is re-read once it is back; warroom killed -9
# mid-action comes back with the action UNKNOWN (never re-run) and
# re-reads the host.
# A --read-only console beside it only watches: started before the
# incident exists it creates nothing and follows the journal once the
# console that acts opens it; started while that console is dead it shows
# the action with no outcome yet, refuses n, Space and U, writes no
# record (no resume, no reconcile, no shutdown), and shows what the acting
# console records (its resume, re-read, notes) within seconds.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
app=$fl/hosts/h1/app
mutating() { grep -c '"mutating":true' "$log" 2> /dev/null || true; }
# Tried again every second while DOWN: back as soon as sshd is.
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 20s\nreconnect_max_interval = 1s/' \
	"$fl/warroom.conf" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident rollback-drill"
ready() { wait_re "│>[ !]h1 +api +UP +v1\\.5\\.0-bad" 15; }
# h1 is running `compose up -d` now (the fleet lists each shim in progress
# under running/ from its start); up_done waits until it has ended.
up_running() { cat "$fl"/hosts/h1/running/* 2> /dev/null | grep -q ' up -d'; }
up_started() {
	i=0
	until up_running; do
		sleep 0.02; i=$((i + 1)); [ $i -lt 1000 ] || fail "up -d never started on h1"
	done
}
up_done() {
	i=0
	while up_running; do
		sleep 0.1; i=$((i + 1)); [ $i -lt 300 ] || fail "up -d on h1 never ended"
	done
}
watching="refused: read-only mode: this console only watches and writes nothing"
# refused KEY — KEY in the current session is refused as a watcher's (an
# unbound key first, so the footer's message is this key's).
refused() {
	keys Q
	wait_for "Q is not bound to anything"
	keys "$1"
	wait_for "$watching"
}
# header_clear TEXT — until the header line no longer shows TEXT.
header_clear() {
	i=0
	while capture; head -1 "$tmp/screen" | grep -qF -- "$1"; do
		sleep 0.1; i=$((i + 1)); [ $i -lt 100 ] || { head -1 "$tmp/screen"; fail "'$1' stayed in the header"; }
	done
}
count() { grep -c "\"kind\":\"$1\"" "$journal" || true; }

start 200 50 "$wr --read-only"
ready
wait_for "watching: no journal for incident rollback-drill yet"
keys A
wait_for "$watching"
keys r
wait_for "refused: read-only mode: nothing can change production"
ls "$fl"/timeline/rollback-drill-* > /dev/null 2>&1 && fail "a read-only console created the journal"
# The console that acts opens the incident: the watcher follows it.
start_also op 200 50 "$wr"
wait_for "incident.open rollback-drill" 10
session=op
ready
quit_console
session=t
quit_console
[ "$(mutating)" = 0 ] || fail "something mutating reached the host in read-only mode"
journal=$(ls "$fl"/timeline/rollback-drill-*.jsonl)
[ "$(count shutdown)" = 1 ] || fail "the watcher recorded its quitting: $(count shutdown) shutdown records"
ok "read-only: arming and rollback refused, nothing sent or created; the journal followed once it appeared"

start 200 50 "$wr"
ready
keys r
wait_for "refused: console not armed"
keys A
keys -l "yes"
keys Enter
wait_for "not armed: type arm to arm"
keys A
keys -l "arm"
keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "CONFIRM ROLLBACK"
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "tag  v1.5.0-bad  ->  v1.4.1"
assert_contains "$tmp/screen" "IMAGE_TAG='v1.4.1' docker compose --env-file .env -f docker-compose.yml pull 'api'"
assert_contains "$tmp/screen" "IMAGE_TAG='v1.4.1' docker compose --env-file .env -f docker-compose.yml up -d 'api'"
# The footer shows the dialog's keys, not what was said while it was planned.
tail -1 "$tmp/screen" | grep -q "Enter confirms once api is typed  Esc cancel" ||
	fail "the dialog's footer does not show its keys: $(tail -1 "$tmp/screen")"
# As high as its plan: the LOGS pane below it stays in view.
[ "$(grep -n '\[ Cancel \]' "$tmp/screen" | cut -d: -f1)" -lt 30 ] ||
	fail "the dialog fills the screen: $(cat "$tmp/screen")"
# At 80x24 what else the rollback changes is in view without scrolling,
# above the commands: the .env line it rewrites and jobs, which runs the
# same bad tag. Every command still shows whole (the shared cd said once,
# a long line wrapped, not cut), PgDn away when the list does not fit.
resize 80 24
# The buttons are the frame's last rows: once they show, the rest has.
wait_for "[ Roll back ]" 5
assert_contains "$tmp/screen" ".env changes too: IMAGE_TAG=v1.5.0-bad -> v1.4.1, once api is"
assert_contains "$tmp/screen" "jobs also runs v1.5.0-bad, very likely from this IMAGE_TAG:"
assert_contains "$tmp/screen" "will run, in order, on the host, in "
# A frame caught half redrawn after the resize may lack the first
# command's wrapped line: the top is kept once it shows.
wait_for "docker-compose.yml pull 'api'" 5
cp "$tmp/screen" "$tmp/top"
keys PgDn
wait_re "▲ [0-9]+ more lines?: PgUp" 5
# Both pages together (a file of its own: assert_contains captures the
# pane again when it reads $tmp/screen).
cat "$tmp/top" "$tmp/screen" > "$tmp/pages"
assert_contains "$tmp/pages" "docker-compose.yml pull 'api'"
assert_contains "$tmp/pages" "docker-compose.yml up -d 'api'"
# The header gives way with the date, never with the ARMED badge.
head -1 "$tmp/screen" | grep -q "ARMED 1[45]:[0-9][0-9] " ||
	{ head -1 "$tmp/screen"; fail "the ARMED badge is cut at 80 columns"; }
resize 200 50
wait_for "IMAGE_TAG='v1.4.1' docker compose --env-file .env -f docker-compose.yml up -d 'api'" 5
keys Enter
wait_for "type api to confirm, or Esc to cancel"
keys -l "ap"
keys Enter
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
[ "$(mutating)" = 0 ] || fail "a cancelled dialog sent something"
ok "unarmed refused; the dialog shows the plan; Enter alone, a wrong name and Esc run nothing"

keys r
wait_for "CONFIRM ROLLBACK"
keys -l "api"
keys Enter
wait_for "rollback of api on h1 (docker compose up -d): OK — api runs v1.4.1 and /readyz answers 200" 40
[ "$(grep -c '"argv":\["docker","compose","--env-file",".env","-f","docker-compose.yml","pull","api"\]' "$log")" = 1 ] ||
	{ grep mutating\":true "$log"; fail "pull did not run exactly once"; }
[ "$(grep -c '"argv":\["docker","compose","--env-file",".env","-f","docker-compose.yml","up","-d","api"\]' "$log")" = 1 ] ||
	fail "up -d did not run exactly once"
journal=$(ls "$fl"/timeline/rollback-drill-*.jsonl)
intent_ts=$(grep '"kind":"action.intent"' "$journal" | head -1 | sed 's/.*"ts":"\([^"]*\)".*/\1/')
pull_ts=$(grep '"pull","api"' "$log" | head -1 | sed 's/.*"ts":"\([^"]*\)".*/\1/')
[ -n "$intent_ts" ] && [ "$intent_ts" \< "$pull_ts" ] || fail "action.intent ($intent_ts) not before the pull ($pull_ts)"
grep -q '"kind":"action.end".*"outcome":"ok"' "$journal" || fail "no action.end ok"
# What each step printed is in the journal too, for the post-mortem.
grep -q '"kind":"action.output".*"step":"pull","exit":0.*api Pulled' "$journal" ||
	fail "no action.output of the pull: $(grep action.output "$journal")"
grep -q '"kind":"action.output".*"step":"up -d","exit":0' "$journal" || fail "no action.output of up -d"
! grep -q '"kind":"action.output".*"Command"' "$journal" || fail "a read's JSON went to action.output"
tail -1 "$app/releases.log" | grep -q "rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom" ||
	fail "releases.log not appended"
wait_re "│>[ !]h1 +api +UP +v1\\.4\\.1 " 10
wait_for "h1/api: rollback v1.5.0-bad -> v1.4.1: OK — api runs v1.4.1 and /readyz answers 200"
# The probes asked at the end answer before the driver re-reads the tag:
# no health.change after the end pairs their /readyz with the tag the
# rollback left (HOSTS shows v1.4.1: the re-read is in).
stale=$(awk '/"kind":"action.end".*"outcome":"ok"/ { ended = 1 }
	ended && /"kind":"health.change"/ && /"tag":"v1\.5\.0-bad"/' "$journal")
[ -z "$stale" ] || fail "a health.change after the rollback's end says v1.5.0-bad: $stale"
# LOGS shows what the steps printed, not the JSON the action read for itself.
assert_contains "$tmp/screen" "[rollback h1/api]  ✔ api Pulled"
assert_not_contains "$tmp/screen" '[rollback h1/api] {"Command"'
assert_not_contains "$tmp/screen" "---warroom-releases---"
ok "confirmed: intent stored first, pull and up -d once, verified, gated, OK, releases.log noted, no stale tag after"

# Stale: another deploy lands between the plan and the confirmation.
"$fleet" set-tag --dir "$fl" h1 all v1.5.0-bad > /dev/null
wait_re "│>[ !]h1 +api +UP +v1\\.5\\.0-bad" 15
before=$(mutating)
keys r
wait_for "CONFIRM ROLLBACK"
"$fleet" set-tag --dir "$fl" h1 all v1.6.0 > /dev/null
keys -l "api"
keys Enter
wait_for "plan is stale: api now runs v1.6.0, not v1.5.0-bad as planned; nothing ran" 15
[ "$(mutating)" = "$before" ] || fail "a stale plan sent something"
ok "a stale plan runs nothing"

# Confirmed, but the host cannot be read again before it runs: nothing
# runs, and that is journalled with why (action.refused, confirmed), the
# message kept until a key.
keys r
wait_for "CONFIRM ROLLBACK"
"$fleet" fault --dir "$fl" h1 sshd-stop > /dev/null
keys -l "api"
keys Enter
wait_re "rollback of api on h1 \\(docker compose up -d\\): CANCELLED — .*; nothing ran" 20
said=$(date +%s)
grep '"kind":"action.refused"' "$journal" | grep '"confirmed":true' | grep -q 'nothing ran' ||
	fail "a confirmed rollback that never ran is not journalled: $(grep action.refused "$journal")"
"$fleet" fault --dir "$fl" h1 sshd-start > /dev/null
wait_re "│>[ !]h1 +api +UP" 30
left=$((7 - ($(date +%s) - said)))
[ "$left" -le 0 ] || sleep "$left"
capture
grep -qE "rollback of api on h1 \\(docker compose up -d\\): CANCELLED — .*; nothing ran" "$tmp/screen" ||
	{ cat "$tmp/screen"; fail "the message was not kept until a key"; }
[ "$(mutating)" = "$before" ] || fail "a rollback that could not re-read its host sent something"
ok "confirmed but not re-read before running: nothing sent, journalled with why, said until a key"

# FAILED: the target's image cannot be pulled.
echo "2026-11-26T09:00:00Z deploy IMAGE_TAG=v0.0.0-nonexistent services=api,jobs result=ok" >> "$app/releases.log"
keys r
wait_for "CONFIRM ROLLBACK"
# The timeline's v1.4.1 comes first; the newest releases.log tag next.
wait_for "> v1.4.1  (ran here earlier, per the timeline)"
keys Down
wait_for "tag  v1.6.0  ->  v0.0.0-nonexistent"
keys -l "api"
keys Enter
wait_for "rollback of api on h1 (docker compose up -d): FAILED — pull exited 18: Error response from daemon: manifest for" 30
grep -q '"kind":"action.end".*"outcome":"failed"' "$journal" || fail "no action.end failed"
ok "a failing pull ends FAILED with the reason"

# UNKNOWN: the connection drops in the middle; then the host is re-read.
# up -d pauses 8 s on the host: the fleet tool alone takes seconds to
# start on a loaded machine, and its sshd-stop must land inside the pause.
echo "2026-11-26T09:01:00Z deploy IMAGE_TAG=v1.4.1 services=api,jobs result=ok" >> "$app/releases.log"
"$fleet" set --dir "$fl" h1 recreate_seconds=8 > /dev/null
keys r
wait_for "tag  v1.6.0  ->  v1.4.1"
keys -l "api"
keys Enter
up_started                   # up -d is now recreating on the host
"$fleet" fault --dir "$fl" h1 sshd-stop > /dev/null
wait_for "rollback of api on h1 (docker compose up -d): UNKNOWN" 30
# The dropped up -d still deploys v1.4.1: the re-read below reads that,
# not a host caught in the middle of it.
up_done
grep -q '"kind":"action.end".*"outcome":"unknown"' "$journal" || fail "no action.end unknown"
# The header keeps it in sight after the footer's message is gone.
head -1 "$tmp/screen" | grep -q " 1 UNKNOWN: host not read back yet " ||
	{ head -1 "$tmp/screen"; fail "no UNKNOWN badge in the header"; }
"$fleet" fault --dir "$fl" h1 sshd-start > /dev/null
i=0
until grep -q '"kind":"action.reconcile"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 400 ] || fail "no action.reconcile after sshd returned"
done
[ "$(grep -c '"up","-d","api"' "$log")" -le 2 ] || fail "up -d ran more than once for the dropped action"
wait_for "re-read after reconnect: api runs" 5
head -1 "$tmp/screen" | grep -q "UNKNOWN" && { head -1 "$tmp/screen"; fail "the UNKNOWN badge stayed after the re-read"; }
ok "a dropped connection ends UNKNOWN (never a guess), and the host is re-read when it returns"
# The re-read ran the .env step the drop came before, as the OK path does.
grep -q '^IMAGE_TAG=v1.4.1$' "$app/.env" || fail "the re-read left .env: $(grep IMAGE_TAG "$app/.env")"
# .env edited back by hand: the row says so after the footer has moved
# on, and after a restart (the env.check record).
sed -i 's/^IMAGE_TAG=.*/IMAGE_TAG=v1.6.0/' "$app/.env"
wait_re "│>[ !]h1 +api +UP +v1\\.4\\.1 \\.env! " 30
assert_contains "$tmp/screen" "h1: .env says v1.6.0, api runs v1.4.1: a plain \`up -d\` would start v1.6.0 in place of v1.4.1"
quit_console
start 200 50 "$wr"
wait_re "│>[ !]h1 +api +UP +v1\\.4\\.1 \\.env! " 15
ok "HOSTS marks the row while .env names another tag, after a restart too"
quit_console
firsts() { grep '"kind":"health.change"' "$journal" | grep -c '"first":true' || true; }
nfirst=$(firsts)

# kill -9 in the middle: on restart the action is UNKNOWN and only re-read.
# up -d pauses 4 s: the kill (no fleet tool to start) lands well inside it.
up_done                      # the dropped up -d above has finished on the host
"$fleet" set --dir "$fl" h1 recreate_seconds=4 > /dev/null
"$fleet" set-tag --dir "$fl" h1 all v1.5.0-bad > /dev/null
start 200 50 "$wr"
ready
keys A
keys -l "arm"
keys Enter
keys r
wait_for "tag  v1.5.0-bad  ->  v1.4.1"
ups=$(grep -c '"up","-d","api"' "$log")
pulls=$(grep -c '"pull","api"' "$log")
keys -l "api"
keys Enter
up_started                   # pulled; up -d runs on once the console is gone
[ "$(grep -c '"pull","api"' "$log")" -gt "$pulls" ] || fail "the pull never ran"
pkill -9 -f "src/warroom -c $tmp/c.conf" || fail "cannot kill the console"
# A watcher now: the action has no outcome in the journal, and nothing is
# the watcher's to settle or record.
lines=$(wc -l < "$journal")
start_also w 200 50 "$wr --read-only"
session=w
wait_for " 1 UNKNOWN UNTIL A CONSOLE RESUMES " 10
wait_re "│>[ !]h1 +api +UP " 15
refused n
assert_not_contains "$tmp/screen" "note:"
refused Space
refused U
up_done                      # the orphaned up -d finishes on the host
[ "$(wc -l < "$journal")" = "$lines" ] || { tail -n +$((lines + 1)) "$journal"; fail "the watcher wrote to the journal"; }
ok "a watcher started while the acting console is dead: UNKNOWN until a console resumes, n/Space/U refused, nothing written"
start_also op 200 50 "$wr"
session=op
# The footer's UNKNOWN, or (re-read already) HOSTS' "before it: UNKNOWN, …".
wait_for "began in an earlier session" 15
i=0
until [ "$(grep -c '"kind":"action.reconcile"' "$journal")" -ge 2 ]; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 300 ] || fail "the adopted action was not re-read"
done
[ "$(grep -c '"up","-d","api"' "$log")" -eq $((ups + 1)) ] || fail "up -d did not run exactly once"
keys n
wait_for "note:" 15
keys -l "seen from the watcher"
keys Enter
# The journal, not the footer's passing "note stored": a re-read's
# outcome may take the footer first.
i=0
until grep -q '"kind":"note".*seen from the watcher' "$journal"; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 150 ] || fail "the note was not stored"
done
session=w
wait_for "seen from the watcher" 15
header_clear "UNKNOWN"
header_clear "NO OUTCOME"
shutdowns=$(count shutdown)
quit_console
[ "$(count shutdown)" = "$shutdowns" ] || fail "the watcher's quitting was recorded as a shutdown"
[ "$(count action.reconcile)" = 2 ] || fail "$(count action.reconcile) reconciles: the watcher settled one too"
session=op
quit_console
ok "kill -9 mid-action: UNKNOWN on restart, re-read, never re-run (up -d ran once); the watcher showed it all and settled nothing"

# Resumed twice: a restart records what changed while the console was
# away, not every row's first reading again.
[ "$(firsts)" = "$nfirst" ] || fail "a resume recorded first readings again: $(firsts) vs $nfirst"
ok "a resumed incident records only what changed meanwhile"

#!/bin/sh
# test_runbook_command.sh — running a runbook's command blocks from the
# RUNBOOK pane with x, proven on the host: placeholders are asked for one
# by one and never guessed (a value that would need quoting is refused,
# Esc runs nothing); the filled script is shown in full and runs once in
# the Compose directory after the host's name is typed, stopping at the
# first command that fails (FAILED, naming it); a step with
# IMAGE_TAG=<tag> … up -d goes through the built-in, verified rollback to
# the typed tag, but runs as written, whole, when it holds another command
# too (its dialog then saying nothing verifies the rollback), and is refused whole when it names a service the host does not
# run; alembic downgrade gets its own dialog with a warning and is gated
# on /readyz reporting the migrations current; a secret-looking
# placeholder is typed hidden (bullets, never echoed, refused without its
# value), shown and journalled [REDACTED], while $HEALTH_URL, $METRICS_URL
# and the metrics token come from the host's config, not asked; `warroom`
# bindings (statuspage, killswitch) start their built-in action; a smoke
# check of /readyz whose migrations are not current is WARN, never OK,
# and one of the host's metrics_url carries its metrics token. A tag
# placeholder says what the services run now.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
app=$fl/hosts/h1/app
# wait_journal PATTERN SECONDS — until the incident journal holds PATTERN.
wait_journal() {
	i=0
	until grep -q "$1" "$journal" 2> /dev/null; do
		i=$((i + 1))
		[ "$i" -lt $(($2 * 10)) ] || fail "the journal never held $1"
		sleep 0.1
	done
}
mutating() { grep -c '"mutating":true' "$log" 2> /dev/null || true; }
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
cat > "$tmp/drill.md" <<'MD'
# Drill

## Steps

1. Note who checked

   ```bash
   echo "checked by $OPERATOR" >> drill.log
   ```

2. Pin the tag

   ```bash
   IMAGE_TAG=<tag> docker compose --env-file .env up -d api
   ```

3. Downgrade the schema

   ```bash
   docker compose --env-file .env run --rm api alembic downgrade -1
   ```

4. Start the extras

   ```bash
   docker compose --profile extra up -d nosuchsvc
   docker compose --profile extra ps api
   ```

5. Pin the tag and look

   ```bash
   IMAGE_TAG=<tag> docker compose up -d api && docker compose --profile check ps api
   ```

6. Pin api and worker

   ```bash
   IMAGE_TAG=<tag> docker compose up -d api worker
   ```

7. Check the database

   ```bash
   echo "$DB_PASSWORD" > pw.txt
   curl -fsS -H "Authorization: Bearer $METRICS_TOKEN" "$METRICS_URL" > /dev/null
   curl -fsS "$HEALTH_URL/readyz"
   ```

## Tell customers

```warroom
statuspage create name="Drill" status=investigating message="Drill on {service}."
```

## Exports

```warroom
killswitch export off service=api
```

## Smoke

```warroom
smoke url=/readyz expect=200
```

## Metrics

```warroom
smoke url=/metrics expect=200
```

## Tell the team

```warroom
announce message="drill done"
```
MD
start 200 50 "$WARROOM -c $tmp/c.conf --incident drill -r $tmp/drill.md"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys 4
keys ]
keys x
wait_for "refused: console not armed"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"

keys x
wait_for 'on h1, $OPERATOR (1 of 1) = '
keys Escape
wait_for "nothing ran"
keys x
wait_for 'on h1, $OPERATOR (1 of 1) = '
keys -l 'alice; reboot'
keys Enter
wait_for "'alice; reboot' refused: only letters, digits and ._:/@+=,- (nothing is quoted for you) | on h1, \$OPERATOR (1 of 1) = "
keys -l alice
keys Enter
wait_for "CONFIRM RUNBOOK COMMAND"
wait_for "type h1 and press Enter to run it"
assert_contains "$tmp/screen" "cd '$app' || exit 1"
assert_contains "$tmp/screen" 'echo "checked by alice" >> drill.log'
[ ! -e "$app/drill.log" ] || fail "the command ran before the confirmation"
keys -l h1
keys Enter
wait_for "runbook command of api on h1: OK — run exited 0" 20
[ "$(cat "$app/drill.log")" = "checked by alice" ] || fail "drill.log: $(cat "$app/drill.log")"
journal=$(ls "$fl"/timeline/drill-*.jsonl)
grep -q '"kind":"action.intent".*"runbook.command".*checked by alice' "$journal" ||
	fail "no action.intent with the filled script"
ok "placeholders asked and checked, Esc runs nothing, the shown script runs once in compose_dir"

keys ]
keys x
# A tag: beside it, what the host's services run now.
wait_for 'on h1 (api, jobs at v1.5.0-bad), <tag> (1 of 1) = '
keys -l v1.4.1
keys Enter
wait_for "CONFIRM ROLLBACK"
wait_for "tag  v1.5.0-bad  ->  v1.4.1"
keys -l api
keys Enter
wait_for "rollback of api on h1 (docker compose up -d): OK — api runs v1.4.1 and /readyz answers 200" 40
[ "$(grep -c '"up","-d","api"' "$log")" = 1 ] || fail "up -d api did not run once"
ok "IMAGE_TAG=<tag> … up -d runs as the verified rollback to the typed tag"

keys ]
keys x
wait_for "CONFIRM MIGRATION DOWNGRADE"
wait_for 'type "downgrade api" and press Enter to downgrade'
assert_contains "$tmp/screen" "DATABASE CHANGE: the schema goes one revision down"
assert_contains "$tmp/screen" "run --rm 'api' alembic downgrade -1"
keys -l "downgrade api"
keys Enter
wait_for "migration downgrade of api on h1: OK — alembic downgrade -1 ran; /readyz answers 200 with the migrations current" 40
[ "$(grep -c 'alembic","downgrade","-1"' "$log")" = 1 ] || fail "alembic downgrade did not run once"
ok "alembic downgrade: its own dialog with a warning, run once, gated on current migrations"

keys ]
keys x
wait_for "CONFIRM RUNBOOK COMMAND"
wait_for "type h1 and press Enter to run it"
assert_contains "$tmp/screen" "set -e: it stops at the first command that fails"
assert_contains "$tmp/screen" "docker compose --profile extra ps api"
keys -l h1
keys Enter
stopped='run stopped at `docker compose --profile extra up -d nosuchsvc` (exit 1): no such service: nosuchsvc'
wait_journal '"kind":"action.end".*"outcome":"failed"' 20
grep '"kind":"action.end"' "$journal" | tail -n 1 | grep -qF "$stopped" ||
	fail "the outcome does not name the failed command: $(tail -n 1 "$journal")"
wait_for "[FAILED h1] Start the extras"
grep -q '"--profile","extra","up","-d","nosuchsvc"\].*"exit":1' "$log" ||
	fail "up -d nosuchsvc did not run and fail: $(grep nosuchsvc "$log")"
! grep -q '"--profile","extra","ps"' "$log" || fail "the script went on after the failed command"
ok "a script stops at its first failing command, FAILED naming it"

# A known command beside another: the whole block, as written.
keys ]
keys Enter
wait_for "x runs as written: it also runs"
keys Escape
keys x
wait_re 'on h1 \(api at v1\.4\.1; jobs at v1\.5\.0-bad\), <tag> \(1 of 1\) = '
keys -l v1.4.1
keys Enter
wait_for "CONFIRM RUNBOOK COMMAND"
assert_contains "$tmp/screen" "IMAGE_TAG=v1.4.1 docker compose up -d api && docker compose --profile check ps api"
# A rollback run as written: its dialog says nothing verifies it, and why.
assert_contains "$tmp/screen" "NOT the built-in rollback, so nothing verifies it: it also runs \`docker compose --profile check ps api\` (line 33)"
keys -l h1
keys Enter
wait_for "[OK h1] Pin the tag and look" 20
[ "$(grep -c '"up","-d","api"\]' "$log")" = 2 ] || fail "up -d api did not run as written"
grep -q '"--profile","check","ps","api"\].*"exit":0' "$log" || fail "the command after && was dropped"
ok "a known command beside another runs as written, in one dialog that says it is unverified: nothing dropped"

# A service no host runs: refused before anything is asked or runs.
before=$(wc -l < "$log")
keys ]
wait_for "> [ ] ! Pin api and worker"
# The outcomes above are still said in turn, each in the footer's place:
# x again, harmless here, until its answer is not shown over.
refusal="x refuses this step: line 39: compose.up: no compose host in c.conf runs every service it names"
i=0
until capture && screen_has "$refusal"; do
	[ $i -lt 20 ] || { cat "$tmp/screen"; fail "x does not refuse the step whole"; }
	keys x
	sleep 1
	i=$((i + 1))
done
assert_not_contains "$tmp/screen" "<tag> (1 of 1)"
sleep 1
! tail -n +"$((before + 1))" "$log" | grep -q '"up"' || fail "up -d ran for part of the step"
ok "up -d naming a service the host does not run is refused whole"

# A secret: typed hidden, never echoed or shown; the config's values filled.
token=$(cat "$fl/hosts/h1/metrics.token")
keys ]
keys x
wait_for 'on h1, $DB_PASSWORD (1 of 1, typed hidden) = '
keys -l 'hunter2;x'
wait_for 'typed hidden) = •••••••••'
keys Enter
wait_for 'the hidden value of $DB_PASSWORD refused: only letters, digits and ._:/@+=,- (nothing is quoted for you) | on h1, $DB_PASSWORD (1 of 1, typed hidden) = '
assert_not_contains "$tmp/screen" "hunter2"
keys -l s3cretPassw0rd
wait_for 'typed hidden) = ••••••••••••••'
assert_not_contains "$tmp/screen" "s3cretPassw0rd"
keys Enter
wait_for "CONFIRM RUNBOOK COMMAND"
wait_for "type h1 and press Enter to run it"
assert_contains "$tmp/screen" 'echo "[REDACTED]" > pw.txt'
assert_contains "$tmp/screen" "from the config, not typed: \$METRICS_TOKEN is h1's metrics token from metrics_token_file, \$METRICS_URL is h1's metrics_url, \$HEALTH_URL is h1's health_url; hidden (shown as [REDACTED]):"
assert_contains "$tmp/screen" "  \$DB_PASSWORD, \$METRICS_TOKEN "
assert_not_contains "$tmp/screen" "s3cretPassw0rd"
assert_not_contains "$tmp/screen" "$token"
keys -l h1
keys Enter
wait_for "[OK h1] Check the database" 20
[ "$(cat "$app/pw.txt")" = s3cretPassw0rd ] || fail "the typed secret did not reach the host: $(cat "$app/pw.txt")"
! grep -q "s3cretPassw0rd" "$journal" || fail "the typed secret reached the journal"
! grep -qF "$token" "$journal" || fail "the metrics token reached the journal"
ok "a secret placeholder is typed hidden, refused without its value, shown and journalled redacted; the config's values are not asked"

req=$fl/statuspage/requests.jsonl
keys Down
keys x
# The step names its status, not asked again: the runbook's words,
# filled, shown before they go.
wait_for "create investigating on the status page"
wait_for "text: Drill on api."
keys Enter
wait_for "status page: create investigating (incident " 15
wait_for "> - [POSTED] Tell customers"
grep -q '"body":"Drill on api."' "$req" ||
	fail "the runbook's message was not posted: $(grep POST "$req")"
keys Down
keys x
wait_for "CONFIRM KILL SWITCH"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
# Esc journals nothing: no mark, as a reopened console shows none.
wait_for "> - Exports"
# The newer tag back over the schema the downgrade above left (data loss
# waiting): the schema is behind it, and a smoke check of /readyz that gets
# its 200 says so.
"$fleet" ssh --dir "$fl" h1 "cd $app && IMAGE_TAG=v1.5.0-bad docker compose --env-file .env -f docker-compose.yml up -d api" > /dev/null 2>&1 ||
	fail "could not put api back on v1.5.0-bad"
keys Down
keys x
wait_footer_re "smoke GET http://127\\.0\\.0\\.1:[0-9]+/readyz: WARN — 200 as expected, but migrations not current: the schema is behind this release \\(database 0041, release expects 0042\\)" 10
wait_for "> - [SMOKE WARN h1] Smoke"
grep -q '"kind":"smoke","host":"h1".*"ok":true,"warning":"migrations not current: the schema is behind' "$journal" ||
	fail "no smoke record with its host and warning: $(grep '"smoke"' "$journal")"
ok "a smoke check of /readyz with the migrations not current: WARN, not OK, on the row and in the journal, which names the host"
# /metrics gets the host's metrics token, as the poller sends it.
keys Down
keys x
wait_re "smoke GET http://127\\.0\\.0\\.1:[0-9]+/metrics: OK — 200 \\(expected 200\\)" 10
wait_for "> - [SMOKE OK h1] Metrics"
grep -q '"kind":"smoke","host":"h1".*/metrics","status":200.*"metrics_token":true' "$journal" ||
	fail "no smoke record of /metrics with the token: $(grep '"smoke"' "$journal")"
! grep -qF "$token" "$journal" || fail "the metrics token reached the journal"
ok "a smoke check of the host's metrics_url is sent with its metrics token (200, not 401)"
keys Down
wait_for "> - ! Tell the team"
# Known from the start: x refuses the section whole, saying why (again
# while the smoke checks' outcomes above are still said in turn).
refusal="x refuses this section: line 77: announce: c.conf has no [chat] to announce to"
i=0
until capture && screen_has "$refusal"; do
	[ $i -lt 20 ] || { cat "$tmp/screen"; fail "x does not refuse the announcement"; }
	keys x
	sleep 1
	i=$((i + 1))
done
ok "x on a section's warroom bindings: statuspage prefilled with its message, killswitch to its dialog, smoke run and journalled, announce needs a [chat]; each row says how its own went"
quit_console

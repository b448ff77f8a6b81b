#!/bin/sh
# test_rollback_envtag.sh — a Compose rollback keeps the target tag in
# .env, so a plain `docker compose up -d` afterwards does not bring the bad
# release back: the dialog lists the step (and names jobs, which runs the
# same tag), the step runs after the verification and the health gate,
# .env gets IMAGE_TAG=v1.4.1 (every other byte and the mode kept, the old
# file kept, no new file left), the journal records the step without the
# file's secrets, and a plain `up -d api` on the host then keeps v1.4.1.
# A .env changed after planning is not touched: the rollback still ends OK,
# said "OK, .env NOT updated", and its outcome and journal say WARNING:
# .env still names the old tag (env_updated false);
# HOSTS marks the row (at 80 columns too) until the poll reads .env agreeing.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
app=$fl/hosts/h1/app
printf 'DB_PASSWORD=canary-hunter2\n# kept as is\n' >> "$app/.env"
chmod 0640 "$app/.env"
grep -q '^IMAGE_TAG=v1.5.0-bad$' "$app/.env" || fail "the fleet's .env does not name the bad tag"
cp "$app/.env" "$tmp/env.before"
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident envtag"
arm() { keys A; keys -l arm; keys Enter; wait_re "ARMED 1[45]:[0-9][0-9]"; }
# A plain `docker compose up -d SVC` on the host, as a colleague would run it.
plain_up() {
	(cd "$app" && env PATH="$fl/bin:$PATH" FLEET_HOST=h1 FLEET_HOST_DIR="$fl/hosts/h1" \
		docker compose --env-file .env up -d "$1") > "$tmp/plain.out" 2>&1 ||
		{ cat "$tmp/plain.out"; fail "plain up -d $1 failed"; }
}
running() {
	(cd "$app" && env PATH="$fl/bin:$PATH" FLEET_HOST=h1 FLEET_HOST_DIR="$fl/hosts/h1" \
		docker compose ps -a --format json "$1") | sed -n 's/.*"Image":"[^"]*:\([^"]*\)".*/\1/p'
}

# Wait for a journal record (durable), not for a footer message.
wait_journal() {
	i=0
	until grep -q "$1" "$fl"/timeline/envtag-*.jsonl 2> /dev/null; do
		sleep 0.2; i=$((i + 1)); [ $i -lt 200 ] || fail "no journal record matching $1"
	done
}

start 200 50 "$wr"
wait_re "│>[ !]h1 +api +UP +v1\\.5\\.0-bad" 15
arm
keys r
wait_for "CONFIRM ROLLBACK"
wait_for "type api and press Enter"
assert_contains "$tmp/screen" ".env changes too: IMAGE_TAG=v1.5.0-bad -> v1.4.1, once api is verified healthy (else a plain \`up -d\` brings v1.5.0-bad back)"
assert_contains "$tmp/screen" "then keep IMAGE_TAG=v1.4.1 in .env (it says v1.5.0-bad):"
assert_contains "$tmp/screen" "mv -f -- .env.warroom-rb-"
assert_contains "$tmp/screen" "jobs also runs v1.5.0-bad, very likely from this IMAGE_TAG: after this change a plain \`up -d\` moves it to v1.4.1 too"
# The releases.log line it writes is named too: every write on the host.
assert_contains "$tmp/screen" "then note it in releases.log (where the host keeps one): if [ -f releases.log ]"
# The .env step is listed after the verification and the health gate.
gate=$(grep -n "then wait up to" "$tmp/screen" | cut -d: -f1)
keep=$(grep -n "then keep IMAGE_TAG" "$tmp/screen" | cut -d: -f1)
[ "$gate" -lt "$keep" ] || fail "the .env step is not listed after the health gate"
# What else changes is said before the commands.
envline=$(grep -n "\.env changes too:" "$tmp/screen" | cut -d: -f1)
list=$(grep -n "will run, in order" "$tmp/screen" | cut -d: -f1)
[ "$envline" -lt "$list" ] || fail "the .env change is not said before the commands"
ok "the dialog says the .env change and names jobs before the commands, lists the .env step after the gate"

keys -l "api"
keys Enter
wait_journal '"kind":"action.end"'
grep -q '"kind":"action.end".*"outcome":"ok","detail":"api runs v1.4.1 and /readyz answers 200[^"]*; IMAGE_TAG=v1.4.1 kept in .env (was v1.5.0-bad)"' "$fl"/timeline/envtag-*.jsonl ||
	fail "the outcome: $(grep action.end "$fl"/timeline/envtag-*.jsonl)"
grep -q '^IMAGE_TAG=v1.4.1$' "$app/.env" || fail ".env does not say IMAGE_TAG=v1.4.1: $(cat "$app/.env")"
sed 's/^IMAGE_TAG=.*/IMAGE_TAG=v1.4.1/' "$tmp/env.before" | cmp -s - "$app/.env" ||
	fail "other bytes of .env changed"
[ "$(stat -c %a "$app/.env")" = 640 ] || fail ".env's mode changed"
ls "$app"/.env.warroom-rb-*.bak > /dev/null 2>&1 || fail "no backup of the old .env"
cmp -s "$tmp/env.before" "$(ls "$app"/.env.warroom-rb-*.bak | head -1)" || fail "the backup is not the old .env"
! ls "$app"/.env.warroom-rb-*.new > /dev/null 2>&1 || fail "the new .env was left beside it"
journal=$(ls "$fl"/timeline/envtag-*.jsonl)
grep -q '"kind":"action.output".*"step":"swap .env","exit":0' "$journal" ||
	fail "no action.output of the rename: $(grep action.output "$journal")"
grep -q '"kind":"action.output".*"step":"keep IMAGE_TAG in .env","exit":0.*IMAGE_TAG=v1.4.1 in .env, read back' "$journal" ||
	fail "no action.output of the .env step"
grep -q '"kind":"action.intent".*"env_was":"v1.5.0-bad","env_set":"v1.4.1"' "$journal" ||
	fail "the intent does not carry the .env step"
grep -q '"kind":"action.end".*"outcome":"ok".*IMAGE_TAG=v1.4.1 kept in .env' "$journal" ||
	fail "no action.end ok naming .env"
! grep -q canary-hunter2 "$journal" || fail "a .env secret reached the journal"
# The step ran after the gate and the release record.
rec=$(grep -n '"kind":"action.output".*"step":"record release"' "$journal" | cut -d: -f1)
swp=$(grep -n '"kind":"action.output".*"step":"swap .env"' "$journal" | cut -d: -f1)
[ "$rec" -lt "$swp" ] || fail "the .env step ran before the rollback was recorded"
ok "confirmed: verified, gated, then IMAGE_TAG=v1.4.1 in .env (bytes, mode, backup kept; no secret journalled)"

plain_up api
[ "$(running api)" = v1.4.1 ] || fail "a plain up -d api after the rollback runs $(running api)"
ok "a plain docker compose up -d api afterwards keeps v1.4.1"

# .env edited between the plan and the step: not touched, said loudly.
"$fleet" set-tag --dir "$fl" h1 all v1.5.0-bad > /dev/null
wait_re "│>[ !]h1 +api +UP +v1\\.5\\.0-bad" 15
keys r
wait_for "CONFIRM ROLLBACK"
wait_for "then keep IMAGE_TAG=v1.4.1 in .env"
echo "# edited by a colleague" >> "$app/.env"
keys -l "api"
keys Enter
i=0
until [ "$(grep -c '"kind":"action.end"' "$journal")" -ge 2 ]; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 200 ] || fail "the second rollback did not end"
done
grep '"kind":"action.end"' "$journal" | tail -1 | grep -q '"outcome":"ok","detail":"api runs v1.4.1 and /readyz answers 200[^"]*; WARNING: .env still says IMAGE_TAG=v1.5.0-bad (.env changed since the plan was made; not touched): a plain `up -d` brings it back; set IMAGE_TAG=v1.4.1 there by hand"' ||
	fail "the outcome: $(grep action.end "$journal" | tail -1)"
grep '"kind":"action.end"' "$journal" | tail -1 | grep -q '"env_updated":false' ||
	fail "no env_updated false: $(grep action.end "$journal" | tail -1)"
wait_for "rollback of api on h1 (docker compose up -d): OK, .env NOT updated — " 10
grep -q '^IMAGE_TAG=v1.5.0-bad$' "$app/.env" || fail ".env was changed though it had been edited"
grep -q '# edited by a colleague' "$app/.env" || fail "the colleague's edit is gone"
grep -q '"kind":"action.output".*"step":"keep IMAGE_TAG in .env","error":".env changed since' "$journal" ||
	fail "no action.output of the step not taken"
ok "a .env changed since the plan is not touched: OK, .env NOT updated, with the WARNING in the outcome and the journal"

# Long after the footer moved on, HOSTS still says it, at 80 columns too:
# under the table, what to do, and in the row, TAG's .env!.
grep '"kind":"env.check".*"service":"api"' "$journal" | tail -1 |
	grep -q '"service":"api","env_image_tag":"v1.5.0-bad","runs":"v1.4.1","agrees":false' ||
	fail "no env.check naming the old tag: $(grep env.check "$journal" | tail -1)"
resize 80 24
keys C-l
wait_re "│>[ !]h1 +api +UP +v1\\.4\\.1 \\.env! "
assert_contains "$tmp/screen" "h1: .env says v1.5.0-bad, api runs v1.4.1"
grep -qE "│>[ !]h1 +api +UP +v1\.4\.1 \.env! " "$tmp/screen" || fail "the row's tag has no .env! mark at 80 columns"
ok "the row is marked and the detail says what a plain up -d brings back"
# The runbook's keep-tag step, by hand; the next poll reads .env: api's
# mark goes (jobs, still on v1.5.0-bad, is marked now: the dialog said a
# plain `up -d` moves it to v1.4.1 too).
sed -i 's/^IMAGE_TAG=.*/IMAGE_TAG=v1.4.1/' "$app/.env"
i=0
until grep '"kind":"env.check".*"service":"api"' "$journal" | tail -1 | grep -q '"env_image_tag":"v1.4.1","runs":"v1.4.1","agrees":true'; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 100 ] || fail "no env.check agreeing after .env was edited"
done
no_env_mark() { ! grep -qE "h1 +api +UP +v1\.4\.1 \.env!" "$tmp/screen"; }
until_screen 5 "the .env! mark to go" no_env_mark
assert_not_contains "$tmp/screen" "h1: .env says v1.5.0-bad, api runs"
resize 200 50
ok "once .env is read to agree, the mark is gone"

# The connection drops during the rename: UNKNOWN, and the re-read once
# the host is back reads .env too. mv is slowed on the host to drop it there.
"$fleet" set-tag --dir "$fl" h1 all v1.5.0-bad > /dev/null
wait_re "│>[ !]h1 +api +UP +v1\\.5\\.0-bad" 15
# It says when it starts, then waits for mv.go, made once sshd is
# stopped (at most 60 s): the drop must land while it waits, however long
# the fleet tool takes to stop sshd on a loaded machine; the re-read once
# sshd is back must then find the rename done.
printf '#!/bin/sh\n: > "%s"\ni=0\nwhile [ ! -e "%s" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done\nexec /bin/mv "$@"\n' \
	"$tmp/mv.started" "$tmp/mv.go" > "$fl/bin/mv"
chmod +x "$fl/bin/mv"
keys r
wait_for "then keep IMAGE_TAG=v1.4.1 in .env"
keys -l "api"
keys Enter
i=0
until [ -e "$tmp/mv.started" ]; do
	sleep 0.05; i=$((i + 1)); [ $i -lt 800 ] || fail "the new .env was never renamed"
done
ls "$app"/.env.warroom-rb-*.new > /dev/null 2>&1 || fail "mv runs, but no new .env was written"
"$fleet" fault --dir "$fl" h1 sshd-stop > /dev/null
: > "$tmp/mv.go"
i=0
until grep -q '"kind":"action.end".*"outcome":"unknown"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 200 ] || fail "no action.end unknown: $(grep action.end "$journal" | tail -1)"
done
grep '"kind":"action.end"' "$journal" | tail -1 | grep -q 'the connection was lost renaming the new .env over .env' ||
	fail "the outcome: $(grep action.end "$journal" | tail -1)"
"$fleet" fault --dir "$fl" h1 sshd-start > /dev/null
i=0
until grep -q '"kind":"action.reconcile".*"env_image_tag"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 400 ] || fail "no action.reconcile reading .env after sshd returned"
done
grep '"kind":"action.reconcile"' "$journal" | tail -1 |
	grep -q '"env_image_tag":"v1.4.1","summary":"the target is running and .env keeps it' ||
	fail "the re-read: $(grep action.reconcile "$journal" | tail -1)"
grep -q '^IMAGE_TAG=v1.4.1$' "$app/.env" || fail ".env does not say v1.4.1 after the dropped rename"
grep '"kind":"env.check".*"service":"api"' "$journal" | tail -1 | grep -q '"env_image_tag":"v1.4.1","runs":"v1.4.1","agrees":true' ||
	fail "the re-read's env.check: $(grep env.check "$journal" | tail -1)"
rm -f "$fl/bin/mv"
ok "a connection lost in the rename: UNKNOWN, and the re-read after reconnect reads .env"
quit_console

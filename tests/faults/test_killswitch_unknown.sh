#!/bin/sh
# test_killswitch_unknown.sh — the kill switch losing its host after the
# rename, in the redeploy (`docker compose up -d`, held for a few seconds
# by the fleet's recreate_seconds): the action ends UNKNOWN — in the
# journal (action.end unknown) and on screen — never OK; nothing is re-read
# or re-run while the host is away; once sshd is back, .env is read again
# over SFTP and /export asked (action.reconcile with what both said), the
# screen says it, both agreeing settle the outcome ok (action.reconcile),
# and up -d ran once; X then offers turning the export back on. Away, the
# host is tried again at least every reconnect_max_interval (1 s here).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.4.1
log=$fl/hosts/h1/commands.log
app=$fl/hosts/h1/app
ups() { grep -c '"event":"end".*"up","-d","api"' "$log" 2> /dev/null || true; }
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 20s\nkeepalive_interval = 2s\nreconnect_max_interval = 1s/' \
	"$fl/warroom.conf" > "$tmp/c.conf"
grep -q '^EXPORT_MODE=on$' "$app/.env" || fail ".env does not start with EXPORT_MODE=on"
"$fleet" set --dir "$fl" h1 recreate_seconds=6 > /dev/null

start 200 50 "$WARROOM -c $tmp/c.conf --incident ks-unknown"
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys X
wait_for "CONFIRM KILL SWITCH"
wait_for "then wait up to"
keys -l api; keys Enter
# The rename is done when .env says off; sshd is stopped once up -d is
# then under way on the host (the fleet lists a shim in running/ from its
# start; recreate_seconds holds it 6 s). A fixed second after the rename
# may not be enough for a loaded console to send it, and a connection
# lost before the redeploy is another case.
i=0
until grep -q '^EXPORT_MODE=off$' "$app/.env"; do
	sleep 0.05; i=$((i + 1)); [ $i -lt 400 ] || fail ".env was never renamed into place"
done
i=0
until cat "$fl"/hosts/h1/running/* 2> /dev/null | grep -q ' up -d'; do
	sleep 0.02; i=$((i + 1)); [ $i -lt 1000 ] || fail "up -d never started on h1"
done
"$fleet" fault --dir "$fl" h1 sshd-stop > /dev/null
wait_for "kill switch of api on h1 (docker compose up -d): UNKNOWN" 30
assert_contains "$tmp/screen" "connection lost during redeploy"
assert_not_contains "$tmp/screen" "kill switch of api on h1 (docker compose up -d): OK"
journal=$(ls "$fl"/timeline/ks-unknown-*.jsonl)
grep -q '"kind":"action.intent".*compose.killswitch' "$journal" || fail "no action.intent"
grep -q '"kind":"action.end".*"outcome":"unknown"' "$journal" || fail "no action.end unknown"
! grep -q '"kind":"action.end".*"outcome":"ok"' "$journal" || fail "an action.end ok"
ok "sshd killed during the redeploy: UNKNOWN in the journal and on screen, never OK"

# While the host is away nothing is re-read, and nothing claims to be. For
# 8 s (the orphaned up -d ends on the host meanwhile) the line under HOSTS
# puts the next try 1 s away at most, however long it has been DOWN.
downs=0
for k in $(seq 35); do
	capture
	retry=$(sed -n 's/.*h1 (retry in \([0-9]*\)s).*/\1/p' "$tmp/screen" | head -n 1)
	if [ -n "$retry" ]; then
		downs=$((downs + 1))
		[ "$retry" -le 1 ] || { cat "$tmp/screen"; fail "the next try in ${retry}s, past reconnect_max_interval"; }
	fi
	sleep 0.2
done
[ "$downs" -gt 0 ] || { cat "$tmp/screen"; fail "h1 never shown DOWN with its next try"; }
! grep -q '"kind":"action.reconcile"' "$journal" || fail "reconciled while the host was down"
assert_not_contains "$tmp/screen" "re-read after reconnect"
grep -q '"kind":"action.end".*"outcome":"ok"' "$journal" && fail "an action.end ok while down"
ok "nothing re-read or claimed while the host is away; tried again every second"

"$fleet" fault --dir "$fl" h1 sshd-start > /dev/null
i=0
until grep -q '"kind":"action.reconcile"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 200 ] || fail "no action.reconcile after sshd returned"
done
grep '"kind":"action.reconcile"' "$journal" | grep '"found":"off"' | grep '"export_status":404' |
	grep '"export_disabled":true' | grep '"outcome":"ok"' |
	grep -q '"summary":".env holds the new value and the export is disabled"' ||
	fail "reconcile record: $(grep '"kind":"action.reconcile"' "$journal")"
# The footer leads with what the re-read found; HOSTS keeps it on a line
# of its own under the lost connection's reason.
# /export says what the service runs with now (the orphaned up -d has
# ended by then).
wait_for "kill switch of api on h1 (docker compose up -d): OK after re-read — EXPORT_MODE=off in .env; GET /export answers 404 now: the export is disabled" 10
assert_contains "$tmp/screen" "h1/api: kill switch EXPORT_MODE=on -> EXPORT_MODE=off: OK after re-read (before it: UNKNOWN, connection lost during"
assert_contains "$tmp/screen" "│  re-read after reconnect: EXPORT_MODE=off in .env; GET /export answers 404 now: the export is disabled"
[ "$(grep -c '"kind":"action.end"' "$journal")" = 1 ] || fail "more than one action.end"
[ "$(ups)" = 1 ] || fail "up -d api ran $(ups) times"
[ -z "$(ls -a "$app" | grep '\.new$')" ] || fail "a temp file was left"
ok "host back: .env re-read over SFTP (off) and /export asked (404), shown and journalled as ok; up -d ran once"

# Off now, by a switch settled by the re-read: X offers turning it back on.
keys X
wait_for "CONFIRM KILL SWITCH (compose.killswitch)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "EXPORT_MODE=off  ->  EXPORT_MODE=on in .env"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
ok "after OK after re-read, X offers the undo (EXPORT_MODE=on)"
quit_console

#!/bin/sh
# test_rollback_drop_env.sh — the connection drops during a compose
# rollback's `up -d` (recreate_seconds holds it; the command goes on on the
# host). Once the host is back the re-read finds v1.4.1 running and /readyz
# answering 200, and does what the OK path does after that: releases.log
# and the .env step the dialog promised ("once api is verified healthy"),
# each once, none of the plan's commands sent twice; the outcome is a plain
# "OK after re-read". Then the same drop with .env edited meanwhile: the
# step reads .env again, finds it is not the file planned from and leaves
# it alone; releases.log is still written, and the outcome says "OK after
# re-read, .env NOT updated" (footer, HOSTS' line, the journal's
# env_updated false), never a plain OK.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
app=$fl/hosts/h1/app
"$fleet" set --dir "$fl" h1 recreate_seconds=15 > /dev/null
start 200 50 "$WARROOM -c $fl/warroom.conf --incident dropenv"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
journal=$(ls "$fl"/timeline/dropenv-*.jsonl)
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"

ups() { grep -c '"event":"end".*"up","-d","api"' "$log" || true; }
pulls() { grep -c '"event":"end".*"pull","api"' "$log" || true; }
recs() { grep -c 'rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom' "$app/releases.log" || true; }
# A rollback whose up -d is dropped once it runs on the host; then $1 runs.
dropped_rollback() {
	n=$(grep -c '"kind":"action.reconcile"' "$journal" || true)
	keys r
	wait_for "type api and press Enter" 15
	keys -l api; keys Enter
	i=0
	until cat "$fl"/hosts/h1/running/* 2> /dev/null | grep -q ' up -d'; do
		sleep 0.02; i=$((i + 1)); [ $i -lt 1500 ] || fail "up -d never started on h1"
	done
	"$fleet" fault --dir "$fl" h1 drop > /dev/null
	$1
	i=0
	until [ "$(grep -c '"kind":"action.reconcile"' "$journal")" -gt "$n" ]; do
		sleep 0.2; i=$((i + 1)); [ $i -lt 300 ] || fail "no action.reconcile after the drop"
	done
	rec=$(grep '"kind":"action.reconcile"' "$journal" | tail -1)
	printf '%s' "$rec" | grep -q '"outcome":"ok"' || fail "reconcile: $rec"
}

p0=$(pulls); u0=$(ups); r0=$(recs)
dropped_rollback true
printf '%s' "$rec" | grep -qF 'IMAGE_TAG=v1.4.1 kept in .env (was v1.5.0-bad)' ||
	fail "the re-read did not keep the tag in .env: $rec"
printf '%s' "$rec" | grep -q 'env_updated\|WARNING' && fail "not a plain OK: $rec"
grep -q '^IMAGE_TAG=v1.4.1$' "$app/.env" || fail ".env: $(grep IMAGE_TAG "$app/.env")"
[ "$(pulls)" = $((p0 + 1)) ] && [ "$(ups)" = $((u0 + 1)) ] ||
	fail "sent twice: pull $(($(pulls) - p0)), up -d $(($(ups) - u0))"
[ "$(recs)" = $((r0 + 1)) ] || fail "releases.log: $(cat "$app/releases.log")"
[ "$(ls "$app"/.env.warroom-*.bak | wc -l)" = 1 ] || fail "backups: $(ls -a "$app")"
ls "$app"/.env.warroom-*.new > /dev/null 2>&1 && fail "a new .env left beside it"
wait_for "OK after re-read" 10
assert_not_contains "$tmp/screen" ".env NOT updated"
ok "dropped up -d: the re-read writes releases.log and keeps IMAGE_TAG in .env, once each; plain OK"

"$fleet" set-tag --dir "$fl" h1 all v1.5.0-bad > /dev/null
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
edit_env() { printf '# edited by hand during the drop\n' >> "$app/.env"; }
p0=$(pulls); u0=$(ups); r0=$(recs)
dropped_rollback edit_env
for want in '.env changed since the plan was made; not touched' \
    'WARNING: .env still says IMAGE_TAG=v1.5.0-bad' '"env_updated":false'; do
	printf '%s' "$rec" | grep -qF -- "$want" || fail "the reconcile lacks '$want': $rec"
done
grep -q '^IMAGE_TAG=v1.5.0-bad$' "$app/.env" || fail ".env: $(grep IMAGE_TAG "$app/.env")"
[ "$(pulls)" = $((p0 + 1)) ] && [ "$(ups)" = $((u0 + 1)) ] ||
	fail "sent twice: pull $(($(pulls) - p0)), up -d $(($(ups) - u0))"
[ "$(recs)" = $((r0 + 1)) ] || fail "releases.log: $(cat "$app/releases.log")"
[ "$(ls "$app"/.env.warroom-*.bak | wc -l)" = 1 ] || fail "a second backup: $(ls -a "$app")"
wait_for "OK after re-read, .env NOT updated" 10
wait_re "h1/api: rollback.*OK after re-read, \\.env NOT updated" 10
ok ".env edited during the drop: left alone, and the outcome says OK after re-read, .env NOT updated"
quit_console 10

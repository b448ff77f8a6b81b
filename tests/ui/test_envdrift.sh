#!/bin/sh
# test_envdrift.sh — HOSTS' .env! follows the host, whoever changed it:
# a rollback done by hand (`IMAGE_TAG=v1.4.1 docker compose up -d`, as a
# runbook's own commands do it) leaves .env at v1.5.0-bad, and the poll
# marks both rows, says in the detail line what a plain `up -d` brings
# back, and journals the drift once per service (not once per poll). The
# rollback and kill switch dialogs say the drift and what each leaves in
# .env (nothing run). A runbook's plain `up -d` then brings v1.5.0-bad back: its dialog says
# so before it runs, its outcome after, the marks go, and the clearing is journalled once with how it
# cleared. Editing .env by hand clears a drift too. A step whose command
# gives the tag itself (IMAGE_TAG=… up) says nothing came back.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
app=$fl/hosts/h1/app
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
cat > "$tmp/drift.md" <<'MD'
# Drift

## Steps

1. Redeploy

   ```bash
   docker compose up -d
   ```

2. Recreate both services on the good tag

   ```bash
   IMAGE_TAG=v1.4.1 docker compose --env-file .env up -d --no-deps api jobs
   ```
MD
# on_host CMD… — CMD in the host's compose_dir, as a colleague's shell there.
on_host() {
	(cd "$app" && env PATH="$fl/bin:$PATH" FLEET_HOST=h1 FLEET_HOST_DIR="$fl/hosts/h1" "$@") \
		> "$tmp/host.out" 2>&1 || { cat "$tmp/host.out"; fail "$* failed on h1"; }
}
# checks PATTERN — env.check records matching PATTERN so far.
checks() { grep '"kind":"env.check"' "$fl"/timeline/drift-*.jsonl 2> /dev/null | grep -c "$1" || true; }
wait_checks() {
	i=0
	until [ "$(checks "$1")" -ge "$2" ]; do
		sleep 0.1; i=$((i + 1)); [ $i -lt 100 ] || fail "fewer than $2 env.check matching $1"
	done
}
row() { grep -E "│.{2}h1 +$1 " "$tmp/screen" || grep -E "│.{2} +$1 " "$tmp/screen"; }

start 200 50 "$WARROOM -c $tmp/c.conf --incident drift -r $tmp/drift.md"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad " 15
sleep 2                              # two polls: .env agrees, nothing journalled
capture
assert_not_contains "$tmp/screen" ".env!"
[ "$(checks .)" = 0 ] || fail "an env.check while .env agrees"
ok "while .env names the running tag: no mark, no record"

on_host env IMAGE_TAG=v1.4.1 docker compose up -d api jobs
grep -q '^IMAGE_TAG=v1.5.0-bad$' "$app/.env" || fail ".env changed: $(cat "$app/.env")"
wait_re "│> h1 +api +UP +v1\\.4\\.1 \\.env! " 10
wait_for "h1: .env says v1.5.0-bad, api runs v1.4.1: a plain \`up -d\` would start v1.5.0-bad in place of v1.4.1"
row jobs | grep -q "v1\\.4\\.1 \\.env!" || fail "jobs is not marked: $(row jobs)"
wait_checks '"agrees":false' 2
sleep 3                              # three more polls
[ "$(checks '"service":"api","env_image_tag":"v1.5.0-bad","runs":"v1.4.1","agrees":false')" = 1 ] ||
	fail "api's drift is not journalled once: $(grep env.check "$fl"/timeline/drift-*.jsonl)"
[ "$(checks '"service":"jobs","env_image_tag":"v1.5.0-bad","runs":"v1.4.1","agrees":false')" = 1 ] ||
	fail "jobs' drift is not journalled once"
ok "a rollback by hand: both rows .env!, the detail says what up -d brings back, journalled once each"

keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
# The rollback and kill switch dialogs say it too: what .env says, what
# runs, and what each leaves in .env (nothing is run here).
# The dialog's own columns, from its ┌ to its right border, joined: what
# lies beside it (a pane's border and text) is left out.
dialog() {
	python3 -c '
import sys
rows = open(sys.argv[1], encoding="utf-8").read().split("\n")
out, col = [], None
for r in rows:
    if col is None:
        if "┌─ CONFIRM" in r:
            col = r.index("┌─ CONFIRM")
        continue
    t = r[col + 1:]
    if t.startswith("─") or t.startswith("┴"):
        break
    out.append(t.split("│")[0])
print(" ".join(" ".join(out).split()))
' "$tmp/screen"
}
keys r
wait_for "CONFIRM ROLLBACK" 15
wait_for "type api and press Enter"
# No target preselected (it was rolled back outside warroom): the facts.
dialog | grep -qF ".env drift (HOSTS .env!): .env says IMAGE_TAG=v1.5.0-bad, api runs v1.4.1 " ||
	{ cat "$tmp/screen"; fail "the rollback dialog does not say .env's drift"; }
keys Down
wait_for "v1.4.1 -> v1.4.0"
dialog | grep -qF ".env drift (HOSTS .env!): .env says IMAGE_TAG=v1.5.0-bad, api runs v1.4.1. This rollback leaves IMAGE_TAG=v1.4.0 in .env once api is verified healthy" ||
	{ cat "$tmp/screen"; fail "the rollback dialog does not say what it leaves in .env"; }
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
keys X
wait_for "CONFIRM KILL SWITCH" 15
wait_for "type api and press Enter"
dialog | grep -qF ".env drift (HOSTS .env!): .env says IMAGE_TAG=v1.5.0-bad, api runs v1.4.1. The kill switch redeploys api at v1.4.1 and leaves IMAGE_TAG=v1.5.0-bad in .env: the next plain \`docker compose up -d\` brings v1.5.0-bad back" ||
	{ cat "$tmp/screen"; fail "the kill switch dialog does not say .env's drift"; }
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
grep -q '"kind":"action.intent"' "$fl"/timeline/drift-*.jsonl && fail "a cancelled dialog ran something"
ok "the rollback and kill switch dialogs say .env's drift and what each leaves in .env"
keys 4
keys ]
keys x
wait_for "CONFIRM RUNBOOK COMMAND"
wait_for "type h1 and press Enter to run it"
# Said before it runs, not only in its outcome: what .env! means here.
wait_for "h1: .env says v1.5.0-bad; this \`up -d\` will bring api, jobs to v1.5.0-bad"
keys -l h1
keys Enter
i=0
until grep -q '"kind":"action.end"' "$fl"/timeline/drift-*.jsonl; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 200 ] || fail "the runbook command did not end"
done
grep '"kind":"action.end".*"outcome":"ok","detail":"run exited 0; ' "$fl"/timeline/drift-*.jsonl |
	grep -qF "; WARNING: it brought back .env's IMAGE_TAG=v1.5.0-bad: api v1.4.1 -> v1.5.0-bad, jobs v1.4.1 -> v1.5.0-bad\"" ||
	fail "the outcome: $(grep action.end "$fl"/timeline/drift-*.jsonl)"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad " 10
wait_checks '"agrees":true' 2
capture
assert_not_contains "$tmp/screen" ".env!"
sleep 2
[ "$(checks '"service":"api","env_image_tag":"v1.5.0-bad","runs":"v1.5.0-bad","agrees":true,"summary":"api v1.4.1 -> v1.5.0-bad, the tag .env names (IMAGE_TAG=v1.5.0-bad)"')" = 1 ] ||
	fail "api's clearing is not journalled once: $(grep env.check "$fl"/timeline/drift-*.jsonl)"
[ "$(checks '"agrees":true')" = 2 ] || fail "not one clearing record per service"
ok "a plain up -d brings the bad tag back: the outcome says so, the marks go, journalled once each"

on_host env IMAGE_TAG=v1.4.1 docker compose up -d api jobs
wait_re "│> h1 +api +UP +v1\\.4\\.1 \\.env! " 10
sed -i 's/^IMAGE_TAG=.*/IMAGE_TAG=v1.4.1/' "$app/.env"
wait_re "│> h1 +api +UP +v1\\.4\\.1 +([A-Z][A-Za-z ()*]*[A-Z)*] +)?running " 10
assert_not_contains "$tmp/screen" ".env!"
wait_checks 'IMAGE_TAG=v1.4.1 now (was v1.5.0-bad), as api runs' 1
ok ".env edited by hand to the running tag: the marks go"

# a step whose command gives the tag itself lands on .env's
# tag; it did not "bring it back".
on_host env IMAGE_TAG=v1.5.0-bad docker compose up -d api jobs
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad \\.env! " 10
keys ]
keys x
wait_for "CONFIRM RUNBOOK COMMAND"
wait_for "type h1 and press Enter to run it"
keys -l h1
keys Enter
i=0
until [ "$(grep -c '"kind":"action.end"' "$fl"/timeline/drift-*.jsonl)" -ge 2 ]; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 200 ] || fail "the second runbook command did not end"
done
grep '"kind":"action.end"' "$fl"/timeline/drift-*.jsonl | tail -n 1 > "$tmp/end2"
grep -q '"outcome":"ok","detail":"run exited 0' "$tmp/end2" || fail "the outcome: $(cat "$tmp/end2")"
assert_not_contains "$tmp/end2" "brought back"
wait_re "│> h1 +api +UP +v1\\.4\\.1 +([A-Z][A-Za-z ()*]*[A-Z)*] +)?running " 10
ok "a command that gives the tag itself: its outcome says no .env tag came back"
quit_console

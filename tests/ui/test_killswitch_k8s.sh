#!/bin/sh
# test_killswitch_k8s.sh — the EXPORT_MODE kill switch on the demo fleet's
# Kubernetes bastion, proven by its commands.log, the service's /export
# and the journal: refused read-only; the dialog shows the exact commands
# (kubectl set env, rollout status) and the verification; confirmed, the
# deployment gets EXPORT_MODE=off in its pod template (a new revision,
# rolled out at the tag it ran), /export answers 404 and the action ends
# OK; commands.log shows exactly set env and rollout status beside the
# reads; r then preselects the last good tag (not the switch's own bad
# one with exports on, listed and flagged as only a template change), warns
# that it turns exports back on and says it did; X
# reads the deployment, not the incident's history: on again, it
# switches off; off, it offers the value it replaced; the post-mortem
# lists it all.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
command -v curl > /dev/null 2>&1 || skip "curl is not installed"
fleet_up --demo
"$fleet" set --dir "$fl" k8s-bastion rollout_seconds=1 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
log=$fl/hosts/k8s-bastion/commands.log
url=$(sed -n '/^\[host "k8s-bastion"\]/,/^\[/s/^health_url = //p' "$fl/warroom.conf")
mutating() { grep -c '"mutating":true' "$log" 2> /dev/null || true; }
export_code() { curl -s -o /dev/null -w '%{http_code}' "$url/export"; }
# What ran on the bastion beside the reads (get) and the log tails.
changes() { grep '"event":"end"' "$log" | grep -v '"argv":\["kubectl","get"' |
	grep -v '"argv":\["kubectl","logs"' | sed 's/.*"argv":\(\[[^]]*\]\).*/\1/'; }
[ "$(export_code)" = 200 ] || fail "/export does not answer 200 to begin with"
# until_in FILE REGEX SECONDS WHAT — until a line of FILE matches.
until_in() {
	i=0
	until grep -q "$2" "$1" 2> /dev/null; do
		i=$((i + 1)); [ "$i" -lt "$(($3 * 10))" ] || { capture; cat "$tmp/screen"; fail "$4"; }; sleep 0.1
	done
}
wr="$WARROOM -c $tmp/c.conf --incident k8s-export-leak"
ready() {
	wait_re "k8s-bastion +api +UP +v1\\.5\\.0-bad +([A-Z][A-Za-z ()*]*[A-Z)*] +)?[0-9]+/[0-9]+ complete " 15
	keys Down Down
	wait_re "│> k8s-bastion +api" 5
}
arm() { keys A; keys -l arm; keys Enter; wait_re "ARMED 1[45]:[0-9][0-9]"; }

start 200 50 "$wr --read-only"
ready
keys X
wait_for "refused: read-only mode"
quit_console
[ "$(mutating)" = 0 ] || fail "something mutating reached the bastion in read-only mode"
ok "read-only: the kill switch is refused, nothing sent"

start 200 50 "$wr"
ready
arm
keys X
wait_for "CONFIRM KILL SWITCH (k8s.killswitch)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "EXPORT_MODE=on  ->  EXPORT_MODE=off in deployment/api's env (container api); a new revision after 4 rolls out at v1.5.0-bad"
assert_contains "$tmp/screen" "1. kubectl set env deployment/api -n 'prod' 'EXPORT_MODE=off'"
assert_contains "$tmp/screen" "2. kubectl rollout status deployment/api -n 'prod' --timeout=20s"
assert_contains "$tmp/screen" "then verify: kubectl get deploy 'api' -n 'prod' -o json"
assert_contains "$tmp/screen" "then GET $url/export must answer 404 (export disabled)"
assert_contains "$tmp/screen" "then wait up to 20 s for GET $url/readyz to answer OK"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
[ "$(mutating)" = 0 ] || fail "a cancelled dialog sent something"
ok "the dialog shows the exact commands and the checks; Esc runs nothing"

keys X
wait_for "CONFIRM KILL SWITCH (k8s.killswitch)" 15
wait_for "type api and press Enter"
keys -l api; keys Enter
wait_for "kill switch of api on k8s-bastion (kubectl set env): OK — EXPORT_MODE=off in deployment/api's env; revision 5 rolled out at v1.5.0-bad; /export answers 404; /readyz answers 200" 40
[ "$(export_code)" = 404 ] || fail "/export answers $(export_code)"
[ "$(changes)" = "$(printf '%s\n' '["kubectl","set","env","deployment/api","-n","prod","EXPORT_MODE=off"]' \
	'["kubectl","rollout","status","deployment/api","-n","prod","--timeout=20s"]')" ] ||
	fail "commands beside the reads: $(changes)"
[ "$(mutating)" = 1 ] || fail "$(mutating) mutating commands"
journal=$(ls "$fl"/timeline/k8s-export-leak-*.jsonl)
grep '"kind":"action.intent"' "$journal" | grep -q '"action":"k8s.killswitch"' || fail "no action.intent"
grep '"kind":"action.intent"' "$journal" | grep '"container":"api"' | grep -q '"env_set":"off"' ||
	fail "the intent does not name the container and value"
grep '"kind":"action.output"' "$journal" | grep -q '"step":"set env"' || fail "no action.output for set env"
grep '"kind":"action.output"' "$journal" | grep -q '"step":"rollout status"' ||
	fail "no action.output for rollout status"
grep -q '"kind":"action.end".*"outcome":"ok"' "$journal" || fail "no action.end ok"
ok "confirmed: set env + rollout status, a new revision at the same tag, /export 404, OK, journalled"

# r after the switch: every earlier revision's template has EXPORT_MODE=on,
# so none is preselected (Enter never turns exports back on): the dialog
# says why, and once one is picked what the rollback does to the export,
# and the outcome what it did. Revision 4 (the switch's own bad tag,
# exports on) and revision 3 (the last good tag) are listed; B (the first
# host of its chain) the same.
keys B
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
wait_for "nothing is preselected: v1.4.1, the newest earlier release, would change EXPORT_MODE (now off); Up/Down picks one"
keys Escape
wait_for "fleet rollback of api from v1.5.0-bad: k8s-bastion CANCELLED"
keys r
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "revision 5 (v1.5.0-bad)  ->  ? (no target picked)"
assert_contains "$tmp/screen" "nothing is preselected: v1.4.1, the newest earlier release, would change EXPORT_MODE (now off); Up/Down picks one"
# v1.5.0-bad was judged bad here (its verdict): revision 4 is listed last.
keys Down
wait_for "> revision 3 (v1.4.1, EXPORT_MODE=on)"
assert_contains "$tmp/screen" "revision 5 (v1.5.0-bad)  ->  revision 3 (v1.4.1)"
assert_contains "$tmp/screen" "revision 3 has EXPORT_MODE=on: this rollback turns exports back ON (now off since the kill switch at "
assert_not_contains "$tmp/screen" "same tag"
keys Down; keys Down; keys Down
wait_for "> revision 4 (v1.5.0-bad, EXPORT_MODE=on)"
assert_contains "$tmp/screen" "revision 5 (v1.5.0-bad)  ->  revision 4 (v1.5.0-bad)"
assert_contains "$tmp/screen" "same tag v1.5.0-bad: this only changes the pod template: EXPORT_MODE=off -> EXPORT_MODE=on"
assert_contains "$tmp/screen" "(judged bad: k8s-bastion ran it when its verdict turned ROLLBACK"
keys Up; keys Up; keys Up
wait_for "> revision 3 (v1.4.1, EXPORT_MODE=on)"
keys -l api; keys Enter
until_in "$journal" '"kind":"action.end".*"outcome":"ok".*api runs v1.4.1 and /readyz answers 200' 40 "no action.end ok for the rollback"
grep '"kind":"action.end"' "$journal" | tail -1 | grep -q "; EXPORT_MODE=off -> EXPORT_MODE=on in deployment/api's env: exports are back ON" ||
	fail "the rollback's outcome does not say exports are back on: $(grep '"kind":"action.end"' "$journal" | tail -1)"
[ "$(export_code)" = 200 ] || fail "/export answers $(export_code) after the rollback"
grep '"kind":"action.intent"' "$journal" | grep '"action":"k8s.undo"' |
	grep -q '"export_mode":{"container":"api","now":"off","target":"on"}' || fail "the undo's intent does not say EXPORT_MODE"
ok "r and B after the kill switch preselect nothing that turns exports back on; picked, the rollback says it turns exports back on, and did"

# X decides from the deployment, not from the incident's last switch:
# exports are on again, so X switches them off again.
keys X
wait_for "CONFIRM KILL SWITCH (k8s.killswitch)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "EXPORT_MODE=on  ->  EXPORT_MODE=off in deployment/api's env (container api); a new revision after 6 rolls out at v1.4.1"
keys -l api; keys Enter
until_in "$journal" '"kind":"action.end".*"outcome":"ok".*EXPORT_MODE=off in deployment/api.s env; revision 7 rolled out at v1.4.1; /export answers 404' 40 \
	"no action.end ok for the second kill switch"
[ "$(export_code)" = 404 ] || fail "/export answers $(export_code)"
ok "X after the rollback turned exports back on: off again"

# Off now: X offers the value the switch replaced.
keys X
wait_for "CONFIRM KILL SWITCH (k8s.killswitch)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "EXPORT_MODE=off  ->  EXPORT_MODE=on in deployment/api's env (container api); a new revision after 7"
assert_contains "$tmp/screen" "1. kubectl set env deployment/api -n 'prod' 'EXPORT_MODE=on'"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
[ "$(mutating)" = 3 ] || fail "$(mutating) mutating commands"
ok "X again offers the value it replaced: EXPORT_MODE=on"
quit_console

id=$(basename "$journal" .jsonl)
"$WARROOM" export "$id" -c "$tmp/c.conf" > "$tmp/pm.md" < /dev/null || fail "export md"
# Markdown escapes the underscore.
[ "$(grep -c '| kill switch (kubectl set env) | k8s-bastion | .* | ok | EXPORT\\_MODE=off' "$tmp/pm.md")" = 2 ] ||
	{ cat "$tmp/pm.md"; fail "the post-mortem does not list both kill switches ok"; }
grep -qF "EXPORT\_MODE=off in deployment/api's env; revision 5 rolled out at v1.5.0-bad; /export answers 404" "$tmp/pm.md" ||
	{ cat "$tmp/pm.md"; fail "the post-mortem does not say what the switch did"; }
grep -qF "EXPORT\_MODE=off -\> EXPORT\_MODE=on in deployment/api's env: exports are back ON" "$tmp/pm.md" ||
	{ cat "$tmp/pm.md"; fail "the post-mortem does not say the rollback turned exports back on"; }
# A kill switch is no rollback: the rollback starts with the undo's intent.
undo_at=$(grep '"kind":"action.intent"' "$journal" | grep '"action":"k8s.undo"' |
	sed 's/.*"ts":"[^T]*T\([0-9:]*\)\..*/\1/')
grep -q "| Rollback start (built-in rollback on k8s-bastion, [^|]*) | [^|]*$undo_at" "$tmp/pm.md" ||
	{ cat "$tmp/pm.md"; fail "the post-mortem's rollback start is not the undo's ($undo_at)"; }
ok "the post-mortem lists both kill switches and what the rollback did to the export, none of them as the rollback"

#!/bin/sh
# test_statuspage_cachet3_ui.sh — S from the console against the fleet's
# fake Cachet 3 page (kind = cachet3): armed, a typed status creates the
# incident; the console quits and resumes the incident, and the next S
# updates and resolves that same page incident (never a second create),
# each with Authorization: Bearer; the affected component follows.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --statuspage-kind cachet3
req=$fl/statuspage/requests.jsonl
# [statuspage] is the config's last section: the component joins it.
printf 'components = 1=major_outage\n' >> "$fl/warroom.conf"
# count EXPR: recorded requests for which the Python expression on r holds.
count() {
	[ -f "$req" ] || { echo 0; return; }
	python3 - "$req" "$1" <<'PY'
import json, sys
print(sum(1 for l in open(sys.argv[1]) for r in [json.loads(l)] if eval(sys.argv[2])))
PY
}
wr="$WARROOM -c $fl/warroom.conf --incident 'api errors'"

start 200 50 "$wr"
wait_re "│> h1 +api +UP" 15
keys A; keys -l arm; keys Enter
keys S
wait_for "status page (investigating/identified/monitoring/resolved):"
keys -l investigating; keys Enter
wait_for "create investigating on the status page"
keys Enter
wait_for "status page: create investigating (incident 1)" 20
quit_console
[ "$(count 'r["method"] == "POST" and r["path"] == "/api/incidents" and r["status"] == 201')" = 1 ] ||
	fail "the incident was not created once"
[ "$(count 'r["method"] == "PUT" and r["path"] == "/api/components/1" and r["body"] == {"status": 4}')" = 1 ] ||
	fail "the component was not set to major outage"
ok "armed: S creates the Cachet 3 incident and sets its component"

start 200 50 "$wr"
wait_re "│> h1 +api +UP" 15
keys A; keys -l arm; keys Enter
post_status identified
wait_for "status page: update identified (incident 1)" 20
keys S; keys -l resolved; keys Enter
wait_for "resolve the incident on the status page"
keys Enter
wait_for "status page: resolve the incident (incident 1)" 20
quit_console
[ "$(count 'r["method"] == "POST" and r["path"] == "/api/incidents"')" = 1 ] ||
	fail "the resumed console created the incident again"
[ "$(count 'r["method"] == "POST" and r["path"] == "/api/incidents/1/updates" and r["status"] == 201')" = 2 ] ||
	fail "not two incident updates"
[ "$(count 'r["path"] == "/api/components/1" and r["body"] == {"status": 1}')" = 1 ] ||
	fail "the component is not operational once resolved"
[ "$(count 'r["auth"] != "ok" or r["headers"].get("Authorization") != "Bearer <match>"')" = 0 ] ||
	{ cat "$req"; fail "a request without Authorization: Bearer"; }
journal=$(ls "$fl"/timeline/api-errors-*.jsonl)
[ "$(grep -c '"kind":"statuspage.post"' "$journal")" = 3 ] || fail "not three statuspage.post records"
ok "resumed: update and resolve go to the same Cachet 3 incident, each once"

#!/bin/sh
# test_statuspage_cachet.sh — the status-page client (src/io/statuspage.c)
# against the fleet's fake Cachet 2.x and Cachet 3.x pages: create →
# update → resolve with each one's auth header (X-Cachet-Token; Bearer)
# and no token in the journal, the component's status set with each post;
# a create queued before a crash is sent once and then found by the marker
# in its message, not posted again; the read at start pings (2.x); Cachet
# 3.x goes on with the same incident after restarts, and sends nothing
# read-only. Atlassian and the faults: test_statuspage.sh.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/statuspage_lib.sh"
flc=$tmp/fleet-cachet
flc3=$tmp/fleet-cachet3
fleets="$flc $flc3"

# ---- Cachet ----
"$fleet" up --hosts 1 --dir "$flc" --base-port auto --statuspage-kind cachet > "$tmp/upc.log" 2>&1 ||
	{ cat "$tmp/upc.log"; fail "fleet up --statuspage-kind cachet"; }
conf=$flc/warroom.conf
req=$flc/statuspage/requests.jsonl
token=$(cat "$flc/statuspage.token")
mark
run "$tmp/ca.out" -i "cachet" create update resolve || { cat "$tmp/ca.out"; fail "cachet create/update/resolve"; }
grep -q '^done .* create ok page=1 status=investigating ' "$tmp/ca.out" || { cat "$tmp/ca.out"; fail "cachet create"; }
grep -q '^done .* resolve ok page=1 status=resolved ' "$tmp/ca.out" || fail "cachet resolve"
[ "$(count 'r["method"] == "POST" and r["path"] == "/api/v1/incidents" and r["status"] == 200')" = 1 ] ||
	fail "cachet: one incident"
[ "$(count 'r["method"] == "POST" and r["path"] == "/api/v1/incidents/1/updates" and r["status"] == 200')" = 2 ] ||
	fail "cachet: two updates"
[ "$(count 'r["method"] == "PUT" and r["path"] == "/api/v1/components/1" and r["status"] == 200')" = 2 ] ||
	fail "cachet: component status set"
[ "$(count 'r["auth"] == "ok" and r["headers"].get("X-Cachet-Token") == "<match>" and "Authorization" not in r["headers"]')" = 5 ] ||
	fail "cachet: X-Cachet-Token header"
assert_not_contains "$(journal "$tmp/ca.out")" "$token"
# A create queued before a crash: found by the marker in its message.
run "$tmp/cb1.out" -i "cachet crash" -n create || fail "cachet queue only"
run "$tmp/cb2.out" -i "cachet crash" || { cat "$tmp/cb2.out"; fail "cachet replay"; }
run "$tmp/cb3.out" -i "cachet crash" -n create || fail "cachet second queue"
# Pretend the second create was sent: the journal keeps only its queue record.
run "$tmp/cb4.out" -i "cachet crash" || fail "cachet second replay"
grep -q '^done .* create ok page=2 .* found=1 ' "$tmp/cb4.out" || { cat "$tmp/cb4.out"; fail "cachet lookup by marker"; }
[ "$(count 'r["method"] == "POST" and r["path"] == "/api/v1/incidents"')" = 2 ] ||
	fail "cachet: a create was doubled"
mark
run "$tmp/ck.out" -i "cachet check" -k || { cat "$tmp/ck.out"; fail "cachet check"; }
[ "$(count 'r["method"] == "GET" and r["path"] == "/api/v1/ping" and r["status"] == 200')" = 1 ] ||
	{ cat "$req"; fail "cachet: the check is not its ping"; }
ok "cachet: create, update, resolve with X-Cachet-Token; a replayed create is found by its marker; the check pings"

"$fleet" down --dir "$flc" > /dev/null 2>&1 || true

# ---- Cachet 3 ----
"$fleet" up --hosts 1 --dir "$flc3" --base-port auto --statuspage-kind cachet3 > "$tmp/upc3.log" 2>&1 ||
	{ cat "$tmp/upc3.log"; fail "fleet up --statuspage-kind cachet3"; }
conf=$flc3/warroom.conf
req=$flc3/statuspage/requests.jsonl
token=$(cat "$flc3/statuspage.token")
api=$(sed -n 's/^url = //p' "$conf")/api
page() { curl -s -H "Authorization: Bearer $token" "$api/$1"; }
mark
run "$tmp/c3.out" -i "cachet3" create update resolve || { cat "$tmp/c3.out"; fail "cachet3 create/update/resolve"; }
# http= is the post's last request: the component's PUT after the 201 create.
grep -q '^done .* create ok page=1 status=investigating found=0 http=200$' "$tmp/c3.out" ||
	{ cat "$tmp/c3.out"; fail "cachet3 create"; }
grep -q '^done .* update ok page=1 status=identified ' "$tmp/c3.out" || { cat "$tmp/c3.out"; fail "cachet3 update"; }
grep -q '^done .* resolve ok page=1 status=resolved ' "$tmp/c3.out" || { cat "$tmp/c3.out"; fail "cachet3 resolve"; }
[ "$(count 'r["method"] == "POST" and r["path"] == "/api/incidents" and r["status"] == 201')" = 1 ] ||
	{ cat "$req"; fail "cachet3: one incident"; }
[ "$(count 'r["method"] == "POST" and r["path"] == "/api/incidents/1/updates" and r["status"] == 201')" = 2 ] ||
	fail "cachet3: two incident updates"
# The create sets its component with a PUT too (3.x's create takes none).
[ "$(count 'r["method"] == "PUT" and r["path"] == "/api/components/1" and r["status"] == 200')" = 3 ] ||
	fail "cachet3: component status set on create, update and resolve"
[ "$(count 'True')" = 6 ] || { cat "$req"; fail "cachet3: six requests, no more"; }
[ "$(count 'r["auth"] == "ok" and r["headers"].get("Authorization") == "Bearer <match>" and "X-Cachet-Token" not in r["headers"]')" = 6 ] ||
	fail "cachet3: Authorization: Bearer header"
[ "$(count 'r["path"] == "/api/incidents" and r["body"]["status"] == 1 and r["body"]["message"].endswith("\n\n<!-- warroom:'"$(basename "$(journal "$tmp/c3.out")" .jsonl)"' -->") and "components" not in r["body"]')" = 1 ] ||
	fail "cachet3: the create carries status 1 and our marker"
[ "$(page incidents/1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["attributes"]["status"]["value"])')" = 4 ] ||
	fail "cachet3: the page does not show the incident fixed"
[ "$(page components/1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["attributes"]["status"]["value"])')" = 1 ] ||
	fail "cachet3: the component is not operational again"
grep -q '"kind":"statuspage.queue".*"kind":"cachet3"' "$(journal "$tmp/c3.out")" || fail "cachet3: the queue record names its kind"
assert_not_contains "$(journal "$tmp/c3.out")" "$token"
assert_not_contains "$tmp/c3.out" "$token"
ok "cachet3: create, update, resolve with Authorization: Bearer; the page shows it fixed"

# Restarts: a create queued before a crash is sent once; queued again (as if
# sent but never acknowledged), the lookup finds it by its marker.
mark
run "$tmp/d1.out" -i "cachet3 crash" -n create || fail "cachet3 queue only"
[ "$(count 'True')" = 0 ] || fail "cachet3: -n sent something"
run "$tmp/d2.out" -i "cachet3 crash" || { cat "$tmp/d2.out"; fail "cachet3 replay"; }
grep -q '^done .* create ok page=2 status=investigating found=0 ' "$tmp/d2.out" || { cat "$tmp/d2.out"; fail "cachet3 replayed create"; }
run "$tmp/d3.out" -i "cachet3 crash" -n create || fail "cachet3 second queue"
run "$tmp/d4.out" -i "cachet3 crash" || { cat "$tmp/d4.out"; fail "cachet3 second replay"; }
grep -q '^done .* create ok page=2 status=investigating found=1 ' "$tmp/d4.out" || { cat "$tmp/d4.out"; fail "cachet3 lookup by marker"; }
[ "$(count 'r["method"] == "POST" and r["path"] == "/api/incidents"')" = 1 ] ||
	fail "cachet3: a create was doubled"
[ "$(count 'r["method"] == "GET" and r["path"] == "/api/incidents" and r["query"] == "per_page=100" and r["auth"] == "ok"')" = 2 ] ||
	{ cat "$req"; fail "cachet3: each replayed create looks first"; }
# The next run goes on with the same page incident, from the journal alone.
run "$tmp/d5.out" -i "cachet3 crash" update resolve || { cat "$tmp/d5.out"; fail "cachet3 update after restarts"; }
grep -q '^done .* resolve ok page=2 status=resolved ' "$tmp/d5.out" || { cat "$tmp/d5.out"; fail "cachet3 resolve after restarts"; }
[ "$(count 'r["method"] == "POST" and r["path"] == "/api/incidents/2/updates" and r["status"] == 201')" = 2 ] ||
	fail "cachet3: updates after restarts go to the same incident"
[ "$(count 'r["method"] == "POST" and r["path"] == "/api/incidents"')" = 1 ] ||
	fail "cachet3: a restart created the incident again"
[ "$(page 'incidents?per_page=100' | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]))')" = 2 ] ||
	fail "cachet3: the page holds more than the two incidents"
ok "cachet3: restarts send a queued create once, find it by its marker, and go on with it"

# Read-only: nothing reaches the page, the queued post waits.
run "$tmp/e1.out" -i "cachet3 read only" -n create || fail "cachet3 queue only"
mark
run "$tmp/e2.out" -i "cachet3 read only" -r && fail "cachet3: read-only reported success"
grep -q 'pending=1 error=read-only mode: 1 status page post not sent$' "$tmp/e2.out" ||
	{ cat "$tmp/e2.out"; fail "cachet3: read-only does not say why"; }
[ "$(count 'True')" = 0 ] || fail "cachet3: read-only sent something"
ok "cachet3: read-only sends nothing"

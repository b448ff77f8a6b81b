#!/bin/sh
# test_fleet_statuspage.sh — the fake status page: Atlassian v1, Cachet 2.x
# and Cachet 3.x subsets, auth (401, each API only its own header), the
# request record, and the 500 / hang / redirect / ratelimit fault switch.
for c in "$(dirname "$0")" "${srcdir:-.}" "${srcdir:-.}/tests/fleet"; do [ -f "$c/common.sh" ] && break; done
. "$c/common.sh"

fleet up --dir "$D" --hosts 1 --base-port auto >/dev/null || fail "fleet up"
URL=$(sed -n '/^\[statuspage\]/,$s/^url = //p' "$D/warroom.conf")
TF=$(sed -n '/^\[statuspage\]/,$s/^token_file = //p' "$D/warroom.conf")
TOK=$(cat "$TF")
BASE=${URL%/v1/pages/*}
REC=$D/statuspage/requests.jsonl
check "token file is 0600" eq "$(stat -c %a "$TF")" 600
req() { _m=$1; _u=$2; shift 2; curl -s -X "$_m" -H 'Content-Type: application/json' -w '\n%{http_code}' "$@" "$_u"; }
status_of() { printf '%s\n' "$1" | tail -n 1; }
body_of() { printf '%s\n' "$1" | sed '$d'; }

# Atlassian: create, update, unresolved, resolve
r=$(req POST "$URL/incidents" -H "Authorization: OAuth $TOK" -d '{"incident":{"name":"api 5xx spike","status":"investigating","body":"Looking into it","impact_override":"major","components":{"cmpapi000001":"major_outage"},"metadata":{"warroom":{"incident":"inc-42"}}}}')
check "POST incident: 201" eq "$(status_of "$r")" 201
ID=$(body_of "$r" | py "d['id']")
check "incident object" eq "$(body_of "$r" | py "d['status'], d['impact'], d['metadata']['warroom']['incident'], d['components'][0]['status'], len(d['incident_updates'])")" \
	"('investigating', 'major', 'inc-42', 'major_outage', 1)"
r=$(req GET "$URL/incidents/unresolved" -H "Authorization: OAuth $TOK")
check "unresolved finds it by metadata" eq "$(body_of "$r" | py "[(i['id'], i['metadata']['warroom']['incident']) for i in d]")" "[[\"$ID\", \"inc-42\"]]"
r=$(req PATCH "$URL/incidents/$ID" -H "Authorization: OAuth $TOK" -d '{"incident":{"status":"resolved","body":"Rolled back","components":{"cmpapi000001":"operational"}}}')
check "PATCH: 200, resolved" eq "$(status_of "$r") $(body_of "$r" | py "d['status'], bool(d['resolved_at']), len(d['incident_updates'])")" \
	"200 ('resolved', True, 2)"
check "unresolved is empty after resolve" eq "$(req GET "$URL/incidents/unresolved" -H "Authorization: OAuth $TOK" | sed '$d')" "[]"
r=$(req PATCH "$URL/incidents/$ID" -H "Authorization: OAuth $TOK" -d '{"incident":{"status":"exploded"}}')
check "invalid status: 422" eq "$(status_of "$r")" 422

# auth
check "no auth: 401" eq "$(status_of "$(req POST "$URL/incidents" -d '{"incident":{"name":"x"}}')")" 401
check "wrong token: 401" eq "$(status_of "$(req POST "$URL/incidents" -H "Authorization: OAuth nope" -d '{"incident":{"name":"x"}}')")" 401
check "Cachet header on the Atlassian API: 401" eq "$(status_of "$(req GET "$URL/incidents" -H "X-Cachet-Token: nope")")" 401

# Cachet 2.x
C=$BASE/api/v1
r=$(req POST "$C/incidents" -H "X-Cachet-Token: $TOK" -d '{"name":"api down","message":"Investigating","status":1,"visible":1,"component_id":1,"component_status":4}')
check "Cachet POST incident" eq "$(status_of "$r") $(body_of "$r" | py "d['data']['id'], d['data']['human_status']")" "200 (1, 'Investigating')"
r=$(req POST "$C/incidents/1/updates" -H "X-Cachet-Token: $TOK" -d '{"status":3,"message":"Watching"}')
check "Cachet POST update" eq "$(status_of "$r") $(body_of "$r" | py "d['data']['incident_id'], d['data']['human_status']")" "200 (1, 'Watching')"
r=$(req PUT "$C/incidents/1" -H "X-Cachet-Token: $TOK" -d '{"status":4}')
check "Cachet PUT incident" eq "$(body_of "$r" | py "d['data']['status']")" 4
r=$(req PUT "$C/components/1" -H "X-Cachet-Token: $TOK" -d '{"status":1}')
check "Cachet PUT component" eq "$(body_of "$r" | py "d['data']['status'], d['data']['status_name']")" "(1, 'Operational')"
check "Cachet wrong token: 401" eq "$(status_of "$(req PUT "$C/components/1" -H "X-Cachet-Token: x" -d '{"status":2}')")" 401

# the record: one JSON line per request, the secret never in it
n=$(wc -l < "$REC")
check "every request recorded ($n)" eq "$n" 13
grep -q "$TOK" "$REC" && fail "the token appears in the request record"
check "record: auth header kept as scheme + match" eq "$(head -n 1 "$REC" | py "d['method'], d['path'], d['headers']['Authorization'], d['auth'], d['status'], d['body']['incident']['name']")" \
	"('POST', '/v1/pages/pg0fleet0001/incidents', 'OAuth <match>', 'ok', 201, 'api 5xx spike')"
check "record: a wrong token is a mismatch" contains "$(grep '"auth":"bad"' "$REC" | head -n 1)" '"Authorization":"OAuth <mismatch>"'

# Cachet 3.x: JSON:API resources, integer statuses, Bearer only, 422 on bad input
C3=$BASE/api
B="Authorization: Bearer $TOK"
r=$(req POST "$C3/incidents" -H "$B" -d '{"name":"api down","message":"Investigating\n\n<!-- warroom:inc-42 -->","status":1,"visible":1}')
check "Cachet 3 POST incident: 201, a resource" eq "$(status_of "$r") $(body_of "$r" | py "d['data']['id'], d['data']['type'], d['data']['attributes']['id'], d['data']['attributes']['status']['value']")" \
	"201 ('1', 'incidents', 1, 1)"
r=$(req POST "$C3/incidents/1/updates" -H "$B" -d '{"status":3,"message":"Watching"}')
check "Cachet 3 POST update: 201, names its incident" eq "$(status_of "$r") $(body_of "$r" | py "d['data']['type'], d['data']['attributes']['updateable_id'], d['data']['attributes']['status']['human']")" \
	"201 ('updates', 1, 'Watching')"
r=$(req PUT "$C3/incidents/1" -H "$B" -d '{"status":4}')
check "Cachet 3 PUT status: the latest update's status still shows" eq "$(status_of "$r") $(body_of "$r" | py "d['data']['attributes']['status']['value']")" "200 3"
req POST "$C3/incidents/1/updates" -H "$B" -d '{"status":4,"message":"Fixed"}' >/dev/null
r=$(req GET "$C3/incidents?per_page=100" -H "$B")
check "Cachet 3 list: newest first, marker kept, fixed by its update" eq "$(body_of "$r" | py "len(d['data']), d['data'][0]['attributes']['message'].endswith('<!-- warroom:inc-42 -->'), d['data'][0]['attributes']['status']['value'], d['meta']['per_page']")" \
	"(1, True, 4, 100)"
r=$(req PUT "$C3/components/1" -H "$B" -d '{"status":4}')
check "Cachet 3 PUT component" eq "$(status_of "$r") $(body_of "$r" | py "d['data']['type'], d['data']['attributes']['status']")" \
	"200 ('components', {'human': 'Major Outage', 'value': 4})"
r=$(req POST "$C3/incidents" -H "$B" -d '{"name":"x","message":"m","status":"investigating"}')
check "Cachet 3 status by name: 422" eq "$(status_of "$r") $(body_of "$r" | py "list(d['errors'])")" '422 ["status"]'
check "Cachet 3 without a message: 422" eq "$(status_of "$(req POST "$C3/incidents/1/updates" -H "$B" -d '{"status":2}')")" 422
check "Cachet 3 with X-Cachet-Token: 401" eq "$(status_of "$(req GET "$C3/incidents" -H "X-Cachet-Token: $TOK")")" 401
check "Cachet 3 with OAuth: 401" eq "$(status_of "$(req GET "$C3/incidents" -H "Authorization: OAuth $TOK")")" 401
check "Cachet 3 wrong bearer: 401" eq "$(status_of "$(req PUT "$C3/components/1" -H "Authorization: Bearer x" -d '{"status":2}')")" 401
check "Bearer on the Cachet 2 API: 401" eq "$(status_of "$(req GET "$C/incidents" -H "$B")")" 401
check "Cachet 3 ping needs no token" eq "$(status_of "$(req GET "$C3/ping")")" 200
check "record: Cachet 3 auth kept as Bearer + match" eq "$(grep '"path":"/api/components/1"' "$REC" | head -n 1 | py "d['headers']['Authorization'], d['auth']")" \
	"('Bearer <match>', 'ok')"
check "record: the right token in the wrong header is refused" eq "$(grep '"X-Cachet-Token":"<match>"' "$REC" | tail -n 1 | py "d['path'], d['auth'], d['status']")" \
	"('/api/incidents', 'bad', 401)"
grep -q "$TOK" "$REC" && fail "the token appears in the request record"

# faults
fleet fault --dir "$D" statuspage 500 >/dev/null
check "fault 500" eq "$(status_of "$(req GET "$URL/incidents" -H "Authorization: OAuth $TOK")")" 500
fleet fault --dir "$D" statuspage ratelimit >/dev/null
r=$(curl -s -D - -o /dev/null -H "Authorization: OAuth $TOK" "$URL/incidents")
check "fault ratelimit: 429 + Retry-After" contains "$r" "429"
contains "$r" "Retry-After: 1" >/dev/null || fail "no Retry-After"
fleet fault --dir "$D" statuspage redirect >/dev/null
r=$(curl -s -D - -o /dev/null -X POST -H "Authorization: OAuth $TOK" -d '{}' "$URL/incidents")
check "fault redirect: 307 to the trap port" contains "$r" "Location: http://127.0.0.1:$(fleet get --dir "$D" statuspage redirect_port)/v1/pages/"
curl -s -L -o /dev/null -X POST -H "Authorization: OAuth $TOK" -d '{"incident":{"name":"x"}}' "$URL/incidents"
check "the trap port records a follower (curl drops the header)" eq "$(tail -n 1 "$REC" | py "d['trap'], d['auth']")" "(True, 'missing')"
fleet fault --dir "$D" statuspage hang >/dev/null
t0=$(date +%s)
r=$(curl -s -m 2 -o /dev/null -w '%{http_code}' -H "Authorization: OAuth $TOK" "$URL/incidents")
check "fault hang: no answer within 2 s" eq "$r" "000"
fleet fault --dir "$D" statuspage clear >/dev/null
check "clear: answers again" eq "$(status_of "$(req GET "$URL/incidents" -H "Authorization: OAuth $TOK")")" 200
check "faulted requests are recorded with the fault" eq "$(grep -c '"fault":"500"' "$REC")" 1
exit 0

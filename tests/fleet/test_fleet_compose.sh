#!/bin/sh
# test_fleet_compose.sh — the docker shim on the demo's api-1 compose host:
# ps (both JSON shapes, empty project), pull, up -d with IMAGE_TAG /
# --env-file / -f, logs (--since, --tail, -f), run alembic downgrade,
# docker ps, EXPORT_MODE=off, and the commands.log line of each.
# The shims are checked, not connections: one connection per host.
FSSH_MUX=1
for c in "$(dirname "$0")" "${srcdir:-.}" "${srcdir:-.}/tests/fleet"; do [ -f "$c/common.sh" ] && break; done
. "$c/common.sh"

fleet up --dir "$D" --demo --base-port auto >/dev/null || fail "fleet up --demo"
APP=$D/hosts/api-1/app
U=$(url api-1)
LOG=$D/hosts/api-1/commands.log
cd_app="cd $APP &&"

# ps --format json, one object per line (Compose >= v2.21, the default)
r=$(fssh api-1 "$cd_app docker compose ps --format json") || fail "compose ps"
check "ps json: two lines, one per container" eq "$(printf '%s\n' "$r" | wc -l)" 2
first=$(printf '%s\n' "$r" | head -n 1)
for field in Command CreatedAt ExitCode Health ID Image Labels LocalVolumes Mounts Name Names Networks Ports Project Publishers RunningFor Service Size State Status; do
	printf %s "$first" | py "d['$field']" >/dev/null || fail "ps json lacks $field: $first"
done
ok "ps json (lines) has every docker compose ps field"
check "api runs the bad tag" eq "$(printf %s "$first" | py "d['Image'], d['Service'], d['State'], d['Health']")" \
	"('registry.local/acme/api:v1.5.0-bad', 'api', 'running', 'healthy')"
check "commands.log end line for ps" eq "$(last_cmd api-1 | py "d['event'], d['cmd'], d['exit'], d['mutating'], d['host']")" \
	"('end', 'docker compose ps --format json', 0, False, 'api-1')"

# the JSON array shape (Compose < v2.21), selected per host
fleet set --dir "$D" api-1 ps_shape=array >/dev/null
r=$(fssh api-1 "$cd_app docker compose ps --format json")
check "ps json (array): one line, a list of 2" eq "$(printf %s "$r" | py "type(d).__name__, len(d), sorted(d[0])")" \
	"('list', 2, ['Command', 'Created', 'ExitCode', 'Health', 'ID', 'Image', 'Name', 'Project', 'Publishers', 'Service', 'State', 'Status'])"
check "compose version follows the shape" contains "$(fssh api-1 "$cd_app docker compose version")" "v2.20"
fleet set --dir "$D" api-1 ps_shape=lines >/dev/null

# zero containers: empty output (another project, never started)
r=$(fssh api-1 "cp $APP/docker-compose.yml $T/docker-compose.yml && docker compose -f $T/docker-compose.yml --env-file $APP/.env ps --format json; echo rc=\$?")
check "ps of a project with no containers prints nothing" eq "$r" "rc=0"
r=$(fssh api-1 'cd / && docker compose ps 2>&1; echo rc=$?')
check "no compose file: compose's error" contains "$r" "no configuration file provided: not found
rc=1"

# pull + up -d with IMAGE_TAG from the environment (the rollback of runbook 004)
r=$(fssh api-1 "$cd_app IMAGE_TAG=v1.4.1 docker compose --env-file .env -f docker-compose.yml pull 2>&1 &&
	IMAGE_TAG=v1.4.1 docker compose --env-file .env -f docker-compose.yml up -d api jobs 2>&1") || fail "pull/up: $r"
check "up -d reports recreated containers" contains "$r" "Container app-api-1  Recreated"
check "commands.log: up is mutating, with IMAGE_TAG" eq "$(last_cmd api-1 | py "d['argv'][-4:], d['env'], d['mutating'], d['exit']")" \
	"(['up', '-d', 'api', 'jobs'], {'IMAGE_TAG': 'v1.4.1'}, True, 0)"
r=$(fssh api-1 "$cd_app docker compose ps --format json" | pyl "d['Image']")
check "both services now on v1.4.1" eq "$r" "registry.local/acme/api:v1.4.1
registry.local/acme/jobs:v1.4.1"
check "/version follows the deployed tag" eq "$(curl -s "$U/version" | py "d['version']")" "v1.4.1"
check "releases.log still lists the previous good tag" contains "$(cat "$APP/releases.log")" "deploy IMAGE_TAG=v1.4.1 services=api,jobs result=ok"

# up -d without a change leaves the container running; --env-file is honoured
r=$(fssh api-1 "sed 's/^IMAGE_TAG=.*/IMAGE_TAG=v1.4.1/' $APP/.env > $T/alt.env; cd $APP && docker compose --env-file $T/alt.env up -d api 2>&1")
check "up -d with nothing to change: Running" contains "$r" "Container app-api-1  Running"

# migrations: db is ahead of v1.4.1 until alembic downgrade -1
check "readyz: migrations not current after the rollback" eq "$(curl -s "$U/readyz" | py "d['ready'], d['migrations_current']")" "(True, False)"
check "readyz: the revisions say the schema is ahead" eq "$(curl -s "$U/readyz" | py "d['migrations']['database'], d['migrations']['expected']")" "('0042', '0041')"
r=$(fssh api-1 "$cd_app docker compose --env-file .env -f docker-compose.yml run --rm api alembic downgrade -1 2>&1") || fail "downgrade: $r"
check "alembic downgrade output" contains "$r" "Running downgrade 0042 -> 0041"
check "readyz: migrations current after the downgrade" eq "$(curl -s "$U/readyz" | py "d['migrations_current']")" "True"
check "state records the downgrade" eq "$(py "d['migrations']['log'][-1]['op'], d['migrations']['log'][-1]['from'], d['migrations']['log'][-1]['to']" < "$D/hosts/api-1/state.json")" \
	"('downgrade', 42, 41)"
check "commands.log: run is mutating" eq "$(last_cmd api-1 | py "d['cmd'], d['mutating']")" \
	"('docker compose --env-file .env -f docker-compose.yml run --rm api alembic downgrade -1', True)"

# EXPORT_MODE=off in .env takes effect only after up -d api
check "/export answers 200 with EXPORT_MODE=on" eq "$(curl -s -o /dev/null -w '%{http_code}' "$U/export")" 200
fssh api-1 "$cd_app sed -i 's/^EXPORT_MODE=.*/EXPORT_MODE=off/' .env" || fail "edit .env"
check "/export still 200 before the redeploy" eq "$(curl -s -o /dev/null -w '%{http_code}' "$U/export")" 200
fssh api-1 "$cd_app docker compose --env-file .env -f docker-compose.yml up -d api 2>/dev/null" || fail "redeploy"
check "/export answers 404 after EXPORT_MODE=off + up -d api" eq "$(curl -s -o /dev/null -w '%{http_code}' "$U/export")" 404
check "the tag came from .env (IMAGE_TAG there is the bad one)" eq "$(curl -s "$U/version" | py "d['version']")" "v1.5.0-bad"
# the newer release back over the downgraded database: the schema is behind
check "readyz: the revisions say the schema is behind" eq "$(curl -s "$U/readyz" | py "d['migrations_current'], d['migrations']['database'], d['migrations']['expected'], d['checks']['migrations']")" \
	"(False, '0041', '0042', 'database at 0041, api 0042')"

# a tag the registry does not have
r=$(fssh api-1 "$cd_app IMAGE_TAG=v9-nonexistent docker compose pull api 2>&1; echo rc=\$?")
check "pull of a missing tag fails like docker" contains "$r" "manifest unknown"

# docker ps --format '{{json .}}'
r=$(fssh api-1 "docker ps --format '{{json .}}'" | head -n 1)
check "docker ps json fields" eq "$(printf %s "$r" | py "sorted(d)")" \
	'["Command", "CreatedAt", "ID", "Image", "Labels", "LocalVolumes", "Mounts", "Names", "Networks", "Ports", "RunningFor", "Size", "State", "Status"]'
check "docker ps template" eq "$(fssh api-1 "docker ps --format '{{.Names}} {{.State}}'")" "app-api-1 running
app-jobs-1 running"

# logs: --tail, --since, prefixes, and -f following new lines
r=$(fssh api-1 "$cd_app docker compose logs --tail 2 api")
check "logs --tail 2 api: two prefixed lines" eq "$(printf '%s\n' "$r" | grep -c '^api-1 | 20..-..-..T..:..:..\....Z ')" 2
r=$(fssh api-1 "$cd_app docker compose logs --since 2030-01-01T00:00:00Z api")
check "logs --since in the future: nothing" eq "$r" ""
lines=$(fssh api-1 "$cd_app docker compose logs --no-log-prefix --since 10m api" | tail -n 50)
r=$(printf '%s\n' "$lines" | tail -n 1)
check "log line: ISO time, level, service, request fields" contains "$r" " api req="
# ERROR lines carry a reason and run longer: the mean is what is ~125.
len=$(printf '%s\n' "$lines" | awk '{ n++; t += length($0) } END { printf "%d", t / n }')
[ "$len" -ge 100 ] && [ "$len" -le 150 ] || fail "mean log line length $len not about 125: $r"
ok "log lines are about 125 bytes ($len)"
fleet set --dir "$D" api-1 log_rate=20 >/dev/null
r=$(fssh api-1 "$cd_app timeout 1.5 docker compose logs -f --since 0s api jobs; echo rc=\$?")
n=$(printf '%s\n' "$r" | grep -c '^api-1  | ')
[ "$n" -ge 10 ] || fail "logs -f delivered $n new lines in 1.5 s at 20 lines/s"
ok "logs -f follows new lines ($n in 1.5 s)"
check "logs -f killed by timeout: exit 124" contains "$r" "rc=124"
grep -q '"event":"start".*"cmd":"docker compose logs -f --since 0s api jobs"' "$LOG" || fail "no start line for logs -f"
grep -q '"event":"end".*"cmd":"docker compose logs -f --since 0s api jobs".*"exit":143' "$LOG" || fail "no end line (143) for logs -f"
ok "commands.log: logs -f has a start line and an end line with exit 143"

# docker inspect: restart counts, a crash loop, and a recreate starting at 0
FMT='{{.Id}} {{.RestartCount}} {{.State.StartedAt}} {{index .Config.Labels "com.docker.compose.service"}}'
r=$(fssh api-1 "$cd_app docker inspect --format '$FMT' \$(docker compose ps -a -q)") || fail "inspect: $r"
check "commands.log: inspect is logged, not mutating" eq "$(last_cmd api-1 | py "d['argv'][:3], d['mutating'], d['exit']")" \
	"(['docker', 'inspect', '--format'], False, 0)"
printf '%s\n' "$r" | grep -Eq '^[0-9a-f]{64} 0 20[0-9-]{8}T[0-9:]{8}(\.[0-9]*[1-9])?Z api$' || fail "inspect line: $r"
check "inspect: one line per container, api and jobs" eq "$(printf '%s\n' "$r" | awk '{ print $2, $4 }')" "0 api
0 jobs"
api_id=$(printf '%s\n' "$r" | awk '$4 == "api" { print $1 }')
check "inspect: ids are ps -q's, full" eq "$api_id" "$(fssh api-1 "$cd_app docker compose ps -q api")"
r=$(fssh api-1 "docker inspect $(printf %.12s "$api_id")" | py "d[0]['Name'], d[0]['RestartCount'], d[0]['State']['Running'], d[0]['Config']['Labels']['com.docker.compose.service']")
check "inspect without --format: a JSON array, short id found" eq "$r" "('/app-api-1', 0, True, 'api')"
r=$(fssh api-1 "docker inspect --format '{{.Name}} {{.State.Health}} {{index .Config.Labels \"nope\"}}' app-jobs-1")
check "inspect by name; missing keys print <no value>" eq "$r" "/app-jobs-1 <no value> <no value>"
r=$(fssh api-1 "docker inspect --format '{{.RestartCount}}' $api_id 0123456789ab 2>&1; echo rc=\$?")
check "inspect of a missing object: the others printed, error, exit 1" eq "$r" "0
Error: No such object: 0123456789ab
rc=1"
r=$(fssh api-1 "docker inspect 2>&1; echo rc=\$?")
check "inspect without arguments fails" contains "$r" "rc=1"

before=$(fssh api-1 "docker inspect --format '{{.State.StartedAt}}' $api_id")
r=$("$FLEET" crash --dir "$D" api-1 api 4) || fail "fleet crash: $r"
check "fleet crash says what it did" contains "$r" "api crashed and restarted 4 times (RestartCount 4)"
r=$(fssh api-1 "docker inspect --format '{{.Id}} {{.RestartCount}} {{.State.StartedAt}}' $api_id")
check "crash: same container, RestartCount 4" eq "$(printf %s "$r" | awk '{ print $1, $2 }')" "$api_id 4"
[ "$(printf %s "$r" | awk '{ print $3 }')" != "$before" ] || fail "StartedAt did not move: $r"
ok "crash: StartedAt moved to the last restart"
check "crash: the service logged its panics" eq "$(grep -c 'ERROR api panic: ' "$D/hosts/api-1/logs/api.log")" 4
check "crash: and its restarts" eq "$(grep -c 'INFO  api starting tag=v1.5.0-bad restart_count=[1-4]$' "$D/hosts/api-1/logs/api.log")" 4
check "crash: ps still shows it running" eq "$(fssh api-1 "$cd_app docker compose ps --format json api" | py "d['State']")" "running"
r=$("$FLEET" crash --dir "$D" k8s-bastion api 1 2>&1; echo rc=$?)
check "crash refuses a k8s host" contains "$r" "k8s-bastion is a k8s host: crash is for compose containers
rc=1"
fssh api-1 "$cd_app docker compose up -d --force-recreate api 2>/dev/null" || fail "recreate"
r=$(fssh api-1 "$cd_app docker inspect --format '{{.Id}} {{.RestartCount}}' \$(docker compose ps -q api)")
[ "${r%% *}" != "$api_id" ] || fail "up -d --force-recreate kept the id: $r"
check "a recreated container starts at RestartCount 0" eq "${r#* }" "0"

# every invocation logged once at its end
ends=$(grep -c '"event":"end"' "$LOG")
[ "$ends" -ge 18 ] || fail "only $ends end lines in commands.log"
python3 -c "
import json, sys
for line in open('$LOG'):
    d = json.loads(line)
    assert set(d) >= {'ts', 'host', 'event', 'pid', 'cmd', 'argv', 'cwd', 'env', 'mutating'}, d
    assert d['event'] in ('start', 'end') and (d['event'] == 'start' or 'exit' in d), d
" || fail "a malformed commands.log line"
ok "commands.log: $ends end lines, every line valid JSON with the documented fields"
exit 0

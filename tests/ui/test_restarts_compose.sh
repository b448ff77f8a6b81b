#!/bin/sh
# test_restarts_compose.sh — the restarts rule on a Compose host: the
# fleet's h1 api container crash-loops (fleet crash: RestartCount up, same
# container), HOSTS shows the count in its RST column, and METRICS turns to
# ROLLBACK IMMEDIATELY with "api: 4+ restarts in 5m ≥ 3" (at least:
# watched less than the window; api named, restarts being per service);
# jobs' row, at 0, says the verdict is api's ("ROLLBACK IMMEDIATELY
# (api)"), and r on it says in bold that the verdict comes from api's
# restarts and jobs has 0, while r on api says nothing of it; the console's own
# rollback recreates the container (new id, RestartCount 0) and the count
# and the verdict clear. Restart counts come from docker inspect in the
# same watch loop as compose ps: no command of their own. A poll that then
# fails (bad JSON) leaves the row's last values dim, with their age beside
# ERR, and the line under the table says why instead of the rollback's
# outcome; zoomed at 80x24, that line wraps rather than being cut.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nmetrics_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
log=$fl/hosts/h1/commands.log
# The host's verdict comes after the tag (blank before its first).
row() { printf '│[> ][ !]%s +%s +UP +v1\\.4\\.[01] +([A-Z][A-Za-z ()*]*[A-Z)*] +)?running[a-z ]* +[A-Z-]+ +([A-Z-]+|200 (ahead|behind|mig)!) +[v0-9.-]+ +((on|off|-) +)?%s ' "$1" "$2" "$3"; }

start 200 45 "$WARROOM -c $tmp/c.conf --incident crash-loop"
wait_re "$(row h1 api 0)" 15
wait_for "restarts in 5m: api 0, jobs 0" 10
# Watched for less than the window: the counts are lower bounds, and say so.
wait_re "restarts in 5m: api 0, jobs 0 \(at least: watched [0-9]+s so far\)" 2
wait_re "^│h1 +OK " 15
ok "a calm Compose host: restarts 0 in HOSTS and METRICS, verdict OK"

"$fleet" crash --dir "$fl" h1 api 4 > /dev/null || fail "fleet crash"
wait_re "$(row h1 api '4\+')" 10
wait_re "$(row h1 jobs 0)" 2
wait_for "restarts in 5m: api 4, jobs 0" 5
wait_re "^│h1 +ROLLBACK IMMEDIATELY" 10
wait_re "^│  api: 4\\+ restarts in 5m ≥ 3 " 2
wait_re "│  h1 +jobs +UP +v1\\.4\\.[01] +ROLLBACK IMMEDIATELY \\(api\\) " 2
ok "a crash loop: 4+ in the RST column, ROLLBACK IMMEDIATELY with 'api: 4+ restarts in 5m ≥ 3', jobs' row says api's"

# The counts rode on the watch: one long-running command, never a
# docker inspect of its own.
grep -q '"argv":\["docker","inspect","--format","{{.Id}} {{.RestartCount}} {{.State.StartedAt}} {{index .Config.Labels \\"com.docker.compose.service\\"}}"' "$log" ||
	fail "no docker inspect with the restarts template in commands.log"
[ "$(grep -c '"cmd":"docker compose ps -a -q"' "$log")" -ge 2 ] || fail "ps -q did not run each round"
ok "docker inspect asked for each container's count, as logged by the fleet"

keys A; keys -l arm; keys Enter
keys Down
keys r
wait_for "type jobs and press Enter" 15
wait_for "the verdict comes from api's restarts; jobs has 0"
esc=$(printf '\033')
tmx capture-pane -e -p -t t | grep -qE "$esc\[(0;)?1m($esc\[[0-9;]*m)*the verdict comes from api" ||
	fail "the other service's cause is not bold"
keys Escape
wait_gone "type jobs and press Enter" 5
keys Up
keys r
wait_for "CONFIRM ROLLBACK" 15
wait_for "type api and press Enter"
assert_not_contains "$tmp/screen" "the verdict comes from"
ok "r on jobs says in bold the verdict comes from api's restarts; on api it does not"
keys -l api; keys Enter
wait_for "rollback of api on h1 (docker compose up -d): OK" 40
wait_re "$(row h1 api 0)" 10
wait_for "restarts in 5m: api 0, jobs 0" 5
wait_re "^│h1 +OK " 15
ok "the rollback's new container starts at 0: the count and the verdict clear"

"$fleet" fault --dir "$fl" h1 bad-json > /dev/null
"$fleet" set-tag --dir "$fl" h1 api v1.6.0-bad > /dev/null
wait_for "h1/api: compose ps: line 1: not JSON" 10
assert_not_contains "$tmp/screen" "h1/api: rollback"
wait_re "│>[ !]h1 +api +UP +v1\.4\.[01] .* [0-9]+s ERR" 5
tmx capture-pane -e -p -t t > "$tmp/attrs"
esc=$(printf '\033')
grep "h1 .*api" "$tmp/attrs" | grep -qE "$esc\[([0-9;]*;)?2(;[0-9;]*)?mv1\.4\.[01]" ||
	{ grep "h1 .*api" "$tmp/attrs" | cat -v; fail "the tag a failing poll read last is not dim"; }
ok "a failing poll: the last tag dim, its age beside ERR, the reason under the table"
resize 80 24
keys z
wait_for "(zoomed: z shows every pane)"
# The rollback's outcome, wrapped above the footer, goes a few seconds
# after the key.
wrapped() { grep -A1 -F "h1/api: compose ps:" "$tmp/screen" | tail -n 1 | grep -qE '^│  [^ ]'; }
i=0
until capture && wrapped; do
	sleep 0.1; i=$((i + 1))
	[ $i -lt 150 ] || { cat "$tmp/screen"; fail "zoomed, the line under the table is cut"; }
done
keys z
resize 200 45
ok "zoomed at 80x24 the line under the table wraps"

quit_console
journal=$(ls "$fl"/timeline/crash-loop-*.jsonl) || fail "no journal"
grep -q '"kind":"verdict.change".*4+ restarts in 5m' "$journal" || fail "no verdict.change with the restarts reason"
ok "the verdict.change record carries the restarts reason"
